import type { ColumnTypes } from './column-types';

/**
 * Fewer index writes per award (issue 4 item 6). Every award writes its entry, its order row and
 * the member's cached totals; these indexes made it write several more pages than that, and no
 * guarantee rests on them:
 * - tajo_members_program_updated: every points write moves `updated_at`, so each one rewrote two
 *   entries of this index; no query needs it (member lists page by id; "modified since" filters
 *   the program's members as every other list filter does).
 * - tajo_orders_member: only the consistency check looked orders up by member; it now groups the
 *   orders once instead.
 * - PostgreSQL: member pages keep room for the next version of a row (see below).
 * - SQLite only: tajo_orders becomes a WITHOUT ROWID table clustered on its primary key
 *   (program, order), so an award writes one b-tree for its order instead of a table plus the
 *   key's index. The key — which refuses a second award of an order — is unchanged.
 */
export function lighterWritesSchema(t: ColumnTypes): string[] {
	const common = ['DROP INDEX tajo_members_program_updated', 'DROP INDEX tajo_orders_member'];
	if (t.engine === 'postgres') {
		// With no index on the columns a points write changes, its UPDATE of the member can be a
		// HOT update (no index entries at all) whenever the row's page has room for the new version.
		return [...common, 'ALTER TABLE tajo_members SET (fillfactor = 70)'];
	}
	const columns =
		'program_id, order_id, member_id, channel_id, currency, total_minor, refunded_minor, granted_points, reversed_points, available_at, entry_id, placed_at, created_at';
	return [
		...common,
		`CREATE TABLE tajo_orders_003 (
			program_id TEXT NOT NULL REFERENCES tajo_programs (id),
			order_id TEXT NOT NULL,
			member_id TEXT NOT NULL REFERENCES tajo_members (id),
			channel_id INTEGER,
			currency TEXT,
			total_minor ${t.bigint} NOT NULL,
			refunded_minor ${t.bigint} NOT NULL DEFAULT 0,
			granted_points ${t.bigint} NOT NULL,
			reversed_points ${t.bigint} NOT NULL DEFAULT 0,
			available_at ${t.timestamp} NOT NULL,
			entry_id ${t.bigint} NOT NULL,
			placed_at ${t.timestamp} NOT NULL,
			created_at ${t.timestamp} NOT NULL,
			PRIMARY KEY (program_id, order_id)
		) WITHOUT ROWID`,
		`INSERT INTO tajo_orders_003 (${columns}) SELECT ${columns} FROM tajo_orders`,
		'DROP TABLE tajo_orders',
		'ALTER TABLE tajo_orders_003 RENAME TO tajo_orders',
	];
}
