import type { EntryKind, LedgerEntry } from '../entry-types';
import { row, type Op, type Row, type SqlValue } from '../sql/statement';
import { int, intOrNull, iso, json, textOrNull, toJson } from '../sql/values';
import type { OpContext } from './context';

export const ENTRY_COLUMNS =
	'id, idempotency_key, program_id, program_version, member_id, kind, points, lifetime_delta, clamped_points, status, available_at, order_id, refund_id, action, reason, breakdown, balance_after, lifetime_after, tier_before, tier_after, created_at';

/** Status as of `now`: an entry written as pending is available once its available_at has passed. */
export function mapEntry(r: Row, now: string): LedgerEntry {
	const availableAt = iso(r.available_at);
	return {
		id: int(r.id),
		idempotencyKey: String(r.idempotency_key),
		programId: String(r.program_id),
		programVersion: intOrNull(r.program_version),
		memberId: String(r.member_id),
		kind: String(r.kind) as EntryKind,
		points: int(r.points),
		lifetimeDelta: int(r.lifetime_delta),
		clampedPoints: int(r.clamped_points),
		status: r.status === 'pending' && availableAt > now ? 'pending' : 'available',
		availableAt,
		orderId: textOrNull(r.order_id),
		refundId: textOrNull(r.refund_id),
		action: textOrNull(r.action),
		reason: textOrNull(r.reason),
		breakdown: json<Record<string, unknown>>(r.breakdown),
		balanceAfter: int(r.balance_after),
		lifetimeAfter: int(r.lifetime_after),
		tierBefore: textOrNull(r.tier_before),
		tierAfter: textOrNull(r.tier_after),
		createdAt: iso(r.created_at),
	};
}

export function* findEntryByKey(key: string): Op<Row | undefined> {
	return yield* row(`SELECT ${ENTRY_COLUMNS} FROM tajo_ledger_entries WHERE idempotency_key = ?`, [key]);
}

export interface NewEntry {
	idempotencyKey: string;
	programId: string;
	programVersion: number | null;
	memberId: string;
	kind: EntryKind;
	points: number;
	lifetimeDelta: number;
	clampedPoints: number;
	availableAt: string;
	orderId: string | null;
	refundId: string | null;
	action: string | null;
	reason: string | null;
	breakdown: unknown;
	balanceAfter: number;
	lifetimeAfter: number;
	tierBefore: string | null;
	tierAfter: string | null;
}

/** Appends an entry. The unique idempotency key makes a racing duplicate fail here, never commit twice. */
export function* insertEntry(ctx: OpContext, e: NewEntry): Op<Row> {
	const values: SqlValue[] = [
		e.idempotencyKey, e.programId, e.programVersion, e.memberId, e.kind, e.points, e.lifetimeDelta, e.clampedPoints,
		e.availableAt > ctx.now ? 'pending' : 'available', e.availableAt, e.orderId, e.refundId, e.action, e.reason,
		toJson(e.breakdown), e.balanceAfter, e.lifetimeAfter, e.tierBefore, e.tierAfter, ctx.now,
	];
	const inserted = yield* row(
		`INSERT INTO tajo_ledger_entries (idempotency_key, program_id, program_version, member_id, kind, points, lifetime_delta, clamped_points, status, available_at, order_id, refund_id, action, reason, breakdown, balance_after, lifetime_after, tier_before, tier_after, created_at)
		VALUES (${values.map(() => '?').join(', ')}) RETURNING ${ENTRY_COLUMNS}`,
		values,
	);
	if (!inserted) throw new Error('The ledger entry was not written');
	return inserted;
}
