import { SchemaTooNew } from '../errors';
import type { Dialect } from '../sql/dialect';
import type { SqlDriver } from '../sql/sql-driver';
import { rows, run, type Op } from '../sql/statement';
import { int } from '../sql/values';
import { columnTypes } from './column-types';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

// Any fixed number: every process that migrates a Tajo ledger takes this advisory lock first.
const POSTGRES_MIGRATION_LOCK = 7_305_010_101;

export interface MigrationResult {
	from: number;
	to: number;
	applied: number[];
}

/**
 * Brings the schema to `target` (default: latest). Safe when several processes start at once:
 * on PostgreSQL they queue on a transaction-scoped advisory lock, on SQLite on the write lock
 * of `BEGIN IMMEDIATE`; DDL is transactional on both, so a failed migration leaves nothing half
 * done, and whoever comes second finds the versions already recorded.
 */
export function migrate(driver: SqlDriver, now: () => Date, target = LATEST_SCHEMA_VERSION): Promise<MigrationResult> {
	return driver.write(() => migrateOp(driver.dialect, now().toISOString(), target));
}

function* migrateOp(dialect: Dialect, now: string, target: number): Op<MigrationResult> {
	if (dialect.name === 'postgres') yield* rows(`SELECT pg_advisory_xact_lock(${POSTGRES_MIGRATION_LOCK})`);
	yield* run(
		'CREATE TABLE IF NOT EXISTS tajo_schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
	);
	const found = yield* rows<{ version: unknown }>('SELECT version FROM tajo_schema_migrations ORDER BY version');
	const from = found.length ? Math.max(...found.map((r) => int(r.version))) : 0;
	if (from > LATEST_SCHEMA_VERSION) throw new SchemaTooNew(from, LATEST_SCHEMA_VERSION);
	const types = columnTypes(dialect);
	const applied: number[] = [];
	for (const migration of MIGRATIONS) {
		if (migration.version <= from || migration.version > target) continue;
		for (const statement of migration.statements(types)) yield* run(statement);
		yield* run('INSERT INTO tajo_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
			migration.version,
			migration.name,
			now,
		]);
		applied.push(migration.version);
	}
	return { from, to: Math.max(from, ...applied), applied };
}

/** The schema version a database is at (0 when empty). */
export function schemaVersion(driver: SqlDriver): Promise<number> {
	return driver.read(function* () {
		const table = yield* rows<{ n: unknown }>(
			driver.dialect.name === 'postgres'
				? "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'tajo_schema_migrations' AND table_schema = current_schema()"
				: "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'tajo_schema_migrations'",
		);
		if (int(table[0].n) === 0) return 0;
		const max = yield* rows<{ v: unknown }>('SELECT max(version) AS v FROM tajo_schema_migrations');
		return int(max[0].v);
	});
}
