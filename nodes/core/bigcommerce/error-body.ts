import type { FieldError } from './api-error';

/** What BigCommerce said about an error, from either API version's error body. */
export interface ErrorBodyDetails {
	title?: string;
	detail?: string;
	fieldErrors: FieldError[];
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * v3: `{status, title, type, detail?, errors?}` where `errors` maps fields to messages (customers,
 * catalog, carts) or lists `{status, title}` objects (promotions); some 401/403s use
 * `{code, message}`. v2: a bare array `[{status, message, details?}]`.
 */
export function readErrorBody(body: unknown): ErrorBodyDetails {
	if (Array.isArray(body)) return readV2Errors(body);
	if (isObject(body)) return readV3Error(body);
	const plain = text(body);
	// A proxy's HTML error page says nothing useful to a marketer; short plain text might.
	if (plain && plain.length <= 200 && !plain.includes('<')) return { title: plain, fieldErrors: [] };
	return { fieldErrors: [] };
}

function readV2Errors(items: unknown[]): ErrorBodyDetails {
	const messages: string[] = [];
	const details: string[] = [];
	for (const item of items) {
		if (!isObject(item)) continue;
		const message = text(item.message);
		if (message) messages.push(message);
		// e.g. {"conflict_reason": "..."} or {"invalid_reason": "..."}: the reason is the useful part.
		if (isObject(item.details)) {
			for (const value of Object.values(item.details)) {
				const reason = text(value);
				if (reason) details.push(reason);
			}
		}
	}
	return {
		title: messages.length ? messages.join(' ') : undefined,
		detail: details.length ? details.join(' ') : undefined,
		fieldErrors: [],
	};
}

function readV3Error(body: Loose): ErrorBodyDetails {
	const title = text(body.title) ?? text(body.message) ?? text(body.error);
	const detail = text(body.detail);
	return { title, detail, fieldErrors: readFieldErrors(body.errors) };
}

function readFieldErrors(errors: unknown): FieldError[] {
	if (Array.isArray(errors)) {
		return errors
			.map((item): FieldError | undefined => {
				if (typeof item === 'string') return { message: item };
				if (!isObject(item)) return undefined;
				const message = text(item.title) ?? text(item.message) ?? text(item.detail);
				return message ? { field: text(item.field) ?? text(item.key), message } : undefined;
			})
			.filter((item): item is FieldError => item !== undefined);
	}
	if (isObject(errors)) {
		return Object.entries(errors).flatMap(([field, value]): FieldError[] => {
			const message = text(value) ?? (Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(' ') : undefined);
			return message ? [{ field, message }] : [];
		});
	}
	return [];
}
