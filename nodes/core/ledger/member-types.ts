import type { TierRule } from './entry-types';

/** A loyalty member: one BigCommerce customer in one program. */
export interface Member {
	id: string;
	programId: string;
	storeHash: string;
	customerId: number;
	email: string | null;
	firstName: string | null;
	lastName: string | null;
	phone: string | null;
	customerGroup: string | null;
	channelId: number | null;
	/** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
	birthday: string | null;
	/** Cached by the caller's tier rule on every change of lifetime points. */
	tier: string | null;
	registeredAt: string | null;
	enrolledAt: string;
	updatedAt: string;
	erased: boolean;
	erasedAt: string | null;
	points: MemberPoints;
	stats: MemberStats;
}

export interface MemberPoints {
	/** Spendable now: entries whose available_at has passed. */
	available: number;
	/** Earned but still inside the pending period (e.g. the return window). */
	pending: number;
	/** available + pending. */
	balance: number;
	/** Earned minus reversed; redemptions and expiry never lower it. Tiers follow it. */
	lifetime: number;
}

export interface MemberStats {
	ordersCount: number;
	/** Sum of awarded orders' totals minus refunds, in minor units of the program's currency. */
	totalSpentMinor: number;
	firstOrderAt: string | null;
	lastOrderAt: string | null;
	/** Last earning, redemption, reversal or adjustment; expiry after inactivity counts from here. */
	lastActivityAt: string | null;
}

/** A member within a program: by the store's id for them, or by BigCommerce customer id. */
export type MemberRef = { memberId: string } | { customerId: number };

/**
 * Enrol or update. Fields left undefined keep their value; null clears. An erased member keeps
 * no personal data: an upsert for them changes nothing and returns them with `erased: true`.
 */
export interface MemberUpsert {
	programId: string;
	customerId: number;
	email?: string | null;
	firstName?: string | null;
	lastName?: string | null;
	phone?: string | null;
	customerGroup?: string | null;
	channelId?: number | null;
	birthday?: string | null;
	registeredAt?: string | null;
	/** Tier given on enrolment only (e.g. the customer group's starting tier), when there is no `tierFor`. */
	startingTier?: string | null;
	/**
	 * The caller's tier rule. With it the stored tier is worked out again on every upsert, from
	 * the lifetime points and the profile as it is after the upsert — so a member moved to a group
	 * with another starting tier gets that tier at once, not with their next points.
	 */
	tierFor?: TierRule;
}

export interface MemberUpsertResult {
	member: Member;
	created: boolean;
	updated: boolean;
	/** The stored tier before the upsert (null for a new member). */
	tierBefore: string | null;
}

export interface MemberFilter {
	programId: string;
	customerGroup?: string;
	tier?: string;
	/** Bounds on the available balance, inclusive. */
	minPoints?: number;
	maxPoints?: number;
	/** Members whose row changed at or after this instant (profile, points or stats). */
	modifiedSince?: string;
	includeErased?: boolean;
	/** 1–1000, default 100. */
	limit?: number;
	cursor?: string | null;
}

export interface Page<T> {
	items: T[];
	/** Pass back to get the next page; null on the last page. */
	nextCursor: string | null;
}

export interface EraseResult {
	member: Member;
	alreadyErased: boolean;
	/** Tracked carts whose email, phone and checkout link were removed too. */
	cartsErased: number;
}
