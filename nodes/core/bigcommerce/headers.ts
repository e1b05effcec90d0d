import type { ResponseHeaders } from './http-types';

/** Header lookup ignoring case: BigCommerce's header names are case-insensitive (since 2022). */
export function readHeader(headers: ResponseHeaders, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted || value === undefined) continue;
		return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

function readNumber(headers: ResponseHeaders, name: string): number | undefined {
	const raw = readHeader(headers, name);
	if (raw === undefined || raw.trim() === '') return undefined;
	const value = Number(raw);
	return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The store's quota as BigCommerce reports it on every response (docs: api-rate-limits). */
export interface RateLimitHeaders {
	windowMs?: number;
	/** Milliseconds until the quota refreshes. */
	resetMs?: number;
	quota?: number;
	left?: number;
	/** From `X-Retry-After` (seconds, per BigCommerce's response-header reference), in ms. */
	retryAfterMs?: number;
}

export function readRateLimitHeaders(headers: ResponseHeaders, nowMs: number): RateLimitHeaders {
	return {
		windowMs: readNumber(headers, 'X-Rate-Limit-Time-Window-Ms'),
		resetMs: readNumber(headers, 'X-Rate-Limit-Time-Reset-Ms'),
		quota: readNumber(headers, 'X-Rate-Limit-Requests-Quota'),
		left: readNumber(headers, 'X-Rate-Limit-Requests-Left'),
		retryAfterMs: readRetryAfterMs(headers, nowMs),
	};
}

/**
 * `X-Retry-After` is BigCommerce's header and counts seconds. The standard `Retry-After`
 * (seconds or an HTTP date, RFC 9110) is not documented by BigCommerce but is honoured if a proxy
 * in between adds it.
 */
function readRetryAfterMs(headers: ResponseHeaders, nowMs: number): number | undefined {
	const bigCommerce = readNumber(headers, 'X-Retry-After');
	if (bigCommerce !== undefined) return bigCommerce * 1000;
	const standard = readHeader(headers, 'Retry-After');
	if (standard === undefined || standard.trim() === '') return undefined;
	const seconds = Number(standard);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(standard);
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
