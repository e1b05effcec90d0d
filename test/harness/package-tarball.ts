import path from 'node:path';
import { run } from './exec';
import { readManifest, type PackageManifest } from './package-manifest';
import { REPO_ROOT, type Toolchain, node24Env } from './toolchain';

export interface PackedPackage {
	/** Absolute path of the .tgz that `npm pack` wrote. */
	tarball: string;
	/** Paths inside the tarball, relative to its `package/` root. */
	files: string[];
	manifest: PackageManifest;
}

/** Compiles TypeScript and copies icons into dist/ (package.json's `build` script). */
export async function buildPackage(toolchain: Toolchain, root = REPO_ROOT): Promise<void> {
	await run('npm', ['run', 'build', '--silent'], { cwd: root, env: node24Env(toolchain), timeoutMs: 5 * 60_000 });
}

/**
 * Packs the package into `destination` with `npm pack`, the very artefact a user installs, and checks
 * that it is loadable before n8n ever sees it: package.json is there and every file that
 * package.json's `n8n` section names is inside. A missing file would otherwise show up only as a
 * node silently absent from n8n.
 *
 * .npmrc sets ignore-scripts, so `prepack` does not run: call buildPackage first.
 */
export async function packPackage(toolchain: Toolchain, destination: string, root = REPO_ROOT): Promise<PackedPackage> {
	const manifest = readManifest(root);
	const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: root,
		env: node24Env(toolchain),
		timeoutMs: 2 * 60_000,
	});
	// npm prints one JSON array; anything before it would be lifecycle noise.
	const report = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
	const packed = report[0];
	const files = packed.files.map((f) => f.path);
	const problems: string[] = [];
	if (!files.includes('package.json')) problems.push('package.json');
	const required = [...manifest.n8n.credentials, ...manifest.n8n.nodes].map((p) => path.posix.normalize(p));
	for (const file of required) if (!files.includes(file)) problems.push(file);
	if (manifest.n8n.credentials.length > 0 && !files.some((f) => f.startsWith('dist/credentials/'))) problems.push('dist/credentials/');
	if (manifest.n8n.nodes.length > 0 && !files.some((f) => f.startsWith('dist/nodes/'))) problems.push('dist/nodes/');
	if (problems.length > 0) {
		throw new Error(
			`npm pack produced ${packed.filename} without: ${problems.join(', ')}.\n` +
				`Was \`npm run build\` run, and does package.json "files" cover dist/? Packed files:\n  ${files.join('\n  ')}`,
		);
	}
	return { tarball: path.join(destination, path.basename(packed.filename)), files, manifest };
}
