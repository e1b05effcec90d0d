// The seed guide's loyalty rules (steps 3, 4 and 6), written out again for the store-day test so
// that it checks the engine rather than repeating it: nothing here imports nodes/core/loyalty.
// Money is integer cents; multipliers are integer hundredths; one floor at the end (DESIGN §4).

export const SEED = {
	/** Points per 1 unit of currency. */
	rate: 100,
	bonus: { accountCreation: 100, firstPurchase: 200 },
	groupMultiplier: { Retail: 100, VIP: 150, Wholesale: 50, Platinum: 200 } as Record<string, number>,
	tiers: [
		{ name: 'Bronze', minPoints: 0, multiplier: 100 },
		{ name: 'Silver', minPoints: 1000, multiplier: 125 },
		{ name: 'Gold', minPoints: 5000, multiplier: 150 },
		{ name: 'Platinum', minPoints: 15_000, multiplier: 200 },
	],
	/** Customer-group mapping: the tier a group starts at, and its Brevo list (the sample account's). */
	startingTier: { Retail: 'Bronze', Wholesale: 'Silver', VIP: 'Gold' } as Record<string, string>,
	groupList: { Retail: 1, Wholesale: 2, VIP: 3 } as Record<string, number>,
	b2b: { groups: ['Wholesale'] as string[], volumeThreshold: 10_000_00, volumeMultiplier: 150, reorderRate: 50 },
	/** Storefront channel → program; every member of b2b_program is a B2B account. */
	programByChannel: { 1: 'default', 2: 'b2b_program', 3: 'global_program' } as Record<number, string>,
	b2bProgram: 'b2b_program',
	/** Segment sync's lists (its Config) and the seed's segment conditions. */
	segmentList: { 'First-Time Buyers': 4, 'Repeat Customers': 5, 'High-Value Customers': 6, 'Wholesale Accounts': 7, 'At-Risk Customers': 8 } as Record<string, number>,
} as const;

/** BigCommerce money text (e.g. "11205.0000") in cents, half up past the second decimal. */
export function cents(value: unknown): number {
	if (value === undefined || value === null || value === '') return 0;
	const text = String(value);
	if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a money amount: ${text}`);
	const [whole, fraction = ''] = text.replace('-', '').split('.');
	const tenThousandths = BigInt(whole) * 10_000n + BigInt((fraction + '0000').slice(0, 4));
	const rounded = Number((tenThousandths + 50n) / 100n);
	return text.startsWith('-') ? -rounded : rounded;
}

/** The order's money as the points rules read it (v2 order JSON). */
export interface OrderAmounts {
	id: number;
	customer_id: number;
	channel_id: number;
	subtotal_ex_tax: string;
	discount_amount?: string;
	coupon_discount?: string;
	total_inc_tax: string;
	date_created: string;
	status_id: number;
}

/** Merchandise after discounts, without tax and shipping ("subtotal_ex_tax" basis). */
export function basisCents(order: OrderAmounts): number {
	return cents(order.subtotal_ex_tax) - cents(order.discount_amount) - cents(order.coupon_discount);
}

export function tierOf(lifetime: number, group: string | null): string {
	const byPoints = SEED.tiers.reduce((found, tier, index) => (lifetime >= tier.minPoints ? index : found), 0);
	const starting = SEED.tiers.findIndex((t) => t.name === SEED.startingTier[group ?? '']);
	return SEED.tiers[Math.max(byPoints, starting)].name;
}

export interface ExpectedEntry {
	kind: 'purchase' | 'bonus' | 'reversal';
	points: number;
	orderId: string | null;
}

/** One member of one program, as the rules say it stands. */
export interface ExpectedMember {
	program: string;
	customerId: number;
	group: string | null;
	lifetime: number;
	balance: number;
	orders: number;
	totalSpentCents: number;
	lastOrderAt: string | null;
	entries: ExpectedEntry[];
	/** Per order: points granted and taken back, total and refunded amount (cents). */
	granted: Map<number, { points: number; reversed: number; totalCents: number; refundedCents: number }>;
}

export interface AwardOutcome {
	points: number;
	bonus: number;
	tierBefore: string;
	tierAfter: string;
	balance: number;
}

/** The ledger as the seed's rules make it, driven by the test in the order the flows act. */
export class ExpectedLedger {
	readonly members = new Map<string, ExpectedMember>();

	private key(program: string, customerId: number): string {
		return `${program}:${customerId}`;
	}

	member(program: string, customerId: number): ExpectedMember {
		const found = this.members.get(this.key(program, customerId));
		if (!found) throw new Error(`no expected member ${customerId} in ${program}`);
		return found;
	}

	enrol(program: string, customerId: number, group: string | null, options: { accountCreationBonus: boolean }): ExpectedMember {
		const key = this.key(program, customerId);
		const existing = this.members.get(key);
		if (existing) return existing;
		const member: ExpectedMember = { program, customerId, group, lifetime: 0, balance: 0, orders: 0, totalSpentCents: 0, lastOrderAt: null, entries: [], granted: new Map() };
		this.members.set(key, member);
		if (options.accountCreationBonus) this.add(member, 'bonus', SEED.bonus.accountCreation, null);
		return member;
	}

	/** Points for a completed order (DESIGN §4), with the first-purchase bonus on the member's first. */
	award(order: OrderAmounts): AwardOutcome {
		const member = this.member(SEED.programByChannel[order.channel_id] ?? 'default', order.customer_id);
		const tierBefore = tierOf(member.lifetime, member.group);
		const isB2B = member.program === SEED.b2bProgram || SEED.b2b.groups.includes(member.group ?? '');
		const basis = basisCents(order);
		const rate = isB2B && member.orders > 0 ? SEED.b2b.reorderRate : SEED.rate;
		const group = SEED.groupMultiplier[member.group ?? ''] ?? 100;
		const tier = SEED.tiers.find((t) => t.name === tierBefore)!.multiplier;
		const volume = isB2B && basis >= SEED.b2b.volumeThreshold ? SEED.b2b.volumeMultiplier : 100;
		// basis in cents × four factors in hundredths: divide by 100 (cents) × 100⁴, rounding down once.
		const points = Number((BigInt(basis) * BigInt(rate) * BigInt(group) * BigInt(tier) * BigInt(volume)) / 10_000_000_000n);
		const bonus = member.orders === 0 ? SEED.bonus.firstPurchase : 0;
		this.add(member, 'purchase', points, order.id);
		if (bonus) this.add(member, 'bonus', bonus, null);
		member.orders += 1;
		member.totalSpentCents += cents(order.total_inc_tax);
		member.lastOrderAt = [member.lastOrderAt, order.date_created].filter((d): d is string => !!d).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
		member.granted.set(order.id, { points, reversed: 0, totalCents: cents(order.total_inc_tax), refundedCents: 0 });
		return { points, bonus, tierBefore, tierAfter: tierOf(member.lifetime, member.group), balance: member.balance };
	}

	/** A full refund: the rest of the order's grant (the bonus stays). */
	refundInFull(program: string, customerId: number, orderId: number): number {
		const member = this.member(program, customerId);
		const grant = member.granted.get(orderId)!;
		const points = grant.points - grant.reversed;
		grant.reversed = grant.points;
		member.totalSpentCents -= grant.totalCents - grant.refundedCents;
		grant.refundedCents = grant.totalCents;
		this.add(member, 'reversal', -points, orderId);
		return points;
	}

	/** A partial refund: the order's reversals become floor(grant × refunded so far / total). */
	refundInPart(program: string, customerId: number, orderId: number, refundCents: number): number {
		const member = this.member(program, customerId);
		const grant = member.granted.get(orderId)!;
		grant.refundedCents += refundCents;
		const target = Math.floor((grant.points * grant.refundedCents) / grant.totalCents);
		const points = target - grant.reversed;
		grant.reversed = target;
		member.totalSpentCents -= refundCents;
		this.add(member, 'reversal', -points, orderId);
		return points;
	}

	tier(member: ExpectedMember): string {
		return tierOf(member.lifetime, member.group);
	}

	private add(member: ExpectedMember, kind: ExpectedEntry['kind'], points: number, orderId: number | null): void {
		member.entries.push({ kind, points, orderId: orderId === null ? null : String(orderId) });
		member.balance += points;
		member.lifetime += points;
	}
}

/** The seed's segments (step 6) of one member, with Segment sync's list ids. */
export function segmentListsOf(member: ExpectedMember, now = Date.now()): number[] {
	const lists: number[] = [];
	if (member.orders === 1) lists.push(SEED.segmentList['First-Time Buyers']);
	if (member.orders >= 2) lists.push(SEED.segmentList['Repeat Customers']);
	if (member.totalSpentCents >= 1000_00) lists.push(SEED.segmentList['High-Value Customers']);
	if (member.group === 'Wholesale') lists.push(SEED.segmentList['Wholesale Accounts']);
	if (member.orders >= 2 && member.lastOrderAt && Date.parse(member.lastOrderAt) < now - 90 * 86_400_000) lists.push(SEED.segmentList['At-Risk Customers']);
	return lists;
}
