import { existsSync } from 'node:fs';
import path from 'node:path';
import { run } from './exec';

/** The checkout this harness lives in (test/harness → two levels up). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface Toolchain {
	/** Directory holding Node 24's `node` and `npm`; put first on PATH for everything n8n-related. */
	nodeBinDir: string;
	/** Node 24 install root; also the `npm_config_nodedir` for native builds (DESIGN §2). */
	nodeDir: string;
	/** The pinned n8n's install folder (its node_modules/n8n/bin/n8n is the CLI). */
	n8nDir: string;
	n8nBin: string;
	n8nVersion: string;
}

let cached: Promise<Toolchain> | undefined;

/**
 * Makes sure Node 24 and the pinned n8n are installed, via scripts/toolchain.sh so that tests, the
 * demo and CI share one installer and one cache. The script is idempotent and returns at once when
 * the cache is warm; the first run on a fresh machine takes a few minutes.
 */
export async function ensureToolchain(): Promise<Toolchain> {
	cached ??= (async () => {
		const { stdout } = await run(
			'bash',
			['-c', 'source scripts/toolchain.sh && ensure_n8n && printf "%s\\n" "$NODE24_DIR" "$N8N_DIR" "$N8N_VERSION"'],
			{ cwd: REPO_ROOT, timeoutMs: 30 * 60_000 },
		);
		const [nodeDir, n8nDir, n8nVersion] = stdout.trim().split('\n').slice(-3);
		const toolchain: Toolchain = {
			nodeDir,
			nodeBinDir: path.join(nodeDir, 'bin'),
			n8nDir,
			n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
			n8nVersion,
		};
		for (const file of [path.join(toolchain.nodeBinDir, 'node'), toolchain.n8nBin]) {
			if (!existsSync(file)) throw new Error(`toolchain.sh reported success but ${file} is missing`);
		}
		return toolchain;
	})();
	try {
		return await cached;
	} catch (error) {
		cached = undefined; // let a later call retry instead of repeating a stale failure
		throw error;
	}
}

/**
 * The environment for child processes that must run under Node 24 (n8n, npm installing into its
 * user folder). The machine's own Node is 20; n8n >= 2.36 refuses it.
 */
export function node24Env(toolchain: Toolchain, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {
		...process.env,
		PATH: `${toolchain.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
		npm_config_nodedir: toolchain.nodeDir,
		...extra,
	};
}
