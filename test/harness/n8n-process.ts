import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { tail } from './exec';
import { type Toolchain, node24Env } from './toolchain';

/**
 * The n8n commands the harness runs: `start` (the main process), and in queue mode `webhook` (a
 * process that only answers production webhooks) and `worker` (runs executions from the queue).
 */
export type N8nCommand = 'start' | 'webhook' | 'worker';

/**
 * What each command prints once it is really ready (n8n 2.41.1: commands/start.ts, webhook.ts,
 * worker.ts); `/healthz` answers earlier than the main process's line.
 */
const READY_LINES: Record<N8nCommand, string> = {
	start: 'Editor is now accessible',
	webhook: 'Webhook listener waiting for requests.',
	worker: 'n8n worker is now ready',
};

/** Variables passed through from the caller's environment; everything else is set explicitly. */
const INHERITED_ENV = ['HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ', 'SHELL', 'npm_config_cache'];

export interface N8nProcessOptions {
	toolchain: Toolchain;
	/** Which n8n command to run (default `start`). */
	command?: N8nCommand;
	/** Environment for n8n on top of the inherited basics (see n8n-instance.ts for the full set). */
	env: Record<string, string>;
	/** stdout and stderr both go here, so crashes and stack traces are kept with the log. */
	logFile: string;
	cwd: string;
	/**
	 * Removed (synchronously) if the caller's process exits without stop(): a killed or
	 * force-exited test runner must not leave n8n or its temp folder behind.
	 */
	removeOnAbandon?: string;
}

/** A running n8n process (`n8n start`, `n8n webhook` or `n8n worker`) under Node 24. */
export class N8nProcess {
	private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	private readonly exitPromise: Promise<void>;
	private readonly removeExitHook: () => void;

	private constructor(
		private readonly child: ChildProcess,
		readonly logFile: string,
		removeOnAbandon: string | undefined,
		readonly command: N8nCommand,
	) {
		this.exitPromise = new Promise((resolve) => {
			child.once('exit', (code, signal) => {
				this.exited = { code, signal };
				resolve();
			});
		});
		// If the test runner dies without afterAll, do not leave n8n and its task runner behind.
		const hook = (): void => {
			this.killGroup('SIGKILL');
			if (removeOnAbandon && process.env.KEEP_N8N !== '1') rmSync(removeOnAbandon, { recursive: true, force: true });
		};
		process.once('exit', hook);
		this.removeExitHook = () => process.removeListener('exit', hook);
	}

	static launch(options: N8nProcessOptions): N8nProcess {
		const base: NodeJS.ProcessEnv = {};
		// A clean environment: Jest sets NODE_ENV=test, which makes n8n refuse to load nodes
		// ("Not available in tests"), and stray N8N_*/DB_* variables from a developer's shell
		// would silently change what is tested.
		for (const key of INHERITED_ENV) if (process.env[key] !== undefined) base[key] = process.env[key];
		const env = node24Env(options.toolchain, {});
		// Truncate: readiness is read from this log, so lines of an earlier run (a kept data folder) must go.
		const fd = openSync(options.logFile, 'w');
		try {
			const command = options.command ?? 'start';
			const child = spawn(path.join(options.toolchain.nodeBinDir, 'node'), [options.toolchain.n8nBin, command], {
				cwd: options.cwd,
				env: { ...base, PATH: env.PATH, npm_config_nodedir: env.npm_config_nodedir, ...options.env },
				stdio: ['ignore', fd, fd],
				// Own process group: stop() signals n8n and the task runner it spawned together.
				detached: true,
			});
			// Do not keep the caller alive for n8n's sake: if a test forgets stop(), the runner can
			// still exit, and the exit hook below takes n8n down with it.
			child.unref();
			return new N8nProcess(child, options.logFile, options.removeOnAbandon, command);
		} finally {
			closeSync(fd); // the child holds its own copy
		}
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	get hasExited(): boolean {
		return this.exited !== undefined;
	}

	log(): string {
		try {
			return readFileSync(this.logFile, 'utf8');
		} catch {
			return '';
		}
	}

	logTail(lines = 60): string {
		return tail(this.log(), lines);
	}

	/**
	 * Resolves once n8n logged that it is ready (for `start`: the editor is accessible). Rejects, with the log's tail, if n8n
	 * exits first or does not get there in time (first start migrates the SQLite database and
	 * loads ~500 node packages' types: ~15-30 s here).
	 */
	async waitUntilReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		const readyLine = READY_LINES[this.command];
		while (!this.log().includes(readyLine)) {
			if (this.exited) {
				throw new Error(
					`n8n ${this.command} exited during start-up (code ${this.exited.code}, signal ${this.exited.signal}). KEEP_N8N=1 keeps the folder. ` +
						`Log ${this.logFile}, last lines:\n${this.logTail()}`,
				);
			}
			if (Date.now() > deadline) {
				throw new Error(`n8n ${this.command} did not log "${readyLine}" within ${timeoutMs} ms (KEEP_N8N=1 keeps the folder). Log ${this.logFile}, last lines:\n${this.logTail()}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	/**
	 * SIGTERM lets n8n finish running executions and close SQLite cleanly; SIGKILL after
	 * `graceMs` makes sure a hung shutdown cannot outlive the test file.
	 */
	async stop(graceMs = 20_000): Promise<void> {
		if (!this.exited) {
			// Hold the event loop open until n8n is gone (the child is unref'd, see launch()).
			this.child.ref();
			this.killGroup('SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			const timedOut = await Promise.race([
				this.exitPromise.then(() => false),
				new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
			]);
			clearTimeout(timer);
			if (timedOut) this.killGroup('SIGKILL');
			await this.exitPromise;
		}
		// The task runner may outlive its parent for a moment; make sure the group is gone.
		this.killGroup('SIGKILL');
		this.removeExitHook();
	}

	/**
	 * Kills the process group at once, without a graceful shutdown: a crashed or OOM-killed worker,
	 * for the fault tests. Resolves when the process is gone.
	 */
	async kill(): Promise<void> {
		this.child.ref();
		this.killGroup('SIGKILL');
		await this.exitPromise;
		this.removeExitHook();
	}

	private killGroup(signal: NodeJS.Signals): void {
		if (this.child.pid === undefined) return;
		try {
			process.kill(-this.child.pid, signal);
		} catch {
			// group already gone
		}
	}
}
