/** Balances recomputed from the entries, compared with what the member and order rows cache. */
export interface ConsistencyReport {
	checkedMembers: number;
	checkedOrders: number;
	mismatches: ConsistencyMismatch[];
	/** True when `repair` was asked and the cached values were rewritten from the entries. */
	repaired: boolean;
}

export interface ConsistencyMismatch {
	memberId: string;
	orderId?: string;
	field:
		| 'balance_points'
		| 'lifetime_points'
		| 'orders_count'
		| 'total_spent_minor'
		| 'order_granted_points'
		| 'order_reversed_points';
	cached: number;
	computed: number;
}

export interface AnalyticsQuery {
	storeHash: string;
	/** Limit to one program; default all of the store's programs. */
	programId?: string;
	/** A member is active with any ledger activity in this many days (default 90). */
	activeDays?: number;
}

/** Seed step 7's dashboard, computed in SQL. Money in minor units, per currency. */
export interface LoyaltyAnalytics {
	generatedAt: string;
	/** Start of the current month (UTC, by the store's clock). */
	monthStart: string;
	/** Members not erased, by the channel they came from; new = registered (or enrolled) this month. */
	customers: {
		total: number;
		byChannel: Array<{ channelId: number | null; count: number }>;
		newThisMonth: number;
	};
	/** From awarded orders. */
	revenue: {
		byCurrency: Array<{ currency: string | null; orders: number; totalMinor: number; refundedMinor: number; averageOrderValueMinor: number }>;
		byChannel: Array<{ channelId: number | null; currency: string | null; orders: number; totalMinor: number }>;
	};
	loyalty: {
		members: number;
		activeMembers: number;
		/** Purchase and bonus points plus positive adjustments. */
		pointsIssued: number;
		pointsRedeemed: number;
		pointsReversed: number;
		pointsExpired: number;
		/** Redeemed / issued, 0 when nothing was issued. */
		redemptionRate: number;
		/** Points members still hold (erased members excluded): the program's liability. */
		outstanding: { available: number; pending: number; total: number };
		membersPerTier: Array<{ tier: string | null; count: number }>;
	};
}
