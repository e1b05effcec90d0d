import { readNumberHeader, readRetryAfterMs as readStandardRetryAfterMs, type RateLimitWaits, type ResponseHeaders } from '../http';

/** The store's quota as BigCommerce reports it on every response (docs: api-rate-limits). */
export interface RateLimitHeaders extends RateLimitWaits {
	windowMs?: number;
	/** Milliseconds until the quota refreshes. */
	resetMs?: number;
	quota?: number;
	left?: number;
	/** From `X-Retry-After` (seconds, per BigCommerce's response-header reference), in ms. */
	retryAfterMs?: number;
}

/** Header names are case-insensitive at BigCommerce (since 2022); `readNumberHeader` ignores case. */
export function readRateLimitHeaders(headers: ResponseHeaders, nowMs: number): RateLimitHeaders {
	return {
		windowMs: readNumberHeader(headers, 'X-Rate-Limit-Time-Window-Ms'),
		resetMs: readNumberHeader(headers, 'X-Rate-Limit-Time-Reset-Ms'),
		quota: readNumberHeader(headers, 'X-Rate-Limit-Requests-Quota'),
		left: readNumberHeader(headers, 'X-Rate-Limit-Requests-Left'),
		retryAfterMs: readRetryAfterMs(headers, nowMs),
	};
}

/**
 * `X-Retry-After` is BigCommerce's header and counts seconds. The standard `Retry-After`
 * (seconds or an HTTP date, RFC 9110) is not documented by BigCommerce but is honoured if a proxy
 * in between adds it.
 */
function readRetryAfterMs(headers: ResponseHeaders, nowMs: number): number | undefined {
	const bigCommerce = readNumberHeader(headers, 'X-Retry-After');
	return bigCommerce !== undefined ? bigCommerce * 1000 : readStandardRetryAfterMs(headers, nowMs);
}
