import { startStore, type Store } from './helpers';

const MONEY_V2 = /^-?\d+\.\d{4}$/;
const RFC2822 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

describe('BigCommerce sandbox: orders (v2)', () => {
	let store: Store;
	beforeAll(async () => {
		store = await startStore({ seed: true });
	});
	afterAll(() => store.sandbox.close());

	it('lists orders as a bare array with 4-decimal money strings and RFC 2822 dates', async () => {
		const res = await store.api('GET', '/v2/orders');
		expect(res.status).toBe(200);
		expect(Array.isArray(res.body)).toBe(true);
		expect(res.body.map((o: { id: number }) => o.id)).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
		const o100 = res.body[0];
		for (const key of ['subtotal_ex_tax', 'subtotal_inc_tax', 'total_ex_tax', 'total_inc_tax', 'total_tax', 'discount_amount', 'coupon_discount', 'refunded_amount', 'shipping_cost_inc_tax']) {
			expect(o100[key]).toMatch(MONEY_V2);
		}
		expect(o100.date_created).toMatch(RFC2822);
		expect(o100).toMatchObject({ status_id: 10, status: 'Completed', channel_id: 1, customer_id: 1, currency_code: 'USD' });
		// 2 × 25.00 + 12.50 = 62.50 ex tax; 10 % coupon = 6.25; shipping 5.00 ex tax.
		expect(o100).toMatchObject({ subtotal_ex_tax: '62.5000', coupon_discount: '6.2500', discount_amount: '6.2500', total_ex_tax: '61.2500' });
		expect(o100.products).toEqual({ url: `${store.sandbox.apiBase('v2')}/orders/100/products`, resource: '/orders/100/products' });
	});

	it('shows guests with customer_id 0', async () => {
		const guest = (await store.api('GET', '/v2/orders/102')).body;
		expect(guest.customer_id).toBe(0);
		expect(guest.billing_address.email).toBe('guest.buyer@example.com');
	});

	it('filters by status_id, customer_id, channel_id and min_date_modified', async () => {
		const completed = await store.api('GET', '/v2/orders?status_id=10');
		expect(completed.body.map((o: { id: number }) => o.id)).toEqual([100, 103, 107]);
		expect((await store.api('GET', '/v2/orders?customer_id=1')).body.map((o: { id: number }) => o.id)).toEqual([100, 107]);
		expect((await store.api('GET', '/v2/orders?channel_id=2')).body.map((o: { id: number }) => o.id)).toEqual([103]);
		const since = new Date(Date.now() - 5 * 86400_000).toUTCString().replace('GMT', '+0000');
		const recent = await store.api('GET', `/v2/orders?min_date_modified=${encodeURIComponent(since)}`);
		expect(recent.body.map((o: { id: number }) => o.id)).toEqual([102, 104, 106]);
	});

	it('pages with page and limit, and answers 204 past the last page', async () => {
		expect((await store.api('GET', '/v2/orders?limit=3&page=3')).body.map((o: { id: number }) => o.id)).toEqual([106, 107]);
		const empty = await store.api('GET', '/v2/orders?limit=3&page=4');
		expect(empty.status).toBe(204);
		expect(empty.body).toBeUndefined();
		expect((await store.api('GET', '/v2/orders?status_id=13')).status).toBe(204);
	});

	it('sorts with sort=field:direction', async () => {
		const res = await store.api('GET', '/v2/orders?sort=date_created:desc&limit=2');
		expect(res.body.map((o: { id: number }) => o.id)).toEqual([106, 102]);
	});

	it('returns products, coupons and shipments, and 204 when an order has no shipments', async () => {
		const products = (await store.api('GET', '/v2/orders/100/products')).body;
		expect(products).toHaveLength(2);
		expect(products[0]).toMatchObject({ order_id: 100, product_id: 1, variant_id: 2, sku: 'TSHIRT-M', quantity: 2, price_ex_tax: '25.0000', price_inc_tax: '27.0600' });
		const coupons = (await store.api('GET', '/v2/orders/100/coupons')).body;
		expect(coupons).toEqual([{ id: 1, coupon_id: 1, order_id: 100, code: 'WELCOME10', amount: 10, type: 1, discount: 6.25 }]);
		const shipments = (await store.api('GET', '/v2/orders/101/shipments')).body;
		expect(shipments[0]).toMatchObject({ order_id: 101, tracking_number: '9400111899223817412345', shipping_provider: 'usps', items: [expect.objectContaining({ quantity: 2 })] });
		expect(shipments[0].date_created).toMatch(RFC2822);
		const none = await store.api('GET', '/v2/orders/102/shipments');
		expect(none.status).toBe(204);
		expect((await store.api('GET', '/v2/orders/102/coupons')).status).toBe(204);
	});

	it('lists the 15 order statuses with BigCommerce’s names', async () => {
		const statuses = (await store.api('GET', '/v2/order_statuses')).body;
		expect(statuses.map((s: { id: number; name: string }) => `${s.id}:${s.name}`)).toEqual([
			'0:Incomplete', '1:Pending', '2:Shipped', '3:Partially Shipped', '4:Refunded', '5:Cancelled', '6:Declined', '7:Awaiting Payment',
			'8:Awaiting Pickup', '9:Awaiting Shipment', '10:Completed', '11:Awaiting Fulfillment', '12:Manual Verification Required', '13:Disputed', '14:Partially Refunded',
		]);
	});

	it('changes the status with PUT and rejects unknown status ids', async () => {
		const res = await store.api('PUT', '/v2/orders/102', { status_id: 2 });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ id: 102, status_id: 2, status: 'Shipped' });
		expect(res.body.date_shipped).toMatch(RFC2822);
		const bad = await store.api('PUT', '/v2/orders/102', { status_id: 42 });
		expect(bad.status).toBe(400);
		expect(bad.body[0]).toMatchObject({ status: 400, message: expect.stringContaining('status_id') });
	});

	it('shows refunds: refunded_amount on the order and the refund itself in v3', async () => {
		const order = (await store.api('GET', '/v2/orders/105')).body;
		expect(order).toMatchObject({ status_id: 14, status: 'Partially Refunded', refunded_amount: '12.5000', payment_status: 'partially refunded' });
		const refunds = await store.api('GET', '/v3/orders/105/payment_actions/refunds');
		expect(refunds.body.data[0]).toMatchObject({ order_id: 105, total_amount: 12.5, reason: 'Damaged in transit' });
		const byId = await store.api('GET', `/v3/orders/payment_actions/refunds/${refunds.body.data[0].id}`);
		expect(byId.body.data.total_amount).toBe(12.5);
		const all = await store.api('GET', '/v3/orders/payment_actions/refunds?order_id:in=105');
		expect(all.body.meta.pagination.total).toBe(1);
	});

	it('refunds fully and partially through the control API, with exact amounts', async () => {
		const partial = store.sandbox.refundOrder(104, { amount: '10.00' });
		expect(partial).toMatchObject({ refund: { total_amount: 10 }, order: { status_id: 14, refunded_amount: '10.0000' } });
		const full = store.sandbox.refundOrder(104) as { order: { total_inc_tax: string; refunded_amount: string; status_id: number } };
		expect(full.order.status_id).toBe(4);
		expect(full.order.refunded_amount).toBe(full.order.total_inc_tax);
		expect(() => store.sandbox.refundOrder(104, { amount: 1 })).toThrow();
	});

	it('creates an order with POST and counts orders', async () => {
		const res = await store.api('POST', '/v2/orders', {
			billing_address: { first_name: 'Api', last_name: 'Buyer', email: 'api@example.com', zip: '10001', country_iso2: 'US' },
			products: [{ name: 'Custom thing', quantity: 3, price_ex_tax: 10, price_inc_tax: 11 }],
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ id: 108, status_id: 1, customer_id: 0, subtotal_ex_tax: '30.0000', subtotal_inc_tax: '33.0000', items_total: 3 });
		const count = await store.api('GET', '/v2/orders/count');
		expect(count.body.count).toBe(9);
		expect(count.body.statuses).toHaveLength(15);
		expect((await store.api('POST', '/v2/orders', { products: [] })).status).toBe(400);
	});

	it('archives an order with DELETE; it then answers 404', async () => {
		expect((await store.api('DELETE', '/v2/orders/108')).status).toBe(204);
		expect((await store.api('GET', '/v2/orders/108')).status).toBe(404);
	});
});
