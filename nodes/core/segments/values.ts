import { isDate } from './dates';

/** Value helpers shared by the compiled predicates: own-property reads, equality, number texts. */

const hasOwn = Object.prototype.hasOwnProperty;

/** A profile field, read only if the object itself holds it (never from its prototype chain). */
export function ownField(value: object, key: string): unknown {
	return hasOwn.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Objects a dotted path can step into: not arrays, not Dates. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDate(value);
}

const NUMBER_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** "69.8400" → 69.84 (BigCommerce sends money as text); NaN for anything that is not a plain number. */
export function numberFromText(text: string): number {
	return text.length <= 40 && NUMBER_TEXT.test(text) ? Number(text) : NaN;
}

/**
 * Deep equality of a profile value with a literal from the conditions: arrays element by element,
 * objects by their own keys in any order, Dates by instant.
 */
export function deepEqual(value: unknown, literal: unknown): boolean {
	if (value === literal) return true;
	if (typeof literal !== 'object' || literal === null || typeof value !== 'object' || value === null) {
		return typeof value === 'number' && typeof literal === 'number' && Number.isNaN(value) && Number.isNaN(literal);
	}
	if (isDate(literal)) return isDate(value) && value.getTime() === literal.getTime();
	if (Array.isArray(literal)) {
		if (!Array.isArray(value) || value.length !== literal.length) return false;
		for (let i = 0; i < literal.length; i++) if (!deepEqual(value[i], literal[i])) return false;
		return true;
	}
	if (!isRecord(value)) return false;
	const keys = Object.keys(literal);
	if (Object.keys(value).length !== keys.length) return false;
	for (const k of keys) {
		if (!hasOwn.call(value, k) || !deepEqual(value[k], (literal as Record<string, unknown>)[k])) return false;
	}
	return true;
}
