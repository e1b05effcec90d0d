import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { checkDatabase } from '../../../../nodes/core/ledger/database-check';
import { parseDatabaseConfig, resolveSqlitePath } from '../../../../nodes/core/ledger/database-config';
import { startTestPostgres, type TestPostgres } from '../../../support/postgres-server';

describe('Tajo Loyalty database credential check', () => {
	let dir: string;
	beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tajo-dbcheck-'))));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	describe('configuration', () => {
		it('puts a relative SQLite file inside the n8n user folder', () => {
			expect(resolveSqlitePath('tajo.sqlite', { N8N_USER_FOLDER: '/srv/n8n' })).toBe('/srv/n8n/.n8n/tajo.sqlite');
			expect(resolveSqlitePath('/data/tajo.sqlite', { N8N_USER_FOLDER: '/srv/n8n' })).toBe('/data/tajo.sqlite');
		});

		it('names the field to fix when the credential is incomplete', () => {
			expect(() => parseDatabaseConfig({ type: 'sqlite', sqlitePath: '  ' })).toThrow(/sqlitePath: Database File is empty/);
			expect(() => parseDatabaseConfig({ type: 'postgres', host: 'db', port: 99999, database: 'x', user: 'u' })).toThrow(/port/);
			expect(() => parseDatabaseConfig({ type: 'mysql' })).toThrow(/Tajo Loyalty Database credential: type/);
		});
	});

	describe('SQLite', () => {
		it('creates the file and reports the engine', async () => {
			const file = join(dir, 'nested', 'ledger.sqlite');
			const result = await checkDatabase({ type: 'sqlite', sqlitePath: file });
			expect(result).toEqual({ driver: 'sqlite', location: file, serverVersion: expect.stringMatching(/^SQLite 3\./) });
		});

		it('leaves no probe table behind', async () => {
			const file = join(dir, 'clean.sqlite');
			await checkDatabase({ type: 'sqlite', sqlitePath: file });
			const { DatabaseSync } = await import('node:sqlite');
			const db = new DatabaseSync(file);
			const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
			db.close();
			expect(tables).toEqual([]);
		});

		it('says the file cannot be written when its folder is a file', async () => {
			const blocker = join(dir, 'not-a-folder');
			writeFileSync(blocker, 'x');
			await expect(checkDatabase({ type: 'sqlite', sqlitePath: join(blocker, 'ledger.sqlite') })).rejects.toThrow(
				/n8n cannot create or write the database file .*not-a-folder\/ledger\.sqlite/,
			);
		});

		it('says when the file is not a SQLite database', async () => {
			const file = join(dir, 'garbage.sqlite');
			writeFileSync(file, 'this is not a database, just text '.repeat(200));
			await expect(checkDatabase({ type: 'sqlite', sqlitePath: file })).rejects.toThrow(/is not a SQLite database/);
		});
	});

	describe('PostgreSQL', () => {
		let pg: TestPostgres;
		beforeAll(async () => (pg = await startTestPostgres()), 120_000);
		afterAll(async () => pg?.stop());

		const config = () => ({ type: 'postgres' as const, host: pg.host, port: pg.port, database: pg.database, user: pg.user, password: pg.password, ssl: 'disable' as const });

		it('connects, proves tables can be created, and leaves nothing behind', async () => {
			const result = await checkDatabase(config());
			expect(result).toEqual({ driver: 'postgres', location: `127.0.0.1:${pg.port}/postgres`, serverVersion: expect.stringMatching(/^PostgreSQL \d+/) });
			const client = new Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: pg.database });
			await client.connect();
			const { rows } = await client.query("SELECT to_regclass('tajo_connection_probe') AS t");
			await client.end();
			expect(rows[0].t).toBeNull();
		});

		it('says the password is wrong', async () => {
			await expect(checkDatabase({ ...config(), password: 'wrong' })).rejects.toThrow(/rejected user "postgres" with this password/);
		});

		it('says the database does not exist', async () => {
			await expect(checkDatabase({ ...config(), database: 'nope' })).rejects.toThrow(/database "nope" does not exist/);
		});

		it('says nothing listens at the address', async () => {
			await expect(checkDatabase({ ...config(), port: 1 })).rejects.toThrow(/Nothing accepts connections at 127\.0\.0\.1:1/);
		});

		it('says when the user may not create tables', async () => {
			const admin = new Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: pg.database });
			await admin.connect();
			await admin.query("CREATE ROLE reader LOGIN PASSWORD 'r'");
			await admin.query('CREATE DATABASE readonly_db');
			await admin.end();
			const ro = new Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: 'readonly_db' });
			await ro.connect();
			await ro.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
			await ro.end();
			await expect(checkDatabase({ ...config(), database: 'readonly_db', user: 'reader', password: 'r' })).rejects.toThrow(
				/User "reader" may not create tables in "readonly_db"/,
			);
		});
	});
});
