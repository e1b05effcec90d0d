// Loading an API description (OpenAPI 3.0.x or Swagger 2.0) and finding operations in it.
import { collectRefs, deref, isObject, joinPointer, loadDocument, normaliseRel, resolveRef, type JsonObject, type Located } from './documents';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface SpecOperation {
	method: string; // lower case
	template: string; // as written in the spec, e.g. '/customers/{customer_id}'
	operationId?: string;
	operation: JsonObject;
	location: Located; // where the operation object sits, for $ref resolution inside it
}

export interface LoadedSpec {
	relPath: string;
	dialect: 'openapi3' | 'swagger2';
	doc: JsonObject;
	/** Base paths of the servers, e.g. '/stores/{store_hash}/v3' or '/v3' ('' when none). */
	basePaths: string[];
	operations: SpecOperation[];
}

const specs = new Map<string, LoadedSpec>();

function serverBasePaths(doc: JsonObject, dialect: LoadedSpec['dialect']): string[] {
	if (dialect === 'swagger2') return [typeof doc.basePath === 'string' ? doc.basePath : ''];
	const servers = Array.isArray(doc.servers) ? doc.servers : [];
	const paths = servers.flatMap((server) => {
		if (!isObject(server) || typeof server.url !== 'string') return [];
		// Variables may sit in the host too ({region}.api...), so strip scheme+host textually.
		const path = server.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
		return [path.replace(/\/+$/, '')];
	});
	return paths.length > 0 ? paths : [''];
}

function listOperations(relPath: string, doc: JsonObject): SpecOperation[] {
	const operations: SpecOperation[] = [];
	const paths = isObject(doc.paths) ? doc.paths : {};
	for (const template of Object.keys(paths)) {
		const item = deref({ rel: relPath, pointer: joinPointer('', 'paths', template), value: paths[template] });
		if (!isObject(item.value)) continue;
		for (const method of HTTP_METHODS) {
			const operation = item.value[method];
			if (!isObject(operation)) continue;
			operations.push({
				method,
				template,
				operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
				operation,
				location: { rel: item.rel, pointer: joinPointer(item.pointer, method), value: operation },
			});
		}
	}
	return operations;
}

/**
 * Loads (once) a spec given relative to the specs folder. Every $ref in it, and in the files
 * it references, is resolved up front so that a broken reference fails here, not mid-test.
 */
export function loadSpec(relPath: string): LoadedSpec {
	const rel = normaliseRel(relPath);
	const cached = specs.get(rel);
	// Cached per relative path, but re-checked against the current folder (TAJO_SPECS_DIR may change).
	if (cached && loadDocument(rel) === cached.doc) return cached;
	const doc = loadDocument(rel);
	if (!isObject(doc)) throw new Error(`Spec ${rel} is not a YAML/JSON object`);
	const dialect = typeof doc.swagger === 'string' && doc.swagger.startsWith('2') ? 'swagger2' : 'openapi3';
	if (dialect === 'openapi3' && typeof doc.openapi !== 'string') throw new Error(`Spec ${rel} has neither "openapi" nor "swagger: 2.0"`);
	checkRefs(rel);
	const spec: LoadedSpec = { relPath: rel, dialect, doc, basePaths: serverBasePaths(doc, dialect), operations: listOperations(rel, doc) };
	specs.set(rel, spec);
	return spec;
}

function checkRefs(rootRel: string): void {
	const seen = new Set<string>();
	const queue = [rootRel];
	const broken: string[] = [];
	while (queue.length > 0) {
		const rel = queue.shift() as string;
		if (seen.has(rel)) continue;
		seen.add(rel);
		for (const { pointer, ref } of collectRefs(loadDocument(rel))) {
			try {
				const target = resolveRef(rel, ref);
				if (target.rel !== rel) queue.push(target.rel);
			} catch (error) {
				broken.push(`${rel}#${pointer}: ${(error as Error).message}`);
			}
		}
	}
	if (broken.length > 0) throw new Error(`Spec ${rootRel} has ${broken.length} unresolvable $ref(s):\n  ${broken.slice(0, 20).join('\n  ')}`);
}
