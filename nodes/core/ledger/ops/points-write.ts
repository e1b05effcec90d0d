import { IdempotencyKeyConflict, MemberErased } from '../errors';
import type { EntryKind, LedgerEntry, PointsResult, TierRule } from '../entry-types';
import type { Member, MemberRef } from '../member-types';
import { run, type Op, type Row, type SqlValue } from '../sql/statement';
import { textOrNull } from '../sql/values';
import type { OpContext } from './context';
import { findEntryByKey, insertEntry, mapEntry } from './entry-rows';
import { lockMember, mapMember, type LockedMember } from './member-rows';

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
	/** Runs after the entry exists, e.g. to write the order row that points at it. */
	afterInsert?: (entry: Row) => Op<void>;
}

export interface PointsWriteSpec {
	programId: string;
	member: MemberRef;
	idempotencyKey: string;
	kind: EntryKind;
	orderId?: string | null;
	tierFor?: TierRule;
	/** An entry that already stands for this operation under another key (an order awarded before). */
	prior?: (member: LockedMember) => Op<Row | undefined>;
	plan: (member: LockedMember) => Op<PlannedEntry>;
}

/**
 * The shape of every points write: lock the member, look for the key (a repeat returns the first
 * result and writes nothing), plan with the locked state, append the entry, update the cached
 * totals. All in the caller's one transaction.
 */
export function* pointsWrite(ctx: OpContext, spec: PointsWriteSpec): Op<PointsResult> {
	const member = yield* lockMember(ctx, spec.programId, spec.member);
	const existing = (yield* findEntryByKey(spec.idempotencyKey)) ?? (spec.prior ? yield* spec.prior(member) : undefined);
	if (existing) {
		assertSameOperation(spec, existing, member.id);
		return result(true, mapEntry(existing, ctx.now), mapMember(member.row, member.pending));
	}
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

/** Appends the planned entry and moves the member's cached totals by exactly its amounts. */
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
	const entryRow = yield* insertEntry(ctx, {
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
		breakdown: plan.breakdown ?? null,
		balanceAfter,
		lifetimeAfter,
		tierBefore: member.tier,
		tierAfter,
	});
	if (plan.afterInsert) yield* plan.afterInsert(entryRow);
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
	yield* run(`UPDATE tajo_members SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`, [
		...names.map((n) => columns[n]),
		member.id,
	]);
	const pendingAfter = member.pending + (availableAt > ctx.now ? plan.points : 0);
	return { entry: mapEntry(entryRow, ctx.now), member: mapMember({ ...member.row, ...columns }, pendingAfter) };
}

/** What the locked member may spend now (negative after an `allow` reversal of spent points). */
export function availableOf(member: LockedMember): number {
	return member.balance - member.pending;
}
