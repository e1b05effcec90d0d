import { z } from 'zod';
import { SegmentDefinitionError } from './errors';
import { parseConditions } from './parse';
import type { ParsedSegment } from './types';

/**
 * The seed's segment list — `[{ name, conditions }, …]` — as JSON text or as parsed values,
 * validated at the boundary. The list's shape is checked with zod; the conditions language by
 * parse.ts, which knows the operators and gives paths.
 */

const MAX_SEGMENTS = 200;

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

// `conditions` stays z.unknown(): zod rebuilds records by assignment, which would turn a
// "__proto__" key into a prototype; parse.ts reads the original object by own keys instead.
const segmentSchema = z
	.object({
		name: z.string({ required_error: 'is missing', invalid_type_error: 'must be a text' }).trim().min(1, 'is empty'),
		conditions: z.unknown().refine(isObject, { message: 'must be an object, e.g. { "orders_count": { "$gte": 2 } }' }),
	})
	.strict();

const listSchema = z
	.array(z.unknown(), { invalid_type_error: 'segments must be a list: [ { "name": "…", "conditions": { … } }, … ]' })
	.max(MAX_SEGMENTS, `at most ${MAX_SEGMENTS} segments are allowed`);

function describeIssue(issue: z.ZodIssue): string {
	if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} (a segment has only "name" and "conditions")`;
	return issue.message;
}

/** Parses and validates segment definitions; throws SegmentDefinitionError naming the segment and path. */
export function parseSegmentDefinitions(input: unknown): ParsedSegment[] {
	let value = input;
	if (typeof input === 'string') {
		if (input.trim() === '') throw new SegmentDefinitionError('no segments are defined: enter a list such as [ { "name": "Repeat Customers", "conditions": { "orders_count": { "$gte": 2 } } } ]');
		try {
			value = JSON.parse(input);
		} catch (error) {
			throw new SegmentDefinitionError(`the segment definitions are not valid JSON (${(error as Error).message})`);
		}
	}
	const list = listSchema.safeParse(value);
	if (!list.success) throw new SegmentDefinitionError(describeIssue(list.error.issues[0]));
	if (list.data.length === 0) throw new SegmentDefinitionError('the list of segments is empty');

	const seen = new Map<string, number>();
	return list.data.map((raw, index) => {
		const label = isObject(raw) && typeof (raw as { name?: unknown }).name === 'string' && (raw as { name: string }).name.trim() ? (raw as { name: string }).name.trim() : `#${index + 1}`;
		const parsed = segmentSchema.safeParse(raw);
		if (!parsed.success) {
			const issues = parsed.error.issues;
			const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
			throw new SegmentDefinitionError(`${issue.path.join('.')} ${describeIssue(issue)}`.trim(), '', label);
		}
		const name = parsed.data.name;
		const previous = seen.get(name);
		if (previous !== undefined) throw new SegmentDefinitionError(`the name is used by segments ${previous + 1} and ${index + 1}; names must be unique`, '', name);
		seen.set(name, index);
		try {
			return { name, condition: parseConditions((raw as { conditions: unknown }).conditions) };
		} catch (error) {
			if (error instanceof SegmentDefinitionError) throw error.inSegment(name, 'conditions');
			throw error;
		}
	});
}
