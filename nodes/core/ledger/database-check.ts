import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from './database-config';
import { resolveSqlitePath } from './database-config';
import { explainDatabaseError } from './database-errors';

/** What a successful connection check found. */
export interface DatabaseCheckResult {
	driver: 'sqlite' | 'postgres';
	/** File path (SQLite) or host:port/database (PostgreSQL). */
	location: string;
	serverVersion: string;
}

// A throwaway table proves the user may create, write and drop tables — what migrations need.
const PROBE_TABLE = 'tajo_connection_probe';

/**
 * Connects with the credential, creates, writes, reads and drops a probe table inside a
 * transaction, and closes. Throws an Error whose message tells a marketer what to fix.
 */
export async function checkDatabase(config: DatabaseConfig): Promise<DatabaseCheckResult> {
	try {
		return config.type === 'sqlite' ? checkSqlite(config.sqlitePath) : await checkPostgres(config);
	} catch (error) {
		throw explainDatabaseError(error, config);
	}
}

function checkSqlite(path: string): DatabaseCheckResult {
	const file = resolveSqlitePath(path);
	mkdirSync(dirname(file), { recursive: true });
	// node:sqlite is loaded lazily: it exists from Node 22.5 and n8n 2.x runs on Node 24.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { DatabaseSync } = require('node:sqlite') as typeof import('node:sqlite');
	const db = new DatabaseSync(file);
	try {
		db.exec('PRAGMA busy_timeout = 5000');
		db.exec('BEGIN IMMEDIATE');
		db.exec(`CREATE TABLE IF NOT EXISTS ${PROBE_TABLE} (id INTEGER PRIMARY KEY, note TEXT NOT NULL)`);
		db.prepare(`INSERT INTO ${PROBE_TABLE} (note) VALUES (?)`).run('ok');
		const row = db.prepare(`SELECT count(*) AS n FROM ${PROBE_TABLE}`).get() as { n: number };
		db.exec('ROLLBACK');
		if (row.n < 1) throw new Error('The test row could not be read back');
		const version = db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
		return { driver: 'sqlite', location: file, serverVersion: `SQLite ${version.v}` };
	} finally {
		db.close();
	}
}

async function checkPostgres(config: Extract<DatabaseConfig, { type: 'postgres' }>): Promise<DatabaseCheckResult> {
	const { Client } = await import('pg');
	const client = new Client({
		host: config.host,
		port: config.port,
		database: config.database,
		user: config.user,
		password: config.password,
		ssl: config.ssl === 'disable' ? false : { rejectUnauthorized: config.ssl === 'require' },
		connectionTimeoutMillis: 10_000,
	});
	await client.connect();
	try {
		await client.query('BEGIN');
		await client.query(`CREATE TABLE IF NOT EXISTS ${PROBE_TABLE} (id SERIAL PRIMARY KEY, note TEXT NOT NULL)`);
		await client.query(`INSERT INTO ${PROBE_TABLE} (note) VALUES ($1)`, ['ok']);
		const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${PROBE_TABLE}`);
		await client.query('ROLLBACK');
		if (Number(rows[0].n) < 1) throw new Error('The test row could not be read back');
		const version = await client.query<{ server_version: string }>('SHOW server_version');
		return {
			driver: 'postgres',
			location: `${config.host}:${config.port}/${config.database}`,
			serverVersion: `PostgreSQL ${version.rows[0].server_version}`,
		};
	} finally {
		await client.end();
	}
}
