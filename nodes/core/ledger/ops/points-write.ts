import { MemberErased } from '../errors';
import type { LedgerEntry, PointsResult, TierRule } from '../entry-types';
import type { Member } from '../member-types';
import { batch, statement, type Op, type Row, type SqlValue, type Statement } from '../sql/statement';
import type { OpContext } from './context';
import { ENTRY_COLUMNS, priorOrderStatement, insertedEntryRow, insertEntryStatement, mapEntry, NEW_ENTRY, newEntryId } from './entry-rows';
import { lockMemberWith, mapMember, rememberMember, rowHash, type LockedMember } from './member-rows';
import { cachedHintPlan, oneTripWrite } from './one-trip-write';
import { assertSameOperation, companionEntryOf, newEntryOf, pendingAfter, pointsResult, type NewOrder, type PlannedEntry, type PointsWriteSpec } from './points-plan';

export type { PlannedEntry, PointsWriteSpec } from './points-plan';

/**
 * The shape of every points write: lock the member and look for the key (a repeat returns the
 * first result and writes nothing), plan with the locked state, append the entry and update the
 * cached totals. All in the caller's one transaction, in two round trips on PostgreSQL: the lock
 * with every read, then every write with the COMMIT. So nothing may follow a points write in
 * its transaction.
 *
 * On PostgreSQL, when this process has seen the member before (`ctx.oneTrip` and a hint), the
 * write is first tried in one round trip: see ops/one-trip-write.ts.
 */
export function* pointsWrite(ctx: OpContext, spec: PointsWriteSpec): Op<PointsResult> {
	// A former key is looked up under the lock, which the one-trip function does not do.
	const hinted = ctx.oneTrip && !spec.priorOrder && spec.formerKey === undefined ? cachedHintPlan(ctx, spec.programId, spec.member) : undefined;
	if (hinted) {
		const done = yield* oneTripWrite(ctx, spec, hinted);
		if (done) return done;
	}
	// Read after the lock, in the lock's batch: no round trip of their own.
	const lookups = {
		priorOrder: spec.priorOrder ? priorOrderStatement(spec.priorOrder) : undefined,
		former: spec.formerKey === undefined ? undefined : formerEntryStatement(spec.programId, spec.formerKey),
		companion: spec.companionKey === undefined ? undefined : companionGivenStatement(spec.programId, spec.companionKey, spec.companionFormerKey),
	};
	const asked = (Object.keys(lookups) as Array<keyof typeof lookups>).filter((name) => lookups[name] !== undefined);
	const lock = yield* lockMemberWith(ctx, spec.programId, spec.member, { unlessKey: spec.idempotencyKey, extra: asked.map((name) => lookups[name]!) });
	const found = (name: keyof typeof lookups): Row[] => (asked.includes(name) ? (lock.extra[asked.indexOf(name)] as Row[]) : []);
	const member = lock.member;
	// The key's own entry if there is one, else the one under its former key, else the order's.
	const existing = lock.keyEntry ?? found('former')[0] ?? found('priorOrder')[0];
	if (existing) {
		assertSameOperation(spec, existing, member.id);
		remember(ctx, member, member.row, member.pending, member.row.row_hash);
		return pointsResult(true, mapEntry(existing, ctx.now), mapMember(member.row, member.pending));
	}
	// The key was in the ledger when the lock was asked for, but not now: entries are never deleted.
	if (!lock.locked) throw new Error(`The ledger entry ${spec.idempotencyKey} disappeared; the ledger must be append-only`);
	if (member.erased) throw new MemberErased(member.id);
	const planned = yield* spec.plan(member);
	const companionGiven = found('companion').length > 0;
	const plan = planned.companion && companionGiven ? { ...planned, companion: undefined } : planned;
	if (plan.companion && plan.companion.idempotencyKey !== spec.companionKey) throw new Error('A companion entry must use the key the points write looked up (companionKey)');
	const written = yield* applyEntry(ctx, member, spec.idempotencyKey, plan, spec.tierFor);
	return pointsResult(false, written.entry, written.member, written.companion);
}

/**
 * The entry under a write's former key, if it is this program's. Bonus keys once had no program
 * in them, so the same customer's bonus in another program may hold the key: that entry is the
 * other program's bonus, not this write's. Entries are never rewritten (the ledger is append-only,
 * and its keys are in workflows' outputs): old keys stay, and are looked up this way.
 */
function formerEntryStatement(programId: string, formerKey: string): Statement {
	return statement(`SELECT ${ENTRY_COLUMNS} FROM tajo_ledger_entries WHERE idempotency_key = ? AND program_id = ?`, [formerKey, programId]);
}

/** A row when the companion was given before: under its key, or under its former key in this program. */
function companionGivenStatement(programId: string, key: string, formerKey: string | undefined): Statement {
	if (formerKey === undefined) return statement('SELECT id FROM tajo_ledger_entries WHERE idempotency_key = ?', [key]);
	return statement('SELECT id FROM tajo_ledger_entries WHERE idempotency_key = ? OR (idempotency_key = ? AND program_id = ?)', [key, formerKey, programId]);
}

/** Keeps the member's state for the next one-trip write (PostgreSQL, where the row's hash comes with it). */
function remember(ctx: OpContext, member: LockedMember, row: Row, pending: number, rowHash: unknown): void {
	rememberMember(ctx, member.rule.program.id, member.rule.program, row, pending, rowHash);
}

/**
 * Appends the planned entry (and its companion, after it) and moves the member's cached totals by
 * exactly their amounts, as the transaction's final batch (the PostgreSQL driver commits with
 * it): nothing may follow.
 */
export function* applyEntry(
	ctx: OpContext,
	member: LockedMember,
	key: string,
	plan: PlannedEntry,
	tierFor?: TierRule,
): Op<{ entry: LedgerEntry; member: Member; companion?: LedgerEntry }> {
	const entry = newEntryOf(ctx, member, key, plan, tierFor);
	const companion = plan.companion ? companionEntryOf(member, entry, plan.companion, tierFor) : undefined;
	const last = companion ?? entry;
	const insert = insertEntryStatement(ctx, entry);
	const columns: Record<string, SqlValue> = {
		balance_points: last.balanceAfter,
		lifetime_points: last.lifetimeAfter,
		tier: last.tierAfter,
		updated_at: ctx.now,
		...plan.memberColumns,
	};
	// Expiry is the consequence of inactivity, not activity: it must not restart the clock.
	if (plan.kind !== 'expiry') columns.last_activity_at = ctx.now;
	const names = Object.keys(columns);
	const update = statement(
		`UPDATE tajo_members SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`,
		[...names.map((n) => columns[n]), member.id],
		'run',
	);
	const order = plan.newOrder ? [orderInsert(ctx, member, plan.newOrder, entry.points, entry.availableAt)] : [];
	// The companion's insert comes after the statements that use the new entry's id (SQLite's
	// last_insert_rowid()), and on PostgreSQL after the one statement, so that its id follows the entry's.
	const second = companion ? [insertEntryStatement(ctx, companion)] : [];
	const postgres = ctx.dialect.name === 'postgres';
	const writes = postgres
		? [oneStatement(insert, [...order, ...(plan.afterInsert ?? [])], update), ...second]
		: [insert, ...order, ...(plan.afterInsert ?? []), ...second, update];
	const results = yield* batch(writes, { final: true });
	const written = (results[0] as Row[])[0];
	if (written?.id === undefined) throw new Error('The ledger entry was not written');
	const entryRow = insertedEntryRow(ctx, entry, written.id);
	const row = { ...member.row, ...columns };
	const pending = [entry, ...(companion ? [companion] : [])].reduce((sum, e) => pendingAfter(ctx, sum, e), member.pending);
	remember(ctx, member, row, pending, written.row_hash);
	const result: { entry: LedgerEntry; member: Member; companion?: LedgerEntry } = { entry: mapEntry(entryRow, ctx.now), member: mapMember(row, pending) };
	if (companion) {
		const companionId = (results[postgres ? 1 : results.length - 2] as Row[])[0]?.id;
		if (companionId === undefined) throw new Error('The companion ledger entry was not written');
		result.companion = mapEntry(insertedEntryRow(ctx, companion, companionId), ctx.now);
	}
	return result;
}

/** The award's order row, pointing at the entry just appended. */
function orderInsert(ctx: OpContext, member: LockedMember, order: NewOrder, points: number, availableAt: string): Statement {
	return statement(
		`INSERT INTO tajo_orders (program_id, order_id, member_id, channel_id, currency, total_minor, refunded_minor, granted_points, reversed_points, available_at, entry_id, placed_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ${newEntryId(ctx)}, ?, ?)`,
		[member.rule.program.id, order.orderId, member.id, order.channelId, order.currency, order.totalMinor, points, availableAt, order.placedAt, ctx.now],
		'run',
	);
}

/**
 * PostgreSQL: the entry's INSERT … RETURNING id, the statements after it and the member's UPDATE
 * as one statement, data-modifying WITH queries around the insert: one statement for the server
 * to parse, plan and run instead of several. They all run, on one snapshot, or none does; a
 * unique violation is reported as from separate statements. The result is the new entry's id and
 * the member row's new hash (for the next one-trip write, see one-trip-write.ts).
 */
function oneStatement(insert: Statement, rest: Statement[], update: Statement): Statement {
	const parts = [
		`${NEW_ENTRY} AS (${insert.sql})`,
		...rest.map((s, i) => `w${i + 1} AS (${s.sql})`),
		`member_update AS (${update.sql} RETURNING ${rowHash('tajo_members')} AS row_hash)`,
	];
	return statement(`WITH ${parts.join(',\n')}\nSELECT id, (SELECT row_hash FROM member_update) AS row_hash FROM ${NEW_ENTRY}`, [
		...insert.params,
		...rest.flatMap((s) => s.params),
		...update.params,
	]);
}

/** What the locked member may spend now (negative after an `allow` reversal of spent points). */
export function availableOf(member: LockedMember): number {
	return member.balance - member.pending;
}
