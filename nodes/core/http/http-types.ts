/**
 * The one thing an API transport needs from its host: a function that sends an HTTP request and
 * gives back the status, headers and parsed body. n8n nodes back it with
 * `httpRequestWithAuthentication` (which adds the credential's key or token), so the domain core
 * never sees a secret. Shared by every transport in `nodes/core/`.
 */

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ResponseHeaders = Record<string, string | string[] | undefined>;

export interface HttpRequest {
	method: HttpMethod;
	/** Absolute URL, query string included. */
	url: string;
	/** JSON body for POST/PUT/PATCH. */
	body?: unknown;
	headers?: Record<string, string>;
	/** Give up on this attempt after this many milliseconds (the transport decides about retrying). */
	timeoutMs?: number;
}

export interface HttpResponse {
	statusCode: number;
	headers: ResponseHeaders;
	/** Parsed JSON, raw text when the body is not JSON, or undefined/'' when empty. */
	body: unknown;
}

/**
 * Sends one request. Must resolve for every HTTP status (4xx and 5xx included) and reject only
 * when no status was received: network failure, DNS failure, timeout.
 */
export type RequestFunction = (request: HttpRequest) => Promise<HttpResponse>;
