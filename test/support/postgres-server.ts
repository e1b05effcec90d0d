import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../harness/ports';

/** A throwaway PostgreSQL cluster for tests: its own data folder, port and socket, removed on stop. */
export interface TestPostgres {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	stop(): Promise<void>;
}

const PASSWORD = 'tajo-test';

/** Finds PostgreSQL's server binaries (Debian's layout), newest version first. */
export function findPostgresBin(): string {
	const fromEnv = process.env.TAJO_PG_BIN;
	if (fromEnv) return fromEnv;
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	for (const version of versions) {
		const bin = join(root, version, 'bin');
		if (existsSync(join(bin, 'initdb'))) return bin;
	}
	throw new Error(
		'PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin). Install them with `apt-get install -y postgresql` (.ci/run does) or set TAJO_PG_BIN.',
	);
}

/**
 * Starts a fresh cluster. As root, PostgreSQL refuses to run, so the cluster belongs to the
 * `postgres` system user (created by Debian's package) and is started through runuser.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
	const bin = findPostgresBin();
	const dir = mkdtempSync(join(tmpdir(), 'tajo-pg-'));
	chmodSync(dir, 0o777);
	const dataDir = join(dir, 'data');
	const [port] = await freePorts(1);
	const asRoot = process.getuid?.() === 0;
	const run = (cmd: string, args: string[]) => {
		const full = asRoot ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args;
		const result = spawnSync(asRoot ? 'runuser' : join(bin, cmd), full, { encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
	};
	const pwFile = join(dir, 'pw');
	execFileSync('sh', ['-c', `printf '%s' '${PASSWORD}' > '${pwFile}' && chmod 644 '${pwFile}'`]);
	run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=md5', `--pwfile=${pwFile}`, '-E', 'UTF8', '--no-sync']);
	run('pg_ctl', [
		'-D', dataDir, '-l', join(dir, 'server.log'), '-w', '-t', '60',
		'-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
		'start',
	]);
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		password: PASSWORD,
		database: 'postgres',
		stop: async () => {
			try {
				run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		},
	};
}
