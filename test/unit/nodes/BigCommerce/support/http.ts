import type { IHttpRequestOptions } from 'n8n-workflow';

/** What n8n's httpRequestWithAuthentication returns with returnFullResponse. */
export interface FullResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
}

export interface RecordedCall {
	method: string;
	/** Path and query after /stores/{hash}, e.g. `/v3/customers?id:in=1`. */
	path: string;
	body: unknown;
	headers: Record<string, string>;
}

export type RequestHandler = (options: IHttpRequestOptions) => Promise<FullResponse>;

/** Path after the store prefix, query included, decoded the way BigCommerce would read it. */
export function storePath(url: string): string {
	const parsed = new URL(url);
	return decodeURIComponent(parsed.pathname.replace(/^\/stores\/[^/]+/, '') + parsed.search);
}

/**
 * Stands in for `httpRequestWithAuthentication('bigCommerceApi', …)` against a real server (the
 * sandbox emulator): adds the credential's header, never throws for an HTTP status.
 */
export function fetchHandler(accessToken: string): RequestHandler {
	return async (options) => {
		const headers: Record<string, string> = { ...(options.headers as Record<string, string>), 'X-Auth-Token': accessToken };
		if (options.body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(options.url, {
			method: options.method ?? 'GET',
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
		});
		const text = await response.text();
		let body: unknown = text;
		try {
			body = text ? JSON.parse(text) : '';
		} catch {
			// keep the text
		}
		return { statusCode: response.status, headers: Object.fromEntries(response.headers.entries()), body };
	};
}

/** Wraps a handler and records every call it sees. */
export function recording(handler: RequestHandler): { handler: RequestHandler; calls: RecordedCall[] } {
	const calls: RecordedCall[] = [];
	return {
		calls,
		handler: async (options) => {
			calls.push({ method: options.method ?? 'GET', path: storePath(options.url), body: options.body, headers: (options.headers ?? {}) as Record<string, string> });
			return handler(options);
		},
	};
}

/** A JSON answer as BigCommerce gives it (with a comfortable rate-limit window). */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): FullResponse {
	return {
		statusCode,
		headers: { 'content-type': 'application/json', 'x-rate-limit-requests-quota': '150', 'x-rate-limit-requests-left': '149', 'x-rate-limit-time-window-ms': '30000', 'x-rate-limit-time-reset-ms': '29000', ...headers },
		body,
	};
}

/** An error as Node's HTTP stack throws it when no answer came. */
export function networkError(code: string, message = `connect ${code} 127.0.0.1:1`): Error {
	return Object.assign(new Error(message), { code });
}
