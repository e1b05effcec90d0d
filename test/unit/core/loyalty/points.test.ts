import {
	LoyaltyInputError,
	type ProgramConfig,
	b2bProgram,
	calculateOrderPoints,
	defaultProgram,
	globalProgram,
	parseProgramConfig,
} from '../../../../nodes/core/loyalty';
import { member, merchandiseOrder, specOrder218 } from './orders.fixture';

/** The seed rules without the group → starting tier mapping, to see each multiplier alone. */
const unmapped = parseProgramConfig({ customerGroupMapping: {} });
const highest = parseProgramConfig({ multiplierMode: 'highest', customerGroupMapping: {} });

const points = (amount: string, who: ReturnType<typeof member>, program: ProgramConfig = unmapped) =>
	calculateOrderPoints(merchandiseOrder(amount), who, program).points;

describe('points: customer group multipliers (seed: Retail 1.0, VIP 1.5, Wholesale 0.5, Platinum 2.0)', () => {
	it.each([
		['Retail', 100],
		['VIP', 150],
		['Wholesale', 50],
		['Platinum', 200],
		['vip', 150],
		['Staff', 100],
		[null, 100],
	])('%s on 100.00 → %d', (group, expected) => {
		expect(points('100.0000', member(group))).toBe(expected);
	});

	it('matches a group id before its name, so a renamed group keeps its multiplier', () => {
		const byId = parseProgramConfig({ customerGroupMultipliersById: { '7': 3 }, customerGroupMapping: {} });
		const result = calculateOrderPoints(merchandiseOrder('100.0000'), member('Renamed VIP', 0, false, { customerGroupId: 7 }), byId);
		expect(result.points).toBe(300);
		expect(result.breakdown.multipliers[0]).toEqual({ kind: 'group', name: 'Renamed VIP', value: '3', applied: true, why: 'customer group id 7' });
		expect(points('100.0000', member('VIP', 0, false, { customerGroupId: 8 }), byId)).toBe(150);
	});
});

describe('points: tiers (seed: Bronze 0, Silver 1000 ×1.25, Gold 5000 ×1.5, Platinum 15000 ×2)', () => {
	it.each([
		[0, 'Bronze', 100],
		[999, 'Bronze', 100],
		[1000, 'Silver', 125],
		[4999, 'Silver', 125],
		[5000, 'Gold', 150],
		[15000, 'Platinum', 200],
		[-20, 'Bronze', 100],
	])('%d lifetime points → %s → %d points on 100.00', (lifetime, tier, expected) => {
		const result = calculateOrderPoints(merchandiseOrder('100.0000'), member('Retail', lifetime), unmapped);
		expect(result.breakdown.multipliers[1]).toMatchObject({ kind: 'tier', name: tier });
		expect(result.points).toBe(expected);
	});

	it('uses the group starting tier of the seed mapping (VIP starts Gold, Wholesale Silver)', () => {
		const vip = calculateOrderPoints(merchandiseOrder('100.0000'), member('VIP'), defaultProgram);
		expect(vip.breakdown.multipliers[1]).toEqual({ kind: 'tier', name: 'Gold', value: '1.5', applied: true, why: "starting tier of the member's customer group" });
		expect(vip.points).toBe(225);
		// A VIP with Platinum points is Platinum: the starting tier is a floor, not a cap.
		expect(points('100.0000', member('VIP', 20000), defaultProgram)).toBe(300);
	});
});

describe('points: multiplier modes', () => {
	it.each([
		['VIP', 5000, 225, 150],
		['VIP', 15000, 300, 200],
		['Platinum', 1000, 250, 200],
		['Wholesale', 1000, 62, 125],
		['Retail', 0, 100, 100],
	])('%s with %d lifetime points: multiply %d, highest %d', (group, lifetime, multiplied, higher) => {
		expect(points('100.0000', member(group, lifetime), unmapped)).toBe(multiplied);
		expect(points('100.0000', member(group, lifetime), highest)).toBe(higher);
	});

	it('shows which multiplier the highest mode left out, and why', () => {
		const { breakdown } = calculateOrderPoints(merchandiseOrder('100.0000'), member('VIP', 15000), highest);
		expect(breakdown.multiplierMode).toBe('highest');
		expect(breakdown.multiplier).toBe('2');
		expect(breakdown.multipliers).toEqual([
			{ kind: 'group', name: 'VIP', value: '1.5', applied: false, why: 'customer group "VIP"; not applied: the tier multiplier is higher' },
			{ kind: 'tier', name: 'Platinum', value: '2', applied: true, why: 'tier reached by lifetime points' },
		]);
		const tie = calculateOrderPoints(merchandiseOrder('100.0000'), member('VIP', 5000), highest).breakdown.multipliers;
		expect(tie.map((m) => m.applied)).toEqual([true, false]);
		expect(tie[1].why).toBe('tier reached by lifetime points; not applied: equal to the group multiplier');
	});
});

describe('points: B2B rules (seed: reorder rate 0.5; basis ≥ 10000 → ×1.5)', () => {
	const wholesale = (lifetime: number, reorder: boolean) => member('Wholesale', lifetime, reorder);

	it('first order of a wholesale account earns the program rate; later ones the reorder rate', () => {
		const first = calculateOrderPoints(merchandiseOrder('2000.0000'), wholesale(0, false), b2bProgram);
		expect(first.breakdown.rate).toEqual({ value: '1', kind: 'normal', why: 'first completed order of a B2B account: program rate' });
		expect(first.points).toBe(1250); // 2000 × 1 × 0.5 (Wholesale) × 1.25 (Silver, its starting tier)
		const reorder = calculateOrderPoints(merchandiseOrder('2000.0000'), wholesale(0, true), b2bProgram);
		expect(reorder.breakdown.rate).toEqual({ value: '0.5', kind: 'reorder', why: 'B2B account with an earlier completed order: reorder rate' });
		expect(reorder.points).toBe(625);
	});

	it('adds the volume bonus from the threshold on, inclusive', () => {
		expect(points('9999.9900', wholesale(0, true), b2bProgram)).toBe(3124); // 3124.996875
		expect(points('10000.0000', wholesale(0, true), b2bProgram)).toBe(4687); // 4687.5
		const big = calculateOrderPoints(merchandiseOrder('12000.0000'), wholesale(0, true), b2bProgram);
		expect(big.breakdown.multipliers[2]).toEqual({
			kind: 'volume',
			name: 'order volume bonus',
			value: '1.5',
			applied: true,
			why: 'basis 12000.00 USD ≥ threshold 10000.00 USD',
		});
		expect(big.breakdown.multiplier).toBe('0.9375');
		expect(big.points).toBe(5625);
	});

	it('applies the volume bonus on top of the higher multiplier in highest mode', () => {
		const program = parseProgramConfig({ multiplierMode: 'highest', b2bLoyalty: { allMembersAreB2B: true }, channels: [2] });
		const result = calculateOrderPoints(merchandiseOrder('12000.0000'), wholesale(0, true), program);
		expect(result.breakdown.multiplier).toBe('1.875'); // max(0.5, 1.25) × 1.5
		expect(result.points).toBe(11250);
	});

	it('in b2b_program every member is a B2B account; elsewhere only the Wholesale group', () => {
		expect(points('100.0000', member('Retail', 0, true), b2bProgram)).toBe(50);
		expect(points('100.0000', member('Retail', 0, true), defaultProgram)).toBe(100);
		expect(points('100.0000', member('Wholesale', 0, true), defaultProgram)).toBe(31); // 100 × 0.5 × 0.5 × 1.25
		expect(points('20000.0000', member('Retail', 0, false), defaultProgram)).toBe(20000);
		expect(points('20000.0000', member('Retail', 0, false), b2bProgram)).toBe(30000);
	});

	it('follows an explicit B2B flag over the groups, and B2B group ids', () => {
		expect(points('100.0000', member('Wholesale', 0, true, { isB2B: false }), defaultProgram)).toBe(62);
		expect(points('100.0000', member('Retail', 0, true, { isB2B: true }), defaultProgram)).toBe(50);
		const byId = parseProgramConfig({ b2bLoyalty: { accountGroupIds: [4] } });
		const result = calculateOrderPoints(merchandiseOrder('100.0000'), member('Trade', 0, true, { customerGroupId: 4 }), byId);
		expect(result.breakdown.b2b).toEqual({ isB2B: true, why: 'customer group id 4 is a B2B group' });
		expect(result.points).toBe(50);
	});

	it('can switch reorder rate and volume bonus off', () => {
		const off = parseProgramConfig({
			b2bLoyalty: { allMembersAreB2B: true, reorderPoints: { enabled: false }, orderVolumeBonus: { enabled: false } },
			customerGroupMapping: {},
		});
		expect(points('20000.0000', member('Retail', 0, true), off)).toBe(20000);
	});
});

describe('points: rounding, applied once at the end', () => {
	const withMode = (roundingMode: 'floor' | 'round' | 'ceil') => parseProgramConfig({ purchasePoints: { roundingMode }, customerGroupMapping: {} });

	it.each([
		['10.6000', 'floor', 13, '13.25'],
		['10.6000', 'round', 13, '13.25'],
		['10.6000', 'ceil', 14, '13.25'],
		['10.8000', 'floor', 13, '13.5'],
		['10.8000', 'round', 14, '13.5'],
		['10.8000', 'ceil', 14, '13.5'],
		['80.0000', 'ceil', 100, '100'],
	] as const)('%s × Silver 1.25 with %s → %d (raw %s)', (amount, mode, expected, raw) => {
		const result = calculateOrderPoints(merchandiseOrder(amount), member('Retail', 1000), withMode(mode));
		expect(result.breakdown.raw).toBe(raw);
		expect(result.breakdown.rounding).toBe(mode);
		expect(result.points).toBe(expected);
	});

	it('rounds only the product: 0.33 × VIP 1.5 = 0.495 → 0, 0.99 × 1.5 = 1.485 → 1', () => {
		expect(points('0.3300', member('VIP'))).toBe(0); // 0.495
		expect(points('0.9900', member('VIP'))).toBe(1); // 1.485
	});
});

describe('points: bases', () => {
	it.each([
		['subtotal_ex_tax', 52, '52.68'],
		['total_ex_tax', 53, '53.44'],
		['total_inc_tax', 57, '57.84'],
	] as const)('order 218 of the spec on %s → %d points (basis %s)', (basis, expected, amount) => {
		const program = parseProgramConfig({ purchasePoints: { basis }, customerGroupMapping: {} });
		const result = calculateOrderPoints(specOrder218, member('Retail'), program);
		expect(result.breakdown.basis.amount).toBe(amount);
		expect(result.points).toBe(expected);
	});

	it('counts a 0-decimal currency in whole units (1 point per 100 yen)', () => {
		const yen = parseProgramConfig({ currency: 'JPY', purchasePoints: { rate: 0.01 }, b2bLoyalty: { orderVolumeBonus: { threshold: 1000000 } } });
		expect(calculateOrderPoints(merchandiseOrder('1599.0000', 'JPY'), member('Retail'), yen).points).toBe(15);
	});

	it('converts an order in another currency (global_program counts USD)', () => {
		const order = { ...merchandiseOrder('92.0000', 'EUR'), store_default_currency_code: 'USD', store_default_to_transactional_exchange_rate: '0.92' };
		expect(calculateOrderPoints(order, member('Retail'), globalProgram).points).toBe(100);
	});
});

describe('points: nothing to earn', () => {
	it('gives 0 with a reason for a zero or negative basis', () => {
		const free = calculateOrderPoints({ subtotal_ex_tax: '50.0000', coupon_discount: '50.0000' }, member('VIP'), defaultProgram);
		expect(free.points).toBe(0);
		expect(free.breakdown.zeroReason).toBe('the basis is 0.00 USD: nothing to earn on');
		const negative = calculateOrderPoints({ subtotal_ex_tax: '10.0000', discount_amount: '15.0000' }, member('VIP'), defaultProgram);
		expect(negative.points).toBe(0);
		expect(negative.breakdown.basis.minor).toBe(-500);
		expect(negative.breakdown.raw).toBe('-11.25');
		expect(negative.breakdown.zeroReason).toBe('the basis is -5.00 USD: nothing to earn on');
	});

	it('gives 0 with a reason when purchase points are off or a multiplier is 0', () => {
		const off = parseProgramConfig({ purchasePoints: { enabled: false } });
		expect(calculateOrderPoints(merchandiseOrder('100.0000'), member('Retail'), off).breakdown.zeroReason).toBe('purchase points are turned off in program "default"');
		const zero = parseProgramConfig({ customerGroupMultipliers: { Staff: 0 } });
		const result = calculateOrderPoints(merchandiseOrder('100.0000'), member('Staff'), zero);
		expect([result.points, result.breakdown.zeroReason]).toEqual([0, 'the rate or a multiplier is 0']);
	});

	it('rejects a member it cannot read, naming the field', () => {
		expect(() => calculateOrderPoints(merchandiseOrder('1'), { lifetimePoints: 1.5, hasCompletedOrder: false }, defaultProgram)).toThrow(
			new LoyaltyInputError('member.lifetimePoints', 'must be a whole number (got 1.5)'),
		);
		expect(() => calculateOrderPoints(merchandiseOrder('1'), { lifetimePoints: 0 } as never, defaultProgram)).toThrow(
			'member.hasCompletedOrder: must be true or false (got undefined)',
		);
	});
});

describe('points: the whole breakdown', () => {
	it('says why, step by step (order 218, VIP starting at Gold, default program)', () => {
		expect(calculateOrderPoints(specOrder218, member('VIP'), defaultProgram)).toEqual({
			points: 118,
			breakdown: {
				program: { id: 'default', name: 'Main Store', currency: 'USD' },
				basis: {
					source: 'subtotal_ex_tax',
					formula: 'subtotal_ex_tax − discount_amount − coupon_discount',
					fields: { subtotal_ex_tax: '62.6793', discount_amount: '5.0000', coupon_discount: '5.0000' },
					orderAmount: '52.6793',
					orderCurrency: 'USD',
					conversion: null,
					minor: 5268,
					currency: 'USD',
					amount: '52.68',
				},
				rate: { value: '1', kind: 'normal', why: 'program rate' },
				b2b: { isB2B: false, why: 'not in a B2B customer group' },
				multipliers: [
					{ kind: 'group', name: 'VIP', value: '1.5', applied: true, why: 'customer group "VIP"' },
					{ kind: 'tier', name: 'Gold', value: '1.5', applied: true, why: "starting tier of the member's customer group" },
				],
				multiplierMode: 'multiply',
				multiplier: '2.25',
				raw: '118.53',
				rounding: 'floor',
				points: 118,
				zeroReason: null,
			},
		});
	});

	it('is plain JSON (the ledger stores it as is)', () => {
		const result = calculateOrderPoints(specOrder218, member('VIP'), defaultProgram);
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
	});
});
