import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { reversePartialRefund } from '../../../../nodes/core/loyalty/reversal';
import { ledgerStores } from '../../../../nodes/core/loyalty-service';
import { bigCommerceCustomer, bigCommerceOrder, STORE } from './support/fixtures';
import { useTempLedger } from './support/ledger';

const ledger = useTempLedger();
const points = (operation: string, extra: IDataObject = {}) => ({ resource: 'points', operation, storeHash: STORE, ...extra });
const enrol = (id: number, group: string, extra: IDataObject = {}) =>
	ledger.one({ resource: 'member', operation: 'upsert', storeHash: STORE, customerGroupName: group }, bigCommerceCustomer(id, extra));
const balance = async (customerId: number, program = 'default') =>
	(await ledger.one({ resource: 'member', operation: 'get', storeHash: STORE, program, customerId: String(customerId) })).points;
const history = async (customerId: number) => (await ledger.run(points('history', { customerId: String(customerId), returnAll: true }))).json;

beforeEach(() => ledger.seedPrograms());

describe('Points → Calculate', () => {
	it('gives the points and the full breakdown for a member, writing nothing', async () => {
		await enrol(1, 'VIP');
		const out = await ledger.one(points('calculate'), bigCommerceOrder(100, 1, '69.8400'));
		// VIP ×1.5, starting tier Gold ×1.5: 69.84 × 2.25 = 157.14 → floor 157.
		expect(out).toEqual(expect.objectContaining({ points: 157, memberFound: true, tier: 'Gold', program: 'default' }));
		const breakdown = out.breakdown as IDataObject;
		expect(breakdown).toEqual(expect.objectContaining({ multiplier: '2.25', raw: '157.14', rounding: 'floor', points: 157 }));
		expect((breakdown.basis as IDataObject).amount).toBe('69.84');
		expect(await history(1)).toEqual([]);
	});

	it('counts a customer who is not a member yet as new, with the given group', async () => {
		const out = await ledger.one(points('calculate', { customerGroupName: 'Wholesale' }), bigCommerceOrder(101, 77, '100.0000'));
		// Wholesale ×0.5, starting tier Silver ×1.25; first order of a B2B account: program rate.
		expect(out).toEqual(expect.objectContaining({ points: 62, memberFound: false, tier: 'Silver' }));
	});
});

describe('Points → Award for Order', () => {
	it('awards once per order: the same order twice gives one entry; the first order also earns the first-purchase bonus', async () => {
		await enrol(2, 'Retail');
		const order = bigCommerceOrder(200, 2, '69.8400');
		const first = await ledger.one(points('awardForOrder'), order);
		expect(first).toEqual(
			expect.objectContaining({
				awarded: true,
				duplicate: false,
				orderId: 200,
				customer_id: 2,
				program: 'default',
				points: 69,
				firstPurchaseBonus: { points: 200, duplicate: false },
				balance: { available: 269, pending: 0, balance: 269, lifetime: 269 },
				tierBefore: 'Bronze',
				tierAfter: 'Bronze',
				tierChanged: false,
				idempotencyKey: `${STORE}:order:200:purchase`,
			}),
		);
		expect((first.breakdown as IDataObject).points).toBe(69);
		expect(first.breakdown).not.toHaveProperty('firstOrder');

		const second = await ledger.one(points('awardForOrder'), order);
		expect(second).toEqual(expect.objectContaining({ duplicate: true, points: 69, entryId: first.entryId, firstPurchaseBonus: { points: 200, duplicate: true } }));
		expect(second.balance).toEqual(first.balance);
		expect((await history(2)).map((e) => [e.kind, e.points])).toEqual([
			['bonus', 200],
			['purchase', 69],
		]);
		const member = await ledger.one({ resource: 'member', operation: 'get', storeHash: STORE, customerId: '2' });
		expect(member).toEqual(expect.objectContaining({ orders_count: 1, total_spent: 69.84, last_order_date: '2025-03-04T12:00:00.000Z' }));
	});

	it('writes the first-purchase bonus with the award; an award left without it (written by an older version) gets it on a repeat', async () => {
		await enrol(4, 'Retail');
		const first = await ledger.one(points('awardForOrder'), bigCommerceOrder(400, 4, '10.0000'));
		// One write: the bonus entry follows the purchase entry directly.
		const entries = await history(4);
		expect(entries.map((e) => [e.kind, e.points])).toEqual([
			['bonus', 200],
			['purchase', 10],
		]);
		expect(entries[0].entryId).toBe((first.entryId as number) + 1);

		// An older version wrote the bonus separately; its execution died in between.
		await enrol(5, 'Retail');
		const { store, release } = await ledgerStores.acquire(ledger.credentials);
		try {
			const program = await store.getProgram({ storeHash: STORE, name: 'default' });
			await store.awardForOrder({
				programId: program.id,
				member: { customerId: 5 },
				idempotencyKey: `${STORE}:order:500:purchase`,
				order: { id: 500, totalMinor: 1000 },
				compute: () => ({ points: 10, breakdown: { firstOrder: true } }),
			});
		} finally {
			release();
		}
		const repeat = await ledger.one(points('awardForOrder'), bigCommerceOrder(500, 5, '10.0000'));
		expect(repeat).toEqual(expect.objectContaining({ duplicate: true, points: 10, firstPurchaseBonus: { points: 200, duplicate: false }, balance: expect.objectContaining({ available: 210 }) }));
		const again = await ledger.one(points('awardForOrder'), bigCommerceOrder(500, 5, '10.0000'));
		expect(again).toEqual(expect.objectContaining({ duplicate: true, firstPurchaseBonus: { points: 200, duplicate: true }, balance: expect.objectContaining({ available: 210 }) }));
		expect((await history(5)).map((e) => e.kind)).toEqual(['bonus', 'purchase']);
	});

	it('a repeated award reports the tiers of the first award, bonus included', async () => {
		await enrol(6, 'Retail');
		const first = await ledger.one(points('awardForOrder'), bigCommerceOrder(600, 6, '900.0000'));
		expect(first).toEqual(expect.objectContaining({ tierBefore: 'Bronze', tierAfter: 'Silver', tierChanged: true }));
		await ledger.one(points('awardForOrder'), bigCommerceOrder(601, 6, '4000.0000'));
		const repeat = await ledger.one(points('awardForOrder'), bigCommerceOrder(600, 6, '900.0000'));
		expect(repeat).toEqual(expect.objectContaining({ duplicate: true, tierBefore: 'Bronze', tierAfter: 'Silver', tierChanged: true }));
		expect((repeat.member as IDataObject).tier).toBe('Gold');
	});

	it('reports the tier change; the second order earns no second bonus', async () => {
		await enrol(3, 'Retail');
		await ledger.one(points('awardForOrder'), bigCommerceOrder(300, 3, '10.0000'));
		const big = await ledger.one(points('awardForOrder'), bigCommerceOrder(301, 3, '1000.0000'));
		expect(big).toEqual(expect.objectContaining({ points: 1000, firstPurchaseBonus: null, tierBefore: 'Bronze', tierAfter: 'Silver', tierChanged: true }));
		expect(big.balance).toEqual({ available: 1210, pending: 0, balance: 1210, lifetime: 1210 });
		expect((big.member as IDataObject).tier).toBe('Silver');
	});

	it("chooses the program by the order's channel (2 → b2b_program: every member is B2B)", async () => {
		await enrol(4, 'Wholesale', { origin_channel_id: 2, channel_ids: [2] });
		const first = await ledger.one(points('awardForOrder'), bigCommerceOrder(400, 4, '12000.0000', { channel_id: 2 }));
		// Wholesale 0.5 × Silver 1.25 × volume bonus 1.5 (basis ≥ 10000): 12000 × 0.9375 = 11250.
		expect(first).toEqual(expect.objectContaining({ program: 'b2b_program', points: 11250 }));
		const reorder = await ledger.one(points('awardForOrder'), bigCommerceOrder(401, 4, '100.0000', { channel_id: 2 }));
		expect((reorder.breakdown as { rate: IDataObject }).rate).toEqual(expect.objectContaining({ kind: 'reorder', value: '0.5' }));
	});

	it('skips guest orders without failing', async () => {
		const out = await ledger.one(points('awardForOrder'), bigCommerceOrder(500, 0, '50.0000'));
		expect(out).toEqual(expect.objectContaining({ awarded: false, skipped: 'guest_order', orderId: 500 }));
	});

	it('can leave out the first-purchase bonus', async () => {
		await enrol(6, 'Retail');
		const out = await ledger.one(points('awardForOrder', { firstPurchaseBonus: false }), bigCommerceOrder(600, 6, '20.0000'));
		expect(out).toEqual(expect.objectContaining({ points: 20, firstPurchaseBonus: null }));
	});

	it('names a bad money field of the order', async () => {
		await enrol(7, 'Retail');
		const out = await ledger.one(points('awardForOrder'), bigCommerceOrder(700, 7, '20.0000', { subtotal_ex_tax: 'lots' }), { continueOnFail: true });
		expect(out).toEqual({ error: expect.stringMatching(/^subtotal_ex_tax: "lots" is not a money amount/), details: expect.objectContaining({ code: 'INVALID_MONEY' }) });
	});

	it('enrols a customer who is a member nowhere from the order itself, then awards (no group known)', async () => {
		const out = await ledger.one(points('awardForOrder'), bigCommerceOrder(800, 8, '20.0000', { billing_address: { first_name: 'Grace', last_name: 'Hopper', email: 'Grace@Example.com', phone: '+1555' } }));
		expect(out).toEqual(
			expect.objectContaining({
				awarded: true,
				program: 'default',
				points: 20,
				firstPurchaseBonus: { points: 200, duplicate: false },
				enrolled: { source: 'order', fromProgram: null, customerGroup: null },
			}),
		);
		expect(out.member).toEqual(expect.objectContaining({ customer_id: 8, email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper', phone: '+1555', customer_group: null, channel_id: 1, tier: 'Bronze' }));
		const again = await ledger.one(points('awardForOrder'), bigCommerceOrder(800, 8, '20.0000'));
		expect(again).toEqual(expect.objectContaining({ duplicate: true, enrolled: null, entryId: out.entryId }));
	});

	it("enrols a member of another program in the order's program with their profile and group, so the group counts", async () => {
		await enrol(9, 'VIP', { origin_channel_id: 1, channel_ids: [1], date_created: '2024-06-01T00:00:00Z' });
		const order = bigCommerceOrder(900, 9, '100.0000', { channel_id: 3 });
		const expected = await ledger.one(points('calculate', { customerGroupName: 'VIP' }), order);
		// VIP ×1.5 and VIP's starting tier Gold ×1.5 (without the group it would be 100 points).
		expect(expected).toEqual(expect.objectContaining({ memberFound: false, program: 'global_program', points: 225, tier: 'Gold' }));
		const out = await ledger.one(points('awardForOrder'), order);
		expect(out).toEqual(
			expect.objectContaining({
				program: 'global_program',
				points: expected.points,
				breakdown: expect.objectContaining({ multiplier: (expected.breakdown as IDataObject).multiplier }),
				enrolled: { source: 'program', fromProgram: 'default', customerGroup: 'VIP' },
			}),
		);
		expect(out.member).toEqual(expect.objectContaining({ program: 'global_program', customer_group: 'VIP', email: 'customer9@example.com', channel_id: 3, tier: expected.tier, date_created: '2024-06-01T00:00:00.000Z' }));
	});
});

describe('Points → Award Bonus', () => {
	beforeEach(() => enrol(10, 'Retail'));

	it('gives the program points once per natural key', async () => {
		const review = (ref: string) => ledger.one(points('awardBonus', { bonusAction: 'reviewSubmitted', reference: ref }), { customer_id: 10 });
		expect(await review('r-1')).toEqual(expect.objectContaining({ duplicate: false, action: 'reviewSubmitted', points: 50, ref: 'r-1' }));
		expect(await review('r-1')).toEqual(expect.objectContaining({ duplicate: true, points: 50 }));
		expect(await review('r-2')).toEqual(expect.objectContaining({ duplicate: false }));
		expect((await balance(10)) as IDataObject).toEqual(expect.objectContaining({ available: 100 }));
	});

	it('birthday: once per calendar year', async () => {
		const birthday = (date: string) => ledger.one(points('awardBonus', { bonusAction: 'birthdayBonus', customerId: '10', date }));
		expect((await birthday('2025-04-23T00:00:00Z')).duplicate).toBe(false);
		expect((await birthday('2025-12-01T00:00:00Z')).duplicate).toBe(true);
		expect((await birthday('2026-04-23T00:00:00Z')).duplicate).toBe(false);
	});

	it('a review without its reference is refused, naming the field', async () => {
		const out = await ledger.one(points('awardBonus', { bonusAction: 'reviewSubmitted', customerId: '10' }), undefined, { continueOnFail: true });
		expect(out.error).toMatch(/^ref: reviewSubmitted is awarded once per review id/);
	});

	it('custom actions come from the program', async () => {
		await ledger.one({
			resource: 'program',
			operation: 'upsert',
			storeHash: STORE,
			programConfig: JSON.stringify({ id: 'default', customBonusActions: { socialShare: { points: 15, oncePer: 'member' } } }),
		});
		const out = await ledger.one(points('awardBonus', { bonusAction: 'custom', customAction: 'socialShare', customerId: '10' }));
		expect(out).toEqual(expect.objectContaining({ action: 'socialShare', points: 15 }));
		const unknown = await ledger.one(points('awardBonus', { bonusAction: 'custom', customAction: 'dance', customerId: '10' }), undefined, { continueOnFail: true });
		expect(unknown.error).toMatch(/^action: "dance" is not a bonus action of program "default"/);
	});
});

describe('Points → Redeem, Adjust, History', () => {
	beforeEach(async () => {
		await enrol(20, 'Retail');
		await ledger.one(points('adjust', { customerId: '20', points: 500, reason: 'Welcome gift', adjustmentId: 'gift-1' }));
	});

	it('redeems once per redemption ID', async () => {
		const redeem = () => ledger.one(points('redeem', { customerId: '20', points: 120, redemptionId: 'coupon-1', additionalFields: { reason: '$5 coupon' } }));
		const first = await redeem();
		expect(first).toEqual(expect.objectContaining({ duplicate: false, redeemed: 120, points: -120, balance: { available: 380, pending: 0, balance: 380, lifetime: 500 } }));
		expect(await redeem()).toEqual(expect.objectContaining({ duplicate: true, redeemed: 120 }));
		expect(((await balance(20)) as IDataObject).available).toBe(380);
	});

	it('redeeming more than available fails with a clear error and changes nothing', async () => {
		const error = (await ledger.one(points('redeem', { customerId: '20', points: 501, redemptionId: 'too-much' })).catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Not enough points: 501 requested, 500 available. Nothing was changed.');
		expect(error.description).toMatch(/available balance/);
		expect(await balance(20)).toEqual({ available: 500, pending: 0, balance: 500, lifetime: 500 });
		expect(await history(20)).toHaveLength(1);
	});

	it('adjust needs a reason and a non-zero number of points', async () => {
		const noReason = await ledger.one(points('adjust', { customerId: '20', points: 5, reason: '  ', adjustmentId: 'x' }), undefined, { continueOnFail: true });
		expect(noReason.error).toBe('Reason: is required: say why the balance is changed by hand');
		const zero = await ledger.one(points('adjust', { customerId: '20', points: 0, reason: 'oops', adjustmentId: 'y' }), undefined, { continueOnFail: true });
		expect(zero.error).toMatch(/^Points: must not be 0/);
	});

	it('a deduction below zero is refused unless allowed; a goodwill gift may leave the tier alone', async () => {
		const refused = await ledger.one(points('adjust', { customerId: '20', points: -600, reason: 'fraud', adjustmentId: 'f-1' }), undefined, { continueOnFail: true });
		expect(refused.details).toEqual(expect.objectContaining({ code: 'INSUFFICIENT_POINTS' }));
		const allowed = await ledger.one(points('adjust', { customerId: '20', points: -600, reason: 'fraud', adjustmentId: 'f-2', options: { allowNegative: true } }));
		expect(allowed.balance).toEqual(expect.objectContaining({ available: -100 }));
		const gift = await ledger.one(points('adjust', { customerId: '20', points: 5000, reason: 'gift', adjustmentId: 'g-1', options: { affectsTier: false } }));
		expect(gift).toEqual(expect.objectContaining({ tierChanged: false }));
		expect((gift.balance as IDataObject).lifetime).toBe(-100);
	});

	it('history lists entries newest first, filtered by kind and limited', async () => {
		await ledger.one(points('redeem', { customerId: '20', points: 10, redemptionId: 'r-1' }));
		await ledger.one(points('redeem', { customerId: '20', points: 10, redemptionId: 'r-2' }));
		const all = await history(20);
		expect(all.map((e) => e.kind)).toEqual(['redemption', 'redemption', 'adjustment']);
		expect(all[2]).toEqual(expect.objectContaining({ reason: 'Welcome gift', points: 500, balanceAfter: 500 }));
		const redemptions = await ledger.run(points('history', { customerId: '20', limit: 1, filters: { kinds: ['redemption'] } }));
		expect(redemptions.json).toHaveLength(1);
		expect(redemptions.json[0].idempotencyKey).toBe(`${STORE}:customer:20:redeem:r-2`);
	});
});

describe('Points → Reverse', () => {
	beforeEach(async () => {
		await enrol(30, 'Retail');
		await ledger.one(points('awardForOrder', { firstPurchaseBonus: false }), bigCommerceOrder(3000, 30, '1000.0000'));
	});

	it('partial then full refund: the reversals add up to the grant, never more; each refund once', async () => {
		const partial = (refundId: string, amount: string) =>
			ledger.one(points('reverse', { reversalType: 'partial', refundId, refundAmount: amount }), bigCommerceOrder(3000, 30, '1000.0000'));
		const first = await partial('r1', '250.0000');
		expect(first).toEqual(expect.objectContaining({ reversed: true, duplicate: false, points: -250, tierBefore: 'Silver', tierAfter: 'Bronze', tierChanged: true }));
		expect(await partial('r1', '250.0000')).toEqual(expect.objectContaining({ duplicate: true, points: -250 }));
		const full = await ledger.one(points('reverse', { reversalType: 'full', refundId: 'r2' }), { order_id: 3000, channel_id: 1 });
		expect(full).toEqual(expect.objectContaining({ points: -750, order: expect.objectContaining({ grantedPoints: 1000, reversedPoints: 1000, remainingPoints: 0 }) }));
		const more = await ledger.one(points('reverse', { reversalType: 'full' }), { id: 3000 });
		expect(more).toEqual(expect.objectContaining({ points: 0, cappedPoints: 0, appliedPoints: 0 }));
		expect(await balance(30)).toEqual({ available: 0, pending: 0, balance: 0, lifetime: 0 });
		const member = await ledger.one({ resource: 'member', operation: 'get', storeHash: STORE, customerId: '30' });
		expect(member.total_spent).toBe(0);
	});

	it("this refund's amount: two partial refunds then a final one add up exactly to the grant", async () => {
		const partial = (refundId: string, amount: string) =>
			ledger.one(points('reverse', { reversalType: 'partial', refundAmountIs: 'thisRefund', refundId, refundAmount: amount }), bigCommerceOrder(3000, 30, '1000.0000'));
		// Rounded on the running total: floor(1000 × 333.33 / 1000) = 333, then floor(1000 × 666.66 / 1000) = 666.
		expect(await partial('r1', '333.3300')).toEqual(expect.objectContaining({ points: -333, amountIs: 'thisRefund', refundAmountMinor: 33333 }));
		expect(await partial('r2', '333.3300')).toEqual(expect.objectContaining({ points: -333, order: expect.objectContaining({ refundedMinor: 66666 }) }));
		expect(await partial('r3', '333.3400')).toEqual(expect.objectContaining({ points: -334, order: expect.objectContaining({ reversedPoints: 1000, remainingPoints: 0, refundedMinor: 100000 }) }));
		expect(await balance(30)).toEqual({ available: 0, pending: 0, balance: 0, lifetime: 0 });
	});

	describe("the order's refunded total so far (BigCommerce's refunded_amount)", () => {
		const ORDER_TOTAL = 100000; // 1000.0000 in minor units: the basis of the 1000 points granted
		const GRANT = 1000;
		const byTotal = (refundId: string, refundedTotal: string) =>
			ledger.one(
				points('reverse', { reversalType: 'partial', refundAmountIs: 'refundedTotal', refundId, refundAmount: '={{ $json.refunded_amount }}' }),
				bigCommerceOrder(3000, 30, '1000.0000', { refunded_amount: refundedTotal }),
			);
		/** The rule's points for each refund, worked out refund by refund from the amounts refunded. */
		function expectedReversals(refundsMinor: number[]) {
			let alreadyReversed = 0;
			let previouslyRefundedMinor = 0;
			return refundsMinor.map((refundMinor) => {
				const r = reversePartialRefund({ granted: GRANT, alreadyReversed, basisMinor: ORDER_TOTAL, previouslyRefundedMinor, refundMinor });
				alreadyReversed += r.points;
				previouslyRefundedMinor += refundMinor;
				return r.points;
			});
		}

		it('two partial refunds then a final one: each reverses its own share, and together exactly the grant', async () => {
			const [p1, p2, p3] = expectedReversals([12345, 20000, 67655]);
			expect([p1, p2, p3]).toEqual([123, 200, 677]);

			const first = await byTotal('r1', '123.4500');
			expect(first).toEqual(
				expect.objectContaining({ reversed: true, duplicate: false, amountIs: 'refundedTotal', points: -p1, refundAmountMinor: 12345, order: expect.objectContaining({ refundedMinor: 12345, reversedPoints: p1 }) }),
			);
			expect((first.breakdown as IDataObject).rule).toEqual(expect.objectContaining({ refundedTotalMinor: 12345, recordedRefundedMinor: 0, thisRefundMinor: 12345 }));

			// The order now says 323.45 refunded in all: this refund is 200.00, not 323.45 again.
			const second = await byTotal('r2', '323.4500');
			expect(second).toEqual(expect.objectContaining({ points: -p2, refundAmountMinor: 20000, order: expect.objectContaining({ refundedMinor: 32345, reversedPoints: p1 + p2 }) }));
			expect((second.breakdown as IDataObject).rule).toEqual(expect.objectContaining({ refundedTotalMinor: 32345, recordedRefundedMinor: 12345, thisRefundMinor: 20000 }));

			const last = await byTotal('r3', '1000.0000');
			expect(last).toEqual(
				expect.objectContaining({ points: -p3, refundAmountMinor: 67655, order: expect.objectContaining({ refundedMinor: ORDER_TOTAL, reversedPoints: GRANT, remainingPoints: 0 }) }),
			);
			expect(p1 + p2 + p3).toBe(GRANT);
			expect(await balance(30)).toEqual({ available: 0, pending: 0, balance: 0, lifetime: 0 });
			const member = await ledger.one({ resource: 'member', operation: 'get', storeHash: STORE, customerId: '30' });
			expect(member.total_spent).toBe(0);
		});

		it('a repeated refund ID changes nothing, even when the order has been refunded more since', async () => {
			const first = await byTotal('r1', '250.0000');
			expect(first.points).toBe(-250);
			const before = await history(30);
			for (const total of ['250.0000', '400.0000']) {
				const again = await byTotal('r1', total);
				expect(again).toEqual(expect.objectContaining({ duplicate: true, points: -250, entryId: first.entryId, refundAmountMinor: 25000 }));
			}
			expect(await history(30)).toEqual(before);
			expect(await balance(30)).toEqual(expect.objectContaining({ available: 750, lifetime: 750 }));
		});

		it('a refunded total the ledger has already counted reverses nothing and says why', async () => {
			await byTotal('r1', '250.0000');
			await byTotal('r2', '400.0000');
			const before = await history(30);
			// r3's workflow read the order before r2 was made (out of order), or after r2 had counted it all.
			for (const total of ['400.0000', '250.0000']) {
				const out = await byTotal('r3', total);
				expect(out).toEqual(
					expect.objectContaining({
						reversed: false,
						nothingToReverse: true,
						points: 0,
						refundId: 'r3',
						recordedRefundedMinor: 40000,
						reason: expect.stringMatching(/refunded total so far .* is not more than the refunds the ledger has already counted/),
					}),
				);
			}
			expect(await history(30)).toEqual(before);
			// Nothing was written under r3: once the order has been refunded more, r3 takes back the rest.
			expect(await byTotal('r3', '500.0000')).toEqual(expect.objectContaining({ reversed: true, points: -100, refundAmountMinor: 10000 }));
		});

		it('concurrent refunds of one order, each seeing some refunded total: reversals are exact, the refunded amount is recorded once', async () => {
			// Three refunds of 100.00 each; each workflow read the order at some moment after its own refund.
			const calls = [
				['r1', '300.0000'],
				['r2', '200.0000'],
				['r3', '300.0000'],
				['r1', '300.0000'],
				['r2', '300.0000'],
			] as const;
			const outs = await Promise.all(calls.map(([id, total]) => byTotal(id, total)));
			const entries = (await history(30)).filter((e) => e.kind === 'reversal');
			// r1 and r2 once each; r3 only if the total it saw was not counted already.
			expect(new Set(entries.map((e) => e.refundId)).size).toBe(entries.length);
			expect(entries.reduce((sum, e) => sum + (e.points as number), 0)).toBe(-300);
			for (const out of outs) expect(out.reversed || out.nothingToReverse).toBeTruthy();
			const last = await byTotal('r4', '300.0000');
			expect(last).toEqual(expect.objectContaining({ nothingToReverse: true, recordedRefundedMinor: 30000, order: expect.objectContaining({ reversedPoints: 300, refundedMinor: 30000 }) }));
			const member = await ledger.one({ resource: 'member', operation: 'get', storeHash: STORE, customerId: '30' });
			expect(member.total_spent).toBe(700);
			expect(await balance(30)).toEqual(expect.objectContaining({ available: 700, lifetime: 700 }));
		});
	});

	describe("Reconciliation's two refund branches on one order: never more than the grant, in any order", () => {
		// Refunds and Reverse (Order › Get Refunds → partial, refunded total so far, per refund ID) and
		// Take back remaining points (full, no refund ID: the order's cancellation key), as the
		// Reconciliation template runs them on a Refunded order, plus the points flow's own reversal
		// of the final refund (full, keyed by its refund ID), in every order and repeated.
		type Step = 'r1' | 'r2' | 'cancel' | 'flowR2' | 'over';
		const step = (name: Step) => {
			const order = (refunded: string) => bigCommerceOrder(3000, 30, '1000.0000', { refunded_amount: refunded });
			const perRefund = (refundId: string, total: string) =>
				ledger.one(points('reverse', { reversalType: 'partial', refundAmountIs: 'refundedTotal', refundId, refundAmount: '={{ $json.refunded_amount }}' }), order(total));
			if (name === 'r1') return perRefund('r1', '250.0000');
			if (name === 'r2') return perRefund('r2', '1000.0000');
			// A refunded total above the order's total (e.g. shipping refunded on top): still capped.
			if (name === 'over') return perRefund('r3', '1200.0000');
			if (name === 'flowR2') return ledger.one(points('reverse', { reversalType: 'full', refundId: 'r2' }), order('1000.0000'));
			return ledger.one(points('reverse', { reversalType: 'full' }), order('1000.0000'));
		};
		it.each<[string, Step[]]>([
			['cancellation first', ['cancel', 'r1', 'r2', 'cancel', 'r1']],
			['refunds first', ['r1', 'r2', 'cancel', 'r2', 'cancel']],
			['one refund, then the cancellation, then the other', ['r1', 'cancel', 'r2', 'over']],
			["the points flow's full reversal of the last refund, then the reconciliation", ['r1', 'flowR2', 'r2', 'r1', 'cancel', 'over']],
			['an over-refund', ['over', 'r1', 'r2', 'cancel']],
		])('%s: %j', async (_label, steps) => {
			for (const name of steps) {
				const out = await step(name);
				expect(out.reversed === true || out.nothingToReverse === true).toBe(true);
				expect((out.order as IDataObject).reversedPoints).toBeLessThanOrEqual(1000);
			}
			const reversals = (await history(30)).filter((e) => e.kind === 'reversal');
			expect(reversals.reduce((sum, e) => sum + (e.points as number), 0)).toBe(-1000);
			// Each refund ID and the cancellation at most once.
			expect(new Set(reversals.map((e) => e.idempotencyKey)).size).toBe(reversals.length);
			expect(await balance(30)).toEqual({ available: 0, pending: 0, balance: 0, lifetime: 0 });
			const member = await ledger.one({ resource: 'member', operation: 'get', storeHash: STORE, customerId: '30' });
			expect(member.total_spent).toBe(0);
		});
	});

	it('a partial refund needs its refund ID and amount', async () => {
		const out = await ledger.one(points('reverse', { reversalType: 'partial', refundAmount: '10' }), { id: 3000 }, { continueOnFail: true });
		expect(out.error).toMatch(/^refundId: a partial refund needs its BigCommerce refund id/);
	});

	it('an order that never earned points: nothing to take back', async () => {
		const out = await ledger.one(points('reverse', { reversalType: 'full' }), { id: 9999 });
		expect(out).toEqual(expect.objectContaining({ reversed: false, notAwarded: true, orderId: '9999' }));
	});
});
