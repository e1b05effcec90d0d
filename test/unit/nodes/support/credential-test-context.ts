import type { ICredentialTestFunctions } from 'n8n-workflow';
import { freePorts } from '../../../harness/ports';

interface LegacyOptions {
	method?: string;
	uri: string;
	headers?: Record<string, string>;
	timeout?: number;
	simple?: boolean;
	resolveWithFullResponse?: boolean;
}

export type LegacyRequest = (options: LegacyOptions) => Promise<unknown>;

/**
 * n8n's legacy `helpers.request` as a credential test gets it, over fetch: with `simple: false`
 * and `resolveWithFullResponse` every HTTP status resolves to `{statusCode, headers, body}`; a
 * network failure rejects with the code on the error's cause (ECONNREFUSED…), as axios's does.
 */
export const fetchLegacyRequest: LegacyRequest = async (options) => {
	if (options.simple !== false || !options.resolveWithFullResponse) throw new Error('the credential test must ask for every status, in full');
	const response = await fetch(options.uri, {
		method: options.method ?? 'GET',
		headers: options.headers,
		signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		// keep the text, as the legacy helper does for a body that is not JSON
	}
	return { statusCode: response.status, headers: Object.fromEntries(response.headers.entries()), body };
};

export interface RecordingContext {
	context: ICredentialTestFunctions;
	requests: LegacyOptions[];
}

export function credentialTestContext(request: LegacyRequest = fetchLegacyRequest): RecordingContext {
	const requests: LegacyOptions[] = [];
	const context = {
		helpers: {
			request: async (options: LegacyOptions) => {
				requests.push(options);
				return request(options);
			},
		},
	};
	return { context: context as unknown as ICredentialTestFunctions, requests };
}

/** An answer of a given status, whatever was asked. */
export const answering =
	(statusCode: number, body: unknown = {}): LegacyRequest =>
	async () => ({ statusCode, headers: {}, body });

/** A network failure with this code, as axios reports it. */
export const failingWith =
	(code: string, message = code): LegacyRequest =>
	async () => {
		throw Object.assign(new Error(message), { code });
	};

/** A local address where nothing listens: a port that was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
	const [port] = await freePorts(1);
	return `http://127.0.0.1:${port}`;
}
