import type { HttpMethod, RetryBounds } from '../http';

/**
 * When a failed Brevo call is sent again, and how long to wait first.
 *
 * | outcome                          | repeatable call                       | other calls                 |
 * |----------------------------------|---------------------------------------|-----------------------------|
 * | 429 with x-sib-ratelimit-reset   | wait the reset, retry                 | same (a 429 is not processed) |
 * | 429 without it                   | exponential backoff, retry            | same                        |
 * | 5xx (not 501), timeout, reset    | exponential backoff, retry            | never: may have been applied |
 * | other 4xx, unknown host          | never                                 | never                       |
 *
 * Repeatable: reads, and writes whose repetition cannot duplicate anything — contact and product
 * upserts (they set absolute values), and transactional emails that carry an idempotency key
 * (Brevo processes a key once within 30 minutes). Events, orders, SMS and WhatsApp messages are
 * not: a second copy would be a second event, order update or message.
 *
 * Bounded by `maxAttempts` and `maxTotalWaitMs` (time spent in retry waits).
 */
export interface BrevoRetrySettings extends RetryBounds {
	/** First backoff for 5xx and timeouts (default 1 s); doubles each time. */
	backoffBaseMs: number;
	/** First backoff for a 429 that says nothing about its reset (default 1 s). */
	rateLimitBackoffBaseMs: number;
	/** Longest single backoff (default 16 s). */
	backoffMaxMs: number;
}

export const DEFAULT_RETRY_SETTINGS: BrevoRetrySettings = {
	maxAttempts: 6,
	maxTotalWaitMs: 60_000,
	backoffBaseMs: 1_000,
	rateLimitBackoffBaseMs: 1_000,
	backoffMaxMs: 16_000,
};

export function isReadMethod(method: HttpMethod): boolean {
	return method === 'GET' || method === 'HEAD';
}
