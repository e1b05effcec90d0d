import type { BackoffSettings, RetryBounds } from '../http';
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
 * Bounded by `maxAttempts` and `maxTotalWaitMs` (time spent in retry waits). The backoff and the
 * 429 delays are the shared ones of `nodes/core/http/backoff.ts`; a 429 without X-Rate-Limit-*
 * or X-Retry-After headers is BigCommerce's "platform under high load" answer.
 *
 * Defaults: 5 attempts, 120 s of waits in all, backoff from 1 s (2 s for a 429 without rate-limit
 * headers) up to 30 s, one BigCommerce window.
 */
export type RetrySettings = RetryBounds & BackoffSettings;

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
