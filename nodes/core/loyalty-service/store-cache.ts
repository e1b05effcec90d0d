import { createHash } from 'node:crypto';
import { parseDatabaseConfig, resolveSqlitePath, type DatabaseConfig } from '../ledger/database-config';
import type { LedgerStore } from '../ledger/ledger-store';
import { openLedgerStore } from '../ledger/open-ledger-store';

/**
 * One open ledger store per database credential per process, shared by every execution.
 *
 * n8n runs many executions in one process (the main process; in queue mode each worker runs up
 * to its concurrency at once). Opening a store per execution would run the migration check and,
 * on PostgreSQL, build a new connection pool every time, so the node borrows a store from this
 * cache instead:
 * - key: a SHA-256 of the credential's validated fields (SQLite: the resolved file path), so a
 *   changed credential gets its own store and no secret is kept as a map key;
 * - concurrent first uses share one opening (one migration run, one pool);
 * - a failed opening is not cached: the next execution tries again (e.g. after the database came up);
 * - executions lease the store and give it back when they finish; a store nobody has used for
 *   `idleCloseMs` (default 10 minutes) is closed, so credentials that are no longer used (an agency
 *   rotating passwords, a deleted client store) do not keep pools open forever;
 * - every store still open is closed when the process exits (SQLite closes its file and folds its
 *   WAL back; PostgreSQL pools end).
 * Sharing is safe: the SQLite driver runs each transaction synchronously on its one connection,
 * and the PostgreSQL pool gives each transaction its own client.
 */
export interface StoreLease {
	readonly store: LedgerStore;
	/** Gives the store back; further calls do nothing. */
	release(): void;
}

/** The store could not be opened: the message says what to fix in the credential. */
export class LedgerUnavailable extends Error {
	constructor(cause: unknown) {
		super(cause instanceof Error ? cause.message : String(cause));
		this.name = 'LedgerUnavailable';
		this.cause = cause;
	}
}

export interface StoreCacheOptions {
	idleCloseMs?: number;
	open?: (config: DatabaseConfig) => Promise<LedgerStore>;
}

interface Entry {
	opening: Promise<LedgerStore>;
	store?: LedgerStore;
	leases: number;
	idleTimer?: ReturnType<typeof setTimeout>;
}

/** The cache key of a credential: a hash of its validated fields, never the fields themselves. */
export function credentialKey(config: DatabaseConfig): string {
	const identity = config.type === 'sqlite' ? { type: 'sqlite', file: resolveSqlitePath(config.sqlitePath) } : { ...config };
	const canonical = JSON.stringify(identity, Object.keys(identity).sort());
	return createHash('sha256').update(canonical).digest('hex');
}

export class LedgerStoreCache {
	private readonly entries = new Map<string, Entry>();
	private readonly idleCloseMs: number;
	private readonly open: (config: DatabaseConfig) => Promise<LedgerStore>;
	private exitHooked = false;

	constructor(options: StoreCacheOptions = {}) {
		this.idleCloseMs = options.idleCloseMs ?? 10 * 60_000;
		this.open = options.open ?? ((config) => openLedgerStore(config));
	}

	/** Open stores (and stores being opened). */
	get size(): number {
		return this.entries.size;
	}

	/** Borrows the store for this credential, opening it on first use. */
	async acquire(credential: unknown): Promise<StoreLease> {
		const config = parseDatabaseConfig(credential);
		const key = credentialKey(config);
		let entry = this.entries.get(key);
		if (!entry) {
			const created: Entry = { opening: this.open(config), leases: 0 };
			created.opening.then(
				(store) => (created.store = store),
				() => this.entries.get(key) === created && this.entries.delete(key),
			);
			this.entries.set(key, created);
			this.hookExit();
			entry = created;
		}
		entry.leases += 1;
		if (entry.idleTimer) clearTimeout(entry.idleTimer);
		entry.idleTimer = undefined;
		let store: LedgerStore;
		try {
			store = await entry.opening;
		} catch (error) {
			entry.leases -= 1;
			throw new LedgerUnavailable(error);
		}
		const owner = entry;
		let released = false;
		return {
			store,
			release: () => {
				if (released) return;
				released = true;
				owner.leases -= 1;
				if (owner.leases === 0) this.scheduleIdleClose(key, owner);
			},
		};
	}

	/** Closes every store (tests; the exit hook does it synchronously as far as it can). */
	async closeAll(): Promise<void> {
		const entries = [...this.entries.values()];
		this.entries.clear();
		await Promise.all(
			entries.map(async (entry) => {
				if (entry.idleTimer) clearTimeout(entry.idleTimer);
				const store = await entry.opening.catch(() => undefined);
				await store?.close().catch(() => undefined);
			}),
		);
	}

	private scheduleIdleClose(key: string, entry: Entry): void {
		const timer = setTimeout(() => {
			if (entry.leases > 0 || this.entries.get(key) !== entry) return;
			this.entries.delete(key);
			void entry.store?.close().catch(() => undefined);
		}, this.idleCloseMs);
		// An idle store must never keep the process alive.
		timer.unref?.();
		entry.idleTimer = timer;
	}

	private hookExit(): void {
		if (this.exitHooked) return;
		this.exitHooked = true;
		// 'exit' handlers run synchronously: SQLite's close is synchronous, a pool's end is started.
		process.once('exit', () => {
			for (const entry of this.entries.values()) void entry.store?.close().catch(() => undefined);
			this.entries.clear();
		});
	}
}

/** The process-wide cache the Tajo Loyalty node uses. */
export const ledgerStores = new LedgerStoreCache();
