// Parsed spec documents and $ref resolution across files. Every document is named by its path
// relative to the specs folder (posix separators), which is also how refs are reported.
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { specFilePath } from './specs-root';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A resolved location: which document, where in it (JSON pointer without '#'), and what is there. */
export interface Located {
	rel: string;
	pointer: string;
	value: Json;
}

// Keyed by absolute path so that repointing TAJO_SPECS_DIR never serves a stale document.
const cache = new Map<string, Json>();

export function normaliseRel(relPath: string): string {
	return path.posix.normalize(relPath.replace(/\\/g, '/')).replace(/^\.\//, '');
}

export function loadDocument(relPath: string): Json {
	const abs = specFilePath(normaliseRel(relPath));
	const hit = cache.get(abs);
	if (hit !== undefined) return hit;
	const text = fs.readFileSync(abs, 'utf8');
	let doc: Json;
	try {
		// The YAML 1.2 core schema (the default) keeps example dates as strings, which matters:
		// Brevo's examples include impossible dates. JSON goes through JSON.parse (much faster).
		doc = (abs.endsWith('.json') ? JSON.parse(text) : YAML.parse(text, { maxAliasCount: -1 })) as Json;
	} catch (error) {
		throw new Error(`Cannot parse spec file ${relPath}: ${(error as Error).message}`);
	}
	cache.set(abs, doc);
	return doc;
}

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function escapePointerSegment(segment: string): string {
	return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(pointer: string, ...segments: Array<string | number>): string {
	return pointer + segments.map((s) => '/' + escapePointerSegment(String(s))).join('');
}

export function getAtPointer(doc: Json, pointer: string): Json | undefined {
	if (pointer === '' || pointer === '/') return doc;
	let current: Json | undefined = doc;
	for (const raw of pointer.replace(/^\//, '').split('/')) {
		const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
		if (Array.isArray(current)) current = current[Number(key)];
		else if (isObject(current)) current = Object.prototype.hasOwnProperty.call(current, key) ? current[key] : undefined;
		else return undefined;
		if (current === undefined) return undefined;
	}
	return current;
}

// BigCommerce's B2B and webhook files reference each other through GitHub raw URLs of the
// bigcommerce/docs repo; our copy of that repo's files is `bigcommerce/current/`.
const RAW_URL_PREFIXES: Array<[string, string]> = [
	['https://raw.githubusercontent.com/bigcommerce/docs/main/', 'bigcommerce/current/'],
	['https://raw.githubusercontent.com/bigcommerce/api-specs/master/', 'bigcommerce/api-specs/'],
];

/** Which document a $ref's file part names, relative to the specs folder. */
export function refTargetDocument(fromRel: string, filePart: string): string {
	if (filePart === '') return fromRel;
	for (const [prefix, local] of RAW_URL_PREFIXES) {
		if (filePart.startsWith(prefix)) return normaliseRel(local + filePart.slice(prefix.length));
	}
	if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
		throw new Error(`Unsupported external $ref "${filePart}" in ${fromRel}: only relative files and known GitHub raw URLs map to local copies`);
	}
	return normaliseRel(path.posix.join(path.posix.dirname(fromRel), filePart));
}

/** Resolves one $ref string as written in document `fromRel`. */
export function resolveRef(fromRel: string, ref: string): Located {
	const hash = ref.indexOf('#');
	const filePart = hash === -1 ? ref : ref.slice(0, hash);
	const pointer = hash === -1 ? '' : ref.slice(hash + 1);
	const rel = refTargetDocument(fromRel, filePart);
	const value = getAtPointer(loadDocument(rel), pointer);
	if (value === undefined) throw new Error(`Unresolvable $ref "${ref}" in ${fromRel} (nothing at ${rel}#${pointer})`);
	return { rel, pointer, value };
}

/** Follows $ref chains (for non-schema objects: responses, parameters, path items). */
export function deref(located: Located): Located {
	let current = located;
	for (let hops = 0; hops < 50; hops++) {
		if (!isObject(current.value) || typeof current.value.$ref !== 'string') return current;
		current = resolveRef(current.rel, current.value.$ref);
	}
	throw new Error(`$ref chain too long (cycle?) at ${located.rel}#${located.pointer}`);
}

/** Every $ref in a document with where it sits, so loading can prove all of them resolve. */
export function collectRefs(doc: Json, pointer = ''): Array<{ pointer: string; ref: string }> {
	const found: Array<{ pointer: string; ref: string }> = [];
	const walk = (node: Json, at: string): void => {
		if (Array.isArray(node)) node.forEach((child, i) => walk(child, joinPointer(at, i)));
		else if (isObject(node)) {
			for (const [key, child] of Object.entries(node)) {
				if (key === '$ref' && typeof child === 'string') found.push({ pointer: at, ref: child });
				// Examples are data, not spec; a "$ref" key inside one is not a reference.
				else if (key !== 'example' && key !== 'examples') walk(child, joinPointer(at, key));
			}
		}
	};
	walk(doc, pointer);
	return found;
}
