import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { sqliteDialect } from './dialect';
import { backoff, driveSync, type SqlDriver } from './sql-driver';
import type { Op } from './statement';

// SQLite reports a held lock as SQLITE_BUSY (5) or SQLITE_LOCKED (6), extended codes in the high bits.
const BUSY = 5;
const LOCKED = 6;
const MAX_ATTEMPTS = 50;

export interface SqliteOptions {
	/** How long a writer waits for another connection's write lock before retrying. */
	busyTimeoutMs?: number;
}

/**
 * One `DatabaseSync` connection. Every write runs under `BEGIN IMMEDIATE`, which takes the
 * database's write lock before the first read, so a transaction never reads a state another
 * connection — in this process or any other — changes before it commits.
 */
export class SqliteDriver implements SqlDriver {
	readonly dialect = sqliteDialect;
	private readonly statements = new Map<string, StatementSync>();

	private constructor(private readonly db: DatabaseSync) {}

	/** Opens the file, retrying while another process holds the lock that switching to WAL needs. */
	static async open(file: string, options: SqliteOptions = {}): Promise<SqliteDriver> {
		for (let attempt = 1; ; attempt++) {
			try {
				return SqliteDriver.openOnce(file, options);
			} catch (error) {
				if (!isBusy(error) || attempt >= MAX_ATTEMPTS) throw error;
				await backoff(attempt);
			}
		}
	}

	private static openOnce(file: string, options: SqliteOptions): SqliteDriver {
		// Loaded lazily: node:sqlite exists from Node 22.5, and only SQLite users need it.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { DatabaseSync } = require('node:sqlite') as typeof import('node:sqlite');
		const db = new DatabaseSync(file);
		try {
			db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 10_000))}`);
			// WAL: readers never block the writer and the writer never blocks readers. The mode is
			// stored in the file, so every later connection gets it too.
			db.exec('PRAGMA journal_mode = WAL');
			db.exec('PRAGMA foreign_keys = ON');
		} catch (error) {
			db.close();
			throw error;
		}
		return new SqliteDriver(db);
	}

	write<T>(op: () => Op<T>): Promise<T> {
		return this.transaction('BEGIN IMMEDIATE', op);
	}

	// A deferred transaction reads one WAL snapshot from its first statement to its end.
	read<T>(op: () => Op<T>): Promise<T> {
		return this.transaction('BEGIN', op);
	}

	async close(): Promise<void> {
		if (this.db.isOpen) this.db.close();
	}

	private async transaction<T>(begin: string, op: () => Op<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			try {
				return this.once(begin, op);
			} catch (error) {
				// busy_timeout already waited; a few more tries ride out long bursts of writers.
				if (!isBusy(error) || attempt >= MAX_ATTEMPTS) throw error;
				await backoff(attempt);
			}
		}
	}

	// Synchronous from BEGIN to COMMIT: no other operation can interleave on this connection.
	// BEGIN, COMMIT and ROLLBACK are prepared once too: `exec` would parse them on every transaction.
	private once<T>(begin: string, op: () => Op<T>): T {
		this.prepare(begin).run();
		try {
			const result = driveSync(op(), (sql, params, mode) => {
				const statement = this.prepare(sql);
				const values = params as (string | number | null)[];
				return mode === 'rows' ? statement.all(...values) : Number(statement.run(...values).changes);
			});
			this.prepare('COMMIT').run();
			return result;
		} catch (error) {
			if (this.db.isTransaction) this.prepare('ROLLBACK').run();
			throw error;
		}
	}

	private prepare(sql: string): StatementSync {
		let statement = this.statements.get(sql);
		if (!statement) {
			statement = this.db.prepare(sql);
			this.statements.set(sql, statement);
		}
		return statement;
	}
}

export function isBusy(error: unknown): boolean {
	const code = (error as { errcode?: unknown })?.errcode;
	return typeof code === 'number' && ((code & 0xff) === BUSY || (code & 0xff) === LOCKED);
}
