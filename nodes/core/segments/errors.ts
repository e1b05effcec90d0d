/**
 * A segment definition that cannot be used. The message names the segment and the path inside
 * it, so that a marketer can find the mistake: `Segment "At-Risk Customers":
 * conditions.last_order_date.$lt: "-90 dayz" is not a date or relative date (…)`.
 */
export class SegmentDefinitionError extends Error {
	constructor(
		readonly problem: string,
		readonly path: string = '',
		readonly segment?: string,
	) {
		super(`${segment !== undefined ? `Segment "${segment}": ` : ''}${path ? `${path}: ` : ''}${problem}`);
		this.name = 'SegmentDefinitionError';
	}

	/** The same problem, attributed to a segment (parsing does not know the segment's name). */
	inSegment(segment: string, prefix = '', separator = '.'): SegmentDefinitionError {
		const path = [prefix, this.path].filter(Boolean).join(this.path.startsWith('[') ? '' : separator);
		return new SegmentDefinitionError(this.problem, path, segment);
	}
}

/** A value as it appears in an error message, cut short when long. */
export function show(value: unknown): string {
	let text: string;
	try {
		text = value instanceof RegExp ? String(value) : (JSON.stringify(value) ?? String(value));
	} catch {
		text = String(value);
	}
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
