/**
 * A bounded retry loop, free of any API's policy: the caller's `attempt` function sends once and
 * says what to do next; the loop counts attempts and time spent waiting, sleeps, and stops at the
 * bounds. What is retried, and how long to wait, stays with each transport's retry policy.
 */

export interface RetryBounds {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** Longest total time spent waiting between attempts. */
	maxTotalWaitMs: number;
}

/** Where the loop stands; handed to `attempt` and to the give-up callback. */
export interface RetryProgress {
	/** Attempts made so far, the current one included. */
	attempts: number;
	/** Time spent in retry waits so far. */
	waitedMs: number;
	/** Since the first attempt started. */
	elapsedMs: number;
	/** Wait budget still available. */
	remainingWaitMs: number;
}

export type GiveUpReason = 'attempts' | 'wait_budget';

export type AttemptOutcome<T> =
	| { kind: 'done'; value: T }
	| { kind: 'fail'; error: Error }
	| {
			kind: 'retry';
			/** How long to wait before the next attempt. */
			delayMs: number;
			/** The error to throw when the bounds do not allow this retry. */
			giveUp: (reason: GiveUpReason, progress: RetryProgress) => Error;
	  };

export interface RetryLoopOptions extends RetryBounds {
	sleep: (ms: number) => Promise<void>;
	now: () => number;
}

export async function runWithRetries<T>(attempt: (progress: RetryProgress) => Promise<AttemptOutcome<T>>, options: RetryLoopOptions): Promise<T> {
	const startedAt = options.now();
	let attempts = 0;
	let waitedMs = 0;
	const progress = (): RetryProgress => ({
		attempts,
		waitedMs,
		elapsedMs: options.now() - startedAt,
		remainingWaitMs: Math.max(0, options.maxTotalWaitMs - waitedMs),
	});

	for (;;) {
		attempts++;
		const outcome = await attempt(progress());
		if (outcome.kind === 'done') return outcome.value;
		if (outcome.kind === 'fail') throw outcome.error;
		if (attempts >= options.maxAttempts) throw outcome.giveUp('attempts', progress());
		const delay = Math.max(0, outcome.delayMs);
		if (waitedMs + delay > options.maxTotalWaitMs) throw outcome.giveUp('wait_budget', progress());
		waitedMs += delay;
		if (delay > 0) await options.sleep(delay);
	}
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
