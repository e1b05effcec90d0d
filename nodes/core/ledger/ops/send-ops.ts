import { InvalidLedgerInput } from '../errors';
import type { ClaimSendInput, ClaimSendResult, MarkSentInput, MarkSentResult, ReleaseSendInput, ReleaseSendResult } from '../send-types';
import { batch, statement, type Op, type Row } from '../sql/statement';
import { toJson } from '../sql/values';
import { addSeconds, type OpContext } from './context';
import { mapSend, readSendStatement, SEND_COLUMNS } from './send-rows';
import { requireInt, requireText } from './validate';

/** A year: a lease is a guard against a sender that died, never a schedule. */
const MAX_LEASE_SECONDS = 366 * 86_400;

interface SendTarget {
	storeHash: string;
	sendKey: string;
}

function target(input: SendTarget): SendTarget {
	return { storeHash: requireText('storeHash', input?.storeHash, 100), sendKey: requireText('sendKey', input.sendKey, 300) };
}

function detailJson(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidLedgerInput('detail', 'must be an object (or left out)');
	return toJson(value);
}

export function validateClaim(input: ClaimSendInput): SendTarget & { leaseSeconds: number; detail: string | null } {
	return {
		...target(input),
		leaseSeconds: requireInt('leaseSeconds', input.leaseSeconds, { min: 1, max: MAX_LEASE_SECONDS }),
		detail: detailJson(input.detail),
	};
}

export function validateMarkSent(input: MarkSentInput): SendTarget & { detail: string | null } {
	return { ...target(input), detail: detailJson(input.detail) };
}

export function validateRelease(input: ReleaseSendInput): SendTarget {
	return target(input);
}

/**
 * One statement decides the claim, so that it holds across processes: the insert creates the
 * row (the primary key lets one of any number of concurrent inserts do it), and on a conflict
 * the update takes the row over only when it is free — released, or claimed with a lease that
 * has run out — judged on the row as the last writer committed it (PostgreSQL re-checks the
 * WHERE after waiting for a concurrent claimer's row lock; SQLite's writers are serialised).
 * A claim that is not granted returns no row; the read after it says who holds the send.
 */
export function* claimSendOp(ctx: OpContext, input: ReturnType<typeof validateClaim>): Op<ClaimSendResult> {
	const leaseUntil = addSeconds(ctx.now, input.leaseSeconds);
	const [granted, current] = yield* batch(
		[
			statement(
				`INSERT INTO tajo_sends (${SEND_COLUMNS}) VALUES (?, ?, 'claimed', ?, 1, ?, NULL, ?, ?, ?)
				ON CONFLICT (store_hash, send_key) DO UPDATE SET
					status = 'claimed', lease_until = excluded.lease_until, attempts = tajo_sends.attempts + 1, claimed_at = excluded.claimed_at,
					detail = COALESCE(excluded.detail, tajo_sends.detail), updated_at = excluded.updated_at
				WHERE tajo_sends.status = 'released' OR (tajo_sends.status = 'claimed' AND tajo_sends.lease_until <= excluded.claimed_at)
				RETURNING send_key`,
				[input.storeHash, input.sendKey, leaseUntil, ctx.now, input.detail, ctx.now, ctx.now],
			),
			readSendStatement(input.storeHash, input.sendKey),
		],
		{ final: true },
	);
	return { claimed: (granted as Row[]).length > 0, send: mapSend((current as Row[])[0]) };
}

/**
 * Sent for good: no claim is granted for the send again. A send nobody claimed may be marked
 * too (a message sent by other means); marking it twice changes nothing.
 */
export function* markSentOp(ctx: OpContext, input: ReturnType<typeof validateMarkSent>): Op<MarkSentResult> {
	const [changed, current] = yield* batch(
		[
			statement(
				`INSERT INTO tajo_sends (${SEND_COLUMNS}) VALUES (?, ?, 'sent', NULL, 0, NULL, ?, ?, ?, ?)
				ON CONFLICT (store_hash, send_key) DO UPDATE SET
					status = 'sent', lease_until = NULL, sent_at = excluded.sent_at, detail = COALESCE(excluded.detail, tajo_sends.detail), updated_at = excluded.updated_at
				WHERE tajo_sends.status <> 'sent'
				RETURNING send_key`,
				[input.storeHash, input.sendKey, ctx.now, input.detail, ctx.now, ctx.now],
			),
			readSendStatement(input.storeHash, input.sendKey),
		],
		{ final: true },
	);
	return { alreadySent: (changed as Row[]).length === 0, send: mapSend((current as Row[])[0]) };
}

/** Gives up a claim (the send failed), so that the next claimer gets it at once instead of after the lease. */
export function* releaseSendOp(ctx: OpContext, input: SendTarget): Op<ReleaseSendResult> {
	const [changed, current] = yield* batch(
		[
			statement(
				"UPDATE tajo_sends SET status = 'released', lease_until = NULL, updated_at = ? WHERE store_hash = ? AND send_key = ? AND status = 'claimed'",
				[ctx.now, input.storeHash, input.sendKey],
				'run',
			),
			readSendStatement(input.storeHash, input.sendKey),
		],
		{ final: true },
	);
	const found = (current as Row[])[0];
	return { released: (changed as number) > 0, send: found ? mapSend(found) : null };
}
