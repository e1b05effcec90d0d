import fc from 'fast-check';
import { type ProgramConfig, calculateOrderPoints, formatMoney, parseProgramConfig } from '../../../../nodes/core/loyalty';
import type { MemberStanding } from '../../../../nodes/core/loyalty';

/** A decimal with up to 6 places, generated as integer millionths so the test knows it exactly. */
const micro = (min: number, max: number) => fc.integer({ min, max }).map((millionths) => ({ millionths: BigInt(millionths), text: microText(millionths) }));

function microText(millionths: number): string {
	const digits = String(millionths).padStart(7, '0');
	return `${digits.slice(0, -6)}.${digits.slice(-6)}`;
}

const groups = ['Retail', 'VIP', 'Wholesale', 'Platinum', 'Other'] as const;

const programArb = fc
	.record({
		rate: micro(0, 5_000_000),
		reorderRate: micro(0, 5_000_000),
		groupMultipliers: fc.tuple(micro(0, 4_000_000), micro(0, 4_000_000), micro(0, 4_000_000), micro(0, 4_000_000)),
		tierMultipliers: fc.tuple(micro(0, 4_000_000), micro(0, 4_000_000), micro(0, 4_000_000)),
		volume: micro(1_000_000, 4_000_000),
		thresholdCents: fc.integer({ min: 0, max: 5_000_000 }),
		mode: fc.constantFrom('multiply' as const, 'highest' as const),
		rounding: fc.constantFrom('floor' as const, 'round' as const, 'ceil' as const),
		allB2B: fc.boolean(),
	})
	.map((p) => ({
		spec: p,
		program: parseProgramConfig({
			purchasePoints: { rate: p.rate.text, roundingMode: p.rounding },
			customerGroupMultipliers: { Retail: p.groupMultipliers[0].text, VIP: p.groupMultipliers[1].text, Wholesale: p.groupMultipliers[2].text, Platinum: p.groupMultipliers[3].text },
			tiers: [
				{ name: 'Bronze', minPoints: 0, multiplier: p.tierMultipliers[0].text },
				{ name: 'Silver', minPoints: 1000, multiplier: p.tierMultipliers[1].text },
				{ name: 'Gold', minPoints: 5000, multiplier: p.tierMultipliers[2].text },
			],
			customerGroupMapping: {},
			multiplierMode: p.mode,
			b2bLoyalty: {
				allMembersAreB2B: p.allB2B,
				reorderPoints: { rate: p.reorderRate.text },
				orderVolumeBonus: { threshold: formatMoney(p.thresholdCents, 'USD', 'currency'), bonusMultiplier: p.volume.text },
			},
		}) as ProgramConfig,
	}));

const memberArb = fc.record({
	customerGroupName: fc.constantFrom(...groups),
	lifetimePoints: fc.integer({ min: 0, max: 20_000 }),
	hasCompletedOrder: fc.boolean(),
}) as fc.Arbitrary<MemberStanding>;

const cents = fc.integer({ min: -1_000_000, max: 100_000_000 });
const order = (basisCents: number) => ({ subtotal_ex_tax: formatMoney(basisCents, 'USD'), discount_amount: '0.0000', coupon_discount: '0.0000' });

describe('points properties', () => {
	it('never negative, always a whole number, for any order', () => {
		const money = fc.integer({ min: 0, max: 10_000_000 }).map((c) => formatMoney(c, 'USD'));
		fc.assert(
			fc.property(programArb, memberArb, money, money, money, ({ program }, who, subtotal, discount, coupon) => {
				const { points } = calculateOrderPoints({ subtotal_ex_tax: subtotal, discount_amount: discount, coupon_discount: coupon }, who, program);
				expect(Number.isSafeInteger(points) && points >= 0).toBe(true);
			}),
		);
	});

	it('monotone in the basis: a bigger order never earns fewer points', () => {
		fc.assert(
			fc.property(programArb, memberArb, cents, cents, ({ program }, who, a, b) => {
				const [low, high] = a <= b ? [a, b] : [b, a];
				expect(calculateOrderPoints(order(low), who, program).points).toBeLessThanOrEqual(calculateOrderPoints(order(high), who, program).points);
			}),
		);
	});

	it('exact: equals basis × rate × multiplier computed in integers, rounded once', () => {
		fc.assert(
			fc.property(programArb, memberArb, cents, ({ spec, program }, who, basisCents) => {
				const result = calculateOrderPoints(order(basisCents), who, program);
				const group = groups.indexOf(who.customerGroupName as (typeof groups)[number]);
				const groupM = group < 4 ? spec.groupMultipliers[group].millionths : 1_000_000n;
				const tierIndex = who.lifetimePoints >= 5000 ? 2 : who.lifetimePoints >= 1000 ? 1 : 0;
				const tierM = spec.tierMultipliers[tierIndex].millionths;
				const b2b = spec.allB2B || who.customerGroupName === 'Wholesale';
				const rate = b2b && who.hasCompletedOrder ? spec.reorderRate.millionths : spec.rate.millionths;
				let multiplier = spec.mode === 'multiply' ? groupM * tierM : (groupM > tierM ? groupM : tierM) * 1_000_000n;
				let denominator = 100n * 10n ** 18n; // cents, and three factors of millionths
				if (b2b && basisCents >= spec.thresholdCents) {
					multiplier *= spec.volume.millionths;
					denominator *= 1_000_000n;
				}
				const numerator = BigInt(basisCents) * rate * multiplier;
				const floor = numerator >= 0n ? numerator / denominator : -((-numerator + denominator - 1n) / denominator);
				const remainder = numerator - floor * denominator;
				const rounded = spec.rounding === 'floor' ? floor : spec.rounding === 'ceil' ? (remainder > 0n ? floor + 1n : floor) : 2n * remainder >= denominator ? floor + 1n : floor;
				const expected = basisCents <= 0 || numerator === 0n ? 0n : rounded;
				expect(BigInt(result.points)).toBe(expected);
				// raw is the exact product as text
				const [whole, fraction = ''] = result.breakdown.raw.replace('-', '').split('.');
				const rawUnits = BigInt(whole + fraction) * (result.breakdown.raw.startsWith('-') ? -1n : 1n);
				expect(rawUnits * denominator).toBe(numerator * 10n ** BigInt(fraction.length));
			}),
		);
	});

	it('exact on money strings: the basis of any field amounts is their exact digit-wise result', () => {
		const fourDigits = fc.bigInt({ min: 0n, max: 10n ** 12n });
		const text = (units: bigint) => {
			const digits = units.toString().padStart(5, '0');
			return `${digits.slice(0, -4)}.${digits.slice(-4)}`;
		};
		const program = parseProgramConfig({});
		fc.assert(
			fc.property(fourDigits, fourDigits, fourDigits, (subtotal, discount, coupon) => {
				const { breakdown } = calculateOrderPoints(
					{ subtotal_ex_tax: text(subtotal), discount_amount: text(discount), coupon_discount: text(coupon) },
					{ customerGroupName: 'Retail', lifetimePoints: 0, hasCompletedOrder: false },
					program,
				);
				const exact = subtotal - discount - coupon; // in 1/10000 of a dollar
				// half-up to cents, once
				const cents = exact >= 0n ? (exact + 50n) / 100n : -((-exact - 50n + 99n) / 100n);
				expect(BigInt(breakdown.basis.minor)).toBe(cents);
			}),
		);
	});
});
