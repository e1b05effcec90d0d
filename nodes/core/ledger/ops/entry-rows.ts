import type { EntryKind, LedgerEntry } from '../entry-types';
import { row, statement, type Op, type Row, type SqlValue, type Statement } from '../sql/statement';
import { int, intOrNull, iso, json, textOrNull } from '../sql/values';
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
	/** The rule breakdown as stored: JSON text (serialised once, for the insert and the result). */
	breakdownJson: string | null;
	balanceAfter: number;
	lifetimeAfter: number;
	tierBefore: string | null;
	tierAfter: string | null;
}

/**
 * The statement that appends an entry (RETURNING its id). The unique idempotency key makes a racing
 * duplicate fail here, never commit twice.
 */
export function insertEntryStatement(ctx: OpContext, e: NewEntry): Statement {
	const values: SqlValue[] = [
		e.idempotencyKey, e.programId, e.programVersion, e.memberId, e.kind, e.points, e.lifetimeDelta, e.clampedPoints,
		e.availableAt > ctx.now ? 'pending' : 'available', e.availableAt, e.orderId, e.refundId, e.action, e.reason,
		e.breakdownJson, e.balanceAfter, e.lifetimeAfter, e.tierBefore, e.tierAfter, ctx.now,
	];
	return statement(
		`INSERT INTO tajo_ledger_entries (idempotency_key, program_id, program_version, member_id, kind, points, lifetime_delta, clamped_points, status, available_at, order_id, refund_id, action, reason, breakdown, balance_after, lifetime_after, tier_before, tier_after, created_at)
		VALUES (${values.map(() => '?').join(', ')}) RETURNING id`,
		values,
	);
}

/** The row an insert wrote, from its values and the id the database gave it. */
export function insertedEntryRow(ctx: OpContext, e: NewEntry, id: unknown): Row {
	// The database stores -0 as 0; so must this row.
	const n = (value: number) => value || 0;
	return {
		id,
		idempotency_key: e.idempotencyKey,
		program_id: e.programId,
		program_version: e.programVersion,
		member_id: e.memberId,
		kind: e.kind,
		points: n(e.points),
		lifetime_delta: n(e.lifetimeDelta),
		clamped_points: n(e.clampedPoints),
		status: e.availableAt > ctx.now ? 'pending' : 'available',
		available_at: e.availableAt,
		order_id: e.orderId,
		refund_id: e.refundId,
		action: e.action,
		reason: e.reason,
		// As stored (JSON), so a first result reads exactly like its repeats.
		breakdown: e.breakdownJson,
		balance_after: n(e.balanceAfter),
		lifetime_after: n(e.lifetimeAfter),
		tier_before: e.tierBefore,
		tier_after: e.tierAfter,
		created_at: ctx.now,
	};
}

/**
 * The id of the entry just appended, for the statements that applyEntry writes with its insert
 * (`afterInsert`): on SQLite the connection's last rowid (they run right after the insert, on the
 * one connection the transaction holds), on PostgreSQL the RETURNING of the insert, since there
 * they are parts of one statement with it (see applyEntry).
 */
export function newEntryId(ctx: OpContext): string {
	return ctx.dialect.name === 'postgres' ? `(SELECT id FROM ${NEW_ENTRY})` : 'last_insert_rowid()';
}

/** The name of the entry insert inside applyEntry's single PostgreSQL statement. */
export const NEW_ENTRY = 'new_entry';

/**
 * The award of an order under any idempotency key: it stands for a later award of the order
 * under another key (the key's own entry is read with the member's lock, see lockMemberWith).
 */
export function priorOrderStatement(order: { programId: string; orderId: string }): Statement {
	const qualified = ENTRY_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ');
	return statement(`SELECT ${qualified} FROM tajo_orders o JOIN tajo_ledger_entries e ON e.id = o.entry_id WHERE o.program_id = ? AND o.order_id = ?`, [
		order.programId,
		order.orderId,
	]);
}
