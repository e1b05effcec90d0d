import { readNumberHeader, readRetryAfterMs, type ResponseHeaders } from '../http';
import type { HttpMethod } from '../http';

/**
 * Brevo's rate-limit headers, on every answer of a rate-limited endpoint (developers.brevo.com,
 * "Rate limit headers"): `x-sib-ratelimit-limit`, `-remaining`, and `-reset`, the time until the
 * window resets "in the granularity unit (typically seconds)". Brevo sends whole seconds; the
 * sandbox, when its clock runs faster, sends fractions. There is no Retry-After; one added by a
 * proxy is honoured.
 */
export interface BrevoRateLimit {
	limit?: number;
	remaining?: number;
	/** Milliseconds until the window resets. */
	resetMs?: number;
	/** From a standard Retry-After, if a proxy added one. */
	retryAfterMs?: number;
}

export function readBrevoRateLimit(headers: ResponseHeaders, nowMs: number): BrevoRateLimit {
	const reset = readNumberHeader(headers, 'x-sib-ratelimit-reset');
	return {
		limit: readNumberHeader(headers, 'x-sib-ratelimit-limit'),
		remaining: readNumberHeader(headers, 'x-sib-ratelimit-remaining'),
		resetMs: reset === undefined ? undefined : Math.round(reset * 1000),
		retryAfterMs: readRetryAfterMs(headers, nowMs),
	};
}

/**
 * Brevo counts requests per endpoint group (the "General rate limits" table of
 * developers.brevo.com/docs/api-limits: POST /smtp/email 1000/s, /transactionalSMS 150/s, /events
 * 10/s, /orders/status 5/s, /products 2/s, /contacts 10/s, everything else 100/h). Requests are
 * paced per group so that a slow group (products) does not hold back a fast one (email).
 */
export function rateLimitGroup(method: HttpMethod, path: string): string {
	const clean = path.split('?')[0].replace(/^\/v3(?=\/|$)/, '');
	if (clean === '/smtp/email' && method === 'POST') return 'smtp-email';
	const first = clean.split('/').filter(Boolean)[0] ?? '';
	return first === '' ? 'other' : first.toLowerCase();
}
