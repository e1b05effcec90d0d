import { InvalidLedgerInput } from '../errors';
import type { ScheduledSend, ScheduleSendInput, ScheduleSendResult } from '../scheduled-send-types';
import { batch, run, statement, type Op, type Row } from '../sql/statement';
import { iso, json } from '../sql/values';
import type { OpContext } from './context';
import { instant, requireText } from './validate';

/** A message's data, not a document store: enough for an email's products, small enough to list hundreds at once. */
export const MAX_PAYLOAD_CHARS = 16_000;

export const SCHEDULED_COLUMNS = 'store_hash, send_key, due_at, payload, created_at';

export interface ValidSchedule {
	storeHash: string;
	sendKey: string;
	dueAt: string;
	payload: string;
}

export function validateSchedule(input: ScheduleSendInput): ValidSchedule {
	const payload: unknown = input?.payload;
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new InvalidLedgerInput('payload', 'must be an object');
	const text = JSON.stringify(payload);
	if (text.length > MAX_PAYLOAD_CHARS) throw new InvalidLedgerInput('payload', `must be at most ${MAX_PAYLOAD_CHARS} characters as JSON, got ${text.length}`);
	return {
		// The same bounds as a claim's, so that every key that can be scheduled can be claimed.
		storeHash: requireText('storeHash', input.storeHash, 100),
		sendKey: requireText('sendKey', input.sendKey, 300),
		dueAt: instant('dueAt', input.dueAt),
		payload: text,
	};
}

export function mapScheduled(r: Row): ScheduledSend {
	return {
		storeHash: String(r.store_hash),
		sendKey: String(r.send_key),
		dueAt: iso(r.due_at),
		payload: json<Record<string, unknown>>(r.payload) ?? {},
		createdAt: iso(r.created_at),
	};
}

/**
 * The first schedule of a key wins and is never moved: a repeat (a redelivered order, the points
 * flow and Reconciliation both scheduling one review request) must not push the message later
 * each time, or it would never come due. The read after the insert returns the row that stands.
 */
export function* scheduleSendOp(ctx: OpContext, input: ValidSchedule): Op<ScheduleSendResult> {
	const [inserted, current] = yield* batch(
		[
			statement(
				`INSERT INTO tajo_scheduled_sends (${SCHEDULED_COLUMNS}) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (store_hash, send_key) DO NOTHING
				RETURNING send_key`,
				[input.storeHash, input.sendKey, input.dueAt, input.payload, ctx.now],
			),
			statement(`SELECT ${SCHEDULED_COLUMNS} FROM tajo_scheduled_sends WHERE store_hash = ? AND send_key = ?`, [input.storeHash, input.sendKey]),
		],
		{ final: true },
	);
	return { scheduled: (inserted as Row[]).length > 0, send: mapScheduled((current as Row[])[0]) };
}

/** Rows one prune transaction deletes at most: a first prune of a store with years of orders never holds the database for long. */
export const PRUNE_CHUNK = 1000;

export interface ValidPrune {
	storeHash: string;
	before: string;
}

export function validatePrune(storeHash: string, before: string): ValidPrune {
	return { storeHash: requireText('storeHash', storeHash, 100), before: instant('before', before) };
}

/**
 * Deletes up to `limit` scheduled sends of the store that the send-once log has as sent and that
 * were due before `before`, earliest first; returns how many. Only their schedule goes: the
 * send-log row stays, so a key scheduled again later (an order changed again, read by
 * Reconciliation) is still never listed as due nor claimed. A sent row never changes again, so
 * nothing a concurrent claim or schedule does can make a deleted row one that should have stayed.
 */
export function* pruneSentOp(input: ValidPrune, limit: number): Op<number> {
	return yield* run(
		`DELETE FROM tajo_scheduled_sends
		WHERE store_hash = ? AND send_key IN (
			SELECT s.send_key FROM tajo_scheduled_sends s JOIN tajo_sends l ON l.store_hash = s.store_hash AND l.send_key = s.send_key
			WHERE s.store_hash = ? AND s.due_at < ? AND l.status = 'sent'
			ORDER BY s.due_at
			LIMIT ?
		)`,
		[input.storeHash, input.storeHash, input.before, limit],
	);
}
