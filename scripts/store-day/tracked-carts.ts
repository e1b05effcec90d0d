// The carts the abandoned-cart template tracks in the Tajo Loyalty ledger. The ledger store has no
// "list carts" operation (the template only ever needs one cart at a time), so they are read here
// straight from the SQLite file, read-only, with the store's own row mapping.
import { DatabaseSync } from 'node:sqlite';
import { CART_COLUMNS, mapCart } from '../../nodes/core/carts/cart-rows';
import type { TrackedCart } from '../../nodes/core/carts/cart-types';

export type { TrackedCart };

/** Every tracked cart of the store, oldest first; none when the ledger has no cart table yet. */
export function readTrackedCarts(sqlitePath: string, storeHash: string): TrackedCart[] {
	const db = new DatabaseSync(sqlitePath, { readOnly: true });
	try {
		const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'tajo_carts'").get();
		if (!table) return [];
		const rows = db.prepare(`SELECT ${CART_COLUMNS} FROM tajo_carts WHERE store_hash = ? ORDER BY created_at, cart_id`).all(storeHash);
		return rows.map((row) => mapCart(row as Record<string, unknown>));
	} finally {
		db.close();
	}
}
