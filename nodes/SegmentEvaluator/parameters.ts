import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { compileParsedSegments, parseRowSegments, parseSegmentDefinitions, type CompiledSegment, type ParsedSegment, type RowSegment } from '../core/segments';

/** Maps the node's parameters to the segments core; no evaluation logic lives here. */

interface UiSegments {
	segment?: Array<{ name?: string; combine?: string; conditions?: { condition?: Array<Record<string, unknown>> } }>;
}

/** The UI rows as the core's RowSegment list. */
export function rowSegments(ui: UiSegments | undefined): RowSegment[] {
	return (ui?.segment ?? []).map((s) => ({
		name: s.name ?? '',
		combine: s.combine,
		rows: (s.conditions?.condition ?? []).map((c) => ({
			field: String(c.field ?? ''),
			operator: String(c.operator ?? 'equals'),
			value: c.value,
			valueType: String(c.valueType ?? 'auto'),
		})),
	}));
}

/** Validated segments from either definition source. */
export function parseFromParameters(source: string, json: unknown, ui: unknown): ParsedSegment[] {
	return source === 'rows' ? parseRowSegments(rowSegments(ui as UiSegments)) : parseSegmentDefinitions(json);
}

/** Reads and compiles the definitions once per execution (parameters of the first item). */
export function compileFromParameters(this: IExecuteFunctions): CompiledSegment[] {
	const source = this.getNodeParameter('definitionSource', 0) as string;
	const json = source === 'rows' ? undefined : this.getNodeParameter('segmentsJson', 0);
	const ui = source === 'rows' ? this.getNodeParameter('segmentsUi', 0, {}) : undefined;
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const timeZone = (options.timeZone as string | undefined)?.trim() || this.getTimezone();
	return compileParsedSegments(parseFromParameters(source, json, ui), {
		timeZone,
		now: (options.referenceTime as string | undefined) || undefined,
		numberStrings: (options.numberStrings as boolean | undefined) ?? true,
	});
}

/** Filter mode's dropdown: the names of the segments currently defined (nothing when they do not parse). */
export async function getSegmentNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		const source = (this.getCurrentNodeParameter('definitionSource') as string | undefined) ?? 'json';
		const segments = parseFromParameters(source, this.getCurrentNodeParameter('segmentsJson'), this.getCurrentNodeParameter('segmentsUi'));
		return segments.map((s) => ({ name: s.name, value: s.name }));
	} catch {
		return [];
	}
}
