import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { BigCommerceTrigger } from '../../../../../nodes/BigCommerce/BigCommerceTrigger.node';

/**
 * Serves the trigger's webhook() on 127.0.0.1 the way n8n's webhook server does for one active
 * workflow: JSON bodies parsed, the node answering itself or n8n starting an execution and then
 * answering 200 (recorded in `executions`). `down` makes it answer 503, like an n8n that is not running.
 */
export interface TriggerServer {
	url: string;
	executions: IDataObject[][];
	answers: number[];
	down: boolean;
	close(): Promise<void>;
}

export async function startTriggerServer(staticData: IDataObject, parameters: IDataObject): Promise<TriggerServer> {
	const trigger = new BigCommerceTrigger();
	const state: TriggerServer = { url: '', executions: [], answers: [], down: false, close: async () => undefined };
	const server: Server = createServer((req, res) => void handle(req, res));

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks);
		const answer = (status: number, body: unknown) => {
			state.answers.push(status);
			res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
		};
		if (state.down) return answer(503, { message: 'n8n is not running' });
		let body: IDataObject = {};
		if (String(req.headers['content-type']).includes('json')) body = JSON.parse(raw.toString('utf8')) as IDataObject;
		const response = {
			status(code: number) {
				res.statusCode = code;
				return response;
			},
			json(data: unknown) {
				answer(res.statusCode, data);
				return response;
			},
			once(event: 'close', listener: () => void) {
				res.once(event, listener);
				return response;
			},
		};
		const context = {
			getNode: () => ({ id: 'trigger', name: 'BigCommerce Trigger', type: 'bigCommerceTrigger', typeVersion: 1, position: [0, 0], parameters }),
			getWorkflow: () => ({ id: 'wf-sandbox', name: 'Sandbox', active: true }),
			getWorkflowStaticData: () => staticData,
			getHeaderData: () => req.headers,
			getBodyData: () => body,
			getRequestObject: () => ({ rawBody: raw }),
			getResponseObject: () => response,
			getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		};
		const result = await trigger.webhook.call(context as unknown as IWebhookFunctions);
		if (result.workflowData) state.executions.push(result.workflowData[0].map((item) => item.json));
		// n8n answers an accepted delivery once the execution is stored, with the node's webhookResponse.
		if (!result.noWebhookResponse) answer(200, result.webhookResponse ?? { message: 'Workflow was started' });
	}

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/wf-sandbox/webhook`;
	state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return state;
}
