import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { BrevoEvent } from '../../../../../nodes/BrevoEvent/BrevoEvent.node';

/** A parameter value, or a function of the item index (what an expression would give per item). */
export type ParamValue = unknown | ((itemIndex: number) => unknown);

export interface FakeRun {
	/** Parameters as the editor would store them; missing ones take the node's defaults. */
	params: Record<string, ParamValue>;
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials: ICredentialDataDecryptedObject;
	/** What n8n's httpRequestWithAuthentication does: send with the api-key, full response, no throw on status. */
	http: (options: IHttpRequestOptions) => Promise<{ statusCode: number; headers: Record<string, string>; body: unknown }>;
}

const node = new BrevoEvent();

function visible(property: INodeProperties, params: Record<string, unknown>): boolean {
	const show = property.displayOptions?.show;
	if (!show) return true;
	return Object.entries(show).every(([key, allowed]) => (allowed as unknown[]).includes(params[key] ?? defaultOf(key, params)));
}

function defaultOf(name: string, params: Record<string, unknown>): unknown {
	const candidates = node.description.properties.filter((p) => p.name === name);
	const match = candidates.find((p) => visible(p, params)) ?? candidates[0];
	return match?.default;
}

/** Just enough of IExecuteFunctions for the node: parameters with defaults, items, credentials, HTTP. */
export function fakeContext(run: FakeRun): IExecuteFunctions & ILoadOptionsFunctions {
	const items: INodeExecutionData[] = (run.items ?? [{}]).map((json) => ({ json }));
	const nodeInfo: INode = { id: 'brevo-1', name: 'Brevo Event', type: 'n8n-nodes-tajo-bigcommerce.brevoEvent', typeVersion: 1, position: [0, 0], parameters: {} };
	const resolve = (name: string, itemIndex: number): unknown => {
		const value = run.params[name];
		return typeof value === 'function' ? (value as (i: number) => unknown)(itemIndex) : value;
	};
	const plain = (itemIndex: number): Record<string, unknown> => Object.fromEntries(Object.keys(run.params).map((k) => [k, resolve(k, itemIndex)]));
	const context = {
		getInputData: () => items,
		getNode: () => nodeInfo,
		continueOnFail: () => run.continueOnFail ?? false,
		getNodeParameter: (name: string, itemIndex = 0, fallback?: unknown) => {
			const value = resolve(name, itemIndex);
			if (value !== undefined) return value;
			const byDefault = defaultOf(name, plain(itemIndex));
			return byDefault !== undefined ? structuredClone(byDefault) : fallback;
		},
		getCurrentNodeParameter: (name: string) => resolve(name, 0),
		getCredentials: async () => run.credentials,
		helpers: {
			httpRequestWithAuthentication: async function (this: unknown, credential: string, options: IHttpRequestOptions) {
				if (credential !== 'brevoApi') throw new Error(`unexpected credential ${credential}`);
				return run.http(options);
			},
		},
	};
	return context as unknown as IExecuteFunctions & ILoadOptionsFunctions;
}

/** httpRequestWithAuthentication over fetch, as n8n runs it with json: true and returnFullResponse. */
export function fetchHttp(apiKey: string): FakeRun['http'] {
	return async (options) => {
		const response = await fetch(options.url, {
			method: options.method ?? 'GET',
			headers: { ...(options.headers as Record<string, string>), 'api-key': apiKey, ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
		});
		const headers: Record<string, string> = {};
		response.headers.forEach((value, name) => {
			headers[name] = value;
		});
		const text = await response.text();
		let body: unknown = text;
		try {
			body = text === '' ? '' : (JSON.parse(text) as unknown);
		} catch {
			// keep the text, as n8n does for non-JSON answers
		}
		return { statusCode: response.status, headers, body };
	};
}

export async function execute(run: FakeRun): Promise<IDataObject[]> {
	const output = await node.execute.call(fakeContext(run));
	return output[0].map((item) => ({ ...item.json, _item: (item.pairedItem as { item: number }).item }));
}

export { node };
