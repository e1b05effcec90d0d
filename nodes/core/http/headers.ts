import type { ResponseHeaders } from './http-types';

/** Header lookup ignoring case: HTTP header names are case-insensitive (RFC 9110 §5.1). */
export function readHeader(headers: ResponseHeaders, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted || value === undefined) continue;
		return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

/** A header holding a non-negative number (fractions allowed); undefined when absent or not a number. */
export function readNumberHeader(headers: ResponseHeaders, name: string): number | undefined {
	const raw = readHeader(headers, name);
	if (raw === undefined || raw.trim() === '') return undefined;
	const value = Number(raw);
	return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * The standard `Retry-After` (seconds or an HTTP date, RFC 9110 §10.2.3), in milliseconds.
 * APIs that do not document it may still get it from a proxy in between.
 */
export function readRetryAfterMs(headers: ResponseHeaders, nowMs: number): number | undefined {
	const raw = readHeader(headers, 'Retry-After');
	if (raw === undefined || raw.trim() === '') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(raw);
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
