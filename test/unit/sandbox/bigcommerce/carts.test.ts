import { startStore, type Store } from './helpers';

describe('BigCommerce sandbox: carts (v3)', () => {
	let store: Store;
	beforeAll(async () => {
		store = await startStore({ seed: true });
	});
	afterAll(() => store.sandbox.close());

	async function newCart(extra: Record<string, unknown> = {}) {
		const res = await store.api('POST', '/v3/carts?include=redirect_urls', {
			customer_id: 1,
			channel_id: 1,
			line_items: [
				{ product_id: 2, quantity: 2 },
				{ product_id: 1, variant_id: 3, quantity: 1 },
			],
			...extra,
		});
		expect(res.status).toBe(201);
		return res.body.data;
	}

	it('creates a cart (201) with line items, amounts as numbers and redirect URLs', async () => {
		const cart = await newCart();
		expect(cart).toMatchObject({ customer_id: 1, channel_id: 1, email: 'jane.doe@example.com', currency: { code: 'USD' }, base_amount: 50, cart_amount: 50 });
		expect(cart.line_items.physical_items).toHaveLength(2);
		expect(cart.line_items.physical_items[0]).toMatchObject({ product_id: 2, quantity: 2, list_price: 12.5, extended_sale_price: 25, sku: 'MUG' });
		expect(cart.redirect_urls.checkout_url).toContain(`action=loadInCheckout&id=${cart.id}`);
		expect(cart.redirect_urls.cart_url).toContain('action=load&');
		expect(cart.redirect_urls.embedded_checkout_url).toContain('embedded=1');
		const page = await fetch(cart.redirect_urls.checkout_url);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Ceramic Coffee Mug');
	});

	it('reads a cart, with redirect URLs only when included', async () => {
		const cart = await newCart();
		const plain = await store.api('GET', `/v3/carts/${cart.id}`);
		expect(plain.body.data.redirect_urls).toBeUndefined();
		const withUrls = await store.api('GET', `/v3/carts/${cart.id}?include=redirect_urls`);
		expect(Object.keys(withUrls.body.data.redirect_urls).sort()).toEqual(['cart_url', 'checkout_url', 'embedded_checkout_url']);
	});

	it('adds, updates and removes items; removing the last item deletes the cart', async () => {
		const cart = await newCart();
		const added = await store.api('POST', `/v3/carts/${cart.id}/items`, { line_items: [{ product_id: 3, quantity: 1 }] });
		expect(added.status).toBe(201);
		expect(added.body.data.line_items.physical_items).toHaveLength(3);
		expect(added.body.data.cart_amount).toBe(79.9);
		const [mug, shirt, beans] = added.body.data.line_items.physical_items;
		const updated = await store.api('PUT', `/v3/carts/${cart.id}/items/${mug.id}`, { line_item: { product_id: 2, quantity: 5 } });
		expect(updated.status).toBe(200);
		expect(updated.body.data.line_items.physical_items[0].quantity).toBe(5);
		expect((await store.api('DELETE', `/v3/carts/${cart.id}/items/${shirt.id}`)).status).toBe(200);
		expect((await store.api('DELETE', `/v3/carts/${cart.id}/items/${beans.id}`)).status).toBe(200);
		const last = await store.api('DELETE', `/v3/carts/${cart.id}/items/${mug.id}`);
		expect(last.status).toBe(204);
		expect((await store.api('GET', `/v3/carts/${cart.id}`)).status).toBe(404);
	});

	it('answers 404 once a cart was converted into an order, and the order carries cart_id', async () => {
		const cart = await newCart();
		const converted = store.sandbox.convertCart(cart.id) as { order: { id: number; cart_id: string; status_id: number; customer_id: number } };
		expect(converted.order).toMatchObject({ cart_id: cart.id, status_id: 11, customer_id: 1 });
		const gone = await store.api('GET', `/v3/carts/${cart.id}`);
		expect(gone.status).toBe(404);
		expect(gone.body).toMatchObject({ status: 404, title: expect.any(String) });
		const byCart = await store.api('GET', `/v2/orders?cart_id=${cart.id}`);
		expect(byCart.body.map((o: { id: number }) => o.id)).toEqual([converted.order.id]);
	});

	it('answers 404 once a cart was deleted', async () => {
		const cart = await newCart();
		expect((await store.api('DELETE', `/v3/carts/${cart.id}`)).status).toBe(204);
		expect((await store.api('GET', `/v3/carts/${cart.id}`)).status).toBe(404);
	});

	it('changes the customer with PUT (the cart takes the account email) and enforces version', async () => {
		const cart = await newCart({ customer_id: 0 });
		expect(cart.email).toBe('');
		const res = await store.api('PUT', `/v3/carts/${cart.id}`, { customer_id: 2 });
		expect(res.status).toBe(201);
		expect(res.body.data).toMatchObject({ customer_id: 2, email: 'john.smith@example.com' });
		const stale = await store.api('PUT', `/v3/carts/${cart.id}`, { customer_id: 1, version: 1 });
		expect(stale.status).toBe(409);
	});

	it('validates line items: unknown products are a 422', async () => {
		const res = await store.api('POST', '/v3/carts', { line_items: [{ product_id: 999, quantity: 1 }] });
		expect(res.status).toBe(422);
		expect(res.body).toMatchObject({ status: 422, title: expect.stringContaining('999') });
	});

	it('finds an abandoned cart by its webhook token', async () => {
		const cart = await newCart();
		store.sandbox.abandonCart(cart.id);
		const event = store.sandbox.webhookEvents().find((e) => e.scope === 'store/cart/abandoned' && e.data.id === cart.id);
		expect(event?.data.token).toMatch(/^[0-9a-f]{32}$/);
		const found = await store.api('GET', `/v3/abandoned-carts/${event?.data.token}`);
		expect(found.body.data).toEqual({ cart_id: cart.id });
	});

	it('mints a new redirect URL on POST redirect_urls', async () => {
		const cart = await newCart();
		const res = await store.api('POST', `/v3/carts/${cart.id}/redirect_urls`, { query_params: { utm_source: 'email' } });
		expect(res.status).toBe(201);
		expect(res.body.data.checkout_url).not.toBe(cart.redirect_urls.checkout_url);
		expect(res.body.data.checkout_url).toContain('utm_source=email');
	});
});
