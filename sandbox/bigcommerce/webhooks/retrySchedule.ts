/**
 * BigCommerce's retry intervals after a failed delivery (seconds; docs/integrations/webhooks/
 * overview.mdx "Callback retry mechanism"). After the last retry fails (about 48 hours after the
 * first attempt) the hook is deactivated.
 */
export const RETRY_INTERVALS_SECONDS = [60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400, 86400] as const;

/** Emulated ms to wait before retry number `retry` (1-based), or undefined when retries are exhausted. */
export function retryDelayMs(retry: number): number | undefined {
	const seconds = RETRY_INTERVALS_SECONDS[retry - 1];
	return seconds === undefined ? undefined : seconds * 1000;
}
