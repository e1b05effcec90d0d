import { createHash } from 'node:crypto';

/**
 * Idempotency keys for POST /smtp/email. Brevo processes a request once per key within 30
 * minutes (`headers.idempotencyKey`) and asks for a UUID. A key derived from what identifies the
 * message (template, recipients, parameters) is the same when a failed execution is run again,
 * so the email is not sent twice — a random key would not survive the re-run.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
	return UUID.test(value);
}

/**
 * JSON with object keys sorted at every level, so that `{a, b}` and `{b, a}` hash alike. Dates
 * become ISO text; undefined fields are left out, as JSON does.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * A UUID from SHA-256 of the canonical JSON. It is laid out as a version-4 UUID (version and
 * variant bits set) because Brevo recommends v4 and validators commonly accept only that layout;
 * the bits are derived, not random.
 */
export function stableUuid(value: unknown): string {
	const bytes = createHash('sha256').update(canonicalJson(value)).digest().subarray(0, 16);
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A key the user chose: kept when already a UUID, otherwise (e.g. `order-100-shipped`) turned into one. */
export function idempotencyKeyFrom(text: string): string {
	const trimmed = text.trim();
	return isUuid(trimmed) ? trimmed.toLowerCase() : stableUuid({ key: trimmed });
}
