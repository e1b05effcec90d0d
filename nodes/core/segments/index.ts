import { compileCondition, type Predicate } from './compile';
import { isDate, parseDateString } from './dates';
import { parseSegmentDefinitions } from './definitions';
import { SegmentDefinitionError } from './errors';
import { checkTimeZone } from './time-zone';
import type { ParsedSegment } from './types';

/**
 * Customer segments (seed step 6): Mongo-style conditions with relative dates, validated once,
 * compiled once per evaluation into closures, then run on any number of profiles.
 * The language is described in README.md next to this file.
 */

export { SegmentDefinitionError } from './errors';
export { parseSegmentDefinitions } from './definitions';
export { parseRowSegments, type RowSegment, type SegmentRow, ROW_OPERATORS } from './rows';
export type { ParsedSegment, SegmentDefinition } from './types';

export interface EvaluationOptions {
	/** IANA time zone for relative dates and offset-less dates; default UTC. */
	timeZone?: string;
	/** The reference time for relative dates; default: when compileSegments is called. */
	now?: Date | number | string;
	/** Whether number texts ("69.8400") equal and compare with numbers; default false (Mongo's rule). */
	numberStrings?: boolean;
}

export interface CompiledSegment {
	readonly name: string;
	readonly test: Predicate;
}

/** The reference time as ms: Dates, epoch ms, ISO / RFC 2822 texts, and objects whose valueOf is ms (luxon DateTime). */
export function referenceTime(now: unknown, timeZone: string): number {
	if (now === undefined || now === null || now === '') return Date.now();
	let ms = NaN;
	if (typeof now === 'number') ms = now;
	else if (typeof now === 'string') ms = parseDateString(now.trim(), timeZone);
	else if (isDate(now)) ms = now.getTime();
	else if (typeof now === 'object') ms = Number(now);
	if (!Number.isFinite(ms)) throw new SegmentDefinitionError(`the reference time ${JSON.stringify(String(now))} is not a date (use e.g. 2024-01-31T09:30:00Z)`);
	return ms;
}

/** Compiles already-validated segments for one evaluation (one time, one zone). */
export function compileParsedSegments(segments: ParsedSegment[], options: EvaluationOptions = {}): CompiledSegment[] {
	let timeZone: string;
	try {
		timeZone = checkTimeZone(options.timeZone?.trim() || 'UTC');
	} catch (error) {
		throw new SegmentDefinitionError((error as Error).message);
	}
	const compileOptions = { now: referenceTime(options.now, timeZone), timeZone, numberStrings: options.numberStrings ?? false };
	return segments.map((s) => ({ name: s.name, test: compileCondition(s.condition, compileOptions) }));
}

/** Validates definitions (JSON text or a list of `{ name, conditions }`) and compiles them. */
export function compileSegments(definitions: unknown, options: EvaluationOptions = {}): CompiledSegment[] {
	return compileParsedSegments(parseSegmentDefinitions(definitions), options);
}

/** The names of the segments a profile belongs to, in definition order. */
export function matchingSegments(segments: readonly CompiledSegment[], profile: unknown): string[] {
	const names: string[] = [];
	for (let i = 0; i < segments.length; i++) if (segments[i].test(profile)) names.push(segments[i].name);
	return names;
}
