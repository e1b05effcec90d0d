/**
 * Checks made before a request is sent, with the rules Brevo applies, so that a flow fails with
 * a message naming the field instead of a 400 after the fact — and, for batches, so that one bad
 * item does not get the others refused or silently skipped.
 */

export interface ValidationProblem {
	/** Where, in Brevo's field names: `identifiers.email_id`, `products[2].price`. */
	field: string;
	message: string;
}

/** Invalid input, found before anything was sent. `message` is summary + problems + hint. */
export class BrevoValidationError extends Error {
	readonly problems: ValidationProblem[];
	readonly summary: string;
	readonly hint: string;

	constructor(summary: string, problems: ValidationProblem[], hint: string) {
		super(`${summary} ${formatProblems(problems)}. ${hint}`.trim());
		this.name = 'BrevoValidationError';
		this.summary = summary;
		this.problems = problems;
		this.hint = hint;
	}
}

export function isBrevoValidationError(error: unknown): error is BrevoValidationError {
	return error instanceof BrevoValidationError;
}

export function formatProblems(problems: ValidationProblem[]): string {
	return problems.map((p) => `${p.field}: ${p.message.replace(/\.$/, '')}`).join('; ');
}

/** Collects problems while a body is built, then throws them together. */
export class Problems {
	readonly list: ValidationProblem[] = [];

	constructor(private readonly prefix = '') {}

	add(field: string, message: string): void {
		this.list.push({ field: `${this.prefix}${field}`, message });
	}

	get empty(): boolean {
		return this.list.length === 0;
	}

	throwIfAny(summary: string, hint: string): void {
		if (!this.empty) throw new BrevoValidationError(summary, this.list, hint);
	}
}

/** A plain address check (Brevo answers "email is not valid" for what fails it). */
export function isValidEmail(value: string): boolean {
	return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** `+33 6 12-34-56-78` → `+33612345678`: spaces, dots, dashes and brackets removed, `00` → `+`. */
export function compactPhone(value: string): string {
	// "+44 (0)20 …": the bracketed 0 is the national trunk prefix, never dialled after the country code.
	const international = value.trim().replace(/^(\+|00)(\d{1,3})[\s.-]*\(0\)/, '$1$2');
	const compact = international.replace(/[\s().-]/g, '');
	return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

/**
 * Brevo: "Mobile number … with the country code. Must contain between 6 and 15 digits,
 * optionally prefixed with '+'" (transactional SMS; the same rule checks contact phone fields).
 */
export function isValidPhone(value: string): boolean {
	return /^\+?\d{6,15}$/.test(compactPhone(value));
}

/** Digits only, as Brevo's WhatsApp examples write numbers (`919876543210`). */
export function phoneDigits(value: string): string {
	return compactPhone(value).replace(/^\+/, '');
}

/** An absolute http(s) URL, as Brevo asks for product and image URLs. */
export function isAbsoluteUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** A date-time with a time zone, the ISO 8601 form Brevo's examples use ("2024-01-24T17:39:57+01:00"). */
export function isIsoDateTime(value: string): boolean {
	return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Any date a flow may hold (ISO text, BigCommerce's RFC 2822 dates, epoch ms, a Date) as the UTC
 * date-time Brevo's e-commerce fields ask for; undefined when it is not a date.
 */
export function toUtcDateTime(value: unknown): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const ms = Date.parse(value.trim());
	return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A number, or a numeric string such as BigCommerce's money `"69.8400"`; undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = Number(value.trim());
		return Number.isFinite(parsed) ? parsed : undefined;
	}
	return undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Leaves out undefined fields, so that bodies carry only what was given. */
export function compact<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
