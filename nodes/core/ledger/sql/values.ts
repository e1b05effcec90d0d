/**
 * Row values differ by engine: PostgreSQL's BIGINT and SUM come back as strings and its
 * timestamps as Date objects; SQLite gives numbers and the ISO text we stored. These helpers
 * turn either into the domain's plain numbers and ISO-8601 UTC strings.
 */

export function int(value: unknown): number {
	if (value === null || value === undefined) return 0;
	const n = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(n)) throw new Error(`Expected an integer from the database, got ${String(value)}`);
	return n;
}

export function intOrNull(value: unknown): number | null {
	return value === null || value === undefined ? null : int(value);
}

export function iso(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'string') return value;
	throw new Error(`Expected a timestamp from the database, got ${String(value)}`);
}

export function isoOrNull(value: unknown): string | null {
	return value === null || value === undefined ? null : iso(value);
}

export function textOrNull(value: unknown): string | null {
	return value === null || value === undefined ? null : String(value);
}

/** JSON columns: TEXT in SQLite (parsed here), JSONB in PostgreSQL (already parsed by pg). */
export function json<T = unknown>(value: unknown): T | null {
	if (value === null || value === undefined) return null;
	return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function toJson(value: unknown): string | null {
	return value === undefined || value === null ? null : JSON.stringify(value);
}
