// Brevo's Fern-generated WireMock stubs: the only machine-readable source for routes that the
// 2025 OpenAPI mirror lacks (e.g. POST /events/batch). They are examples, not schemas, so the
// check is structural: same keys and JSON types. Their status codes are unreliable (void
// endpoints show 200 where the API answers 204), so statuses are not compared here.
import { loadDocument, isObject, escapePointerSegment, type Json } from './documents';
import { bestTemplate, pathSegments } from './paths';
import { preview } from './validator';

export const WIREMOCK_FILE = 'brevo/wiremock-mappings.json';
const BREVO_BASE_PATH = '/v3';

export interface WiremockStub {
	id: string;
	name: string;
	method: string; // upper case
	urlPathTemplate: string;
	status: number;
	/** Parsed example body; undefined when the stub has an empty body. */
	body: unknown;
	headers: Record<string, string>;
}

let stubs: { doc: Json; list: WiremockStub[] } | undefined;

export function loadWiremock(): WiremockStub[] {
	const doc = loadDocument(WIREMOCK_FILE);
	if (stubs && stubs.doc === doc) return stubs.list;
	if (!isObject(doc) || !Array.isArray(doc.mappings)) throw new Error(`${WIREMOCK_FILE} has no "mappings" array`);
	const list = doc.mappings.flatMap((m): WiremockStub[] => {
		if (!isObject(m) || !isObject(m.request) || !isObject(m.response)) return [];
		const { request, response } = m;
		const template = request.urlPathTemplate ?? request.urlPath ?? request.url;
		if (typeof template !== 'string' || typeof request.method !== 'string') return [];
		const rawBody = response.body;
		let body: unknown = response.jsonBody ?? undefined;
		if (typeof rawBody === 'string' && rawBody.trim() !== '') body = JSON.parse(rawBody);
		return [{
			id: String(m.id ?? ''),
			name: String(m.name ?? ''),
			method: request.method.toUpperCase(),
			urlPathTemplate: template,
			status: typeof response.status === 'number' ? response.status : 200,
			body: body === '' ? undefined : body,
			headers: isObject(response.headers) ? (Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, String(v)])) as Record<string, string>) : {},
		}];
	});
	stubs = { doc, list };
	return list;
}

/** The stub for a Brevo request path ('/v3/contacts/5' or '/contacts/5'); literal segments win. */
export function findWiremockStub(method: string, path: string): WiremockStub | undefined {
	const wanted = method.toUpperCase();
	const candidates = loadWiremock().filter((s) => s.method === wanted);
	return bestTemplate(candidates, (s) => s.urlPathTemplate, pathSegments(path), [BREVO_BASE_PATH]);
}

type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
function jsonType(value: unknown): JsonType | 'undefined' {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	const t = typeof value;
	return t === 'boolean' || t === 'number' || t === 'string' || t === 'object' ? t : 'undefined';
}

export interface ShapeOptions {
	/** JSON pointers to skip (with '*' matching any one segment), e.g. '/contacts/*\/attributes'. */
	ignore?: string[];
}

function ignored(pointer: string, patterns: string[]): boolean {
	const segments = pointer.split('/');
	return patterns.some((pattern) => {
		const parts = pattern.split('/');
		return parts.length <= segments.length && parts.every((p, i) => p === '*' || p === segments[i]);
	});
}

/**
 * Differences between an example and a body: missing keys, extra keys and JSON type
 * mismatches, recursively; arrays are compared item by item against the example's first item.
 * A null in the example says nothing about the type, so anything matches it.
 */
export function shapeDifferences(example: unknown, body: unknown, options: ShapeOptions = {}): string[] {
	const patterns = options.ignore ?? [];
	const out: string[] = [];
	const walk = (ex: unknown, actual: unknown, at: string): void => {
		if (ignored(at, patterns) || ex === null) return;
		const want = jsonType(ex);
		const got = jsonType(actual);
		if (want !== got) {
			out.push(`${at || '(root)'}: expected ${want} like ${preview(ex)}, got ${got} (value: ${preview(actual)})`);
			return;
		}
		if (Array.isArray(ex) && Array.isArray(actual)) {
			if (ex.length > 0) actual.forEach((item, i) => walk(ex[0], item, `${at}/${i}`));
			return;
		}
		if (isObject(ex) && isObject(actual)) {
			for (const key of Object.keys(ex)) {
				const child = `${at}/${escapePointerSegment(key)}`;
				if (!(key in actual)) {
					if (!ignored(child, patterns)) out.push(`${child}: missing (example: ${preview(ex[key])})`);
				} else walk(ex[key], actual[key], child);
			}
			for (const key of Object.keys(actual)) {
				const child = `${at}/${escapePointerSegment(key)}`;
				if (!(key in ex) && !ignored(child, patterns)) out.push(`${child}: not in the example (value: ${preview(actual[key])})`);
			}
		}
	};
	// An empty example body means "no content"; an absent body matches it.
	if ((example === undefined || example === '') && (body === undefined || body === '')) return [];
	walk(example, body, '');
	return out;
}

/** Jest helper: throws one Error that lists every difference. */
export function expectShapeLike(example: unknown, body: unknown, options: ShapeOptions = {}): void {
	const differences = shapeDifferences(example, body, options);
	if (differences.length > 0) throw new Error(`body does not have the example's shape:\n${differences.map((d) => `  - ${d}`).join('\n')}`);
}
