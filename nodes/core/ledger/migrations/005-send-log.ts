import type { ColumnTypes } from './column-types';

/**
 * The send-once log (see send-types.ts): one row per side effect and store. The primary key is
 * what lets exactly one of any number of concurrent claimers — in any process — create the row,
 * and the row what a later claimer's conditional update is decided on.
 */
export function sendLogSchema(t: ColumnTypes): string[] {
	return [
		`CREATE TABLE tajo_sends (
			store_hash TEXT NOT NULL,
			send_key TEXT NOT NULL,
			status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'released')),
			lease_until ${t.timestamp},
			attempts INTEGER NOT NULL,
			claimed_at ${t.timestamp},
			sent_at ${t.timestamp},
			detail ${t.json},
			created_at ${t.timestamp} NOT NULL,
			updated_at ${t.timestamp} NOT NULL,
			PRIMARY KEY (store_hash, send_key)
		)`,
	];
}
