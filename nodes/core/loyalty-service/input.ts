import { z } from 'zod';
import { LoyaltyInputError } from '../loyalty/loyalty-input-error';

/**
 * Inputs from BigCommerce items and node parameters are validated here with zod; the first
 * problem becomes a LoyaltyInputError whose field is the path into the input, e.g.
 * `order.customer_id: must be a whole number (got "abc")`.
 */
export function parseInput<T extends z.ZodTypeAny>(schema: T, value: unknown, label: string): z.output<T> {
	const result = schema.safeParse(value, { errorMap: plainErrors });
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('');
	throw new LoyaltyInputError(`${label}${path}`, issue.message);
}

const TYPE_NAMES: Record<string, string> = {
	number: 'a number',
	integer: 'a whole number',
	string: 'a text',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
};

// zod's stock wording; a schema's own message ("must be a whole number") is kept instead.
const STOCK = /^(Expected|Required|Invalid)/;

const plainErrors: z.ZodErrorMap = (issue, ctx) => {
	if (issue.code === z.ZodIssueCode.invalid_type) {
		if (issue.received === 'undefined' || issue.received === 'null') return { message: 'is missing' };
		const rule = STOCK.test(ctx.defaultError) ? `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}` : ctx.defaultError;
		return { message: `${rule} (got ${JSON.stringify(ctx.data)})` };
	}
	if (issue.code === z.ZodIssueCode.invalid_enum_value) return { message: `must be one of ${issue.options.join(', ')} (got ${JSON.stringify(issue.received)})` };
	return { message: ctx.defaultError };
};

/** A whole number, also when n8n hands it over as text ("42"), e.g. ids read from JSON. */
export function wholeNumber(min = 0): z.ZodType<number, z.ZodTypeDef, unknown> {
	return z.preprocess(
		(value) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
		z
			.number({ invalid_type_error: 'must be a whole number' })
			.refine((n) => Number.isSafeInteger(n), { message: 'must be a whole number' })
			.refine((n) => n >= min, { message: `must be ${min} or more` }),
	) as z.ZodType<number, z.ZodTypeDef, unknown>;
}

/** Text without surrounding spaces; empty text, null and undefined become undefined. */
export const optionalText = z.preprocess(
	(value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : typeof value === 'number' ? String(value) : value),
	z.string().trim().optional(),
);

/** An id BigCommerce sends as a number or text (order, refund, cart ids). */
export const idText = z.preprocess(
	(value) => (typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value),
	z.string({ invalid_type_error: 'must be an id such as 101 or a text id' }).trim().min(1, 'is empty'),
);

/** Any object (a BigCommerce item), also given as JSON text. */
export function jsonObject(value: unknown, label: string): Record<string, unknown> {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw new LoyaltyInputError(label, `is not valid JSON (${(error as Error).message})`);
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new LoyaltyInputError(label, 'must be an object, e.g. the item a BigCommerce node outputs');
	return parsed as Record<string, unknown>;
}

/** A program id as the program config names it (`default`, `b2b_program`). */
export const programName = z
	.string()
	.trim()
	.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be a program id such as default or b2b_program (lowercase letters, digits, _ or -)');

/** The BigCommerce store hash: the letters and digits in the API path `/stores/{store_hash}/`. */
export const storeHash = z
	.string({ invalid_type_error: 'must be a text' })
	.trim()
	.min(1, 'is empty: give the BigCommerce store hash (the part after /stores/ in the API path)')
	.max(100, 'is too long for a store hash');
