import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from './exec';
import type { PackedPackage } from './package-tarball';
import { type Toolchain, node24Env } from './toolchain';

/**
 * How the tarball gets into `<userFolder>/.n8n/nodes`:
 * - `n8n`: step for step what n8n 2.41.1 does when a user installs a community package in
 *   Settings → Community Nodes (CommunityPackagesService.downloadPackage in
 *   packages/cli/src/modules/community-packages/community-packages.service.ts): unpack into
 *   node_modules/<name>, drop devDependencies/peerDependencies/optionalDependencies from its
 *   package.json, `npm install` its own dependencies inside it, record it in nodes/package.json.
 *   Dropping the peers is what keeps a second n8n-workflow out.
 * - `npm-install`: the manual route the README documents for self-hosters,
 *   `npm install <tarball> --legacy-peer-deps` in ~/.n8n/nodes (the flag keeps npm from adding the
 *   peer n8n-workflow beside the package).
 */
export type InstallMethod = 'n8n' | 'npm-install';

export interface InstalledPackage {
	/** `<userFolder>/.n8n/nodes/node_modules/<name>`, where n8n's loader scans. */
	packageDir: string;
	method: InstallMethod;
}

/** `N8N_USER_FOLDER` points at the folder that contains `.n8n`. */
export function nodesFolder(userFolder: string): string {
	return path.join(userFolder, '.n8n', 'nodes');
}

export async function installCommunityPackage(
	toolchain: Toolchain,
	userFolder: string,
	packed: PackedPackage,
	method: InstallMethod = 'n8n',
): Promise<InstalledPackage> {
	const nodesDir = nodesFolder(userFolder);
	const { name, version } = packed.manifest;
	const packageDir = path.join(nodesDir, 'node_modules', name);
	await mkdir(packageDir, { recursive: true });
	// The file n8n's ensurePackageJson() writes on first start; n8n keeps it in step with the DB.
	const nodesPackageJson = path.join(nodesDir, 'package.json');
	await writeFile(nodesPackageJson, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	const env = node24Env(toolchain);
	// The registry is only needed for the package's own dependencies; --prefer-offline lets a warm
	// npm cache answer without revalidating, which keeps every test start from paying for it.
	const npmCommon = ['--audit=false', '--fund=false', '--prefer-offline', '--loglevel=error'];

	if (method === 'n8n') {
		await run('tar', ['-xzf', packed.tarball, '-C', packageDir, '--strip-components=1'], { cwd: nodesDir, timeoutMs: 60_000 });
		const packageJsonPath = path.join(packageDir, 'package.json');
		const packageJson = JSON.parse(await readFile(packageJsonPath, 'utf8')) as Record<string, unknown>;
		for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete packageJson[key];
		await writeFile(packageJsonPath, JSON.stringify(packageJson, null, 2));
		await run(
			'npm',
			['install', ...npmCommon, '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
			{ cwd: packageDir, env, timeoutMs: 5 * 60_000 },
		);
		const installedNodes = JSON.parse(await readFile(nodesPackageJson, 'utf8')) as { dependencies: Record<string, string> };
		installedNodes.dependencies[name] = version;
		await writeFile(nodesPackageJson, JSON.stringify(installedNodes, null, 2));
	} else {
		await run('npm', ['install', packed.tarball, '--legacy-peer-deps', ...npmCommon], { cwd: nodesDir, env, timeoutMs: 5 * 60_000 });
	}
	return { packageDir, method };
}
