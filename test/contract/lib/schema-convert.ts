// Turns an OpenAPI 3.0 / Swagger 2.0 schema (with its $refs, across files) into one
// self-contained JSON Schema (draft-07 + $defs) that ajv can compile with strict schema checks.
//
// Conversion (OpenAPI semantics -> JSON Schema, not patches):
// - `nullable: true` (OAS3) and `x-nullable: true` (Swagger 2) add "null" to type/enum, or wrap in anyOf.
// - boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04 style) become the numeric draft-07 form.
// - `oneOf` becomes `anyOf`: these specs use oneOf for alternatives that overlap as soon as
//   additionalProperties is absent (i.e. almost always), so exclusivity would reject valid bodies.
// - a `$ref` with siblings: the siblings are ignored (OAS 3.0 rule) except `nullable`.
// - annotations and vendor keywords (description, example, discriminator, xml, x-*, ...) are dropped;
//   readOnly/writeOnly are honoured by dropping writeOnly properties from `required` (responses only).
//
// Normalisation of broken spec schemas (each one is recorded as a Patch; see appliedPatches()):
// - invalid-type: `type` that is not a JSON Schema type (e.g. `date`, `datetime`, `file`, `any`) ->
//   `date`/`datetime` become string, the rest drop the type constraint.
// - invalid-pattern: a `pattern` that is not a valid ECMAScript regex with the u flag: identity
//   escapes such as `\ ` are unescaped (BigCommerce coupon codes, YAML "[a-zA-Z0-9_\\ -]"); if it is
//   still invalid it is dropped.
// - boolean-required: `required: true|false` on a property (Swagger parameter habit) is dropped.
// - properties-allOf: `properties: { allOf: [...] }` (BigCommerce webhooks _all.yml) is hoisted to
//   the schema's own allOf.
// - non-schema-value: a property/items/allOf member that is not an object is replaced by {}.
// - keyword-type: numeric keywords written as strings (e.g. maxLength: '255') are converted,
//   or dropped when not numeric.
// - unknown-keyword: any other unknown keyword is dropped (listed so that typos are visible).
// - location: keyword fixes for one exact schema, listed with reasons in spec-patches.ts.
import { locationPatch } from './spec-patches';
import { deref, isObject, joinPointer, resolveRef, type Json, type JsonObject, type Located } from './documents';

export interface Patch {
	rule: string;
	at: string;
	detail: string;
}

export interface Bundle {
	schema: JsonObject;
	patches: Patch[];
	formats: Set<string>;
}

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
const TYPE_FIXES: Record<string, string> = { date: 'string', datetime: 'string', 'date-time': 'string', text: 'string', int: 'integer', float: 'number', double: 'number', bool: 'boolean' };
const NUMBER_KEYWORDS = new Set(['minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']);
// Dropped without comment: they carry no validation meaning.
const IGNORED_KEYWORDS = new Set([
	'title', 'description', 'example', 'examples', 'default', 'discriminator', 'xml', 'externalDocs', 'deprecated',
	'readOnly', 'writeOnly', 'nullable', 'x-nullable', '$schema', '$id', 'id', 'collectionFormat', 'name', 'in',
]);

class Bundler {
	readonly defs: Record<string, Json> = {};
	readonly patches: Patch[] = [];
	readonly formats = new Set<string>();
	private readonly keys = new Map<string, string>();

	patch(rule: string, rel: string, pointer: string, detail: string): void {
		this.patches.push({ rule, at: `${rel}#${pointer}`, detail });
	}

	/** Registers the target of a $ref once (so recursive schemas terminate) and points to it. */
	refTo(rel: string, ref: string): JsonObject {
		const target = deref(resolveRef(rel, ref));
		const id = `${target.rel}#${target.pointer}`;
		let key = this.keys.get(id);
		if (key === undefined) {
			const base = (target.pointer.split('/').pop() || target.rel.split('/').pop() || 'root').replace(/[^A-Za-z0-9_.-]/g, '_');
			key = base;
			for (let n = 2; Object.prototype.hasOwnProperty.call(this.defs, key); n++) key = `${base}_${n}`;
			this.keys.set(id, key);
			this.defs[key] = {}; // placeholder: a cycle back to this schema finds the key already taken
			this.defs[key] = this.convert(target.value, target.rel, target.pointer);
		}
		return { $ref: `#/$defs/${encodeURIComponent(key)}` };
	}

	convert(node: Json, rel: string, pointer: string): Json {
		if (typeof node === 'boolean') return node;
		if (!isObject(node)) {
			this.patch('non-schema-value', rel, pointer, `expected a schema object, found ${JSON.stringify(node)}`);
			return {};
		}
		const nullable = node.nullable === true || node['x-nullable'] === true;
		if (typeof node.$ref === 'string') {
			const ref = this.refTo(rel, node.$ref);
			return nullable ? { anyOf: [ref, { type: 'null' }] } : ref;
		}
		const out: JsonObject = {};
		const fix = locationPatch(rel, pointer);
		if (fix) this.patch('location', rel, pointer, `dropped ${fix.drop.join(', ')}: ${fix.why}`);
		for (const [key, value] of Object.entries(node)) {
			const at = joinPointer(pointer, key);
			if (IGNORED_KEYWORDS.has(key) || key.startsWith('x-') || fix?.drop.includes(key)) continue;
			switch (key) {
				case 'type':
					this.convertType(value, out, rel, at);
					break;
				case 'properties':
				case 'patternProperties':
					this.convertProperties(key, value, out, rel, at);
					break;
				case 'additionalProperties':
					out[key] = typeof value === 'boolean' ? value : this.convert(value, rel, at);
					break;
				case 'items':
					out.items = Array.isArray(value) ? value.map((v, i) => this.convert(v, rel, joinPointer(at, i))) : this.convert(value, rel, at);
					break;
				case 'allOf':
				case 'anyOf':
				case 'oneOf':
					this.convertList(key, value, out, rel, at);
					break;
				case 'not':
					out.not = this.convert(value, rel, at);
					break;
				case 'required':
					if (Array.isArray(value)) out.required = value.filter((v) => typeof v === 'string');
					else this.patch('boolean-required', rel, at, `required: ${JSON.stringify(value)} on a schema`);
					break;
				case 'enum':
					if (Array.isArray(value)) out.enum = [...value];
					else this.patch('keyword-type', rel, at, 'enum is not an array; dropped');
					break;
				case 'const':
					out.const = value;
					break;
				case 'format':
					if (typeof value === 'string') {
						out.format = value;
						this.formats.add(value);
					}
					break;
				case 'pattern':
					this.convertPattern(value, out, rel, at);
					break;
				case 'uniqueItems':
					if (typeof value === 'boolean') out.uniqueItems = value;
					break;
				case 'exclusiveMinimum':
				case 'exclusiveMaximum':
					out[key] = value; // fixed up below once minimum/maximum are known
					break;
				default:
					if (NUMBER_KEYWORDS.has(key)) this.convertNumber(key, value, out, rel, at);
					else this.patch('unknown-keyword', rel, at, `dropped unknown keyword "${key}"`);
			}
		}
		fixExclusive(out, 'exclusiveMinimum', 'minimum');
		fixExclusive(out, 'exclusiveMaximum', 'maximum');
		dropWriteOnlyRequired(node, out);
		return nullable ? makeNullable(out) : out;
	}

	private convertType(value: Json, out: JsonObject, rel: string, at: string): void {
		const types = (Array.isArray(value) ? value : [value]).filter((t): t is string => typeof t === 'string');
		const kept: string[] = [];
		for (const t of types) {
			if (JSON_TYPES.has(t)) kept.push(t);
			else if (TYPE_FIXES[t]) {
				kept.push(TYPE_FIXES[t]);
				this.patch('invalid-type', rel, at, `type: ${t} -> ${TYPE_FIXES[t]}`);
			} else {
				this.patch('invalid-type', rel, at, `type: ${t} dropped (no constraint)`);
				return; // one unconstrained alternative makes the whole union unconstrained
			}
		}
		if (kept.length === 1) out.type = kept[0];
		else if (kept.length > 1) out.type = [...new Set(kept)];
	}

	private convertProperties(key: string, value: Json, out: JsonObject, rel: string, at: string): void {
		if (!isObject(value)) {
			this.patch('non-schema-value', rel, at, `${key} is not an object; dropped`);
			return;
		}
		const props: JsonObject = {};
		for (const [name, schema] of Object.entries(value)) {
			if (key === 'properties' && name === 'allOf' && Array.isArray(schema)) {
				this.patch('properties-allOf', rel, joinPointer(at, name), 'properties.allOf hoisted to allOf');
				this.convertList('allOf', schema, out, rel, joinPointer(at, name));
				continue;
			}
			props[name] = this.convert(schema, rel, joinPointer(at, name));
		}
		out[key] = props;
	}

	private convertList(key: string, value: Json, out: JsonObject, rel: string, at: string): void {
		if (!Array.isArray(value)) {
			this.patch('non-schema-value', rel, at, `${key} is not an array; dropped`);
			return;
		}
		const converted = value.map((v, i) => this.convert(v, rel, joinPointer(at, i)));
		if (converted.length === 0) return;
		const allOf = Array.isArray(out.allOf) ? out.allOf : [];
		if (key === 'allOf') out.allOf = [...allOf, ...converted];
		// oneOf is read as anyOf (see header). A second alternative list on the same schema must
		// hold as well, so it is nested under allOf rather than merged.
		else if (out.anyOf === undefined) out.anyOf = converted;
		else out.allOf = [...allOf, { anyOf: converted }];
	}

	private convertPattern(value: Json, out: JsonObject, rel: string, at: string): void {
		if (typeof value !== 'string') {
			this.patch('invalid-pattern', rel, at, `pattern ${JSON.stringify(value)} is not a string; dropped`);
			return;
		}
		if (validUnicodeRegExp(value)) {
			out.pattern = value;
			return;
		}
		// `\ ` and similar identity escapes are legal in legacy regexes but not with the u flag
		// (which ajv uses); unescaping them keeps the meaning.
		const unescaped = value.replace(/\\([ !"#%&',:;<=>@`~_])/g, '$1');
		if (validUnicodeRegExp(unescaped)) {
			out.pattern = unescaped;
			this.patch('invalid-pattern', rel, at, `pattern ${JSON.stringify(value)} -> ${JSON.stringify(unescaped)} (identity escapes are invalid with the u flag)`);
		} else this.patch('invalid-pattern', rel, at, `pattern ${JSON.stringify(value)} dropped: not a valid regular expression`);
	}

	private convertNumber(key: string, value: Json, out: JsonObject, rel: string, at: string): void {
		if (typeof value === 'number') out[key] = value;
		else if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
			out[key] = Number(value);
			this.patch('keyword-type', rel, at, `${key}: '${value}' -> ${Number(value)}`);
		} else this.patch('keyword-type', rel, at, `${key}: ${JSON.stringify(value)} dropped`);
	}
}

function validUnicodeRegExp(pattern: string): boolean {
	try {
		new RegExp(pattern, 'u'); // what ajv does (unicodeRegExp is on by default)
		return true;
	} catch {
		return false;
	}
}

function fixExclusive(out: JsonObject, exclusive: string, bound: string): void {
	const flag = out[exclusive];
	if (typeof flag !== 'boolean') return;
	delete out[exclusive];
	if (flag && typeof out[bound] === 'number') {
		out[exclusive] = out[bound];
		delete out[bound];
	}
}

function dropWriteOnlyRequired(node: JsonObject, out: JsonObject): void {
	if (!Array.isArray(out.required) || !isObject(node.properties)) return;
	const props = node.properties;
	out.required = out.required.filter((name) => {
		const prop = typeof name === 'string' ? props[name] : undefined;
		return !(isObject(prop) && prop.writeOnly === true);
	});
}

function makeNullable(out: JsonObject): JsonObject {
	if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
	if (typeof out.type === 'string') {
		out.type = [out.type, 'null'];
		return out;
	}
	if (Array.isArray(out.type)) {
		if (!out.type.includes('null')) out.type = [...out.type, 'null'];
		return out;
	}
	// No type of its own (allOf/anyOf composition): null has to bypass every constraint.
	return Object.keys(out).length === 0 ? out : { anyOf: [out, { type: 'null' }] };
}

/** Bundles the schema found at `located` (following a leading $ref) into one JSON Schema. */
export function bundleSchema(located: Located): Bundle {
	const bundler = new Bundler();
	const root = bundler.convert(located.value, located.rel, located.pointer);
	const schema: JsonObject = isObject(root) ? { ...root } : root ? {} : { not: {} };
	if (Object.keys(bundler.defs).length > 0) schema.$defs = bundler.defs;
	return { schema, patches: bundler.patches, formats: bundler.formats };
}
