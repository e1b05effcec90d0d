import type { Member, MemberRef } from './member-types';

export type EntryKind = 'purchase' | 'bonus' | 'redemption' | 'reversal' | 'adjustment' | 'expiry';

/** One append-only ledger line. */
export interface LedgerEntry {
	id: number;
	idempotencyKey: string;
	programId: string;
	programVersion: number | null;
	memberId: string;
	kind: EntryKind;
	/** Signed change of the balance. */
	points: number;
	/** Signed change of lifetime points (earned minus reversed). */
	lifetimeDelta: number;
	/** Reversal under the `clamp` policy: the part not taken because the balance was spent. */
	clampedPoints: number;
	/** `pending` until availableAt, then `available`. */
	status: 'pending' | 'available';
	availableAt: string;
	orderId: string | null;
	refundId: string | null;
	/** Bonus action name. */
	action: string | null;
	reason: string | null;
	breakdown: Record<string, unknown> | null;
	/** Balance (available + pending) and lifetime points right after this entry. */
	balanceAfter: number;
	lifetimeAfter: number;
	tierBefore: string | null;
	tierAfter: string | null;
	createdAt: string;
}

/** The member as the caller's rule sees it: read after the member row is locked. */
export interface MemberSnapshot {
	memberId: string;
	customerId: number;
	customerGroup: string | null;
	channelId: number | null;
	tier: string | null;
	birthday: string | null;
	availablePoints: number;
	pendingPoints: number;
	lifetimePoints: number;
	ordersCount: number;
	totalSpentMinor: number;
	firstOrderAt: string | null;
	lastOrderAt: string | null;
}

/** What a rule gets: the program version in force, the locked member, and the store's clock. */
export interface RuleContext {
	program: { id: string; name: string; version: number; config: Record<string, unknown> };
	member: MemberSnapshot;
	now: string;
}

/**
 * Called with the lifetime points after a change (and the context before it) to re-derive the
 * member's tier; leave it out to keep the tier as it is. Synchronous and pure: it may run again
 * when the database retries the transaction.
 */
export type TierRule = (lifetimePoints: number, context: RuleContext) => string | null;

interface PointsWrite {
	programId: string;
	member: MemberRef;
	/** Unique in the whole ledger, e.g. `<store>:order:<id>:purchase`; a repeat returns the first result. */
	idempotencyKey: string;
}

export interface AwardComputation {
	/** Whole points, 0 or more. */
	points: number;
	breakdown?: object;
	/** Points become spendable after this many days (default 0: at once). */
	pendingDays?: number;
	/**
	 * A bonus that comes with this award (e.g. the first-purchase bonus, decided from the member's
	 * order count at the moment of the write), written in the same transaction as the award's entry
	 * as a `bonus` entry under the input's `bonus.idempotencyKey`: an award is never written without
	 * its bonus. Left out when that key is in the ledger already. Needs `bonus` on the input.
	 */
	bonus?: { points: number; pendingDays?: number };
}

export interface AwardForOrderInput extends PointsWrite {
	order: {
		id: string | number;
		/** What the customer spent, in minor units; goes into the member's stats and revenue. */
		totalMinor: number;
		currency?: string | null;
		channelId?: number | null;
		/** Default: now. */
		placedAt?: string;
	};
	/**
	 * The caller's points rule. What is written is always its result on the member's state at the
	 * moment of the write (the row locked), so it sees the member's current lifetime points, tier
	 * and order count. Synchronous and pure: it may be called more than once — the database may
	 * retry the transaction, and on PostgreSQL it is first tried on the state this process last
	 * saw, which the database then checks (ops/one-trip-write.ts).
	 */
	compute: (context: RuleContext) => AwardComputation;
	tierFor?: TierRule;
	/**
	 * What a bonus the rule grants with the award is written as (see AwardComputation.bonus).
	 * `formerKey`: as AwardBonusInput.formerKey — a bonus in the ledger under it in this program
	 * was given already, and is not given again.
	 */
	bonus?: { idempotencyKey: string; action: string; breakdown?: object; formerKey?: string };
}

export interface AwardBonusInput extends PointsWrite {
	/** e.g. accountCreation, reviewSubmitted; the key carries the natural id (review, year, …). */
	action: string;
	points: number;
	breakdown?: object;
	pendingDays?: number;
	tierFor?: TierRule;
	/**
	 * The key the same bonus had under an earlier key format (bonus keys once had no program in
	 * them: `ledgerKeys.formerBonus`). An entry under it in this program is this bonus, given
	 * before: the award is a repeat and returns it. One in another program (the same customer's
	 * membership there) is that program's bonus and does not count here.
	 */
	formerKey?: string;
}

export interface RedeemInput extends PointsWrite {
	/** Positive number of points to spend. */
	points: number;
	reason?: string;
	/** The order the points were spent on, if any. */
	orderId?: string | number;
}

export interface AdjustInput extends PointsWrite {
	/** Signed, not 0. */
	points: number;
	/** Required: why a person changed the balance by hand. */
	reason: string;
	/** Default true: a correction of earned points moves lifetime points (and so the tier). */
	affectsLifetime?: boolean;
	/** Default false: a negative adjustment may not take the available balance below zero. */
	allowNegative?: boolean;
	tierFor?: TierRule;
}

/** What the store knows about an awarded order, for the caller's reversal rule. */
export interface AwardedOrder {
	orderId: string;
	memberId: string;
	totalMinor: number;
	/** Refunded so far (before this reversal when passed to the rule). */
	refundedMinor: number;
	currency: string | null;
	channelId: number | null;
	grantedPoints: number;
	reversedPoints: number;
	remainingPoints: number;
	placedAt: string;
	availableAt: string;
}

export interface ReversalComputation {
	/** Positive number of points to take back for this refund. */
	points: number;
	breakdown?: object;
}

export type NegativeBalancePolicy = 'allow' | 'clamp';

export interface ReverseInput {
	programId: string;
	/** Optional: the order names its member; if given it must match. */
	member?: MemberRef;
	/** e.g. `<store>:order:<id>:refund:<refund id>`. */
	idempotencyKey: string;
	orderId: string | number;
	refundId?: string | number;
	/** Refunded amount in minor units; lowers the member's total spent. */
	refundAmountMinor?: number;
	/** Either a fixed number of points … */
	points?: number;
	/** … or the caller's rule, given the order's grant and what was reversed already. */
	compute?: (context: RuleContext & { order: AwardedOrder }) => ReversalComputation;
	/**
	 * After the points were spent, `allow` takes the balance negative; `clamp` takes at most the
	 * available balance and records the rest in the entry's clampedPoints. Default `allow`.
	 */
	negativeBalance?: NegativeBalancePolicy;
	tierFor?: TierRule;
}

export interface PointsResult {
	/** True when the key was used before: entry is the first result, nothing was changed. */
	duplicate: boolean;
	entry: LedgerEntry;
	/** The member as it is now. */
	member: Member;
	tierBefore: string | null;
	tierAfter: string | null;
	tierChanged: boolean;
	/**
	 * An entry written in the same transaction, after `entry` (an award's bonus: see
	 * AwardComputation.bonus). Only on the write that made it, never on a repeat. The tier fields
	 * above are `entry`'s; `member` is the member after both.
	 */
	companion?: LedgerEntry;
}

export interface ReverseResult extends PointsResult {
	notAwarded: false;
	order: AwardedOrder;
	/** What the rule asked for. */
	requestedPoints: number;
	/** Taken against the grant (requested, cut to what the grant still had). */
	appliedPoints: number;
	/** Cut because reversals may never exceed the grant. */
	cappedPoints: number;
	/** Not taken under the `clamp` policy because the points were spent (still counted against the grant). */
	clampedPoints: number;
	/** Refunded amount applied to the order (cut to what was left of its total). */
	refundAmountMinor: number;
}

/** The order never got points (e.g. refunded before it completed): nothing to take back, nothing written. */
export interface NotAwarded {
	notAwarded: true;
	duplicate: false;
	orderId: string;
}

export interface HistoryQuery {
	programId: string;
	member: MemberRef;
	kinds?: EntryKind[];
	/** 1–1000, default 50. Newest first. */
	limit?: number;
	cursor?: string | null;
}

export interface ExpireInput {
	programId: string;
	/** Available points of members without activity for this many days expire. */
	inactiveDays: number;
	/** Members handled in one call (default 1000); call again while `more` is true. */
	limit?: number;
}

export interface ExpiryResult {
	expired: Array<{ memberId: string; customerId: number; points: number; entryId: number }>;
	totalPoints: number;
	more: boolean;
}
