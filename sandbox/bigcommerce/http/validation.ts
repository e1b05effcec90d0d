import type { ZodError, ZodType } from 'zod';
import { ApiError } from './apiErrors';

/** Zod issues as BigCommerce's `errors` map: `"0.email": "error.path.missing"`-style keys. */
export function zodErrors(error: ZodError, prefix = ''): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
		const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
		errors[key || 'body'] = missing ? 'error.path.missing' : issue.message;
	}
	return errors;
}

/** Parses a request body with a schema or throws a 422 in the v3 shape. */
export function parseBody<T>(schema: ZodType<T>, body: unknown, title = 'JSON data is missing or invalid', prefix = ''): T {
	const result = schema.safeParse(body);
	if (!result.success) throw new ApiError(422, title, zodErrors(result.error, prefix));
	return result.data;
}

/** A batch body (array of up to `max` items), all validated before any is applied. */
export function parseBatch<T>(schema: ZodType<T>, body: unknown, max: number): T[] {
	if (!Array.isArray(body)) throw new ApiError(422, 'JSON data is missing or invalid', { body: 'expected an array' });
	if (body.length > max) throw new ApiError(413, `The request payload is too large. The maximum number of items allowed in the array is ${max}.`);
	return body.map((item, i) => parseBody(schema, item, 'JSON data is missing or invalid', String(i)));
}
