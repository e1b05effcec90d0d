import { isDate, parseDateString } from './dates';
import { SegmentDefinitionError, show } from './errors';
import { compileSafeRegex, UnsafePatternError } from './regex-safety';
import { parseRelativeDate, relativeDateMistake } from './relative-dates';
import type { Comparison, Condition, FieldTest, Literal, RangeOperand } from './types';

/**
 * Validates a segment's conditions (Mongo-style query JSON) into a Condition tree. The operator
 * list is closed: anything else is refused with the path and a hint, never ignored or run.
 */

/** Path segments that name JavaScript internals rather than profile data. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;
const MAX_PATH_LENGTH = 256;
const MAX_LIST_LENGTH = 10_000;

const COMPARISONS: Record<string, Comparison> = { $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte' };
const FIELD_OPERATORS = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists', '$regex', '$options', '$size', '$elemMatch', '$not'];
const LOGICAL = new Set(['$and', '$or', '$nor']);
const CODE_OPERATORS = new Set(['$where', '$expr', '$function', '$accumulator']);
const hasOwn = Object.prototype.hasOwnProperty;

type Path = string;
const join = (path: Path, key: string): Path => (path ? `${path}.${key}` : key);
const fail = (path: Path, problem: string): never => {
	throw new SegmentDefinitionError(problem, path);
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDate(value) && !(value instanceof RegExp);
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
	return isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'));
}

/** Parses the conditions of one segment (the top-level object). */
export function parseConditions(conditions: unknown, path: Path = ''): Condition {
	return parseQuery(conditions, path, 0);
}

function parseQuery(query: unknown, path: Path, depth: number): Condition {
	if (depth > MAX_DEPTH) fail(path, `conditions are nested more than ${MAX_DEPTH} levels deep`);
	if (!isPlainObject(query)) {
		fail(path, `${show(query)} is not an object of field conditions (e.g. { "orders_count": { "$gte": 2 } })`);
	}
	const obj = query as Record<string, unknown>;
	const parts: Condition[] = [];
	for (const key of Object.keys(obj)) {
		const value = obj[key];
		const here = join(path, key);
		if (key.startsWith('$')) {
			if (!LOGICAL.has(key)) {
				if (CODE_OPERATORS.has(key)) fail(here, `${key} is not supported: segment conditions never run code`);
				fail(here, `unknown operator "${key}"; at this level use a field name or $and, $or, $nor`);
			}
			if (!Array.isArray(value) || value.length === 0) {
				fail(here, `${key} needs a non-empty list of conditions, e.g. [ { "orders_count": 1 }, { "total_spent": { "$gte": 1000 } } ]`);
			}
			const list = value as unknown[];
			if (list.length > MAX_LIST_LENGTH) fail(here, `${key} has more than ${MAX_LIST_LENGTH} conditions`);
			const kind = key.slice(1) as 'and' | 'or' | 'nor';
			parts.push({ kind, parts: list.map((q, i) => parseQuery(q, `${here}[${i}]`, depth + 1)) });
			continue;
		}
		const fieldPath = parsePath(key, here);
		parts.push({ kind: 'field', path: fieldPath, test: parseFieldValue(value, here, depth + 1) });
	}
	return parts.length === 1 ? parts[0] : { kind: 'and', parts };
}

/** A dotted field path: own profile fields and array positions, never JavaScript internals. */
export function parsePath(key: string, path: Path): string[] {
	if (key.length === 0) fail(path, 'a field name is empty');
	if (key.length > MAX_PATH_LENGTH) fail(path, `the field path is longer than ${MAX_PATH_LENGTH} characters`);
	const segments = key.split('.');
	for (const s of segments) {
		if (s === '') fail(path, `"${key}" has an empty part; write dotted paths like "billing_address.city"`);
		if (s.startsWith('$')) fail(path, `"${s}" in "${key}" is not a field name (operators go inside the field's condition object)`);
		if (FORBIDDEN_KEYS.has(s)) fail(path, `"${s}" is not allowed in a field path: it names JavaScript internals, not profile data`);
	}
	return segments;
}

function parseFieldValue(value: unknown, path: Path, depth: number): FieldTest {
	if (value instanceof RegExp) return { op: 'regex', regex: checkedRegex(value.source, value.flags, path) };
	if (!isOperatorObject(value)) return { op: 'eq', value: parseLiteral(value, path, depth) };
	return parseOperators(value, path, depth);
}

function parseOperators(obj: Record<string, unknown>, path: Path, depth: number): FieldTest {
	if (depth > MAX_DEPTH) fail(path, `conditions are nested more than ${MAX_DEPTH} levels deep`);
	const keys = Object.keys(obj);
	const fields = keys.filter((k) => !k.startsWith('$'));
	if (fields.length > 0) {
		fail(path, `mixes operators (${keys.filter((k) => k.startsWith('$')).join(', ')}) with field names (${fields.join(', ')}); match sub-fields with a dotted path such as "billing_address.city"`);
	}
	if (hasOwn.call(obj, '$options') && !hasOwn.call(obj, '$regex')) fail(join(path, '$options'), '$options only goes with $regex');
	const tests: FieldTest[] = [];
	for (const key of keys) {
		if (key === '$options') continue;
		tests.push(parseOperator(key, obj[key], obj, join(path, key), depth));
	}
	return tests.length === 1 ? tests[0] : { op: 'all', tests };
}

function parseOperator(key: string, value: unknown, obj: Record<string, unknown>, path: Path, depth: number): FieldTest {
	switch (key) {
		case '$eq':
			return { op: 'eq', value: parseLiteral(value, path, depth) };
		case '$ne':
			return { op: 'ne', value: parseLiteral(value, path, depth) };
		case '$gt':
		case '$gte':
		case '$lt':
		case '$lte':
			return { op: 'range', comparison: COMPARISONS[key], operand: parseRangeOperand(value, key, path) };
		case '$in':
		case '$nin': {
			if (!Array.isArray(value)) fail(path, `${show(value)} is not a list; ${key} needs one, e.g. ["VIP", "Wholesale"]`);
			const list = value as unknown[];
			if (list.length > MAX_LIST_LENGTH) fail(path, `the list has more than ${MAX_LIST_LENGTH} values`);
			const values = list.map((v, i) => parseLiteral(v, `${path}[${i}]`, depth + 1));
			return key === '$in' ? { op: 'in', values } : { op: 'nin', values };
		}
		case '$exists':
			if (typeof value !== 'boolean') fail(path, `${show(value)} is not true or false`);
			return { op: 'exists', value: value as boolean };
		case '$regex': {
			const options = hasOwn.call(obj, '$options') ? obj.$options : '';
			if (typeof options !== 'string') fail(join(path.replace(/\.\$regex$/, ''), '$options'), `${show(options)} is not a text of flags such as "i"`);
			if (value instanceof RegExp) return { op: 'regex', regex: checkedRegex(value.source, value.flags + (options as string), path) };
			if (typeof value !== 'string') fail(path, `${show(value)} is not a text pattern`);
			return { op: 'regex', regex: checkedRegex(value as string, options as string, path) };
		}
		case '$size':
			if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(path, `${show(value)} is not a whole number of items (0 or more)`);
			return { op: 'size', size: value as number };
		case '$elemMatch':
			return parseElemMatch(value, path, depth);
		case '$not':
			if (value instanceof RegExp) return { op: 'not', tests: [{ op: 'regex', regex: checkedRegex(value.source, value.flags, path) }] };
			if (!isOperatorObject(value)) fail(path, `${show(value)} is not an operator object; write e.g. { "$not": { "$gte": 2 } }`);
			return { op: 'not', tests: [parseOperators(value as Record<string, unknown>, path, depth + 1)] };
		default:
			if (LOGICAL.has(key)) fail(path, `${key} belongs at the top level of the conditions (or inside $elemMatch), not inside a field's condition`);
			if (CODE_OPERATORS.has(key)) fail(path, `${key} is not supported: segment conditions never run code`);
			return fail(path, `unknown operator "${key}"; supported: ${FIELD_OPERATORS.join(' ')}`);
	}
}

function parseElemMatch(value: unknown, path: Path, depth: number): FieldTest {
	if (!isPlainObject(value) || Object.keys(value).length === 0) {
		fail(path, `${show(value)} is not a non-empty object; write e.g. { "$elemMatch": { "sku": "ABC", "quantity": { "$gte": 2 } } }`);
	}
	const obj = value as Record<string, unknown>;
	const keys = Object.keys(obj);
	// All keys operators (other than $and/$or/$nor): the operators apply to each element itself.
	const valueForm = keys.every((k) => k.startsWith('$') && !LOGICAL.has(k));
	if (valueForm) {
		const test = parseOperators(obj, path, depth + 1);
		return { op: 'elemMatch', form: 'value', tests: test.op === 'all' ? test.tests : [test] };
	}
	return { op: 'elemMatch', form: 'document', condition: parseQuery(obj, path, depth + 1) };
}

function checkedRegex(pattern: string, flags: string, path: Path): RegExp {
	try {
		return compileSafeRegex(pattern, flags);
	} catch (error) {
		if (error instanceof UnsafePatternError) fail(path, `${show(pattern)}: ${error.message}`);
		throw error;
	}
}

/** $gt/$gte/$lt/$lte operands: numbers, texts, and dates (absolute or relative). */
function parseRangeOperand(value: unknown, key: string, path: Path): RangeOperand {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) fail(path, `${show(value)} is not a finite number`);
		return { type: 'number', value };
	}
	if (isDate(value)) {
		const ms = value.getTime();
		if (Number.isNaN(ms)) fail(path, 'the date is invalid');
		return { type: 'instant', ms };
	}
	if (typeof value !== 'string') {
		return fail(path, `${show(value)} cannot be compared; ${key} needs a number, a text or a date (e.g. 1000, "-90 days", "this_month", "2024-01-31")`);
	}
	const relative = parseRelativeDate(value);
	if (relative) return { type: 'relative', text: value, relative };
	if (looksLikeAbsoluteDate(value)) {
		if (Number.isNaN(parseDateString(value.trim(), 'UTC'))) {
			fail(path, `${show(value)} is not a valid date (write e.g. "2024-01-31", "2024-01-31T09:30:00Z" or "Tue, 20 Nov 2012 00:00:00 +0000")`);
		}
		return { type: 'absolute', text: value.trim() };
	}
	const mistake = relativeDateMistake(value);
	if (mistake) fail(path, `${show(value)} is not a date or relative date: ${mistake}`);
	return { type: 'string', value };
}

/** Texts that are an attempt at a calendar date: an ISO year-month start or an RFC 2822 shape. */
function looksLikeAbsoluteDate(text: string): boolean {
	const t = text.trim();
	return /^\d{4}-\d{1,2}/.test(t) || /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun),/i.test(t) || /^\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4}/i.test(t);
}

/** Values compared for equality: JSON values (and Dates); nothing callable, nothing cyclic. */
function parseLiteral(value: unknown, path: Path, depth: number): Literal {
	if (depth > MAX_DEPTH) fail(path, `the value is nested more than ${MAX_DEPTH} levels deep`);
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) fail(path, `${show(value)} is not a finite number`);
		return value;
	}
	if (isDate(value)) {
		if (Number.isNaN(value.getTime())) fail(path, 'the date is invalid');
		return new Date(value.getTime());
	}
	if (Array.isArray(value)) {
		if (value.length > MAX_LIST_LENGTH) fail(path, `the list has more than ${MAX_LIST_LENGTH} values`);
		return value.map((v, i) => parseLiteral(v, `${path}[${i}]`, depth + 1));
	}
	if (isPlainObject(value)) {
		const out: Record<string, Literal> = {};
		for (const k of Object.keys(value)) {
			// defineProperty: a "__proto__" key stays an own data key and cannot replace the prototype.
			Object.defineProperty(out, k, { value: parseLiteral(value[k], join(path, k), depth + 1), enumerable: true, writable: true, configurable: true });
		}
		return out;
	}
	return fail(path, `${show(value)} is not a value a profile can hold (use text, numbers, true/false, null, lists or objects)`);
}
