import type { RateLimitHeaders } from './headers';
import type { HttpMethod } from './http-types';

/**
 * When a failed call is sent again, and how long to wait first.
 *
 * | outcome                       | GET/HEAD (or idempotent: true)  | POST/PUT/DELETE          |
 * |-------------------------------|---------------------------------|--------------------------|
 * | 429 with Reset-Ms/X-Retry-After | wait the longer of the two, retry | same (not processed)  |
 * | 429 without those headers     | exponential backoff, retry      | same                     |
 * | 5xx (not 501), timeout, reset | exponential backoff, retry      | never: may have been applied |
 * | other 4xx, unknown host       | never                           | never                    |
 *
 * Bounded by `maxAttempts` and `maxTotalWaitMs` (time spent in retry waits).
 */
export interface RetrySettings {
	/** Attempts in all, the first one included (default 5). */
	maxAttempts: number;
	/** Longest total time spent waiting between attempts (default 120 s). */
	maxTotalWaitMs: number;
	/** First backoff for 5xx and timeouts (default 1 s); doubles each time. */
	backoffBaseMs: number;
	/** First backoff for a 429 without rate-limit headers (default 2 s): the platform is under load. */
	rateLimitBackoffBaseMs: number;
	/** Longest single backoff (default 30 s, one BigCommerce window). */
	backoffMaxMs: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
	maxAttempts: 5,
	maxTotalWaitMs: 120_000,
	backoffBaseMs: 1_000,
	rateLimitBackoffBaseMs: 2_000,
	backoffMaxMs: 30_000,
};

export function isIdempotentMethod(method: HttpMethod): boolean {
	return method === 'GET' || method === 'HEAD';
}

/** Server errors worth another try; 501 Not Implemented will not change by waiting. */
export function isRetryableServerStatus(status: number): boolean {
	return status >= 500 && status <= 599 && status !== 501;
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so waits always
 * grow while concurrent clients drift apart. `retry` counts from 1.
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number, random: () => number): number {
	const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
	return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * The wait a 429 asks for: the longer of X-Rate-Limit-Time-Reset-Ms and X-Retry-After, or
 * undefined when it carries neither (BigCommerce's "platform under high load" 429).
 */
export function rateLimitWait(limits: RateLimitHeaders): number | undefined {
	const waits = [limits.resetMs, limits.retryAfterMs].filter((ms): ms is number => ms !== undefined);
	return waits.length ? Math.max(...waits) : undefined;
}

/**
 * Wait before retrying the `consecutive`-th 429 in a row. The first honours the headers exactly;
 * if 429s continue (other apps spend the quota too), the wait grows as BigCommerce's docs advise.
 */
export function rateLimitRetryDelay(limits: RateLimitHeaders, consecutive: number, settings: RetrySettings, random: () => number): number {
	const asked = rateLimitWait(limits);
	if (asked === undefined) return backoffDelay(consecutive, settings.rateLimitBackoffBaseMs, settings.backoffMaxMs, random);
	if (consecutive <= 1) return asked;
	return Math.max(asked, backoffDelay(consecutive - 1, settings.backoffBaseMs, settings.backoffMaxMs, random));
}
