import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseDatabaseConfig, resolveSqlitePath, type DatabaseConfig } from './database-config';
import { explainDatabaseError } from './database-errors';
import { LedgerError } from './errors';
import type { LedgerStore } from './ledger-store';
import { migrate } from './migrations/migrate';
import { PostgresDriver } from './sql/postgres-driver';
import type { SqlDriver } from './sql/sql-driver';
import { SqliteDriver } from './sql/sqlite-driver';
import { SqlLedgerStore } from './sql-ledger-store';

export interface LedgerStoreOptions {
	/** The store's clock (UTC instants on entries, pending periods, "this month"); tests inject one. */
	clock?: () => Date;
	/** SQLite: how long a writer waits for another connection's lock (default 10 s). */
	busyTimeoutMs?: number;
	/** PostgreSQL: connections in the pool (default 10). */
	poolSize?: number;
	/** Run pending migrations on open (default true). */
	migrate?: boolean;
}

/** Opens the engine's driver without touching the schema. */
export async function openSqlDriver(credential: DatabaseConfig | unknown, options: LedgerStoreOptions = {}): Promise<SqlDriver> {
	const config = parseDatabaseConfig(credential);
	try {
		if (config.type === 'sqlite') {
			const file = resolveSqlitePath(config.sqlitePath);
			mkdirSync(dirname(file), { recursive: true });
			return await SqliteDriver.open(file, { busyTimeoutMs: options.busyTimeoutMs });
		}
		const { Pool } = await import('pg');
		return new PostgresDriver(
			new Pool({
				host: config.host,
				port: config.port,
				database: config.database,
				user: config.user,
				password: config.password,
				ssl: config.ssl === 'disable' ? false : { rejectUnauthorized: config.ssl === 'require' },
				max: options.poolSize ?? 10,
				connectionTimeoutMillis: 10_000,
			}),
		);
	} catch (error) {
		throw explainDatabaseError(error, config);
	}
}

/**
 * Opens the ledger on the credential's database and brings its schema up to date (safe when
 * several n8n processes open it at once). Connection problems come back as errors that say what
 * to fix in the credential.
 */
export async function openLedgerStore(credential: DatabaseConfig | unknown, options: LedgerStoreOptions = {}): Promise<LedgerStore> {
	const config = parseDatabaseConfig(credential);
	const clock = options.clock ?? (() => new Date());
	const driver = await openSqlDriver(config, options);
	try {
		if (options.migrate !== false) await migrate(driver, clock);
	} catch (error) {
		await driver.close().catch(() => undefined);
		throw error instanceof LedgerError ? error : explainDatabaseError(error, config);
	}
	return new SqlLedgerStore(driver, clock);
}
