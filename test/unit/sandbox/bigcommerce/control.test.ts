import { startReceiver, startStore, type Store } from './helpers';

describe('BigCommerce sandbox: HTTP control API', () => {
	let store: Store;
	beforeEach(async () => {
		store = await startStore();
	});
	afterEach(() => store.sandbox.close());

	it('describes the store, seeds and resets it', async () => {
		const info = await store.control('GET', '');
		expect(info.body).toMatchObject({ storeHash: 'sandbox1', apiBaseV3: `${store.sandbox.url}/stores/sandbox1/v3`, counts: { customers: 0 } });
		expect((await store.control('POST', '/seed')).body.counts).toMatchObject({ customers: 10, orders: 8, products: 6, carts: 1 });
		expect((await store.control('POST', '/reset', {})).body.counts).toMatchObject({ customers: 0, orders: 0 });
		expect((await store.control('POST', '/reset', { seed: true })).body.counts.customers).toBe(10);
	});

	it('changes data and fires the same webhooks as the store would', async () => {
		const receiver = await startReceiver();
		try {
			await store.control('POST', '/seed');
			await store.api('POST', '/v3/hooks', { scope: 'store/*', destination: receiver.url });
			const customer = await store.control('POST', '/customers', { email: 'ctl@example.com', first_name: 'C', last_name: 'T', customer_group_id: 2, store_credit: '7.5' });
			expect(customer.status).toBe(201);
			expect(customer.body).toMatchObject({ email: 'ctl@example.com', store_credit_amounts: [{ amount: 7.5 }] });
			const cart = await store.control('POST', '/carts', { customer_id: customer.body.id, line_items: [{ product_id: 2, quantity: 1 }] });
			expect(cart.body.redirect_urls.checkout_url).toContain(cart.body.id);
			const item = cart.body.line_items.physical_items[0].id;
			expect((await store.control('PUT', `/carts/${cart.body.id}/items/${item}`, { quantity: 3 })).body.line_items.physical_items[0].quantity).toBe(3);
			expect((await store.control('POST', `/carts/${cart.body.id}/abandon`)).status).toBe(200);
			const converted = await store.control('POST', `/carts/${cart.body.id}/convert`, { status_id: 11 });
			expect(converted.body.order).toMatchObject({ cart_id: cart.body.id, customer_id: customer.body.id, subtotal_ex_tax: '37.5000' });
			const orderId = converted.body.order.id;
			expect((await store.control('POST', `/orders/${orderId}/status`, { status_id: 10 })).body.status).toBe('Completed');
			expect((await store.control('POST', `/orders/${orderId}/refunds`, { amount: '7.50' })).body.refund.total_amount).toBe(7.5);
			await store.control('POST', '/webhooks/idle');
			expect(receiver.calls.map((c) => c.body.scope)).toEqual([
				'store/customer/created',
				'store/cart/created',
				'store/cart/lineItem/created',
				'store/cart/updated',
				'store/cart/lineItem/updated',
				'store/cart/updated',
				'store/cart/abandoned',
				'store/order/created',
				'store/cart/converted',
				'store/order/statusUpdated',
				'store/order/updated',
				'store/order/refund/created',
				'store/order/statusUpdated',
				'store/order/updated',
			]);
			const deliveries = await store.control('GET', '/webhooks/deliveries');
			expect(deliveries.body.every((d: { state: string }) => d.state === 'delivered')).toBe(true);
			const events = await store.control('GET', '/webhooks/events');
			expect(events.body[0].envelope).toMatchObject({ scope: 'store/customer/created', producer: 'stores/sandbox1' });
		} finally {
			await receiver.close();
		}
	});

	it('creates products, orders (back-dated) and promotion codes', async () => {
		const product = await store.control('POST', '/products', { name: 'Sandbox Widget', sku: 'W-1', price: '9.99', custom_fields: [{ name: 'Color', value: 'Blue' }] });
		expect(product.body).toMatchObject({ name: 'Sandbox Widget', price: 9.99, custom_fields: [{ name: 'Color', value: 'Blue' }] });
		const order = await store.control('POST', '/orders', { products: [{ product_id: product.body.id, quantity: 2 }], date_created: '2024-01-15T10:00:00Z', status_id: 10 });
		expect(order.body).toMatchObject({ date_created: 'Mon, 15 Jan 2024 10:00:00 +0000', total_inc_tax: '19.9800', customer_id: 0 });
		const promo = await store.control('POST', '/promotions', { name: 'P', redemption_type: 'COUPON', rules: [{ action: { cart_value: { discount: { fixed_amount: '5' } } } }] });
		expect((await store.control('POST', `/promotions/${promo.body.id}/codes`, { code: 'FIVE' })).status).toBe(201);
		const shipped = await store.control('POST', `/orders/${order.body.id}/shipments`, { tracking_number: 'T1', shipping_provider: 'fedex' });
		expect(shipped.body.shipment).toMatchObject({ tracking_number: 'T1', items: [expect.objectContaining({ quantity: 2 })] });
		expect(shipped.body.order.status_id).toBe(2);
	});

	it('manages tokens, time and webhook settings', async () => {
		expect((await store.control('POST', '/tokens', { accessToken: 't2', clientId: 'c2' })).status).toBe(201);
		expect((await store.api('GET', '/v3/channels', undefined, 't2')).status).toBe(200);
		const before = Date.parse((await store.control('GET', '/time')).body.now);
		const after = await store.control('POST', '/time/advance', { ms: 86_400_000 });
		expect(Date.parse(after.body.now) - before).toBeGreaterThanOrEqual(86_400_000);
		expect((await store.control('PUT', '/time', { scale: 1000 })).body.timeScale).toBe(1000);
		expect((await store.control('PUT', '/webhooks/settings', { timeoutMs: 500, cartAbandonAfterMs: null })).body).toEqual({ timeoutMs: 500, concurrency: 1, cartAbandonAfterMs: null });
	});

	it('answers bad input with 400, unknown things with 404', async () => {
		const bad = await store.control('POST', '/customers', { email: 'x' });
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ error: 'Invalid body', details: expect.objectContaining({ first_name: 'error.path.missing' }) });
		expect((await store.control('POST', '/orders/999/status', { status_id: 2 })).status).toBe(404);
		expect((await store.control('POST', '/carts/nope/convert', {})).status).toBe(404);
		expect((await store.control('GET', '/nothing')).status).toBe(404);
	});
});
