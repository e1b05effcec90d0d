/** "250 ms", "1.5 s", "92 s", "900 s": like `formatDuration`, but never in minutes. */
export function formatDurationInSeconds(ms: number): string {
	if (ms < 1000) return `${Math.round(ms)} ms`;
	if (ms < 10_000) return `${Number((ms / 1000).toFixed(1))} s`;
	return `${Math.round(ms / 1000)} s`;
}

/** "250 ms", "1.5 s", "92 s", "50 min": short enough for an error message, precise where it matters. */
export function formatDuration(ms: number): string {
	return ms < 600_000 ? formatDurationInSeconds(ms) : `${Math.round(ms / 60_000)} min`;
}
