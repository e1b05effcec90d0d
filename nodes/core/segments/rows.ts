import { SegmentDefinitionError } from './errors';
import { parseConditions } from './parse';
import type { Condition, ParsedSegment } from './types';

/**
 * Segments built row by row in the node's UI, for marketers who do not write JSON: each row is
 * field + operator + value; a segment combines its rows with AND or OR. Every row is turned into
 * the same condition JSON the JSON mode accepts and validated by the same parser, so both modes
 * mean exactly the same thing.
 */

export const ROW_OPERATORS = {
	equals: '$eq',
	notEquals: '$ne',
	gt: '$gt',
	gte: '$gte',
	lt: '$lt',
	lte: '$lte',
	in: '$in',
	notIn: '$nin',
	exists: '$exists',
	notExists: '$exists',
	regex: '$regex',
	notRegex: '$regex',
	size: '$size',
} as const;

export type RowOperator = keyof typeof ROW_OPERATORS;
export type RowValueType = 'auto' | 'string' | 'number' | 'boolean' | 'json';

export interface SegmentRow {
	field: string;
	operator: RowOperator | string;
	value?: unknown;
	valueType?: RowValueType | string;
}

export interface RowSegment {
	name: string;
	/** 'and': every row must hold; 'or': at least one. */
	combine?: 'and' | 'or' | string;
	rows: SegmentRow[];
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A row's value text as a typed value. `auto`: numbers, true/false and null are recognised; anything else stays text. */
export function typedValue(raw: unknown, type: string): unknown {
	if (typeof raw !== 'string') return raw;
	const text = raw.trim();
	switch (type) {
		case 'string':
			return raw;
		case 'number': {
			if (!NUMBER.test(text)) throw new Error(`"${raw}" is not a number`);
			return Number(text);
		}
		case 'boolean':
			if (text === 'true' || text === 'false') return text === 'true';
			throw new Error(`"${raw}" is not true or false`);
		case 'json':
			try {
				return JSON.parse(text);
			} catch (error) {
				throw new Error(`"${raw}" is not valid JSON (${(error as Error).message})`);
			}
		case 'auto':
		default:
			if (NUMBER.test(text)) return Number(text);
			if (text === 'true' || text === 'false') return text === 'true';
			if (text === 'null') return null;
			return text;
	}
}

function listValue(raw: unknown, type: string): unknown {
	if (Array.isArray(raw)) return raw;
	if (typeof raw !== 'string') return [raw];
	const text = raw.trim();
	if (type === 'json' || (type === 'auto' && text.startsWith('['))) return typedValue(text, 'json');
	if (text === '') return [];
	return text.split(',').map((part) => typedValue(type === 'string' ? part.trim() : part, type));
}

/** `/pattern/flags` or a bare pattern. */
function regexValue(raw: unknown): { $regex: unknown; $options?: string } {
	if (typeof raw !== 'string') return { $regex: raw };
	const m = /^\/(.*)\/([a-z]*)$/s.exec(raw.trim());
	return m ? { $regex: m[1], $options: m[2] } : { $regex: raw };
}

function rowCondition(row: SegmentRow): Record<string, unknown> {
	const type = row.valueType ?? 'auto';
	const field = String(row.field ?? '').trim();
	const op = row.operator as RowOperator;
	if (!(op in ROW_OPERATORS)) throw new SegmentDefinitionError(`unknown operator "${row.operator}"`);
	let test: Record<string, unknown>;
	switch (op) {
		case 'exists':
		case 'notExists':
			test = { $exists: op === 'exists' };
			break;
		case 'in':
		case 'notIn':
			test = { [ROW_OPERATORS[op]]: listValue(row.value, type) };
			break;
		case 'regex':
			test = regexValue(row.value);
			break;
		case 'notRegex':
			test = { $not: regexValue(row.value) };
			break;
		case 'size':
			test = { $size: typedValue(row.value, type === 'auto' ? 'number' : type) };
			break;
		default:
			test = { [ROW_OPERATORS[op]]: typedValue(row.value, type) };
	}
	return { [field]: test };
}

/** Validates UI-built segments; errors name the segment and the row ("condition 2"). */
export function parseRowSegments(segments: RowSegment[]): ParsedSegment[] {
	if (segments.length === 0) throw new SegmentDefinitionError('no segments are defined: add a segment with at least one condition');
	const seen = new Set<string>();
	return segments.map((segment, index) => {
		const name = String(segment.name ?? '').trim();
		const label = name || `#${index + 1}`;
		if (!name) throw new SegmentDefinitionError('the segment has no name', '', label);
		if (seen.has(name)) throw new SegmentDefinitionError('the name is used by more than one segment; names must be unique', '', name);
		seen.add(name);
		if (segment.rows.length === 0) throw new SegmentDefinitionError('the segment has no conditions; add at least one', '', name);
		const parts: Condition[] = segment.rows.map((row, r) => {
			const where = `condition ${r + 1}`;
			try {
				if (!String(row.field ?? '').trim()) throw new SegmentDefinitionError('the field is empty (e.g. orders_count or billing_address.country)');
				return parseConditions(rowCondition(row));
			} catch (error) {
				if (error instanceof SegmentDefinitionError) throw error.inSegment(name, where, ': ');
				throw new SegmentDefinitionError((error as Error).message, where, name);
			}
		});
		const combine = segment.combine === 'or' ? 'or' : 'and';
		return { name, condition: parts.length === 1 ? parts[0] : { kind: combine, parts } };
	});
}
