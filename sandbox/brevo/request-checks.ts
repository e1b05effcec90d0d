import { q, type SandboxRequest } from '../http/router';
import { badRequest } from './errors';

/** Small, Brevo-worded checks shared by the route modules. */

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON body as an object; a missing, malformed or non-object body is Brevo's 400 `bad_request`. */
export function objectBody(req: SandboxRequest): Record<string, unknown> {
	if (req.body === undefined && req.rawBody.trim().length > 0) badRequest('bad_request', 'Input must be a valid JSON object');
	if (!isRecord(req.body)) badRequest('bad_request', 'Input must be a valid JSON object');
	return req.body as Record<string, unknown>;
}

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') badRequest('invalid_parameter', `${key} should be of type string`);
	return value as string;
}

export function requiredString(body: Record<string, unknown>, key: string): string {
	const value = optionalString(body, key);
	if (value === undefined || value.trim() === '') badRequest('missing_parameter', `${key} is missing`);
	return value as string;
}

export function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') badRequest('invalid_parameter', `${key} should be of type boolean`);
	return value as boolean;
}

export function optionalNumber(body: Record<string, unknown>, key: string): number | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value)) badRequest('invalid_parameter', `${key} should be of type number`);
	return value as number;
}

export function optionalInteger(body: Record<string, unknown>, key: string): number | undefined {
	const value = optionalNumber(body, key);
	if (value !== undefined && !Number.isInteger(value)) badRequest('invalid_parameter', `${key} should be of type integer`);
	return value;
}

export function optionalIntegerArray(body: Record<string, unknown>, key: string): number[] | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value) || !value.every((v) => Number.isInteger(v))) badRequest('invalid_parameter', `${key} should be an array of integers`);
	return value as number[];
}

export function optionalStringArray(body: Record<string, unknown>, key: string): string[] | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) badRequest('invalid_parameter', `${key} should be an array of strings`);
	return value as string[];
}

export function optionalObject(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (!isRecord(value)) badRequest('invalid_parameter', `${key} should be an object`);
	return value as Record<string, unknown>;
}

/** Brevo's loose email check: something@something.tld, no spaces. */
export function isValidEmail(value: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254;
}

export interface Page {
	limit: number;
	offset: number;
	sort: 'asc' | 'desc';
}

/** `limit`/`offset`/`sort` query parameters with each endpoint's default and maximum from the spec. */
export function pageQuery(req: SandboxRequest, defaults: { limit: number; max: number }): Page {
	const limit = integerQuery(req, 'limit') ?? defaults.limit;
	const offset = integerQuery(req, 'offset') ?? 0;
	if (limit < 0 || limit > defaults.max) badRequest('out_of_range', `limit should be between 0 and ${defaults.max}`);
	if (offset < 0) badRequest('out_of_range', 'offset should be greater than or equal to 0');
	const sort = q(req, 'sort') ?? 'desc';
	if (sort !== 'asc' && sort !== 'desc') badRequest('invalid_parameter', 'sort should be either asc or desc');
	return { limit, offset, sort: sort as 'asc' | 'desc' };
}

export function integerQuery(req: SandboxRequest, key: string): number | undefined {
	const raw = q(req, key);
	if (raw === undefined || raw === '') return undefined;
	if (!/^-?\d+$/.test(raw)) badRequest('invalid_parameter', `${key} should be an integer`);
	return Number(raw);
}

/** Optional date-time query filter (`modifiedSince`, `createdSince`); invalid dates are a 400. */
export function dateQuery(req: SandboxRequest, key: string): number | undefined {
	const raw = q(req, key);
	if (raw === undefined || raw === '') return undefined;
	const ms = Date.parse(raw);
	if (Number.isNaN(ms)) badRequest('invalid_parameter', `${key} should be a valid date-time (YYYY-MM-DDTHH:mm:ss.SSSZ)`);
	return ms;
}

/** Sorts by creation (`sort`) and cuts one page; `count` is the total before paging, as Brevo returns it. */
export function paginate<T>(items: T[], page: Page, createdAt: (item: T) => string): { items: T[]; count: number } {
	const sorted = [...items].sort((a, b) => createdAt(a).localeCompare(createdAt(b)));
	if (page.sort === 'desc') sorted.reverse();
	return { items: sorted.slice(page.offset, page.offset + page.limit), count: items.length };
}

/** Route parameter that must be a positive integer id (list ids, template ids). */
export function idParam(value: string | undefined, what: string): number {
	if (value === undefined || !/^\d+$/.test(value)) badRequest('invalid_parameter', `${what} should be an integer`);
	return Number(value);
}
