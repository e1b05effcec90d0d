import type { IDataObject } from 'n8n-workflow';
import { bigCommerceCart, bigCommerceCustomer, bigCommerceOrder, STORE } from './support/fixtures';
import { useTempLedger } from './support/ledger';

const ledger = useTempLedger();
const cart = (operation: string, extra: IDataObject = {}) => ({ resource: 'cart', operation, storeHash: STORE, ...extra });
/** Cart → Track of BigCommerce's store/cart/abandoned: the one event that starts a recovery sequence. */
const abandoned = () => cart('track', { event: 'abandoned' });

describe('Cart', () => {
	it('track keeps a created or updated cart current and starts nothing; abandonment starts one sequence; updates keep it', async () => {
		const created = await ledger.one(cart('track'), { ...bigCommerceCart('c-1'), scope: 'store/cart/created' });
		expect(created).toEqual(expect.objectContaining({ startSequence: false, generation: 0, reason: 'not_abandoned' }));
		const first = await ledger.one(abandoned(), bigCommerceCart('c-1', { updated_time: '2025-03-04T10:10:00+00:00' }));
		expect(first).toEqual(expect.objectContaining({ startSequence: true, generation: 1, reason: null }));
		expect(first.cart).toEqual(
			expect.objectContaining({
				cart_id: 'c-1',
				status: 'abandoned',
				email: 'shopper@example.com',
				customer_id: 7,
				amount: 59.98,
				amountMinor: 5998,
				currency: 'USD',
				checkout_url: 'https://store.example.com/checkout?cart=c-1',
				items: [{ productId: 111, variantId: 222, sku: null, title: 'Blue Mug', quantity: 2, price: 29.99, image: 'https://cdn.example.com/mug.jpg', url: null }],
			}),
		);
		const update = await ledger.one(cart('track'), bigCommerceCart('c-1', { updated_time: '2025-03-04T10:20:00+00:00', cart_amount: 29.99 }));
		expect(update).toEqual(expect.objectContaining({ startSequence: false, generation: 1, reason: 'sequence_running' }));
	});

	it('check says proceed while the sequence owns the cart; record message once per step', async () => {
		await ledger.one(abandoned(), bigCommerceCart('c-2'));
		expect(await ledger.one(cart('check', { cartId: 'c-2', generation: 1 }))).toEqual(expect.objectContaining({ proceed: true, reason: null, messagesSent: [] }));
		const sent = await ledger.one(cart('recordMessage', { cartId: 'c-2', generation: 1, step: 'email_1h', additionalFields: { channel: 'email', messageId: '<m1@brevo>' } }));
		expect(sent).toEqual(expect.objectContaining({ recorded: true, duplicate: false, step: 'email_1h', channel: 'email', messageId: '<m1@brevo>' }));
		expect(await ledger.one(cart('recordMessage', { cartId: 'c-2', generation: 1, step: 'email_1h' }))).toEqual(expect.objectContaining({ recorded: false, duplicate: true }));
		const checked = await ledger.one(cart('check', { cartId: 'c-2', generation: 1 }));
		expect((checked.messagesSent as IDataObject[]).map((m) => m.step)).toEqual(['email_1h']);
		expect(await ledger.one(cart('check', { cartId: 'c-2', generation: 1, unsubscribed: true }))).toEqual(expect.objectContaining({ proceed: false, reason: 'unsubscribed' }));
	});

	it("an order naming the cart in cart_id converts it; the waiting sequence learns why it must stop", async () => {
		await ledger.one(abandoned(), bigCommerceCart('cart-for-77'));
		const converted = await ledger.one(cart('markConverted'), bigCommerceOrder(77, 7, '59.9800'));
		expect(converted).toEqual(expect.objectContaining({ converted: true, alreadyConverted: false, wasTracked: true }));
		expect((converted.cart as IDataObject).convertedOrderId).toBe('77');
		expect(await ledger.one(cart('check', { cartId: 'cart-for-77', generation: 1 }))).toEqual(expect.objectContaining({ proceed: false, reason: 'converted' }));
		// A late cart event starts nothing.
		expect(await ledger.one(abandoned(), bigCommerceCart('cart-for-77', { updated_time: '2025-03-05T00:00:00Z' }))).toEqual(
			expect.objectContaining({ startSequence: false, reason: 'converted' }),
		);
	});

	it('a trigger event for a deleted cart, or a cart BigCommerce no longer has, ends the sequence', async () => {
		await ledger.one(abandoned(), bigCommerceCart('c-3'));
		const deleted = await ledger.one(cart('track'), { scope: 'store/cart/deleted', cart_id: 'c-3', store_hash: STORE });
		expect(deleted).toEqual(expect.objectContaining({ startSequence: false, reason: 'deleted' }));
		expect((await ledger.one(cart('check', { cartId: 'c-3', generation: 1 }))).reason).toBe('deleted');
		await ledger.one(abandoned(), bigCommerceCart('c-4'));
		expect((await ledger.one(cart('track'), { exists: false, cart_id: 'c-4' })).reason).toBe('deleted');
	});

	it('emptied, filled and abandoned again: a new generation supersedes the old sequence; End Sequence finishes one', async () => {
		await ledger.one(abandoned(), bigCommerceCart('c-5'));
		const empty = bigCommerceCart('c-5', { updated_time: '2025-03-04T11:00:00Z', line_items: { physical_items: [], digital_items: [] } });
		expect((await ledger.one(cart('track'), empty)).reason).toBe('no_items');
		const refilled = await ledger.one(cart('track'), bigCommerceCart('c-5', { updated_time: '2025-03-04T12:00:00Z' }));
		expect(refilled).toEqual(expect.objectContaining({ startSequence: false, generation: 1, reason: 'not_abandoned' }));
		const again = await ledger.one(abandoned(), bigCommerceCart('c-5', { updated_time: '2025-03-04T13:00:00Z' }));
		expect(again).toEqual(expect.objectContaining({ startSequence: true, generation: 2 }));
		expect((await ledger.one(cart('check', { cartId: 'c-5', generation: 1 }))).reason).toBe('superseded');
		expect(await ledger.one(cart('endSequence', { cartId: 'c-5', generation: 2 }))).toEqual(expect.objectContaining({ ended: true }));
		expect((await ledger.one(cart('check', { cartId: 'c-5', generation: 2 }))).reason).toBe('finished');
	});

	it('a cart without an identity is tracked but starts nothing; a bare event asks for the cart details', async () => {
		const anonymous = await ledger.one(abandoned(), bigCommerceCart('c-6', { customer_id: 0, email: '' }));
		expect(anonymous).toEqual(expect.objectContaining({ startSequence: false, reason: 'no_identity' }));
		const bare = await ledger.one(cart('track'), { scope: 'store/cart/abandoned', cart_id: 'c-7' }, { continueOnFail: true });
		expect(bare.error).toMatch(/^cart\.line_items: is missing: read the cart with BigCommerce → Cart → Get first/);
	});

	it("detects the event from a trigger item's scope: abandoned starts a sequence, updated does not", async () => {
		const updated = await ledger.one(cart('track', { event: 'auto' }), { ...bigCommerceCart('c-8'), scope: 'store/cart/updated' });
		expect(updated).toEqual(expect.objectContaining({ startSequence: false, reason: 'not_abandoned', cart: expect.objectContaining({ status: 'active' }) }));
		const out = await ledger.one(cart('track', { event: 'auto' }), { ...bigCommerceCart('c-8', { updated_time: '2025-03-04T11:30:00Z' }), scope: 'store/cart/abandoned' });
		expect(out).toEqual(expect.objectContaining({ startSequence: true, cart: expect.objectContaining({ status: 'abandoned' }) }));
	});

	it('recording a message for a cart that is not tracked says to track it first', async () => {
		const out = await ledger.one(cart('recordMessage', { cartId: 'nope', generation: 1, step: 'email_1h' }), undefined, { continueOnFail: true });
		expect(out).toEqual({ error: expect.any(String), details: { code: 'CART_NOT_FOUND', description: expect.stringMatching(/Cart → Track/) } });
	});
});

describe('Analytics → Get Dashboard', () => {
	it("gives the seed's step 7 metrics", async () => {
		await ledger.seedPrograms();
		const enrol = (id: number, group: string, channel = 1) =>
			ledger.one({ resource: 'member', operation: 'upsert', storeHash: STORE, customerGroupName: group }, bigCommerceCustomer(id, { origin_channel_id: channel, channel_ids: [channel] }));
		await enrol(1, 'Retail');
		await enrol(2, 'VIP');
		await enrol(3, 'Wholesale', 2);
		const award = (id: number, customer: number, amount: string, channel = 1) =>
			ledger.one({ resource: 'points', operation: 'awardForOrder', storeHash: STORE }, bigCommerceOrder(id, customer, amount, { channel_id: channel }));
		await award(10, 1, '100.0000');
		await award(11, 1, '50.0000');
		await award(12, 3, '300.0000', 2);
		await ledger.one({ resource: 'points', operation: 'redeem', storeHash: STORE, customerId: '1', points: 50, redemptionId: 'r1' });

		const all = await ledger.one({ resource: 'analytics', operation: 'getDashboard', storeHash: STORE });
		expect(all.customers).toEqual(expect.objectContaining({ total: 3, byChannel: [{ channelId: 1, count: 2 }, { channelId: 2, count: 1 }] }));
		expect(all.revenue).toEqual(
			expect.objectContaining({
				total: [expect.objectContaining({ currency: 'USD', orders: 3, total: 450, averageOrderValue: 150, totalMinor: 45000 })],
				byChannel: [expect.objectContaining({ channelId: 1, orders: 2, total: 150 }), expect.objectContaining({ channelId: 2, orders: 1, total: 300 })],
			}),
		);
		const loyalty = all.loyalty as IDataObject;
		// Customer 1: 100 + 50 + first purchase 200; customer 3 (Wholesale ×0.5, Silver ×1.25): 187 + 200.
		expect(loyalty).toEqual(expect.objectContaining({ members: 3, activeMembers: 2, pointsIssued: 737, pointsRedeemed: 50 }));
		expect(loyalty.redemptionRate).toBeCloseTo(50 / 737, 4);
		expect(loyalty.outstanding).toEqual({ available: 687, pending: 0, total: 687 });

		const b2b = await ledger.one({ resource: 'analytics', operation: 'getDashboard', storeHash: STORE, program: 'b2b_program' });
		expect((b2b.customers as IDataObject).total).toBe(1);
	});
});
