import { readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './exec';
import { REPO_ROOT, type Toolchain, node24Env } from './toolchain';

/** What package.json says this package ships to n8n. */
export interface PackageManifest {
	name: string;
	version: string;
	/** `files` from package.json: what npm pack must include. */
	files: string[];
	n8n: {
		n8nNodesApiVersion: number;
		credentials: string[];
		nodes: string[];
	};
}

/** Reads package.json now (not at import time): the lists grow while other work lands. */
export function readManifest(root = REPO_ROOT): PackageManifest {
	const json = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Partial<PackageManifest>;
	return {
		name: json.name ?? '',
		version: json.version ?? '',
		files: json.files ?? [],
		n8n: {
			n8nNodesApiVersion: json.n8n?.n8nNodesApiVersion ?? 0,
			credentials: json.n8n?.credentials ?? [],
			nodes: json.n8n?.nodes ?? [],
		},
	};
}

/** The type names n8n should register for this package, keyed by the dist file that declares each. */
export interface ExpectedTypes {
	/** Credential type names (`class X implements ICredentialType { name = '…' }`). */
	credentials: Array<{ file: string; name: string }>;
	/** Node names as declared (`description.name`), without the package prefix. */
	nodes: Array<{ file: string; name: string }>;
}

/**
 * Loads every credential and node file listed in the manifest from the built `dist/` and reads the
 * names they declare, the way n8n's loader does (instantiate each exported class). This runs in a
 * separate Node 24 process: the files need n8n-workflow at run time and must not be loaded into
 * Jest's module registry. File names do not tell the type name (BigCommerceApi.credentials.js
 * declares `bigCommerceApi`), so asking the code is the only reliable way.
 */
export async function readExpectedTypes(toolchain: Toolchain, manifest = readManifest(), root = REPO_ROOT): Promise<ExpectedTypes> {
	const script = `
		const path = require('node:path');
		const manifest = JSON.parse(process.argv[1]);
		const instances = (file) => Object.values(require(path.resolve(file)))
			.filter((value) => typeof value === 'function' && value.prototype)
			.map((Class) => new Class());
		const out = { credentials: [], nodes: [] };
		for (const file of manifest.credentials) {
			for (const credential of instances(file)) if (typeof credential.name === 'string') out.credentials.push({ file, name: credential.name });
		}
		for (const file of manifest.nodes) {
			for (const node of instances(file)) if (node.description && node.description.name) out.nodes.push({ file, name: node.description.name });
		}
		process.stdout.write(JSON.stringify(out));
	`;
	const { stdout } = await run(path.join(toolchain.nodeBinDir, 'node'), ['-e', script, JSON.stringify(manifest.n8n)], {
		cwd: root,
		env: node24Env(toolchain),
		timeoutMs: 60_000,
	});
	const types = JSON.parse(stdout) as ExpectedTypes;
	for (const file of [...manifest.n8n.credentials, ...manifest.n8n.nodes]) {
		if (![...types.credentials, ...types.nodes].some((t) => t.file === file)) {
			throw new Error(`${file} (listed in package.json "n8n") exports no credential or node class`);
		}
	}
	return types;
}
