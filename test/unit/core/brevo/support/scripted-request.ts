import type { HttpRequest, HttpResponse, RequestFunction } from '../../../../../nodes/core/http';

/** One recorded answer: a response, or an error the request function throws (network failure). */
export type ScriptedStep = HttpResponse | { throws: Error };

export interface RecordedCall extends HttpRequest {
	/** Path and query after the Base URL, e.g. `/contacts/jane%40example.com?identifierType=email_id`. */
	pathAndQuery: string;
}

export const BASE_URL = 'https://api.brevo.com/v3';

/**
 * A request function that plays back answers in order and records what was asked, the way a
 * recorded-response fixture would. Fails the test if more requests are made than scripted.
 */
export function scriptedRequest(steps: ScriptedStep[]): RequestFunction & { calls: RecordedCall[]; left: () => number } {
	const queue = [...steps];
	const calls: RecordedCall[] = [];
	const fn = async (request: HttpRequest): Promise<HttpResponse> => {
		calls.push({ ...request, pathAndQuery: request.url.slice(BASE_URL.length) });
		const step = queue.shift();
		if (!step) throw new Error(`Unexpected extra request ${request.method} ${request.url}`);
		if ('throws' in step) throw step.throws;
		return step;
	};
	return Object.assign(fn, { calls, left: () => queue.length });
}

export function rateHeaders(remaining: number, resetSeconds: number | string, limit = 10): Record<string, string> {
	return { 'x-sib-ratelimit-limit': String(limit), 'x-sib-ratelimit-remaining': String(remaining), 'x-sib-ratelimit-reset': String(resetSeconds) };
}

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
	statusCode,
	headers: { 'content-type': 'application/json', ...headers },
	body,
});

export const noContent = (headers: Record<string, string> = {}): HttpResponse => ({ statusCode: 204, headers, body: '' });

/** Brevo's error body `{code, message}`. */
export const brevoError = (statusCode: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): HttpResponse =>
	json(statusCode, { code, message, ...extra }, headers);

export const tooMany = (headers: Record<string, string> = rateHeaders(0, 1)): HttpResponse =>
	brevoError(429, 'too_many_requests', 'The expected rate limit is exceeded.', {}, headers);

/** An error shaped like those Node and axios throw. */
export function networkError(code: string, message = code): Error {
	return Object.assign(new Error(message), { code });
}
