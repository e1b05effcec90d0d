import type { SendRecord, SendStatus } from '../send-types';
import { statement, type Row, type Statement } from '../sql/statement';
import { int, iso, isoOrNull, json } from '../sql/values';

export const SEND_COLUMNS = 'store_hash, send_key, status, lease_until, attempts, claimed_at, sent_at, detail, created_at, updated_at';

export function mapSend(r: Row): SendRecord {
	return {
		storeHash: String(r.store_hash),
		sendKey: String(r.send_key),
		status: String(r.status) as SendStatus,
		leaseUntil: isoOrNull(r.lease_until),
		attempts: int(r.attempts),
		claimedAt: isoOrNull(r.claimed_at),
		sentAt: isoOrNull(r.sent_at),
		detail: json<Record<string, unknown>>(r.detail),
		createdAt: iso(r.created_at),
		updatedAt: iso(r.updated_at),
	};
}

/** The send's row as it is now (on PostgreSQL, after what the same transaction wrote before). */
export function readSendStatement(storeHash: string, sendKey: string): Statement {
	return statement(`SELECT ${SEND_COLUMNS} FROM tajo_sends WHERE store_hash = ? AND send_key = ?`, [storeHash, sendKey]);
}
