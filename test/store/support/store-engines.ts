import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DatabaseConfig } from '../../../nodes/core/ledger/database-config';
import type { LedgerStore } from '../../../nodes/core/ledger/ledger-store';
import { openLedgerStore, type LedgerStoreOptions } from '../../../nodes/core/ledger/open-ledger-store';
import { startTestPostgres, type TestPostgres } from '../../support/postgres-server';

export type Engine = 'sqlite' | 'postgres';

/** Every conformance test runs once per engine. */
export const ENGINES: Engine[] = ['sqlite', 'postgres'];

export interface StoreFixture {
	/** A new, empty database (SQLite: a new file; PostgreSQL: a new database on the test cluster). */
	freshConfig(): Promise<DatabaseConfig>;
	/** A store on that config; closed after the test file. */
	open(config: DatabaseConfig, options?: LedgerStoreOptions): Promise<LedgerStore>;
	/** freshConfig + open. */
	fresh(options?: LedgerStoreOptions): Promise<{ store: LedgerStore; config: DatabaseConfig }>;
	/** Raw SQL on a config's database, for tampering and inspection. */
	sql(config: DatabaseConfig, text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

/**
 * Registers beforeAll/afterAll for the engine: a temporary folder for SQLite files, or a
 * throwaway PostgreSQL cluster (one per test file; one database per test).
 */
export function useStoreEngine(engine: Engine): StoreFixture {
	let dir = '';
	let pg: TestPostgres | undefined;
	let counter = 0;
	const stores: LedgerStore[] = [];

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'tajo-store-'));
		if (engine === 'postgres') pg = await startTestPostgres();
	}, 120_000);

	afterAll(async () => {
		await Promise.all(stores.map((s) => s.close().catch(() => undefined)));
		await pg?.stop();
		rmSync(dir, { recursive: true, force: true });
	}, 60_000);

	const admin = async <T>(database: string, fn: (client: Client) => Promise<T>): Promise<T> => {
		if (!pg) throw new Error('PostgreSQL is not running');
		const client = new Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database });
		await client.connect();
		try {
			return await fn(client);
		} finally {
			await client.end();
		}
	};

	const fixture: StoreFixture = {
		async freshConfig() {
			counter += 1;
			if (engine === 'sqlite') return { type: 'sqlite', sqlitePath: join(dir, `ledger-${counter}.sqlite`) };
			const database = `tajo_test_${counter}`;
			await admin('postgres', (c) => c.query(`CREATE DATABASE ${database}`));
			return { type: 'postgres', host: pg!.host, port: pg!.port, database, user: pg!.user, password: pg!.password, ssl: 'disable' };
		},
		async open(config, options) {
			const store = await openLedgerStore(config, options);
			stores.push(store);
			return store;
		},
		async fresh(options) {
			const config = await fixture.freshConfig();
			return { store: await fixture.open(config, options), config };
		},
		async sql(config, text, params = []) {
			if (config.type === 'postgres') {
				let n = 0;
				const numbered = text.replace(/\?/g, () => `$${++n}`);
				return admin(config.database, async (c) => (await c.query(numbered, params)).rows);
			}
			const { DatabaseSync } = await import('node:sqlite');
			const db = new DatabaseSync(config.sqlitePath);
			try {
				db.exec('PRAGMA busy_timeout = 10000');
				const statement = db.prepare(text);
				const values = params as (string | number | null)[];
				return /^\s*(select|with)/i.test(text) ? (statement.all(...values) as Record<string, unknown>[]) : (statement.run(...values), []);
			} finally {
				db.close();
			}
		},
	};
	return fixture;
}
