import { CartNotFound } from '../../nodes/core/ledger/errors';
import type { LedgerStore } from '../../nodes/core/ledger/ledger-store';
import type { TrackCartInput } from '../../nodes/core/carts/cart-types';
import { STORE } from './support/seed-data';
import { ENGINES, useStoreEngine } from './support/store-engines';
import { TestClock } from './support/test-clock';

describe.each(ENGINES)('tracked carts on %s', (engine) => {
	const db = useStoreEngine(engine);
	let clock: TestClock;
	let store: LedgerStore;

	beforeEach(async () => {
		clock = new TestClock('2025-03-15T12:00:00Z');
		({ store } = await db.fresh({ clock: clock.now }));
	});

	const line = (productId: number, quantity = 1) => ({ productId, name: `Product ${productId}`, quantity, priceMinor: 2500 });
	const track = (extra: Partial<TrackCartInput> = {}) =>
		store.trackCart({
			storeHash: STORE,
			cartId: 'cart-1',
			customerId: 42,
			email: 'Shopper@Example.com',
			items: [line(1)],
			amountMinor: 2500,
			currency: 'USD',
			checkoutUrl: 'https://shop.example/checkout/abc',
			channelId: 1,
			...extra,
		});
	const check = (generation: number) => store.checkCart(STORE, 'cart-1', generation);
	// BigCommerce's store/cart/abandoned: the one event that starts a recovery sequence.
	const abandon = (extra: Partial<TrackCartInput> = {}) => track({ event: 'abandoned', ...extra });

	it('keeps created and updated carts current without a sequence; abandonment starts one, and nothing starts another while it runs', async () => {
		const created = await track();
		expect(created).toMatchObject({ startSequence: false, generation: 0, reason: 'not_abandoned' });
		expect(created.cart).toMatchObject({ status: 'active', email: 'shopper@example.com', sequenceRunning: false, sequenceStartedAt: null });
		expect(await track({ items: [line(1), line(3)] })).toMatchObject({ startSequence: false, generation: 0, reason: 'not_abandoned' });

		clock.advanceDays(0.05);
		const abandoned = await abandon({ email: undefined });
		expect(abandoned).toMatchObject({ startSequence: true, generation: 1 });
		expect(abandoned.cart).toMatchObject({ status: 'abandoned', email: 'shopper@example.com', sequenceRunning: true, sequenceStartedAt: '2025-03-15T13:12:00.000Z' });

		clock.advanceDays(0.01);
		const update = await track({ items: [line(1), line(2)], amountMinor: 5000, email: undefined });
		expect(update).toMatchObject({ startSequence: false, generation: 1, reason: 'sequence_running', cart: { status: 'active' } });
		expect(update.cart.email).toBe('shopper@example.com');
		clock.advanceDays(0.05);
		expect(await abandon()).toMatchObject({ startSequence: false, generation: 1, reason: 'sequence_running' });

		const verdict = await check(1);
		expect(verdict).toMatchObject({ proceed: true, messagesSent: [] });
		expect(verdict.cart?.items).toHaveLength(1);
		expect(verdict.cart?.amountMinor).toBe(2500);
	});

	it('needs an identity and items before an abandonment starts anything', async () => {
		expect(await abandon({ customerId: null, email: null })).toMatchObject({ startSequence: false, generation: 0, reason: 'no_identity' });
		expect(await abandon({ customerId: null, email: null, items: [] })).toMatchObject({ startSequence: false, reason: 'no_items' });
		expect(await abandon({ customerId: null, email: 'late@example.com', items: [line(3)] })).toMatchObject({ startSequence: true, generation: 1 });
		expect(await store.trackCart({ storeHash: STORE, cartId: 'guest', event: 'abandoned', customerId: 0, items: [line(1)], amountMinor: 1 })).toMatchObject({
			startSequence: false,
			reason: 'no_identity',
		});
	});

	it('an emptied cart ends the sequence; filled again it waits for the next abandonment, whose sequence supersedes the old one', async () => {
		await abandon();
		clock.advanceDays(0.01);
		expect(await track({ items: [], amountMinor: 0 })).toMatchObject({ startSequence: false, reason: 'no_items' });
		expect(await check(1)).toMatchObject({ proceed: false, reason: 'emptied' });

		clock.advanceDays(0.01);
		expect(await track({ items: [line(9)] })).toMatchObject({ startSequence: false, generation: 1, reason: 'not_abandoned' });
		expect(await check(1)).toMatchObject({ proceed: false, reason: 'finished' });
		clock.advanceDays(0.05);
		expect(await abandon({ items: [line(9)] })).toMatchObject({ startSequence: true, generation: 2 });
		expect(await check(1)).toMatchObject({ proceed: false, reason: 'superseded' });
		expect(await check(2)).toMatchObject({ proceed: true });
	});

	it('stops on conversion by the cart id, and later cart events start nothing', async () => {
		await abandon();
		const converted = await store.markCartConverted({ storeHash: STORE, cartId: 'cart-1', orderId: 5001 });
		expect(converted).toMatchObject({ alreadyConverted: false, wasTracked: true, cart: { status: 'converted', convertedOrderId: '5001', sequenceRunning: false } });
		expect(await check(1)).toMatchObject({ proceed: false, reason: 'converted' });
		expect(await store.markCartConverted({ storeHash: STORE, cartId: 'cart-1', orderId: 5002 })).toMatchObject({
			alreadyConverted: true,
			cart: { convertedOrderId: '5001' },
		});
		expect(await abandon({ items: [line(4)] })).toMatchObject({ startSequence: false, reason: 'converted' });
	});

	it("converts through an order's cart_id even before the cart was tracked", async () => {
		const order = { id: 7001, cart_id: 'cart-1' };
		const converted = await store.markCartConverted({ storeHash: STORE, cartId: order.cart_id, orderId: order.id });
		expect(converted).toMatchObject({ wasTracked: false, cart: { status: 'converted', convertedOrderId: '7001' } });
		expect(await abandon()).toMatchObject({ startSequence: false, reason: 'converted' });
	});

	it('a deleted cart stops its sequence', async () => {
		await abandon();
		expect(await store.trackCart({ storeHash: STORE, cartId: 'cart-1', event: 'deleted' })).toMatchObject({ startSequence: false, reason: 'deleted' });
		expect(await check(1)).toMatchObject({ proceed: false, reason: 'deleted' });
	});

	it('records each message once per cart, generation and step', async () => {
		await abandon();
		const first = await store.recordCartMessageSent({ storeHash: STORE, cartId: 'cart-1', generation: 1, step: 1, channel: 'email', messageId: 'm-1' });
		expect(first).toEqual({ duplicate: false, message: { generation: 1, step: '1', sentAt: '2025-03-15T12:00:00.000Z', channel: 'email', messageId: 'm-1' } });
		clock.advanceDays(1);
		const again = await store.recordCartMessageSent({ storeHash: STORE, cartId: 'cart-1', generation: 1, step: '1', channel: 'email', messageId: 'm-2' });
		expect(again).toEqual({ duplicate: true, message: first.message });
		await store.recordCartMessageSent({ storeHash: STORE, cartId: 'cart-1', generation: 1, step: 2 });
		expect((await check(1)).messagesSent.map((m) => m.step)).toEqual(['1', '2']);
		await expect(store.recordCartMessageSent({ storeHash: STORE, cartId: 'nope', generation: 1, step: 1 })).rejects.toBeInstanceOf(CartNotFound);
	});

	it('an ended sequence reports finished; an update then starts nothing, a later abandonment starts the next one', async () => {
		await abandon();
		expect(await store.endCartSequence({ storeHash: STORE, cartId: 'cart-1', generation: 1 })).toEqual({ ended: true });
		expect(await store.endCartSequence({ storeHash: STORE, cartId: 'cart-1', generation: 1 })).toEqual({ ended: false });
		expect(await check(1)).toMatchObject({ proceed: false, reason: 'finished' });
		expect(await track()).toMatchObject({ startSequence: false, generation: 1, reason: 'not_abandoned' });
		expect(await abandon()).toMatchObject({ startSequence: true, generation: 2 });
	});

	it('ignores events older than the last one seen', async () => {
		await abandon({ eventAt: '2025-03-15T11:00:00Z' });
		const stale = await track({ eventAt: '2025-03-15T10:00:00Z', items: [] });
		expect(stale).toMatchObject({ startSequence: false, reason: 'stale_event', cart: { status: 'abandoned' } });
		expect((await check(1)).proceed).toBe(true);
	});

	it('asks the consent hook only when everything else says proceed', async () => {
		await abandon();
		const asked: string[] = [];
		const isUnsubscribed = async (cart: { email: string | null }) => (asked.push(cart.email ?? ''), true);
		expect(await store.checkCart(STORE, 'cart-1', 1, { isUnsubscribed })).toMatchObject({ proceed: false, reason: 'unsubscribed' });
		await store.markCartConverted({ storeHash: STORE, cartId: 'cart-1' });
		expect(await store.checkCart(STORE, 'cart-1', 1, { isUnsubscribed })).toMatchObject({ proceed: false, reason: 'converted' });
		expect(asked).toEqual(['shopper@example.com']);
	});

	it('knows nothing of an untracked cart or a generation it never issued', async () => {
		expect(await store.checkCart(STORE, 'ghost', 1)).toEqual({ proceed: false, reason: 'unknown', cart: null, messagesSent: [] });
		await abandon();
		expect(await check(2)).toMatchObject({ proceed: false, reason: 'unknown' });
	});

	it('keeps carts apart per store', async () => {
		await abandon();
		expect(
			await store.trackCart({ storeHash: 'other', cartId: 'cart-1', event: 'abandoned', email: 'b@example.com', items: [line(1)], amountMinor: 1 }),
		).toMatchObject({ startSequence: true, generation: 1 });
	});
});
