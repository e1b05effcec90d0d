// Validating an HTTP response (status + JSON body) against the operation's declared response.
import { deref, isObject, joinPointer, type Located } from './documents';
import { findSpecOperation } from './paths';
import type { LoadedSpec, SpecOperation } from './spec';
import { preview, validateAt } from './validator';

export interface ResponseUnderTest {
	method: string;
	path: string;
	status: number;
	/** Parsed JSON body; undefined (or '') when the response had none. */
	body?: unknown;
	headers?: Record<string, string | string[] | undefined>;
}

export interface ResponseCheck {
	ok: boolean;
	errors: string[];
	template?: string;
	operationId?: string;
}

function hasBody(body: unknown): boolean {
	return body !== undefined && body !== null && body !== '';
}

function pickResponse(op: SpecOperation, status: number): { key: string; located: Located } | { declared: string[] } {
	const responses = op.operation.responses;
	if (!isObject(responses)) return { declared: [] };
	const klass = `${Math.floor(status / 100)}`;
	for (const key of [String(status), `${klass}XX`, `${klass}xx`, 'default']) {
		if (responses[key] === undefined) continue;
		const pointer = joinPointer(op.location.pointer, 'responses', key);
		return { key, located: deref({ rel: op.location.rel, pointer, value: responses[key] }) };
	}
	return { declared: Object.keys(responses) };
}

const JSON_MEDIA = /^application\/json\b|[/+]json\s*(;|$)/i;

/** The JSON body schema of a response, or why there is none. */
function bodySchema(spec: LoadedSpec, response: Located): { schema?: Located; mediaTypes: string[] } {
	const value = response.value;
	if (!isObject(value)) return { mediaTypes: [] };
	if (spec.dialect === 'swagger2') {
		return value.schema === undefined ? { mediaTypes: [] } : { schema: { rel: response.rel, pointer: joinPointer(response.pointer, 'schema'), value: value.schema }, mediaTypes: ['application/json'] };
	}
	if (!isObject(value.content)) return { mediaTypes: [] };
	const mediaTypes = Object.keys(value.content);
	const chosen = mediaTypes.find((t) => /^application\/json\s*(;|$)/i.test(t)) ?? mediaTypes.find((t) => JSON_MEDIA.test(t)) ?? mediaTypes.find((t) => t === '*/*');
	if (chosen === undefined) return { mediaTypes };
	const media = value.content[chosen];
	if (!isObject(media) || media.schema === undefined) return { mediaTypes };
	return { schema: { rel: response.rel, pointer: joinPointer(response.pointer, 'content', chosen, 'schema'), value: media.schema }, mediaTypes };
}

function headerValue(headers: ResponseUnderTest['headers'], name: string): string | undefined {
	if (!headers) return undefined;
	const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
	const value = entry?.[1];
	return Array.isArray(value) ? value.join(', ') : value;
}

export function validateResponse(spec: LoadedSpec, res: ResponseUnderTest): ResponseCheck {
	const op = findSpecOperation(spec, res.method, res.path);
	if (!op) {
		return { ok: false, errors: [`no operation in ${spec.relPath} matches ${res.method.toUpperCase()} ${res.path} (server base paths: ${spec.basePaths.join(', ') || '(none)'})`] };
	}
	const result = (errors: string[]): ResponseCheck => ({ ok: errors.length === 0, errors, template: op.template, operationId: op.operationId });
	const picked = pickResponse(op, res.status);
	if (!('key' in picked)) return result([`spec declares no response for status ${res.status} (declared: ${picked.declared.join(', ') || 'none'})`]);

	const { schema, mediaTypes } = bodySchema(spec, picked.located);
	const contentType = headerValue(res.headers, 'content-type');
	if (res.status === 204 || (schema === undefined && mediaTypes.length === 0)) {
		// No content declared: any body is a contract break.
		return result(hasBody(res.body) ? [`status ${res.status} (response "${picked.key}") declares no body, but the response has one: ${preview(res.body)}`] : []);
	}
	if (schema === undefined) {
		return result([`response "${picked.key}" for status ${res.status} has no application/json schema (media types: ${mediaTypes.join(', ') || 'none'})`]);
	}
	const errors: string[] = [];
	if (contentType !== undefined && !JSON_MEDIA.test(contentType)) errors.push(`content-type is "${contentType}", expected a JSON media type`);
	if (res.body === undefined || res.body === '') {
		errors.push(`status ${res.status} (response "${picked.key}") declares a JSON body, but the response has none`);
		return result(errors);
	}
	errors.push(...validateAt(schema, res.body));
	return result(errors);
}

/** Jest helper: throws one Error that lists every mismatch. */
export function expectResponseMatchesSpec(spec: LoadedSpec, res: ResponseUnderTest): void {
	const check = validateResponse(spec, res);
	if (check.ok) return;
	const operation = check.template ? ` (operation ${check.operationId ?? '?'}, template ${check.template})` : '';
	throw new Error(
		`${res.method.toUpperCase()} ${res.path} -> ${res.status} does not match ${spec.relPath}${operation}:\n` +
			check.errors.map((e) => `  - ${e}`).join('\n'),
	);
}
