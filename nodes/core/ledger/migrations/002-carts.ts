import type { ColumnTypes } from './column-types';

/** Tracked carts for abandoned-cart recovery (DESIGN §6). */
export function cartSchema(t: ColumnTypes): string[] {
	return [
		// generation counts recovery sequences; a waiting sequence compares its number with it to
		// learn whether it still owns the cart. messages_sent lists {generation, step, …}.
		`CREATE TABLE tajo_carts (
			store_hash TEXT NOT NULL,
			cart_id TEXT NOT NULL,
			channel_id INTEGER,
			customer_id ${t.bigint},
			email TEXT,
			phone TEXT,
			items ${t.json} NOT NULL,
			amount_minor ${t.bigint} NOT NULL DEFAULT 0,
			currency TEXT,
			checkout_url TEXT,
			status TEXT NOT NULL CHECK (status IN ('active', 'abandoned', 'converted', 'emptied', 'deleted')),
			generation INTEGER NOT NULL DEFAULT 0,
			sequence_started_at ${t.timestamp},
			sequence_ended_at ${t.timestamp},
			messages_sent ${t.json} NOT NULL,
			converted_order_id TEXT,
			last_event_at ${t.timestamp} NOT NULL,
			created_at ${t.timestamp} NOT NULL,
			updated_at ${t.timestamp} NOT NULL,
			PRIMARY KEY (store_hash, cart_id)
		)`,
		'CREATE INDEX tajo_carts_customer ON tajo_carts (store_hash, customer_id)',
		'CREATE INDEX tajo_carts_email ON tajo_carts (store_hash, email)',
	];
}
