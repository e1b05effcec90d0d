import { InvalidLedgerInput } from '../errors';

/** Checks at the store's boundary: wrong input is refused before any transaction starts. */

export function requireText(field: string, value: unknown, max = 500): string {
	if (typeof value !== 'string' || value.trim() === '') throw new InvalidLedgerInput(field, 'must be a non-empty text');
	if (value.length > max) throw new InvalidLedgerInput(field, `must be at most ${max} characters`);
	return value;
}

/** undefined stays undefined (keep the stored value), null or '' clears. */
export function optionalText(field: string, value: unknown, max = 500): string | null | undefined {
	if (value === undefined) return undefined;
	if (value === null || value === '') return null;
	if (typeof value !== 'string') throw new InvalidLedgerInput(field, 'must be a text');
	if (value.length > max) throw new InvalidLedgerInput(field, `must be at most ${max} characters`);
	return value;
}

export function requireInt(field: string, value: unknown, bounds: { min?: number; max?: number } = {}): number {
	if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new InvalidLedgerInput(field, `must be a whole number, got ${String(value)}`);
	if (bounds.min !== undefined && value < bounds.min) throw new InvalidLedgerInput(field, `must be at least ${bounds.min}, got ${value}`);
	if (bounds.max !== undefined && value > bounds.max) throw new InvalidLedgerInput(field, `must be at most ${bounds.max}, got ${value}`);
	return value;
}

export function optionalInt(field: string, value: unknown, bounds: { min?: number; max?: number } = {}): number | null | undefined {
	if (value === undefined) return undefined;
	if (value === null) return null;
	return requireInt(field, value, bounds);
}

/** Any date-time JavaScript parses, stored as ISO-8601 UTC. */
export function instant(field: string, value: unknown): string {
	const ms = typeof value === 'string' && value.trim() !== '' ? Date.parse(value) : NaN;
	if (Number.isNaN(ms)) throw new InvalidLedgerInput(field, `must be a date and time such as 2025-03-01T12:00:00Z, got ${String(value)}`);
	return new Date(ms).toISOString();
}

export function optionalInstant(field: string, value: unknown): string | null | undefined {
	if (value === undefined) return undefined;
	if (value === null || value === '') return null;
	return instant(field, value);
}

/** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. A full date-time keeps its date part. */
export function optionalBirthday(value: unknown): string | null | undefined {
	const text = optionalText('birthday', value, 40);
	if (text === undefined || text === null) return text;
	const match = /^(\d{4}|--)-?(\d{2})-(\d{2})/.exec(text);
	const month = match ? Number(match[2]) : 0;
	const day = match ? Number(match[3]) : 0;
	if (!match || month < 1 || month > 12 || day < 1 || day > 31) {
		throw new InvalidLedgerInput('birthday', `must be a date such as 1990-04-23 or --04-23, got ${text}`);
	}
	return `${match[1] === '--' ? '-' : match[1]}-${match[2]}-${match[3]}`;
}

export function idempotencyKey(value: unknown): string {
	return requireText('idempotencyKey', value, 300);
}

export function pageLimit(value: unknown, fallback: number): number {
	return value === undefined || value === null ? fallback : requireInt('limit', value, { min: 1, max: 1000 });
}

/** Order, refund and cart ids arrive as numbers or text; the store keeps text. */
export function idText(field: string, value: unknown): string {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	return requireText(field, value, 200);
}
