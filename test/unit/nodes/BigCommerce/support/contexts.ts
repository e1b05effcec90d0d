import { EventEmitter } from 'node:events';
import type { IDataObject, IExecuteFunctions, IHookFunctions, INode, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { BigCommerce } from '../../../../../nodes/BigCommerce/BigCommerce.node';
import { BigCommerceTrigger } from '../../../../../nodes/BigCommerce/BigCommerceTrigger.node';
import type { RequestHandler } from './http';
import { parameterReader } from './parameters';

export interface Credentials {
	storeHash: string;
	accessToken?: string;
	apiBaseUrl: string;
}

const actionNode = new BigCommerce();
const triggerNode = new BigCommerceTrigger();

function node(type: string, name: string, parameters: IDataObject): INode {
	return { id: `${name}-id`, name, type: `n8n-nodes-tajo-bigcommerce.${type}`, typeVersion: 1, position: [0, 0], parameters: parameters as INode['parameters'] };
}

export interface ExecuteSetup {
	credentials: Credentials;
	request: RequestHandler;
	/** One parameter set for all items, or one per item. */
	parameters: IDataObject | IDataObject[];
	items?: number;
	continueOnFail?: boolean;
}

/** Runs the BigCommerce node's execute() as n8n would, with parameters resolved against its description. */
export async function runNode(setup: ExecuteSetup): Promise<INodeExecutionData[]> {
	const perItem = Array.isArray(setup.parameters) ? setup.parameters : [setup.parameters];
	const count = setup.items ?? perItem.length;
	const self = node('bigCommerce', 'BigCommerce', perItem[0]);
	const context = {
		getInputData: (): INodeExecutionData[] => Array.from({ length: count }, (_, i) => ({ json: { i } })),
		getNode: () => self,
		continueOnFail: () => setup.continueOnFail ?? false,
		getCredentials: async () => setup.credentials,
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown): unknown {
			const values = perItem[Math.min(itemIndex, perItem.length - 1)];
			return parameterReader(actionNode.description.properties, values)(name, fallback);
		},
		helpers: {
			httpRequestWithAuthentication(this: unknown, credentialName: string, options: Parameters<RequestHandler>[0]) {
				if (credentialName !== 'bigCommerceApi') throw new Error(`unexpected credential ${credentialName}`);
				return setup.request(options);
			},
		},
	};
	const [out] = await actionNode.execute.call(context as unknown as IExecuteFunctions);
	return out;
}

export interface HookSetup {
	credentials: Credentials;
	request: RequestHandler;
	parameters: IDataObject;
	webhookUrl: string;
	/** The node's static data; kept by the caller to carry it from one call to the next. */
	staticData: IDataObject;
}

export function hookContext(setup: HookSetup): IHookFunctions {
	const self = node('bigCommerceTrigger', 'BigCommerce Trigger', setup.parameters);
	const context = {
		getNode: () => self,
		getNodeWebhookUrl: () => setup.webhookUrl,
		getWorkflowStaticData: () => setup.staticData,
		getCredentials: async () => setup.credentials,
		getNodeParameter(name: string, fallback?: unknown): unknown {
			return parameterReader(triggerNode.description.properties, setup.parameters)(name, fallback);
		},
		helpers: {
			httpRequestWithAuthentication(this: unknown, _credentialName: string, options: Parameters<RequestHandler>[0]) {
				return setup.request(options);
			},
		},
	};
	return context as unknown as IHookFunctions;
}

export const lifecycle = {
	checkExists: (context: IHookFunctions) => triggerNode.webhookMethods.default.checkExists.call(context),
	create: (context: IHookFunctions) => triggerNode.webhookMethods.default.create.call(context),
	delete: (context: IHookFunctions) => triggerNode.webhookMethods.default.delete.call(context),
};

/** The parts of Express's response the trigger uses, recording what was sent. */
/** Express's response as far as the trigger uses it; emits `close` when the answer has ended. */
export class FakeResponse extends EventEmitter {
	statusCode = 200;
	body: unknown;
	sent = false;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	json(body: unknown): this {
		this.body = body;
		this.sent = true;
		return this;
	}
}

export interface DeliverySetup {
	parameters?: IDataObject;
	staticData: IDataObject;
	headers?: Record<string, string>;
	body?: unknown;
	rawBody?: Buffer;
	workflowId?: string;
	/** The credential n8n would give the trigger (for a registration lost from static data). */
	credentials?: IDataObject;
	webhookUrl?: string;
	/** n8n fails to store the execution (database down): it answers 500 and runs nothing. */
	storeFails?: boolean;
}

export interface DeliveryResult {
	status: number;
	body: unknown;
	/** Items of the execution, or undefined when none was started. */
	items?: IDataObject[];
	/** n8n's response was left to the node. */
	noWebhookResponse?: boolean;
}

/** Calls the trigger's webhook() with a fake request; what n8n does with the result is up to the caller. */
export async function callWebhook(setup: DeliverySetup): Promise<{ result: IWebhookResponseData; response: FakeResponse }> {
	const parameters = setup.parameters ?? { events: ['store/order/statusUpdated'] };
	const self = node('bigCommerceTrigger', 'BigCommerce Trigger', parameters);
	const response = new FakeResponse();
	const context = {
		getNode: () => self,
		getWorkflow: () => ({ id: setup.workflowId ?? 'wf-1', name: 'Test', active: true }),
		getWorkflowStaticData: () => setup.staticData,
		getHeaderData: () => setup.headers ?? {},
		getBodyData: () => (setup.body ?? {}) as IDataObject,
		getRequestObject: () => ({ rawBody: setup.rawBody }),
		getResponseObject: () => response,
		getNodeWebhookUrl: () => setup.webhookUrl,
		getCredentials: async () => {
			if (!setup.credentials) throw new Error('Node does not have any credentials set');
			return setup.credentials;
		},
		getNodeParameter(name: string, fallback?: unknown): unknown {
			return parameterReader(triggerNode.description.properties, parameters)(name, fallback);
		},
	};
	return { result: await triggerNode.webhook.call(context as unknown as IWebhookFunctions), response };
}

/** Calls the trigger's webhook() with a fake request, the way n8n does for one delivery. */
export async function deliver(setup: DeliverySetup): Promise<DeliveryResult> {
	const { result, response } = await callWebhook(setup);
	let items = result.workflowData?.[0]?.map((item) => item.json);
	if (result.workflowData && !result.noWebhookResponse) {
		// n8n 2.41.1 ("onReceived"): stores the execution, then builds the answer from webhookResponse.
		if (setup.storeFails) {
			items = undefined;
			response.status(500).json({ message: 'Error in workflow' });
		} else {
			response.status(200).json(result.webhookResponse as unknown);
		}
	}
	response.emit('close');
	return { status: response.sent ? response.statusCode : 200, body: response.body, items, noWebhookResponse: result.noWebhookResponse };
}
