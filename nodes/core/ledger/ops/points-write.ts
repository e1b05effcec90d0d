import { IdempotencyKeyConflict, MemberErased } from '../errors';
import type { EntryKind, LedgerEntry, PointsResult, TierRule } from '../entry-types';
import type { Member, MemberRef } from '../member-types';
import { batch, statement, type Op, type Row, type SqlValue, type Statement } from '../sql/statement';
import { textOrNull, toJson } from '../sql/values';
import type { OpContext } from './context';
import { firstMatch, priorOrderStatement, insertedEntryRow, insertEntryStatement, mapEntry, NEW_ENTRY, type NewEntry } from './entry-rows';
import { lockMemberWith, mapMember, type LockedMember } from './member-rows';

/** What an operation wants written, decided while the member is locked. */
export interface PlannedEntry {
	kind: EntryKind;
	points: number;
	lifetimeDelta: number;
	clampedPoints?: number;
	/** Default now. */
	availableAt?: string;
	orderId?: string | null;
	refundId?: string | null;
	action?: string | null;
	reason?: string | null;
	breakdown?: unknown;
	/** Further member columns to set in the same UPDATE (order stats). */
	memberColumns?: Record<string, SqlValue>;
	/**
	 * Statements that run right after the entry is appended, in the same batch (e.g. the order
	 * row that points at it: `newEntryId` is the new entry's id). Their change counts are not
	 * reported (on PostgreSQL they are parts of one statement with the insert).
	 */
	afterInsert?: Statement[];
}

export interface PointsWriteSpec {
	programId: string;
	member: MemberRef;
	idempotencyKey: string;
	kind: EntryKind;
	orderId?: string | null;
	tierFor?: TierRule;
	/** An order's award: an award of the order under another key also stands for this one. */
	priorOrder?: { programId: string; orderId: string };
	plan: (member: LockedMember) => Op<PlannedEntry>;
}

/**
 * The shape of every points write: lock the member and look for the key (a repeat returns the
 * first result and writes nothing), plan with the locked state, append the entry and update the
 * cached totals. All in the caller's one transaction, in two round trips on PostgreSQL: the lock
 * with every read, then every write with the COMMIT. So nothing may follow a points write in
 * its transaction.
 */
export function* pointsWrite(ctx: OpContext, spec: PointsWriteSpec): Op<PointsResult> {
	const lock = yield* lockMemberWith(ctx, spec.programId, spec.member, {
		unlessKey: spec.idempotencyKey,
		extra: spec.priorOrder ? [priorOrderStatement(spec.priorOrder)] : [],
	});
	const member = lock.member;
	// The key's own entry if there is one, else the order's.
	const existing = lock.keyEntry ?? firstMatch(lock.extra);
	if (existing) {
		assertSameOperation(spec, existing, member.id);
		return result(true, mapEntry(existing, ctx.now), mapMember(member.row, member.pending));
	}
	// The key was in the ledger when the lock was asked for, but not now: entries are never deleted.
	if (!lock.locked) throw new Error(`The ledger entry ${spec.idempotencyKey} disappeared; the ledger must be append-only`);
	if (member.erased) throw new MemberErased(member.id);
	const plan = yield* spec.plan(member);
	const written = yield* applyEntry(ctx, member, spec.idempotencyKey, plan, spec.tierFor);
	return result(false, written.entry, written.member);
}

function assertSameOperation(spec: PointsWriteSpec, existing: Row, memberId: string): void {
	const sameOrder = spec.orderId === undefined || spec.orderId === null || textOrNull(existing.order_id) === spec.orderId;
	if (String(existing.member_id) !== memberId || String(existing.kind) !== spec.kind || !sameOrder) {
		throw new IdempotencyKeyConflict(String(existing.idempotency_key), {
			kind: String(existing.kind),
			memberId: String(existing.member_id),
			orderId: textOrNull(existing.order_id),
		});
	}
}

function result(duplicate: boolean, entry: LedgerEntry, member: Member): PointsResult {
	return { duplicate, entry, member, tierBefore: entry.tierBefore, tierAfter: entry.tierAfter, tierChanged: entry.tierBefore !== entry.tierAfter };
}

/**
 * Appends the planned entry and moves the member's cached totals by exactly its amounts, as the
 * transaction's final batch (the PostgreSQL driver commits with it): nothing may follow.
 */
export function* applyEntry(
	ctx: OpContext,
	member: LockedMember,
	key: string,
	plan: PlannedEntry,
	tierFor?: TierRule,
): Op<{ entry: LedgerEntry; member: Member }> {
	const balanceAfter = member.balance + plan.points;
	const lifetimeAfter = member.lifetime + plan.lifetimeDelta;
	const tierAfter = tierFor ? tierFor(lifetimeAfter, member.rule) : member.tier;
	const availableAt = plan.availableAt ?? ctx.now;
	const entry: NewEntry = {
		idempotencyKey: key,
		programId: member.rule.program.id,
		programVersion: member.rule.program.version,
		memberId: member.id,
		kind: plan.kind,
		points: plan.points,
		lifetimeDelta: plan.lifetimeDelta,
		clampedPoints: plan.clampedPoints ?? 0,
		availableAt,
		orderId: plan.orderId ?? null,
		refundId: plan.refundId ?? null,
		action: plan.action ?? null,
		reason: plan.reason ?? null,
		breakdownJson: toJson(plan.breakdown),
		balanceAfter,
		lifetimeAfter,
		tierBefore: member.tier,
		tierAfter,
	};
	const insert = insertEntryStatement(ctx, entry);
	const columns: Record<string, SqlValue> = {
		balance_points: balanceAfter,
		lifetime_points: lifetimeAfter,
		tier: tierAfter,
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
	const writes = [insert, ...(plan.afterInsert ?? []), update];
	const [inserted] = yield* batch(ctx.dialect.name === 'postgres' ? [oneStatement(writes)] : writes, { final: true });
	const id = (inserted as Row[])[0]?.id;
	if (id === undefined) throw new Error('The ledger entry was not written');
	const entryRow = insertedEntryRow(ctx, entry, id);
	const pendingAfter = member.pending + (availableAt > ctx.now ? plan.points : 0);
	return { entry: mapEntry(entryRow, ctx.now), member: mapMember({ ...member.row, ...columns }, pendingAfter) };
}

/**
 * PostgreSQL: the entry's INSERT … RETURNING id and the statements after it as one statement,
 * data-modifying WITH queries around the insert: one statement for the server to parse, plan and
 * run instead of three. They all run, on one snapshot, or none does; a unique violation is
 * reported as from separate statements. The result is the insert's rows (its id).
 */
function oneStatement([insert, ...rest]: Statement[]): Statement {
	const parts = [`${NEW_ENTRY} AS (${insert.sql})`, ...rest.map((s, i) => `w${i + 1} AS (${s.sql})`)];
	return statement(`WITH ${parts.join(',\n')}\nSELECT id FROM ${NEW_ENTRY}`, [...insert.params, ...rest.flatMap((s) => s.params)]);
}

/** What the locked member may spend now (negative after an `allow` reversal of spent points). */
export function availableOf(member: LockedMember): number {
	return member.balance - member.pending;
}
