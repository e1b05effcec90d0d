import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { installCommunityPackage, type InstallMethod } from './community-install';
import { N8nApi } from './n8n-api';
import { N8nProcess } from './n8n-process';
import { readExpectedTypes, type ExpectedTypes } from './package-manifest';
import { buildPackage, packPackage, type PackedPackage } from './package-tarball';
import { freePorts } from './ports';
import { ensureToolchain, type Toolchain } from './toolchain';

/** The instance owner, created by n8n from environment variables (no browser set-up wizard). */
export const OWNER = {
	email: 'owner@e2e.tajo.test',
	// n8n's password rules: 8+ characters, a number, an uppercase letter.
	password: 'E2e-Owner-Passw0rd',
	firstName: 'E2E',
	lastName: 'Owner',
} as const;

/**
 * Fixed, so credentials encrypted by one n8n process can be read by another (queue mode: main,
 * webhook and workers must share it) and a kept user folder (KEEP_N8N=1) can be restarted.
 */
export const ENCRYPTION_KEY = 'tajo-e2e-not-a-secret-0123456789abcdef';

export interface StartN8nOptions {
	/** Build, pack and install this package into the user folder (default true). */
	installPackage?: boolean;
	/** Run `npm run build` before packing (default true; set false if the caller just built). */
	build?: boolean;
	installMethod?: InstallMethod;
	/** Extra or overriding environment for n8n. */
	env?: Record<string, string>;
	/** How long to wait for "Editor is now accessible" (default 180 s). */
	startTimeoutMs?: number;
	/**
	 * A folder to keep n8n's data in across runs (the demo). Without it a temp folder is used and
	 * removed on stop.
	 */
	dataDir?: string;
	/** n8n's port (default: a free one). */
	port?: number;
}

/** Milliseconds each start-up phase took, for the report and to spot regressions. */
export interface StartTimings {
	toolchainMs: number;
	buildMs: number;
	packMs: number;
	installMs: number;
	startMs: number;
	loginMs: number;
	totalMs: number;
}

/**
 * One n8n 2.41.1 under Node 24, with its own temp user folder, SQLite database and ports, this
 * package installed as a community package, an owner session and a public-API key. All API helpers
 * of N8nApi are available on it directly (nodeTypes(), createCredential(), importWorkflow(), …).
 */
export class N8nInstance extends N8nApi {
	private stopped = false;

	constructor(
		readonly n8nProcess: N8nProcess,
		readonly toolchain: Toolchain,
		readonly tempDir: string,
		readonly userFolder: string,
		readonly port: number,
		readonly brokerPort: number,
		readonly packed: PackedPackage | undefined,
		readonly expectedTypes: ExpectedTypes | undefined,
		readonly timings: StartTimings,
		private readonly keepData = false,
	) {
		super({
			baseUrl: `http://127.0.0.1:${port}`,
			describeFailure: () => `\n--- n8n log (${n8nProcess.logFile}), last lines ---\n${n8nProcess.logTail()}`,
		});
	}

	get logFile(): string {
		return this.n8nProcess.logFile;
	}

	log(): string {
		return this.n8nProcess.log();
	}

	logTail(lines = 60): string {
		return this.n8nProcess.logTail(lines);
	}

	/**
	 * Stops n8n (SIGTERM, SIGKILL after a grace period) and removes the temp folder, unless
	 * KEEP_N8N=1, which keeps it (user folder, database, log) for a post-mortem.
	 */
	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		await this.n8nProcess.stop();
		if (!this.keepData) await removeTempDir(this.tempDir);
	}
}

/**
 * Installs what is missing, packs and installs the package, starts n8n and logs in. On any failure
 * it stops what it started and throws with the reason (and n8n's log tail, when n8n ran).
 */
export async function startN8n(options: StartN8nOptions = {}): Promise<N8nInstance> {
	const started = Date.now();
	const timings: StartTimings = { toolchainMs: 0, buildMs: 0, packMs: 0, installMs: 0, startMs: 0, loginMs: 0, totalMs: 0 };
	const phase = async <T>(key: keyof StartTimings, work: () => Promise<T>): Promise<T> => {
		const t0 = Date.now();
		try {
			return await work();
		} finally {
			timings[key] = Date.now() - t0;
		}
	};

	const toolchain = await phase('toolchainMs', ensureToolchain);
	const keepData = options.dataDir !== undefined;
	const tempDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tajo-n8n-e2e-')));
	const userFolder = path.join(tempDir, 'user');
	await mkdir(userFolder, { recursive: true });
	let n8n: N8nProcess | undefined;
	try {
		let packed: PackedPackage | undefined;
		let expectedTypes: ExpectedTypes | undefined;
		if (options.installPackage ?? true) {
			if (options.build ?? true) await phase('buildMs', () => buildPackage(toolchain));
			packed = await phase('packMs', async () => {
				const packDir = path.join(tempDir, 'pack');
				await rm(packDir, { recursive: true, force: true });
				await mkdir(packDir);
				const result = await packPackage(toolchain, packDir);
				expectedTypes = await readExpectedTypes(toolchain, result.manifest);
				return result;
			});
			const tarball = packed;
			await phase('installMs', () => installCommunityPackage(toolchain, userFolder, tarball, options.installMethod));
		}

		const [freePort, brokerPort] = await freePorts(2);
		const port = options.port ?? freePort;
		const env = n8nEnvironment({ userFolder, port, brokerPort, extra: options.env });
		n8n = N8nProcess.launch({ toolchain, env, logFile: path.join(tempDir, 'n8n.log'), cwd: tempDir, removeOnAbandon: keepData ? undefined : tempDir });
		const proc = n8n;
		await phase('startMs', () => proc.waitUntilReady(options.startTimeoutMs ?? 180_000));

		const instance = new N8nInstance(n8n, toolchain, tempDir, userFolder, port, brokerPort, packed, expectedTypes, timings, keepData);
		await phase('loginMs', async () => {
			await instance.login(OWNER.email, OWNER.password);
			// A kept data folder (the demo) already has keys from earlier runs; labels stay distinct.
			await instance.createApiKey(`harness-${Date.now()}`);
		});
		timings.totalMs = Date.now() - started;
		return instance;
	} catch (error) {
		if (n8n) await n8n.stop();
		if (!keepData) await removeTempDir(tempDir);
		throw error;
	}
}

/**
 * n8n's configuration for a private, headless test instance. Every variable is set on purpose:
 * - ports: N8N_PORT and N8N_RUNNERS_BROKER_PORT free and distinct, so several n8n (one per Jest
 *   file, or a developer's own) can run side by side; both listen on 127.0.0.1 only. The internal
 *   task runner connects to the broker port and opens no port of its own (its health-check server
 *   is off by default).
 * - N8N_RUNNERS_ENABLED is not set: n8n 2.x always runs Code nodes in a task runner and lists the
 *   variable as "safe to remove" (deprecation.service.ts). The runner mode stays the default,
 *   `internal` (n8n starts the JS runner itself; 2.41.1 warns that internal mode is deprecated, but
 *   external mode needs the separate launcher). The Python runner fails to start for want of its
 *   virtualenv and n8n says so in the log: harmless, nothing here uses Python Code nodes.
 * - NODE_ENV=production: n8n refuses to load nodes when NODE_ENV=test, which Jest sets.
 */
export function n8nEnvironment(args: { userFolder: string; port: number; brokerPort: number; extra?: Record<string, string> }): Record<string, string> {
	const { userFolder, port, brokerPort } = args;
	return {
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		// N8N_WEBHOOK_URL, not WEBHOOK_URL: 2.41.1 lists the latter as deprecated.
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		GENERIC_TIMEZONE: 'UTC',
		// Community package installed from the tarball, unverified by n8n (2.41.1 warns this will
		// default to false, so say it explicitly).
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Owner from the environment: no set-up wizard, no browser.
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER.password, 10),
		// No calls home and nothing but the product in the log (there is no internet here anyway).
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		// The MCP registry module fetches api.n8n.io at start-up and logs a stack trace without
		// internet; it has nothing to do with this package.
		N8N_DISABLED_MODULES: 'mcp-registry',
		// Log to stdout, which the harness writes to <tempDir>/n8n.log together with stderr.
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
		// Keep every execution so tests can read them.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		// Shut down within the harness's grace period even with executions in flight.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		...(args.extra ?? {}),
	};
}

async function removeTempDir(tempDir: string): Promise<void> {
	if (process.env.KEEP_N8N === '1') {
		process.stderr.write(`[n8n harness] KEEP_N8N=1: kept ${tempDir} (user folder, n8n.log)\n`);
		return;
	}
	await rm(tempDir, { recursive: true, force: true, maxRetries: 3 });
}
