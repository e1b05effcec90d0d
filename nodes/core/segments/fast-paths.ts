import { toInstant } from './dates';
import type { Comparison } from './types';

/**
 * Specialised closures for the most common condition shape — one top-level field compared with
 * a number, a text, a boolean or a date — with the field read and the test in one function.
 *
 * Why: closures built from one generic function literal share V8's call-site feedback, so their
 * inner calls become megamorphic and are never inlined; a separate literal per shape keeps each
 * call site monomorphic. Each builder receives `general`, the generic predicate for the same
 * test, and defers to it for anything but a plain object (so semantics cannot drift).
 */

type Predicate = (value: unknown) => boolean;
const hasOwn = Object.prototype.hasOwnProperty;

// Module-level helpers (not per-closure) so that every call site sees one target.
function isPlain(doc: unknown): doc is Record<string, unknown> {
	return typeof doc === 'object' && doc !== null && !Array.isArray(doc);
}

function own(doc: Record<string, unknown>, key: string): boolean {
	return hasOwn.call(doc, key);
}

/** `{ field: literal }` for a string, boolean or number literal (no number texts). */
export function fieldEquals(key: string, literal: string | number | boolean, general: Predicate): Predicate {
	return (doc) => {
		if (!isPlain(doc)) return general(doc);
		const v = doc[key];
		if (v === literal) return own(doc, key);
		return Array.isArray(v) && general(doc);
	};
}

/** `{ field: { $gt/$gte/$lt/$lte: number } }` (no number texts). */
export function fieldNumberRange(key: string, c: Comparison, bound: number, general: Predicate): Predicate {
	switch (c) {
		case 'gt':
			return (doc) => {
				if (!isPlain(doc)) return general(doc);
				const v = doc[key];
				return typeof v === 'number' ? v > bound && own(doc, key) : Array.isArray(v) && general(doc);
			};
		case 'gte':
			return (doc) => {
				if (!isPlain(doc)) return general(doc);
				const v = doc[key];
				return typeof v === 'number' ? v >= bound && own(doc, key) : Array.isArray(v) && general(doc);
			};
		case 'lt':
			return (doc) => {
				if (!isPlain(doc)) return general(doc);
				const v = doc[key];
				return typeof v === 'number' ? v < bound && own(doc, key) : Array.isArray(v) && general(doc);
			};
		case 'lte':
			return (doc) => {
				if (!isPlain(doc)) return general(doc);
				const v = doc[key];
				return typeof v === 'number' ? v <= bound && own(doc, key) : Array.isArray(v) && general(doc);
			};
	}
}

/** `{ field: { $gt/$gte/$lt/$lte: <date> } }` with the date resolved to `bound` ms. */
export function fieldInstantRange(key: string, c: Comparison, bound: number, zone: string, general: Predicate): Predicate {
	switch (c) {
		case 'gt':
			return (doc) => {
				if (!isPlain(doc)) return general(doc);
				const v = doc[key];
				return Array.isArray(v) ? general(doc) : toInstant(v, zone) > bound && own(doc, key);
			};
		case 'gte':
			return (doc) => {
				if (!isPlain(doc)) return general(doc);
				const v = doc[key];
				return Array.isArray(v) ? general(doc) : toInstant(v, zone) >= bound && own(doc, key);
			};
		case 'lt':
			return (doc) => {
				if (!isPlain(doc)) return general(doc);
				const v = doc[key];
				return Array.isArray(v) ? general(doc) : toInstant(v, zone) < bound && own(doc, key);
			};
		case 'lte':
			return (doc) => {
				if (!isPlain(doc)) return general(doc);
				const v = doc[key];
				return Array.isArray(v) ? general(doc) : toInstant(v, zone) <= bound && own(doc, key);
			};
	}
}
