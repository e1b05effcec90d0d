import type { RelativeDate } from './relative-dates';

/**
 * The validated form of a segment's conditions. Parsing (parse.ts) checks the JSON once and
 * produces this tree; compiling (compile.ts) turns it into closures for a given time and zone.
 */

/** A JSON value (plus Date, for callers that build conditions in code). */
export type Literal = null | boolean | number | string | Date | Literal[] | { [key: string]: Literal };

export type Condition =
	| { kind: 'and'; parts: Condition[] }
	| { kind: 'or'; parts: Condition[] }
	| { kind: 'nor'; parts: Condition[] }
	| { kind: 'field'; path: string[]; test: FieldTest };

/** An operand of $gt/$gte/$lt/$lte: dates are kept unresolved until the evaluation time is known. */
export type RangeOperand =
	| { type: 'number'; value: number }
	| { type: 'string'; value: string }
	| { type: 'instant'; ms: number }
	| { type: 'absolute'; text: string }
	| { type: 'relative'; text: string; relative: RelativeDate };

export type Comparison = 'gt' | 'gte' | 'lt' | 'lte';

export type FieldTest =
	| { op: 'eq'; value: Literal }
	| { op: 'ne'; value: Literal }
	| { op: 'in'; values: Literal[] }
	| { op: 'nin'; values: Literal[] }
	| { op: 'range'; comparison: Comparison; operand: RangeOperand }
	| { op: 'exists'; value: boolean }
	| { op: 'regex'; regex: RegExp }
	| { op: 'size'; size: number }
	| { op: 'elemMatch'; form: 'value'; tests: FieldTest[] }
	| { op: 'elemMatch'; form: 'document'; condition: Condition }
	| { op: 'not'; tests: FieldTest[] }
	| { op: 'all'; tests: FieldTest[] };

/** A segment as written by the user: the seed's `{ name, conditions }`. */
export interface SegmentDefinition {
	name: string;
	conditions: Record<string, unknown>;
}

/** A segment after validation. */
export interface ParsedSegment {
	name: string;
	condition: Condition;
}
