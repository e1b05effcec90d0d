// One ajv instance for all specs, plus readable error messages.
import Ajv, { type ErrorObject, type Format, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { getAtPointer, type Json, type Located } from './documents';
import { bundleSchema, type Patch } from './schema-convert';

const ajv = new Ajv({
	allErrors: true, // report every mismatch, not just the first
	// Schema strictness stays on (unknown keywords throw: the converter whitelists keywords, so
	// a throw means a converter bug). These three only warn about schema *style*
	// (properties without `type: object`, `required` naming undeclared properties, union
	// types) that the specs use everywhere; they never change what a body validates to.
	strictTypes: false,
	strictTuples: false,
	strictRequired: false,
	allowUnionTypes: true,
});
addFormats(ajv);
// JSON Schema's `time` is RFC 3339 full-time, which requires an offset. BigCommerce means
// wall-clock "HH:MM:SS" (its own promotions examples, e.g. daily_start_time "01:20:00", have
// none), so `time` accepts an optional offset, as ajv-formats' `iso-time` does.
ajv.addFormat('time', ajv.formats['iso-time'] as Format);

// Formats that specs use but ajv-formats does not know (e.g. `phone`, `ISO-8601`): accepted
// without checking, and listed by ignoredFormats() so that the gap is visible.
const ignored = new Set<string>();
function ensureFormats(formats: Iterable<string>): void {
	for (const format of formats) {
		if (ajv.formats[format] === undefined) {
			ajv.addFormat(format, true);
			ignored.add(format);
		}
	}
}

export function ignoredFormats(): string[] {
	return [...ignored].sort();
}

const patchLog = new Map<string, Patch>();
/** Every normalisation patch applied so far (deduplicated), for reports and tests. */
export function appliedPatches(): Patch[] {
	return [...patchLog.values()];
}

// Keyed by the schema node itself: parsed documents are cached per absolute path, so a node
// identifies one location in one copy of the specs (and repointing TAJO_SPECS_DIR cannot
// serve a validator compiled from another copy).
const compiled = new WeakMap<object, ValidateFunction>();

/** Compiles (once) the schema at a location in a spec document. */
export function validatorAt(located: Located): ValidateFunction {
	const key = typeof located.value === 'object' && located.value !== null ? located.value : undefined;
	const hit = key && compiled.get(key);
	if (hit) return hit;
	const bundle = bundleSchema(located);
	for (const p of bundle.patches) patchLog.set(`${p.rule} ${p.at} ${p.detail}`, p);
	ensureFormats(bundle.formats);
	let validate: ValidateFunction;
	try {
		validate = ajv.compile(bundle.schema);
	} catch (error) {
		throw new Error(`Cannot compile schema at ${located.rel}#${located.pointer}: ${(error as Error).message}`);
	}
	if (key) compiled.set(key, validate);
	return validate;
}

const MAX_PREVIEW = 120;
export function preview(value: unknown): string {
	if (value === undefined) return 'undefined';
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW)}…` : text;
}

function describe(error: ErrorObject, data: unknown): string {
	const where = error.instancePath === '' ? '(root)' : error.instancePath;
	const params = error.params as Record<string, unknown>;
	let message = error.message ?? error.keyword;
	if (error.keyword === 'additionalProperties') message += ` "${String(params.additionalProperty)}"`;
	if (error.keyword === 'enum') message += ` ${preview(params.allowedValues)}`;
	const value = getAtPointer(data as Json, error.instancePath);
	return `${where}: ${message} (value: ${preview(value)})`;
}

/** Validates and returns one readable line per error (empty when valid). */
export function validateAt(located: Located, data: unknown): string[] {
	const validate = validatorAt(located);
	if (validate(data)) return [];
	const lines = (validate.errors ?? []).map((e) => describe(e, data));
	return [...new Set(lines)];
}
