// Where the third-party API specs live. They are BigCommerce's and Brevo's files, published
// without a licence, so they must never be copied into this repository: they sit in a
// `shared/specs` folder beside the repo (or wherever TAJO_SPECS_DIR points).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SPECS_DIR_ENV = 'TAJO_SPECS_DIR';
export const SKIP_ENV = 'TAJO_SKIP_CONTRACT';

// test/contract/lib -> repo root. CI clones the repo anywhere, so never use the cwd for this.
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function howToFix(): string {
	return (
		`Put a copy of the shared/ folder beside the repository (so that ${path.join('..', 'shared', 'specs')} exists ` +
		`relative to ${REPO_ROOT}), or set ${SPECS_DIR_ENV}=/path/to/specs (the folder that holds bigcommerce/ and brevo/). ` +
		`To skip the contract tests deliberately, set ${SKIP_ENV}=1.`
	);
}

/** The specs folder, resolved fresh on each call so tests can repoint TAJO_SPECS_DIR. */
export function specsRoot(): string {
	const fromEnv = process.env[SPECS_DIR_ENV];
	const root = fromEnv ? path.resolve(fromEnv) : path.resolve(REPO_ROOT, '..', 'shared', 'specs');
	const source = fromEnv ? `from ${SPECS_DIR_ENV}` : 'default location';
	if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
		throw new Error(`Contract specs folder not found: ${root} (${source}). ${howToFix()}`);
	}
	return root;
}

/** Absolute path of a spec file given relative to the specs folder; throws a plain message if absent. */
export function specFilePath(relPath: string): string {
	const root = specsRoot();
	const abs = path.resolve(root, relPath);
	if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) {
		throw new Error(`Contract spec file missing: ${relPath} (looked for ${abs}, specs folder ${root}). ${howToFix()}`);
	}
	return abs;
}
