import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startTestPostgres, type TestPostgres } from '../support/postgres-server';
import { startTestRedis, type TestRedis } from '../support/redis-server';
import { installCommunityPackage } from './community-install';
import { n8nEnvironment, startN8n, type N8nInstance } from './n8n-instance';
import { N8nProcess, type N8nCommand } from './n8n-process';
import { freePorts } from './ports';
import { peakMemoryOfGroup, type ProcessMemory } from './process-memory';

/**
 * n8n in queue mode (DESIGN §2), the way a self-hoster scales out: PostgreSQL for n8n's database
 * (and, in a database of its own, the Tajo ledger), Redis for the queue, one main process (editor,
 * activation, schedules, resuming waits), one `n8n webhook` process that alone answers production
 * webhooks, and `n8n worker`s that run the executions. Every process has its own user folder with
 * the package installed from the same tarball, and the same encryption key.
 */
export interface QueueClusterOptions {
	/**
	 * `queue` (default) as above; `regular` is the reference a benchmark compares with: one
	 * `n8n start` that answers webhooks and runs executions itself, on the same PostgreSQL.
	 */
	mode?: 'queue' | 'regular';
	/** How many `n8n worker` processes (default 2; none in regular mode). */
	workers?: number;
	/** Jobs each worker runs at once (n8n's default is 10). */
	workerConcurrency?: number;
	/** Extra environment for every process. */
	env?: Record<string, string>;
	/** Build the package before packing it (default true; false when the caller just built it). */
	build?: boolean;
}

/** Connection settings of the ledger database, for the Tajo Loyalty credential (type postgres). */
export interface LedgerDatabase {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
}

/** One `n8n webhook` or `n8n worker` process and the folder it lives in. */
interface Helper {
	name: string;
	command: Exclude<N8nCommand, 'start'>;
	userFolder: string;
	port: number;
	process: N8nProcess;
}

const N8N_DATABASE = 'n8n';
const LEDGER_DATABASE = 'tajo';

export class QueueCluster {
	private stopped = false;

	private constructor(
		private readonly setting: ClusterSetting,
		/** The main process, with an owner session and API key (all N8nApi helpers). */
		public main: N8nInstance,
		private readonly mainPort: number,
		/** Absent in regular mode. */
		private webhook: Helper | undefined,
		private readonly workerList: Helper[],
	) {}

	get tempDir(): string {
		return this.setting.tempDir;
	}

	get postgres(): TestPostgres {
		return this.setting.postgres;
	}

	get redis(): TestRedis {
		return this.setting.redis;
	}

	static async start(options: QueueClusterOptions = {}): Promise<QueueCluster> {
		const tempDir = await mkdtemp(path.join(os.tmpdir(), 'tajo-queue-'));
		let postgres: TestPostgres | undefined;
		let redis: TestRedis | undefined;
		let main: N8nInstance | undefined;
		const helpers: Helper[] = [];
		try {
			[postgres, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
			await createDatabases(postgres, [N8N_DATABASE, LEDGER_DATABASE]);
			const [mainPort, helperPort] = await freePorts(2);
			// In regular mode main answers the webhooks itself.
			const webhookPort = options.mode === 'regular' ? mainPort : helperPort;
			const setting: ClusterSetting = { tempDir, postgres, redis, webhookPort, options };
			// The main process builds, packs and installs the package; the others install the same tarball.
			main = await startN8n({ dataDir: path.join(tempDir, 'main'), port: mainPort, env: clusterEnvironment(setting), build: options.build });
			const first = main;
			const launch = async (command: Helper['command'], name: string, port?: number) => {
				const helper = await launchHelper(setting, first, { command, name, port, install: true });
				helpers.push(helper);
				return helper;
			};
			if (options.mode === 'regular') return new QueueCluster(setting, main, mainPort, undefined, []);
			const webhook = await launch('webhook', 'webhook', webhookPort);
			const workers = await Promise.all(Array.from({ length: options.workers ?? 2 }, (_, i) => launch('worker', `worker-${i + 1}`)));
			return new QueueCluster(setting, main, mainPort, webhook, workers);
		} catch (error) {
			await Promise.allSettled(helpers.map((h) => h.process.stop()));
			await Promise.allSettled([main?.stop(), redis?.stop(), postgres?.stop()]);
			await rm(tempDir, { recursive: true, force: true });
			throw error;
		}
	}

	/** Base URL production webhooks go to (the webhook process); BigCommerce hooks are registered with it. */
	get webhookBaseUrl(): string {
		return `http://127.0.0.1:${this.setting.webhookPort}/`;
	}

	get ledgerDatabase(): LedgerDatabase {
		const { host, port, user, password } = this.postgres;
		return { host, port, user, password, database: LEDGER_DATABASE };
	}

	/** A client on n8n's own database, for counting executions without going through n8n. */
	async n8nDatabase(): Promise<Client> {
		const { host, port, user, password } = this.postgres;
		const client = new Client({ host, port, user, password, database: N8N_DATABASE });
		await client.connect();
		return client;
	}

	get workers(): readonly string[] {
		return this.workerList.map((w) => w.name);
	}

	/** SIGKILL a worker (no graceful shutdown): the jobs it was running are left to n8n's recovery. */
	async killWorker(index: number): Promise<void> {
		await this.workerList[index].process.kill();
	}

	/** Starts a worker again in the same folder (after killWorker). */
	async restartWorker(index: number): Promise<void> {
		const worker = this.workerList[index];
		if (!worker.process.hasExited) await worker.process.stop();
		this.workerList[index] = await launchHelper(this.setting, this.main, { command: 'worker', name: worker.name, install: false });
	}

	/**
	 * Stops the webhook process gracefully, runs `whileDown` (e.g. lets deliveries arrive), waits
	 * `downMs`, and starts it again on the same port.
	 */
	async restartWebhook(downMs = 0, whileDown: () => Promise<void> = async () => undefined): Promise<void> {
		if (!this.webhook) throw new Error('regular mode has no webhook process');
		await this.webhook.process.stop();
		await whileDown();
		await new Promise((resolve) => setTimeout(resolve, downMs));
		this.webhook = await launchHelper(this.setting, this.main, { command: 'webhook', name: this.webhook.name, port: this.webhook.port, install: false });
	}

	/** Stops the main process gracefully and starts it again (same data, port and settings); logs in again. */
	async restartMain(): Promise<void> {
		await this.main.stop();
		this.main = await startN8n({ dataDir: path.join(this.tempDir, 'main'), port: this.mainPort, env: clusterEnvironment(this.setting), installPackage: false });
	}

	/** Peak resident memory (VmHWM) of each process and its task runner, read from /proc. */
	peakMemory(): ProcessMemory[] {
		return [{ name: 'main', process: this.main.n8nProcess }, ...this.helpers()].map(({ name, process }) => peakMemoryOfGroup(name, process.pid));
	}

	/** The tail of a process's log ('main', 'webhook', 'worker-1', …), for failure messages. */
	logTail(name: string, lines = 40): string {
		if (name === 'main') return this.main.logTail(lines);
		const helper = this.helpers().find((h) => h.name === name);
		return helper ? helper.process.logTail(lines) : '';
	}

	/** Every process's log tail, for a failing test's message. */
	describe(lines = 30): string {
		return ['main', ...this.helpers().map((h) => h.name)].map((name) => `--- ${name} ---\n${this.logTail(name, lines)}`).join('\n');
	}

	private helpers(): Helper[] {
		return [...(this.webhook ? [this.webhook] : []), ...this.workerList];
	}

	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		await Promise.allSettled(this.helpers().map((h) => h.process.stop()));
		await Promise.allSettled([this.main.stop()]);
		await Promise.allSettled([this.redis.stop(), this.postgres.stop()]);
		if (process.env.KEEP_N8N === '1') {
			process.stderr.write(`[queue cluster] KEEP_N8N=1: kept ${this.tempDir}\n`);
			return;
		}
		await rm(this.tempDir, { recursive: true, force: true, maxRetries: 3 });
	}

}

/** Everything the processes of one cluster share. */
interface ClusterSetting {
	tempDir: string;
	postgres: TestPostgres;
	redis: TestRedis;
	webhookPort: number;
	options: QueueClusterOptions;
}

/** Starts an `n8n webhook` or `n8n worker` in its own folder (installing the package there first, unless it is a restart). */
async function launchHelper(
	setting: ClusterSetting,
	main: N8nInstance,
	args: { command: Helper['command']; name: string; port?: number; install: boolean },
): Promise<Helper> {
	const folder = path.join(setting.tempDir, args.name);
	const userFolder = path.join(folder, 'user');
	await mkdir(userFolder, { recursive: true });
	if (args.install) {
		if (!main.packed) throw new Error('the main process has no packed package to install on the other processes');
		await installCommunityPackage(main.toolchain, userFolder, main.packed);
	}
	const [freePort, brokerPort] = await freePorts(2);
	const port = args.port ?? freePort;
	const env = n8nEnvironment({ userFolder, port, brokerPort, extra: clusterEnvironment(setting) });
	const child = N8nProcess.launch({ toolchain: main.toolchain, command: args.command, env, logFile: path.join(folder, 'n8n.log'), cwd: folder });
	try {
		await child.waitUntilReady(180_000);
	} catch (error) {
		await child.stop();
		throw error;
	}
	return { name: args.name, command: args.command, userFolder, port, process: child };
}

/**
 * What makes a process part of the cluster (n8n 2.41.1's @n8n/config: scaling-mode, database,
 * endpoints). In queue mode production webhooks are answered by the webhook process only
 * (N8N_DISABLE_PRODUCTION_MAIN_PROCESS), the public URL every process reports for them is the
 * webhook process's, and manual runs are offloaded to the workers, as production setups do.
 */
function clusterEnvironment(setting: ClusterSetting): Record<string, string> {
	const { postgres, redis, webhookPort, options } = setting;
	const database = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: N8N_DATABASE,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
	};
	const mode =
		options.mode === 'regular'
			? { EXECUTIONS_MODE: 'regular' }
			: {
					EXECUTIONS_MODE: 'queue',
					QUEUE_BULL_REDIS_HOST: redis.host,
					QUEUE_BULL_REDIS_PORT: String(redis.port),
					QUEUE_HEALTH_CHECK_ACTIVE: 'false',
					N8N_WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
					N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
					OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
					...(options.workerConcurrency ? { N8N_CONCURRENCY_PRODUCTION_LIMIT: String(options.workerConcurrency) } : {}),
				};
	return { ...database, ...mode, ...(options.env ?? {}) };
}

async function createDatabases(postgres: TestPostgres, names: string[]): Promise<void> {
	const client = new Client({ host: postgres.host, port: postgres.port, user: postgres.user, password: postgres.password, database: postgres.database });
	await client.connect();
	try {
		for (const name of names) await client.query(`CREATE DATABASE ${name}`);
	} finally {
		await client.end();
	}
}
