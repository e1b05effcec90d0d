import { createHash } from 'node:crypto';

/**
 * A delivery's `hash` is stored as the first 48 bits of its SHA-256, in base64url: 8 characters
 * instead of BigCommerce's 40. Hashing first makes keys uniform whatever a hash looks like (hex
 * SHA-1 today), so the collision reasoning below holds for any sender.
 *
 * Why 48 bits is enough: a new delivery is wrongly taken for a duplicate only if its key equals
 * one of the at most `maxEntries` (2,000) keys remembered, probability ≤ 2,000 / 2^48 ≈ 7·10^-12
 * per delivery; a store receiving a million deliveries a year would see one such drop every
 * ~140,000 years, far below the rate at which BigCommerce itself loses deliveries (which the
 * Reconciliation template repairs anyway). 42 bits (7 characters) would still be ~5·10^-10;
 * 48 bits is kept because it is whole bytes and exactly the first 8 characters of the 16-character
 * keys of the older record format, so migrating keeps every old key.
 */
export const KEY_LENGTH = 8;
export const KEY_BYTES = 6;
/** One key: base64url characters only, so `,` and `:` can separate them in the record. */
export const KEY_PATTERN = `[A-Za-z0-9_-]{${KEY_LENGTH}}`;

export function hashKey(hash: string): string {
	return createHash('sha256').update(hash.trim().toLowerCase()).digest().subarray(0, KEY_BYTES).toString('base64url');
}
