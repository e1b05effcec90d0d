import { startReceiver, startStore, eventually, type Store } from './helpers';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('BigCommerce sandbox: webhook delivery', () => {
	let store: Store;
	let receiver: Receiver;

	afterEach(async () => {
		await store.sandbox.close();
		await receiver.close();
	});

	async function setup(scope: string, options: { statuses?: number[]; delayMs?: number; timeScale?: number; headers?: Record<string, string> } = {}) {
		store = await startStore({ seed: true, timeScale: options.timeScale ?? 1 });
		receiver = await startReceiver(options.statuses ?? [200], options.delayMs ?? 0);
		const res = await store.api('POST', '/v3/hooks', { scope, destination: `${receiver.url}/bc`, is_active: true, headers: options.headers ?? { 'X-Tajo-Secret': 'abc' } });
		expect(res.status).toBe(200);
		return res.body.data as { id: number };
	}

	const scopes = () => receiver.calls.map((c) => c.body.scope);

	it('POSTs the envelope with the hook’s custom headers', async () => {
		await setup('store/customer/created');
		const customer = store.sandbox.createCustomer({ email: 'hooked@example.com', first_name: 'Hoo', last_name: 'Ked' });
		await store.sandbox.idle();
		expect(receiver.calls).toHaveLength(1);
		const call = receiver.calls[0];
		expect(call.path).toBe('/bc');
		expect(call.headers['x-tajo-secret']).toBe('abc');
		expect(call.headers['content-type']).toBe('application/json');
		expect(Object.keys(call.body)).toEqual(['scope', 'store_id', 'data', 'hash', 'created_at', 'producer']);
		expect(call.body).toEqual({
			scope: 'store/customer/created',
			store_id: store.sandbox.storeId,
			data: { type: 'customer', id: customer.id },
			hash: expect.stringMatching(/^[0-9a-f]{40}$/),
			created_at: expect.any(Number),
			producer: 'stores/sandbox1',
		});
		expect(typeof call.body.store_id).toBe('string');
		expect(Math.abs(call.body.created_at - Date.now() / 1000)).toBeLessThan(5);
		expect(store.sandbox.deliveries()).toEqual([expect.objectContaining({ state: 'delivered', hash: call.body.hash, attempts: [expect.objectContaining({ attempt: 1, status: 200 })] })]);
	});

	it('sends one delivery at a time per hook by default, and in parallel lanes with `concurrency`', async () => {
		await setup('store/customer/created', { delayMs: 300 });
		const burst = (label: string) => {
			for (let i = 0; i < 6; i++) store.sandbox.createCustomer({ email: `${label}${i}@example.com`, first_name: label, last_name: String(i) });
		};
		/** Deliveries that arrived while the first was still being answered. */
		const inFirstWindow = (from: number) => receiver.calls.slice(from).filter((c) => c.at - receiver.calls[from].at < 200).length;
		burst('serial');
		await store.sandbox.idle();
		expect(inFirstWindow(0)).toBe(1);
		expect(receiver.calls.map((c) => c.body.data.id)).toEqual([...receiver.calls.map((c) => c.body.data.id)].sort((a, b) => a - b));

		const put = await fetch(`${store.sandbox.url}/_sandbox/webhooks/settings`, { method: 'PUT', body: JSON.stringify({ concurrency: 3 }) });
		expect(await put.json()).toEqual(expect.objectContaining({ concurrency: 3 }));
		burst('parallel');
		await store.sandbox.idle();
		expect(receiver.calls).toHaveLength(12);
		expect(inFirstWindow(6)).toBe(3);
		expect(() => store.sandbox.setWebhookConcurrency(0)).toThrow('concurrency must be a whole number of at least 1');
	});

	it('does not block the control call: delivery happens after it returns', async () => {
		await setup('store/customer/created', { delayMs: 200 });
		const started = Date.now();
		store.sandbox.createCustomer({ email: 'async@example.com', first_name: 'A', last_name: 'Sync' });
		expect(Date.now() - started).toBeLessThan(100);
		expect(receiver.calls).toHaveLength(0);
		await store.sandbox.idle();
		expect(receiver.calls).toHaveLength(1);
	});

	it('fires cart/created, lineItem/created and cart/updated for a new cart; wildcards get them all', async () => {
		await setup('store/cart/*');
		const cart = store.sandbox.createCart({ customer_id: 1, line_items: [{ product_id: 2, quantity: 1 }] }) as { id: string; line_items: { physical_items: { id: string }[] } };
		await store.sandbox.idle();
		expect(scopes()).toEqual(['store/cart/created', 'store/cart/lineItem/created', 'store/cart/updated']);
		expect(receiver.calls[0].body.data).toEqual({ type: 'cart', id: cart.id });
		expect(receiver.calls[1].body.data).toEqual({ type: 'cart_line_item', id: cart.line_items.physical_items[0].id, cartId: cart.id });
		store.sandbox.updateCart(cart.id, { email: 'shopper@example.com' });
		store.sandbox.convertCart(cart.id);
		await store.sandbox.idle();
		expect(scopes().slice(3)).toEqual(['store/cart/updated', 'store/cart/converted']);
		const converted = receiver.calls[4].body.data;
		expect(converted).toEqual({ type: 'cart', id: cart.id, orderId: expect.any(Number) });
	});

	it('fires store/order/statusUpdated with the previous and new status, plus store/order/updated', async () => {
		await setup('store/order/*');
		store.sandbox.setOrderStatus(102, 2);
		await store.sandbox.idle();
		expect(scopes()).toEqual(['store/order/statusUpdated', 'store/order/updated']);
		expect(receiver.calls[0].body.data).toEqual({ type: 'order', id: 102, status: { previous_status_id: 11, new_status_id: 2 } });
		expect(receiver.calls[1].body.data).toEqual({ type: 'order', id: 102 });
	});

	it('fires store/order/created for a new order and store/order/refund/created for a refund', async () => {
		await setup('store/order/*');
		const order = store.sandbox.createOrder({ customer_id: 2, status_id: 10, products: [{ product_id: 3, quantity: 1 }] }) as { id: number };
		const { refund } = store.sandbox.refundOrder(order.id, { amount: 5 }) as { refund: { id: number } };
		await store.sandbox.idle();
		expect(scopes()).toEqual(['store/order/created', 'store/order/refund/created', 'store/order/statusUpdated', 'store/order/updated']);
		expect(receiver.calls[1].body.data).toEqual({ type: 'order', id: order.id, refund: { refund_id: refund.id } });
		expect(receiver.calls[2].body.data.status).toEqual({ previous_status_id: 10, new_status_id: 14 });
	});

	it('fires store/cart/abandoned by itself after the idle hour (scaled), with the cart token', async () => {
		await setup('store/cart/abandoned', { timeScale: 36_000 });
		const cart = store.sandbox.createCart({ line_items: [{ product_id: 2, quantity: 1 }] }) as { id: string };
		await eventually(() => expect(receiver.calls).toHaveLength(1), 2000);
		expect(receiver.calls[0].body.data).toEqual({ type: 'cart', id: cart.id, token: expect.stringMatching(/^[0-9a-f]{32}$/) });
	});

	it('fires customer updated/deleted and product updated', async () => {
		store = await startStore({ seed: true });
		receiver = await startReceiver();
		for (const scope of ['store/customer/*', 'store/product/updated']) {
			await store.api('POST', '/v3/hooks', { scope, destination: receiver.url });
		}
		await store.api('PUT', '/v3/customers', [{ id: 1, first_name: 'Janet' }]);
		await store.api('DELETE', '/v3/customers?id:in=6');
		await store.api('PUT', '/v3/catalog/products/2', { price: 13 });
		await store.sandbox.idle();
		// Each hook gets its events in order; two hooks are served independently.
		expect(receiver.calls.map((c) => `${c.body.scope} ${c.body.data.id}`).sort()).toEqual(['store/customer/deleted 6', 'store/customer/updated 1', 'store/product/updated 2']);
		const customerEvents = receiver.calls.filter((c) => c.body.scope.startsWith('store/customer/')).map((c) => c.body.scope);
		expect(customerEvents).toEqual(['store/customer/updated', 'store/customer/deleted']);
	});

	it('retries non-2xx answers on BigCommerce’s schedule with the same hash, then succeeds', async () => {
		const hook = await setup('store/order/created', { statuses: [500, 503, 200], timeScale: 1000 });
		store.sandbox.createOrder({ products: [{ name: 'X', quantity: 1, price_ex_tax: 1 }] });
		await eventually(() => expect(receiver.calls).toHaveLength(3), 2000);
		const [first, second, third] = receiver.calls;
		expect(new Set(receiver.calls.map((c) => c.body.hash)).size).toBe(1);
		// 60 s and 180 s at timeScale 1000: 60 ms and 180 ms.
		expect(second.at - first.at).toBeGreaterThanOrEqual(55);
		expect(third.at - second.at).toBeGreaterThanOrEqual(170);
		const [delivery] = store.sandbox.deliveries({ hookId: hook.id });
		await eventually(() => expect(delivery.state).toBe('delivered'));
		expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
	});

	it('deactivates the hook after the last retry fails', async () => {
		const hook = await setup('store/order/created', { statuses: [500] });
		store.sandbox.createOrder({ products: [{ name: 'X', quantity: 1, price_ex_tax: 1 }] });
		await store.sandbox.idle();
		// Jump over each retry interval: 60 s, 180 s, …, 86 400 s (11 retries).
		for (let i = 0; i < 11; i++) {
			store.sandbox.advanceTime(86_400_000);
			await store.sandbox.idle();
		}
		expect(receiver.calls).toHaveLength(12);
		const [delivery] = store.sandbox.deliveries({ hookId: hook.id });
		expect(delivery).toMatchObject({ state: 'failed', deactivatedHook: true });
		const after = await store.api('GET', `/v3/hooks/${hook.id}`);
		expect(after.body.data.is_active).toBe(false);
		// An inactive hook gets nothing; re-enabling it restores delivery.
		store.sandbox.createOrder({ products: [{ name: 'Y', quantity: 1, price_ex_tax: 1 }] });
		await store.sandbox.idle();
		expect(receiver.calls).toHaveLength(12);
		await store.api('PUT', `/v3/hooks/${hook.id}`, { is_active: true });
		store.sandbox.createOrder({ products: [{ name: 'Z', quantity: 1, price_ex_tax: 1 }] });
		await store.sandbox.idle();
		expect(receiver.calls).toHaveLength(13);
	});

	it('runs the whole retry schedule at a high time scale', async () => {
		const hook = await setup('store/order/created', { statuses: [500], timeScale: 1_000_000 });
		store.sandbox.createOrder({ products: [{ name: 'X', quantity: 1, price_ex_tax: 1 }] });
		await eventually(() => expect(store.sandbox.deliveries({ hookId: hook.id })[0].state).toBe('failed'), 3000);
		expect(receiver.calls).toHaveLength(12);
		expect(store.sandbox.state.hooks.get(hook.id)?.is_active).toBe(false);
	});

	it('counts a timeout as a failure', async () => {
		await setup('store/order/created', { delayMs: 300, timeScale: 1 });
		store.sandbox.setWebhookTimeout(50);
		store.sandbox.createOrder({ products: [{ name: 'X', quantity: 1, price_ex_tax: 1 }] });
		await store.sandbox.idle();
		const [delivery] = store.sandbox.deliveries();
		expect(delivery.state).toBe('retry_scheduled');
		expect(delivery.nextRetryAfterSeconds).toBe(60);
		expect(delivery.attempts[0]).toMatchObject({ status: null, error: 'timeout' });
	});

	it('delivers duplicates with the same hash: on demand, and as a fault for every delivery', async () => {
		await setup('store/product/updated');
		store.sandbox.updateProduct(1, { price: 26 });
		await store.sandbox.idle();
		const [event] = store.sandbox.webhookEvents();
		store.sandbox.duplicateEvent(event.id);
		await store.sandbox.idle();
		expect(receiver.calls).toHaveLength(2);
		expect(receiver.calls[1].body).toEqual(receiver.calls[0].body);

		store.sandbox.duplicateDeliveries(1, 1);
		store.sandbox.updateProduct(1, { price: 27 });
		store.sandbox.updateProduct(1, { price: 28 });
		await store.sandbox.idle();
		const hashes = receiver.calls.slice(2).map((c) => c.body.hash);
		expect(hashes).toHaveLength(3);
		expect(hashes[0]).toBe(hashes[1]);
		expect(hashes[2]).not.toBe(hashes[0]);
	});

	it('replays an event as a new one with a new hash', async () => {
		await setup('store/order/statusUpdated');
		store.sandbox.setOrderStatus(102, 10);
		await store.sandbox.idle();
		const [event] = store.sandbox.webhookEvents().filter((e) => e.scope === 'store/order/statusUpdated');
		const replayed = store.sandbox.replayEvent(event.id);
		await store.sandbox.idle();
		expect(receiver.calls).toHaveLength(2);
		expect(receiver.calls[1].body.data).toEqual(receiver.calls[0].body.data);
		expect(replayed.hash).not.toBe(event.hash);
	});

	it('holds deliveries and releases them later, newest first', async () => {
		await setup('store/order/statusUpdated');
		store.sandbox.holdDeliveries();
		store.sandbox.setOrderStatus(102, 9);
		store.sandbox.setOrderStatus(102, 2);
		await store.sandbox.idle();
		expect(receiver.calls).toHaveLength(0);
		expect(store.sandbox.deliveries({ state: 'held' })).toHaveLength(2);
		store.sandbox.releaseDeliveries('lifo');
		await store.sandbox.idle();
		expect(receiver.calls.map((c) => c.body.data.status.new_status_id)).toEqual([2, 9]);
	});

	it('emits arbitrary events through the control API', async () => {
		await setup('store/shipment/created');
		const res = await store.control('POST', '/webhooks/emit', { scope: 'store/shipment/created', data: { type: 'shipment', id: 12, orderId: 251 } });
		expect(res.status).toBe(201);
		await store.control('POST', '/webhooks/idle');
		expect(receiver.calls[0].body.data).toEqual({ type: 'shipment', id: 12, orderId: 251 });
		const deliveries = await store.control('GET', '/webhooks/deliveries?scope=store/shipment/created');
		expect(deliveries.body).toHaveLength(1);
	});

	it('fires store/shipment/created and Shipped when items ship', async () => {
		await setup('store/*');
		store.sandbox.shipOrder(102, { tracking_number: 'TRACK1', shipping_provider: 'ups', tracking_carrier: 'ups' });
		await store.sandbox.idle();
		expect(scopes()).toEqual(['store/shipment/created', 'store/order/statusUpdated', 'store/order/updated']);
		expect(receiver.calls[0].body.data).toEqual({ type: 'shipment', id: expect.any(Number), orderId: 102 });
	});
});
