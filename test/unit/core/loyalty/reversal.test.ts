import fc from 'fast-check';
import { LoyaltyInputError, applyNegativeBalancePolicy, reverseFullRefund, reversePartialRefund } from '../../../../nodes/core/loyalty';

describe('reversal on refund or cancellation', () => {
	it('reverses the rest of the grant on a full refund', () => {
		expect(reverseFullRefund({ granted: 118, alreadyReversed: 0 })).toEqual({
			kind: 'full',
			points: 118,
			totalReversed: 118,
			remaining: 0,
			refundedMinor: null,
			why: 'full refund or cancellation: the rest of the grant',
		});
		expect(reverseFullRefund({ granted: 118, alreadyReversed: 40 }).points).toBe(78);
		expect(reverseFullRefund({ granted: 118, alreadyReversed: 118 }).points).toBe(0);
		expect(reverseFullRefund({ granted: 118, alreadyReversed: 500 }).points).toBe(0);
	});

	it('reverses pro rata on a partial refund, rounding the running total down', () => {
		const first = reversePartialRefund({ granted: 100, alreadyReversed: 0, basisMinor: 30000, previouslyRefundedMinor: 0, refundMinor: 10000 });
		expect(first).toEqual({
			kind: 'partial',
			points: 33,
			totalReversed: 33,
			remaining: 67,
			refundedMinor: 10000,
			why: 'floor(100 × 10000 / 30000) = 33 reversed in total',
		});
		const second = reversePartialRefund({ granted: 100, alreadyReversed: 33, basisMinor: 30000, previouslyRefundedMinor: 10000, refundMinor: 10000 });
		expect([second.points, second.totalReversed]).toEqual([33, 66]);
		const third = reversePartialRefund({ granted: 100, alreadyReversed: 66, basisMinor: 30000, previouslyRefundedMinor: 20000, refundMinor: 10000 });
		expect([third.points, third.totalReversed, third.why]).toEqual([34, 100, 'refunds reach the whole basis: the rest of the grant']);
	});

	it('treats a refund beyond the basis (with tax or shipping) as the rest of the grant', () => {
		const over = reversePartialRefund({ granted: 52, alreadyReversed: 10, basisMinor: 5268, previouslyRefundedMinor: 1000, refundMinor: 6984 });
		expect([over.points, over.totalReversed, over.refundedMinor]).toEqual([42, 52, 5268]);
	});

	it('reverses nothing for a grant of nothing or a zero refund', () => {
		expect(reversePartialRefund({ granted: 0, alreadyReversed: 0, basisMinor: 0, previouslyRefundedMinor: 0, refundMinor: 500 }).points).toBe(0);
		expect(reversePartialRefund({ granted: 80, alreadyReversed: 0, basisMinor: 8000, previouslyRefundedMinor: 0, refundMinor: 0 }).points).toBe(0);
	});

	it('rejects inputs it cannot count, naming them', () => {
		expect(() => reverseFullRefund({ granted: -1, alreadyReversed: 0 })).toThrow(new LoyaltyInputError('granted', 'must be 0 or more (got -1)'));
		expect(() => reversePartialRefund({ granted: 1, alreadyReversed: 0, basisMinor: 100, previouslyRefundedMinor: 0, refundMinor: 1.5 })).toThrow(
			'refundMinor: must be a whole number (got 1.5)',
		);
	});
});

describe('reversal properties', () => {
	const grantArb = fc.record({ granted: fc.integer({ min: 0, max: 1_000_000 }), basisMinor: fc.integer({ min: 1, max: 100_000_000 }) });
	const refundsArb = fc.array(fc.integer({ min: 0, max: 50_000_000 }), { maxLength: 12 });

	function refundSequence(granted: number, basisMinor: number, refunds: number[]) {
		let alreadyReversed = 0;
		let previouslyRefundedMinor = 0;
		const steps: number[] = [];
		for (const refundMinor of refunds) {
			const reversal = reversePartialRefund({ granted, alreadyReversed, basisMinor, previouslyRefundedMinor, refundMinor });
			steps.push(reversal.points);
			alreadyReversed = reversal.totalReversed;
			previouslyRefundedMinor = reversal.refundedMinor ?? previouslyRefundedMinor;
		}
		return { alreadyReversed, previouslyRefundedMinor, steps };
	}

	it('a sequence of partial refunds never reverses more than was granted, and never a negative amount', () => {
		fc.assert(
			fc.property(grantArb, refundsArb, ({ granted, basisMinor }, refunds) => {
				const { alreadyReversed, steps } = refundSequence(granted, basisMinor, refunds);
				expect(steps.every((points) => Number.isSafeInteger(points) && points >= 0)).toBe(true);
				expect(steps.reduce((a, b) => a + b, 0)).toBe(alreadyReversed);
				expect(alreadyReversed).toBeLessThanOrEqual(granted);
			}),
		);
	});

	it('is pro rata within one point: the total is floor(granted × refunded / basis)', () => {
		fc.assert(
			fc.property(grantArb, refundsArb, ({ granted, basisMinor }, refunds) => {
				const { alreadyReversed } = refundSequence(granted, basisMinor, refunds);
				const refunded = Math.min(basisMinor, refunds.reduce((a, b) => a + b, 0));
				expect(BigInt(alreadyReversed)).toBe((BigInt(granted) * BigInt(refunded)) / BigInt(basisMinor));
			}),
		);
	});

	it('a final full refund brings the total to exactly the grant', () => {
		fc.assert(
			fc.property(grantArb, refundsArb, ({ granted, basisMinor }, refunds) => {
				const { alreadyReversed } = refundSequence(granted, basisMinor, refunds);
				const final = reverseFullRefund({ granted, alreadyReversed });
				expect(alreadyReversed + final.points).toBe(granted);
				expect(final.totalReversed).toBe(granted);
			}),
		);
	});

	it('partial refunds that add up to the basis reverse exactly the grant', () => {
		fc.assert(
			fc.property(grantArb, fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }), ({ granted, basisMinor }, weights) => {
				// Split the basis into parts proportional to the weights, the last taking the remainder.
				const total = weights.reduce((a, b) => a + b, 0);
				const parts = weights.map((w) => Math.floor((basisMinor * w) / total));
				parts[parts.length - 1] += basisMinor - parts.reduce((a, b) => a + b, 0);
				expect(refundSequence(granted, basisMinor, parts).alreadyReversed).toBe(granted);
			}),
		);
	});
});

describe('negative-balance policy', () => {
	it('allow: takes the whole reversal; the balance may go below zero', () => {
		expect(applyNegativeBalancePolicy('allow', 118, 50)).toEqual({ policy: 'allow', points: 118, forgiven: 0, balanceAfter: -68 });
	});

	it('clamp: takes at most the balance and forgives the rest', () => {
		expect(applyNegativeBalancePolicy('clamp', 118, 50)).toEqual({ policy: 'clamp', points: 50, forgiven: 68, balanceAfter: 0 });
		expect(applyNegativeBalancePolicy('clamp', 118, 500)).toEqual({ policy: 'clamp', points: 118, forgiven: 0, balanceAfter: 382 });
		expect(applyNegativeBalancePolicy('clamp', 10, -5)).toEqual({ policy: 'clamp', points: 0, forgiven: 10, balanceAfter: -5 });
	});

	it('never leaves a clamped balance lower than it was or below zero', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (reversal, balance) => {
				const clamped = applyNegativeBalancePolicy('clamp', reversal, balance);
				expect(clamped.points + clamped.forgiven).toBe(reversal);
				expect(clamped.balanceAfter).toBeGreaterThanOrEqual(Math.min(balance, 0));
				expect(applyNegativeBalancePolicy('allow', reversal, balance).balanceAfter).toBe(balance - reversal);
			}),
		);
	});
});
