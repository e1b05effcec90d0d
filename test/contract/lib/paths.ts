// Matching a concrete request path against path templates, after stripping a server base path.
import type { LoadedSpec, SpecOperation } from './spec';

/** '/a/b/' or 'http://host/a/b?x=1' -> ['a', 'b']. */
export function pathSegments(path: string): string[] {
	const withoutOrigin = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
	const withoutQuery = withoutOrigin.split(/[?#]/)[0];
	return withoutQuery.split('/').filter((s) => s !== '');
}

function isParam(segment: string): boolean {
	return segment.includes('{');
}

// A template segment may mix literals and params ('{id}.json', 'file:{name}').
function segmentPattern(segment: string): RegExp {
	const escaped = segment
		.split(/\{[^}]*\}/)
		.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('[^/]+');
	return new RegExp(`^${escaped}$`);
}

/** Score of a template against concrete segments: one digit per segment, 2 = literal, 1 = param. */
export function matchTemplate(template: string, concrete: string[]): number[] | undefined {
	const segments = pathSegments(template);
	if (segments.length !== concrete.length) return undefined;
	const score: number[] = [];
	for (let i = 0; i < segments.length; i++) {
		if (!isParam(segments[i])) {
			if (segments[i] !== concrete[i]) return undefined;
			score.push(2);
		} else {
			if (!segmentPattern(segments[i]).test(concrete[i])) return undefined;
			score.push(1);
		}
	}
	return score;
}

function compareScores(a: number[], b: number[]): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
	return a.length - b.length;
}

/**
 * The ways a concrete path can be read relative to a base path: with the whole base stripped
 * ('/stores/abc/v3/customers'), a trailing part of it ('/v3/customers'), or none ('/customers').
 * Longest strip first.
 */
export function stripBasePath(concrete: string[], basePath: string): string[][] {
	const base = pathSegments(basePath);
	const remainders: string[][] = [];
	for (let start = 0; start <= base.length; start++) {
		const suffix = base.slice(start);
		if (suffix.length > concrete.length) continue;
		const fits = suffix.every((seg, i) => (isParam(seg) ? concrete[i] !== '' : seg === concrete[i]));
		if (fits) remainders.push(concrete.slice(suffix.length));
	}
	return remainders;
}

/** Best template for a concrete path among `templates` (literal segments beat params). */
export function bestTemplate<T>(items: T[], templateOf: (item: T) => string, concrete: string[], basePaths: string[]): T | undefined {
	for (const basePath of basePaths) {
		for (const remainder of stripBasePath(concrete, basePath)) {
			let best: { item: T; score: number[] } | undefined;
			for (const item of items) {
				const score = matchTemplate(templateOf(item), remainder);
				if (score && (!best || compareScores(score, best.score) > 0)) best = { item, score };
			}
			if (best) return best.item;
		}
	}
	return undefined;
}

/** Full record for a request (with the operation's document location), or undefined. */
export function findSpecOperation(spec: LoadedSpec, method: string, concretePath: string): SpecOperation | undefined {
	const wanted = method.toLowerCase();
	const candidates = spec.operations.filter((op) => op.method === wanted);
	return bestTemplate(candidates, (op) => op.template, pathSegments(concretePath), spec.basePaths);
}

export function findOperation(spec: LoadedSpec, method: string, concretePath: string): { template: string; operation: SpecOperation['operation']; operationId?: string } | undefined {
	const found = findSpecOperation(spec, method, concretePath);
	return found ? { template: found.template, operation: found.operation, operationId: found.operationId } : undefined;
}
