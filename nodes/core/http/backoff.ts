import type { AttemptOutcome, RetryProgress } from './retry-loop';

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so waits always
 * grow while concurrent clients drift apart. `retry` counts from 1.
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number, random: () => number): number {
	const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
	return Math.round(step / 2 + (random() * step) / 2);
}

/** Server errors worth another try; 501 Not Implemented will not change by waiting. */
export function isRetryableServerStatus(status: number): boolean {
	return status >= 500 && status <= 599 && status !== 501;
}

/** What a 429 said about when to come back, in milliseconds: the API's own reset and/or a Retry-After. */
export interface RateLimitWaits {
	resetMs?: number;
	retryAfterMs?: number;
}

/** The backoff steps of a transport's retry settings. */
export interface BackoffSettings {
	/** First backoff for 5xx and timeouts; doubles each time. */
	backoffBaseMs: number;
	/** First backoff for a 429 that says nothing about when to come back. */
	rateLimitBackoffBaseMs: number;
	/** Longest single backoff. */
	backoffMaxMs: number;
}

/** The wait a 429 asks for: the longer of its reset and Retry-After, or undefined when it gives neither. */
export function rateLimitWait(limits: RateLimitWaits): number | undefined {
	const waits = [limits.resetMs, limits.retryAfterMs].filter((ms): ms is number => ms !== undefined);
	return waits.length ? Math.max(...waits) : undefined;
}

/**
 * Wait before retrying the `consecutive`-th 429 in a row. The first honours what the answer asked
 * for exactly; if 429s continue (other apps spend the same quota), the wait grows exponentially.
 */
export function rateLimitRetryDelay(limits: RateLimitWaits, consecutive: number, settings: BackoffSettings, random: () => number): number {
	const asked = rateLimitWait(limits);
	if (asked === undefined) return backoffDelay(consecutive, settings.rateLimitBackoffBaseMs, settings.backoffMaxMs, random);
	if (consecutive <= 1) return asked;
	return Math.max(asked, backoffDelay(consecutive - 1, settings.backoffBaseMs, settings.backoffMaxMs, random));
}

/** The errors a transport throws when it stops retrying 429s. */
export interface RateLimitGiveUp {
	/** The attempts, or the wait budget, ran out. */
	exhausted: (progress: RetryProgress) => Error;
	/** The answer asked for a longer wait than the budget had left. */
	waitTooLong: (askedMs: number, progress: RetryProgress) => Error;
}

/**
 * The retry of the `consecutive`-th 429 in a row, for `runWithRetries`: wait as
 * `rateLimitRetryDelay` says; past the bounds, say the wait was too long when the answer itself
 * asked for more than the budget had left, and that the rate limit persisted otherwise.
 */
export function rateLimitRetry(limits: RateLimitWaits, consecutive: number, settings: BackoffSettings, random: () => number, errors: RateLimitGiveUp): AttemptOutcome<never> {
	return {
		kind: 'retry',
		delayMs: rateLimitRetryDelay(limits, consecutive, settings, random),
		giveUp: (why, progress) => {
			const asked = rateLimitWait(limits);
			return why === 'wait_budget' && asked !== undefined && asked > progress.remainingWaitMs ? errors.waitTooLong(asked, progress) : errors.exhausted(progress);
		},
	};
}
