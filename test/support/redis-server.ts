import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../harness/ports';

/** A throwaway Redis for queue-mode tests: its own port and folder, removed on stop. */
export interface TestRedis {
	host: string;
	port: number;
	/** Stops Redis (SHUTDOWN, so the append-only file is flushed) and starts it again on the same port and data. */
	restart(): Promise<void>;
	stop(): Promise<void>;
}

/** Finds `redis-server` (Debian's `redis-server` package puts it in /usr/bin). */
export function findRedisServer(): string {
	const fromEnv = process.env.TAJO_REDIS_SERVER;
	if (fromEnv) return fromEnv;
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	const path = found.stdout.trim();
	if (found.status !== 0 || !path) {
		throw new Error('redis-server not found. Install it with `apt-get install -y redis-server` (.ci/run does) or set TAJO_REDIS_SERVER.');
	}
	return path;
}

/**
 * Starts Redis with the append-only file on (`appendfsync everysec`), as n8n's queue mode should run
 * in production: a restarted Redis keeps the queued jobs.
 */
export async function startTestRedis(): Promise<TestRedis> {
	const binary = findRedisServer();
	const dir = mkdtempSync(join(tmpdir(), 'tajo-redis-'));
	const [port] = await freePorts(1);
	let child: ChildProcess | undefined;

	const launch = async (): Promise<void> => {
		const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--logfile', join(dir, 'redis.log')];
		const started = spawn(binary, args, { stdio: 'ignore' });
		child = started;
		const exited = new Promise<never>((_, reject) => started.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}; log ${join(dir, 'redis.log')}`))));
		await Promise.race([waitForPing(port, 15_000), exited]);
	};
	const halt = async (): Promise<void> => {
		const running = child;
		if (!running || running.exitCode !== null) return;
		const gone = new Promise<void>((resolve) => running.once('exit', () => resolve()));
		running.kill('SIGTERM'); // Redis saves the append-only file and exits on SIGTERM
		const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
		await gone;
		clearTimeout(timer);
	};
	const onExit = (): void => {
		child?.kill('SIGKILL');
	};
	process.once('exit', onExit);

	await launch();
	return {
		host: '127.0.0.1',
		port,
		restart: async () => {
			await halt();
			await launch();
		},
		stop: async () => {
			await halt();
			process.removeListener('exit', onExit);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Resolves once Redis answers PING with PONG. */
async function waitForPing(port: number, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await ping(port)) return;
		if (Date.now() > deadline) throw new Error(`Redis on port ${port} did not answer PING within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		let answer = '';
		socket.setTimeout(1_000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) socket.end();
		});
		socket.on('error', () => resolve(false));
		socket.on('close', () => resolve(answer.startsWith('+PONG')));
	});
}
