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
