import type { EntryKind, LedgerEntry, PointsResult, TierRule } from '../entry-types';
import { IdempotencyKeyConflict } from '../errors';
import type { Member, MemberRef } from '../member-types';
import type { Op, Row, SqlValue, Statement } from '../sql/statement';
import { textOrNull, toJson } from '../sql/values';
import type { OpContext } from './context';
import type { NewEntry } from './entry-rows';
import type { LockedMember } from './member-rows';

/** The order row an award writes with its entry: the grant that reversals may never exceed. */
export interface NewOrder {
	orderId: string;
	channelId: number | null;
	currency: string | null;
	totalMinor: number;
	placedAt: string;
}

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
	/** An award's order row, written with the entry (its primary key refuses a second award of the order). */
	newOrder?: NewOrder;
	/**
	 * Statements that run right after the entry is appended, in the same batch (e.g. the order
	 * row that points at it: `newEntryId` is the new entry's id). Their change counts are not
	 * reported (on PostgreSQL they are parts of one statement with the insert).
	 */
	afterInsert?: Statement[];
	/** A second entry for the member, written after this one in the same transaction (an award's bonus). */
	companion?: PlannedCompanion;
}

/** A bonus entry that comes with an award; its key must be the spec's `companionKey`. */
export interface PlannedCompanion {
	idempotencyKey: string;
	points: number;
	action: string;
	breakdown?: unknown;
	availableAt: string;
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
	/**
	 * The key of a companion the plan may add: looked up with the member's lock, and a companion
	 * whose key is in the ledger already is left out (given before, e.g. by an older version that
	 * wrote the bonus on its own).
	 */
	companionKey?: string;
	/**
	 * Keys the write, and its companion, had under an earlier key format (see
	 * AwardBonusInput.formerKey): looked up with the member's lock, and an entry under one of them
	 * in this program stands for the write (a repeat) or for its companion (given before). Writes
	 * with a former key always take the two-trip path: the one-trip function (migration 4) looks up
	 * the write's own key only.
	 */
	formerKey?: string;
	companionFormerKey?: string;
	/**
	 * Decides the entry from the member's state. Pure: it may run more than once, on a state that
	 * turns out stale (a one-trip write then plans again on the locked row).
	 */
	plan: (member: LockedMember) => Op<PlannedEntry>;
}

/** The entry a plan makes for the member, with balances and tier after it. */
export function newEntryOf(ctx: OpContext, member: LockedMember, key: string, plan: PlannedEntry, tierFor?: TierRule): NewEntry {
	const lifetimeAfter = member.lifetime + plan.lifetimeDelta;
	return {
		idempotencyKey: key,
		programId: member.rule.program.id,
		programVersion: member.rule.program.version,
		memberId: member.id,
		kind: plan.kind,
		points: plan.points,
		lifetimeDelta: plan.lifetimeDelta,
		clampedPoints: plan.clampedPoints ?? 0,
		availableAt: plan.availableAt ?? ctx.now,
		orderId: plan.orderId ?? null,
		refundId: plan.refundId ?? null,
		action: plan.action ?? null,
		reason: plan.reason ?? null,
		breakdownJson: toJson(plan.breakdown),
		balanceAfter: member.balance + plan.points,
		lifetimeAfter,
		tierBefore: member.tier,
		tierAfter: tierFor ? tierFor(lifetimeAfter, member.rule) : member.tier,
	};
}

/** The companion's entry: it follows `entry`, so it starts from the balances and tier after it. */
export function companionEntryOf(member: LockedMember, entry: NewEntry, companion: PlannedCompanion, tierFor?: TierRule): NewEntry {
	const lifetimeAfter = entry.lifetimeAfter + companion.points;
	return {
		...entry,
		idempotencyKey: companion.idempotencyKey,
		kind: 'bonus',
		points: companion.points,
		lifetimeDelta: companion.points,
		clampedPoints: 0,
		availableAt: companion.availableAt,
		orderId: null,
		refundId: null,
		action: companion.action,
		reason: null,
		breakdownJson: toJson(companion.breakdown),
		balanceAfter: entry.balanceAfter + companion.points,
		lifetimeAfter,
		tierBefore: entry.tierAfter,
		tierAfter: tierFor ? tierFor(lifetimeAfter, member.rule) : entry.tierAfter,
	};
}

/** Pending points after the entry: it adds to them while its pending period runs. */
export function pendingAfter(ctx: OpContext, pending: number, entry: NewEntry): number {
	return pending + (entry.availableAt > ctx.now ? entry.points : 0);
}

/** A repeat of a key must be the same operation: same member, kind and order. */
export function assertSameOperation(spec: PointsWriteSpec, existing: Row, memberId: string): void {
	const sameOrder = spec.orderId === undefined || spec.orderId === null || textOrNull(existing.order_id) === spec.orderId;
	if (String(existing.member_id) !== memberId || String(existing.kind) !== spec.kind || !sameOrder) {
		throw new IdempotencyKeyConflict(String(existing.idempotency_key), {
			kind: String(existing.kind),
			memberId: String(existing.member_id),
			orderId: textOrNull(existing.order_id),
		});
	}
}

export function pointsResult(duplicate: boolean, entry: LedgerEntry, member: Member, companion?: LedgerEntry): PointsResult {
	const result: PointsResult = { duplicate, entry, member, tierBefore: entry.tierBefore, tierAfter: entry.tierAfter, tierChanged: entry.tierBefore !== entry.tierAfter };
	if (companion) result.companion = companion;
	return result;
}
