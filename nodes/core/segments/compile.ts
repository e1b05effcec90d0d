import { isDate, parseDateString, toInstant } from './dates';
import { fieldEquals, fieldInstantRange, fieldNumberRange } from './fast-paths';
import { MAX_REGEX_SUBJECT } from './regex-safety';
import { resolveRelativeDate } from './relative-dates';
import type { Comparison, Condition, FieldTest, Literal, RangeOperand } from './types';
import { deepEqual, isRecord, numberFromText } from './values';

/**
 * Turns a validated Condition tree into plain closures, once per evaluation: relative dates are
 * resolved to instants, $in lists become Sets, regexes are compiled, and each field path becomes
 * a chain of small functions. Evaluating a profile then only calls closures; nothing is looked up
 * or interpreted per item.
 *
 * Path semantics (Mongo's, as mingo implements them for this operator set): a dotted path steps
 * into objects by own property only; at an array, a numeric step picks that position and any
 * other step is applied to each object element (nested arrays and scalars are skipped). A
 * condition holds when it holds for any value the path reaches; for equality, $in, comparisons
 * and $regex an array value also counts through its elements. A path that ends nowhere without
 * crossing an array is "missing" (equal to null); an element that lacks the field is skipped.
 */

export interface CompileOptions {
	/** The reference instant for relative dates, in ms since the epoch. */
	now: number;
	/** IANA zone for relative dates and for dates written without an offset. */
	timeZone: string;
	/** Whether texts such as "69.8400" equal and compare with numbers. */
	numberStrings: boolean;
}

export type Predicate = (value: unknown) => boolean;

const hasOwn = Object.prototype.hasOwnProperty;
const DIGITS = /^\d+$/;

function step(key: string, next: Predicate, nextAfterArray: Predicate): Predicate {
	const index = DIGITS.test(key) ? Number(key) : -1;
	return (v) => {
		if (typeof v !== 'object' || v === null) return next(undefined);
		if (Array.isArray(v)) {
			if (index >= 0) return next(index < v.length ? v[index] : undefined);
			for (let i = 0; i < v.length; i++) {
				const el: unknown = v[i];
				// Nested lists are not entered; Dates need no test here: they have no own fields.
				if (typeof el === 'object' && el !== null && !Array.isArray(el) && nextAfterArray(hasOwn.call(el, key) ? (el as Record<string, unknown>)[key] : undefined)) {
					return true;
				}
			}
			return false;
		}
		return next(hasOwn.call(v, key) ? (v as Record<string, unknown>)[key] : undefined);
	};
}

/** A predicate on the document that holds when `leaf` holds for a value reached by `path`. */
function onPath(path: string[], leaf: Predicate): Predicate {
	const n = path.length;
	// After an array was crossed, an element without the field is skipped instead of "missing".
	let afterArray: Predicate = (v) => v !== undefined && leaf(v);
	const afterArrayChain: Predicate[] = [afterArray];
	for (let i = n - 1; i >= 0; i--) {
		afterArray = step(path[i], afterArray, afterArray);
		afterArrayChain.unshift(afterArray);
	}
	let plain = leaf;
	for (let i = n - 1; i >= 0; i--) plain = step(path[i], plain, afterArrayChain[i + 1]);
	return plain;
}

/** The test holds for the value or, when the value is an array, for one of its elements. */
function orElement(test: Predicate): Predicate {
	return (v) => {
		if (test(v)) return true;
		if (Array.isArray(v)) for (let i = 0; i < v.length; i++) if (test(v[i])) return true;
		return false;
	};
}

/** Same as orElement for tests that can never hold for an array itself. */
function elementwise(test: Predicate): Predicate {
	return (v) => {
		if (!Array.isArray(v)) return test(v);
		for (let i = 0; i < v.length; i++) if (test(v[i])) return true;
		return false;
	};
}

const not =
	(p: Predicate): Predicate =>
	(v) =>
		!p(v);

function all(preds: Predicate[]): Predicate {
	if (preds.length === 1) return preds[0];
	if (preds.length === 2) {
		const [a, b] = preds;
		return (v) => a(v) && b(v);
	}
	return (v) => {
		for (let i = 0; i < preds.length; i++) if (!preds[i](v)) return false;
		return true;
	};
}

function any(preds: Predicate[]): Predicate {
	if (preds.length === 1) return preds[0];
	return (v) => {
		for (let i = 0; i < preds.length; i++) if (preds[i](v)) return true;
		return false;
	};
}

function isComplex(literal: Literal): boolean {
	return typeof literal === 'object' && literal !== null && !isDate(literal);
}

function equalsLeaf(literal: Literal, o: CompileOptions): Predicate {
	if (literal === null) return elementwise((v) => v === null || v === undefined);
	if (isDate(literal)) {
		const ms = literal.getTime();
		const zone = o.timeZone;
		return elementwise((v) => toInstant(v, zone) === ms);
	}
	if (typeof literal === 'number' && o.numberStrings) {
		return elementwise((v) => v === literal || (typeof v === 'string' && numberFromText(v) === literal));
	}
	if (isComplex(literal)) return orElement((v) => deepEqual(v, literal));
	return elementwise((v) => v === literal);
}

function inLeaf(values: Literal[], o: CompileOptions): Predicate {
	const scalars = new Set<unknown>();
	const numbers = new Set<number>();
	const instants = new Set<number>();
	const complex: Literal[] = [];
	let withNull = false;
	for (const v of values) {
		if (v === null) withNull = true;
		else if (isDate(v)) instants.add(v.getTime());
		else if (isComplex(v)) complex.push(v);
		else {
			scalars.add(v);
			if (typeof v === 'number') numbers.add(v);
		}
	}
	const numberStrings = o.numberStrings && numbers.size > 0;
	const zone = o.timeZone;
	const test: Predicate = (v) => {
		if (v === null || v === undefined) return withNull;
		if (scalars.has(v)) return true;
		if (typeof v === 'string') {
			if (numberStrings && numbers.has(numberFromText(v))) return true;
			if (instants.size > 0 && instants.has(parseDateString(v, zone))) return true;
		} else if (instants.size > 0 && isDate(v) && instants.has(v.getTime())) return true;
		for (let i = 0; i < complex.length; i++) if (deepEqual(v, complex[i])) return true;
		return false;
	};
	return complex.length > 0 ? orElement(test) : elementwise(test);
}

function comparator(c: Comparison): (a: number | string, b: number | string) => boolean {
	switch (c) {
		case 'gt':
			return (a, b) => a > b;
		case 'gte':
			return (a, b) => a >= b;
		case 'lt':
			return (a, b) => a < b;
		case 'lte':
			return (a, b) => a <= b;
	}
}

/** Resolves a range operand for this evaluation: a number, a text, or an instant in ms. */
export function resolveOperand(operand: RangeOperand, o: CompileOptions): { kind: 'number' | 'string' | 'instant'; value: number | string } {
	switch (operand.type) {
		case 'number':
			return { kind: 'number', value: operand.value };
		case 'string':
			return { kind: 'string', value: operand.value };
		case 'instant':
			return { kind: 'instant', value: operand.ms };
		case 'absolute':
			return { kind: 'instant', value: parseDateString(operand.text, o.timeZone) };
		case 'relative':
			return { kind: 'instant', value: resolveRelativeDate(operand.relative, o.now, o.timeZone) };
	}
}

function rangeLeaf(c: Comparison, operand: RangeOperand, o: CompileOptions): Predicate {
	const { kind, value } = resolveOperand(operand, o);
	const cmp = comparator(c);
	if (kind === 'string') return elementwise((v) => typeof v === 'string' && cmp(v, value));
	if (kind === 'instant') {
		const zone = o.timeZone;
		// NaN (not a date) compares false with everything.
		return elementwise((v) => cmp(toInstant(v, zone), value));
	}
	if (o.numberStrings) {
		return elementwise((v) => (typeof v === 'number' ? cmp(v, value) : typeof v === 'string' && cmp(numberFromText(v), value)));
	}
	return elementwise((v) => typeof v === 'number' && cmp(v, value));
}

/** A predicate on a document (or, for an empty path, on a value) for one field test. */
function compileTest(test: FieldTest, path: string[], o: CompileOptions): Predicate {
	switch (test.op) {
		case 'eq': {
			const general = onPath(path, equalsLeaf(test.value, o));
			const v = test.value;
			const simple = typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !o.numberStrings);
			return path.length === 1 && simple ? fieldEquals(path[0], v, general) : general;
		}
		case 'ne':
			return not(onPath(path, equalsLeaf(test.value, o)));
		case 'in':
			return onPath(path, inLeaf(test.values, o));
		case 'nin':
			return not(onPath(path, inLeaf(test.values, o)));
		case 'range': {
			const general = onPath(path, rangeLeaf(test.comparison, test.operand, o));
			if (path.length !== 1) return general;
			const { kind, value } = resolveOperand(test.operand, o);
			if (kind === 'instant') return fieldInstantRange(path[0], test.comparison, value as number, o.timeZone, general);
			if (kind === 'number' && !o.numberStrings) return fieldNumberRange(path[0], test.comparison, value as number, general);
			return general;
		}
		case 'exists': {
			const exists = onPath(path, (v) => v !== undefined);
			return test.value ? exists : not(exists);
		}
		case 'regex': {
			const re = test.regex;
			return onPath(path, elementwise((v) => typeof v === 'string' && v.length <= MAX_REGEX_SUBJECT && re.test(v)));
		}
		case 'size': {
			const size = test.size;
			return onPath(path, (v) => Array.isArray(v) && v.length === size);
		}
		case 'elemMatch': {
			const element =
				test.form === 'value'
					? all(test.tests.map((t) => compileTest(t, [], o)))
					: ((cond: Predicate): Predicate => (x) => isRecord(x) && cond(x))(compileCondition(test.condition, o));
			return onPath(path, (v) => {
				if (!Array.isArray(v)) return false;
				for (let i = 0; i < v.length; i++) if (element(v[i])) return true;
				return false;
			});
		}
		case 'not':
			return not(all(test.tests.map((t) => compileTest(t, path, o))));
		case 'all':
			return all(test.tests.map((t) => compileTest(t, path, o)));
	}
}

/** A rough relative cost, so that AND evaluates cheap tests first (it has no side effects). */
function cost(c: Condition | FieldTest): number {
	if ('kind' in c) return c.kind === 'field' ? c.path.length + cost(c.test) : c.parts.reduce((sum, p) => sum + cost(p), 0);
	switch (c.op) {
		case 'range':
			return c.operand.type === 'number' || c.operand.type === 'string' ? 1 : 8;
		case 'eq':
		case 'ne':
			return isDate(c.value) || isComplex(c.value) ? 8 : 1;
		case 'in':
		case 'nin':
			return 2;
		case 'regex':
			return 10;
		case 'elemMatch':
			return 20;
		case 'not':
		case 'all':
			return c.tests.reduce((sum, t) => sum + cost(t), 0);
		default:
			return 1;
	}
}

/** Compiles a condition into a predicate on a profile. */
export function compileCondition(condition: Condition, o: CompileOptions): Predicate {
	switch (condition.kind) {
		case 'and':
			return all([...condition.parts].sort((a, b) => cost(a) - cost(b)).map((p) => compileCondition(p, o)));
		case 'or':
			return any(condition.parts.map((p) => compileCondition(p, o)));
		case 'nor':
			return not(any(condition.parts.map((p) => compileCondition(p, o))));
		case 'field':
			return compileTest(condition.test, condition.path, o);
	}
}
