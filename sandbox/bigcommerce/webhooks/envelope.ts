import { createHash, randomBytes } from 'node:crypto';

/** The callback body BigCommerce POSTs, keys in the order its docs show them. */
export interface WebhookEnvelope {
	scope: string;
	store_id: string;
	data: Record<string, unknown>;
	hash: string;
	created_at: number;
	producer: string;
}

/**
 * BigCommerce documents `hash` as "the SHA-1 hash of the JSON-encoded payload data" and promises
 * that a repeated delivery of one event carries the same hash. The exact input is not published;
 * the emulator hashes the envelope fields plus a random per-event nonce, so every new event gets
 * a new hash (even with identical data in the same second, and across emulator restarts) while
 * retries, duplicates and held deliveries of that event reuse it.
 */
export function eventHash(fields: Omit<WebhookEnvelope, 'hash'>): string {
	const nonce = randomBytes(8).toString('hex');
	return createHash('sha1').update(JSON.stringify({ ...fields, nonce })).digest('hex');
}
