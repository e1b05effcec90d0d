import type { ColumnTypes } from './column-types';

/** Programs (versioned), members, the append-only ledger, and one row per awarded order. */
export function ledgerSchema(t: ColumnTypes): string[] {
	return [
		`CREATE TABLE tajo_programs (
			id TEXT PRIMARY KEY,
			store_hash TEXT NOT NULL,
			name TEXT NOT NULL,
			current_version INTEGER NOT NULL,
			created_at ${t.timestamp} NOT NULL,
			updated_at ${t.timestamp} NOT NULL,
			UNIQUE (store_hash, name)
		)`,
		// Every config change is a new row; ledger entries name the version whose rules they used.
		`CREATE TABLE tajo_program_versions (
			program_id TEXT NOT NULL REFERENCES tajo_programs (id),
			version INTEGER NOT NULL,
			config ${t.json} NOT NULL,
			created_at ${t.timestamp} NOT NULL,
			PRIMARY KEY (program_id, version)
		)`,
		// balance_points and lifetime_points cache sums of the member's entries (checked by the
		// consistency check); the member row is also the lock that serialises the member's writes.
		`CREATE TABLE tajo_members (
			id TEXT PRIMARY KEY,
			program_id TEXT NOT NULL REFERENCES tajo_programs (id),
			store_hash TEXT NOT NULL,
			customer_id ${t.bigint} NOT NULL,
			email TEXT,
			first_name TEXT,
			last_name TEXT,
			phone TEXT,
			customer_group TEXT,
			channel_id INTEGER,
			birthday TEXT,
			tier TEXT,
			registered_at ${t.timestamp},
			balance_points ${t.bigint} NOT NULL DEFAULT 0,
			lifetime_points ${t.bigint} NOT NULL DEFAULT 0,
			orders_count INTEGER NOT NULL DEFAULT 0,
			total_spent_minor ${t.bigint} NOT NULL DEFAULT 0,
			first_order_at ${t.timestamp},
			last_order_at ${t.timestamp},
			last_activity_at ${t.timestamp},
			enrolled_at ${t.timestamp} NOT NULL,
			updated_at ${t.timestamp} NOT NULL,
			erased_at ${t.timestamp},
			UNIQUE (program_id, store_hash, customer_id)
		)`,
		'CREATE INDEX tajo_members_program_updated ON tajo_members (program_id, updated_at)',
		'CREATE INDEX tajo_members_store ON tajo_members (store_hash, customer_id)',
		`CREATE TABLE tajo_ledger_entries (
			id ${t.id},
			idempotency_key TEXT NOT NULL UNIQUE,
			program_id TEXT NOT NULL REFERENCES tajo_programs (id),
			program_version INTEGER,
			member_id TEXT NOT NULL REFERENCES tajo_members (id),
			kind TEXT NOT NULL CHECK (kind IN ('purchase', 'bonus', 'redemption', 'reversal', 'adjustment', 'expiry')),
			points ${t.bigint} NOT NULL,
			lifetime_delta ${t.bigint} NOT NULL,
			clamped_points ${t.bigint} NOT NULL DEFAULT 0,
			status TEXT NOT NULL CHECK (status IN ('pending', 'available')),
			available_at ${t.timestamp} NOT NULL,
			order_id TEXT,
			refund_id TEXT,
			action TEXT,
			reason TEXT,
			breakdown ${t.json},
			balance_after ${t.bigint} NOT NULL,
			lifetime_after ${t.bigint} NOT NULL,
			tier_before TEXT,
			tier_after TEXT,
			created_at ${t.timestamp} NOT NULL
		)`,
		'CREATE INDEX tajo_entries_member ON tajo_ledger_entries (member_id, id)',
		'CREATE INDEX tajo_entries_member_pending ON tajo_ledger_entries (member_id, status, available_at)',
		'CREATE INDEX tajo_entries_program_kind ON tajo_ledger_entries (program_id, kind)',
		// One row per awarded order: the grant that reversals may never exceed, and the figures
		// that member stats and revenue analytics are built from.
		`CREATE TABLE tajo_orders (
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
		)`,
		'CREATE INDEX tajo_orders_member ON tajo_orders (member_id)',
	];
}
