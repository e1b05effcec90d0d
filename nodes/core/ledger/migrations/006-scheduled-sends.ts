import type { ColumnTypes } from './column-types';

/**
 * Scheduled messages (see scheduled-send-types.ts): a small outbox beside the send-once log.
 * The primary key makes the first schedule of a key the one that counts, whoever repeats it;
 * the index serves "what is due in this store", which Reconciliation asks every hour.
 */
export function scheduledSendsSchema(t: ColumnTypes): string[] {
	return [
		`CREATE TABLE tajo_scheduled_sends (
			store_hash TEXT NOT NULL,
			send_key TEXT NOT NULL,
			due_at ${t.timestamp} NOT NULL,
			payload ${t.json} NOT NULL,
			created_at ${t.timestamp} NOT NULL,
			PRIMARY KEY (store_hash, send_key)
		)`,
		'CREATE INDEX tajo_scheduled_sends_due ON tajo_scheduled_sends (store_hash, due_at)',
	];
}
