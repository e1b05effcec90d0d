import type { BigCommerceRequest, HttpRequest, HttpResponse } from '../../../../../nodes/core/bigcommerce';

/** One recorded answer: a response, or an error the request function throws (network failure). */
export type ScriptedStep = HttpResponse | { throws: Error };

export interface RecordedCall extends HttpRequest {
	/** Path and query after the store prefix, e.g. `/v3/customers?page=1&limit=250`. */
	pathAndQuery: string;
}

/**
 * A request function that plays back answers in order and records what was asked, the way a
 * recorded-response fixture would. Fails the test if more requests are made than scripted.
 */
export function scriptedRequest(steps: ScriptedStep[]): BigCommerceRequest & { calls: RecordedCall[] } {
	const queue = [...steps];
	const calls: RecordedCall[] = [];
	const fn = async (request: HttpRequest): Promise<HttpResponse> => {
		calls.push({ ...request, pathAndQuery: request.url.replace(/^https?:\/\/[^/]+\/stores\/[^/]+/, '') });
		const step = queue.shift();
		if (!step) throw new Error(`Unexpected extra request ${request.method} ${request.url}`);
		if ('throws' in step) throw step.throws;
		return step;
	};
	return Object.assign(fn, { calls });
}

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
	statusCode,
	headers: { 'content-type': 'application/json', ...headers },
	body,
});

export const noContent = (headers: Record<string, string> = {}): HttpResponse => ({ statusCode: 204, headers, body: '' });

export function rateLimitHeaders(left: number, resetMs: number, quota = 150, windowMs = 30_000): Record<string, string> {
	return {
		'x-rate-limit-time-window-ms': String(windowMs),
		'x-rate-limit-time-reset-ms': String(resetMs),
		'x-rate-limit-requests-quota': String(quota),
		'x-rate-limit-requests-left': String(left),
	};
}

/** An error shaped like those Node and axios throw. */
export function networkError(code: string, message = code): Error {
	return Object.assign(new Error(message), { code });
}
