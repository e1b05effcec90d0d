import { startStore, type Store } from './helpers';

describe('BigCommerce sandbox: products, channels, promotions', () => {
	let store: Store;
	beforeAll(async () => {
		store = await startStore({ seed: true });
	});
	afterAll(() => store.sandbox.close());

	it('lists products with pagination and includes variants, images and custom fields on request', async () => {
		const page = await store.api('GET', '/v3/catalog/products?limit=2&page=2');
		expect(page.body.data.map((p: { id: number }) => p.id)).toEqual([3, 4]);
		expect(page.body.meta.pagination).toMatchObject({ total: 6, total_pages: 3, current_page: 2 });
		const bare = (await store.api('GET', '/v3/catalog/products/1')).body.data;
		expect(bare.variants).toBeUndefined();
		const full = (await store.api('GET', '/v3/catalog/products/1?include=variants,images,custom_fields')).body.data;
		expect(full.variants.map((v: { sku: string }) => v.sku)).toEqual(['TSHIRT-S', 'TSHIRT-M', 'TSHIRT-L']);
		expect(full.variants[0].option_values[0]).toMatchObject({ label: 'S', option_display_name: 'Size' });
		expect(full.images).toHaveLength(2);
		expect(full.custom_fields).toEqual([
			{ id: 1, name: 'Material', value: 'Organic cotton' },
			{ id: 2, name: 'Made in', value: 'Portugal' },
		]);
		expect(full).toMatchObject({ price: 25, calculated_price: 25 });
		const onSale = (await store.api('GET', '/v3/catalog/products/3')).body.data;
		expect(onSale).toMatchObject({ price: 34.9, sale_price: 29.9, calculated_price: 29.9, base_variant_id: 5 });
	});

	it('filters products by id:in, sku, keyword and channel', async () => {
		expect((await store.api('GET', '/v3/catalog/products?id:in=2,5')).body.data.map((p: { id: number }) => p.id)).toEqual([2, 5]);
		expect((await store.api('GET', '/v3/catalog/products?sku=TOTE-BLK')).body.data.map((p: { id: number }) => p.id)).toEqual([6]);
		expect((await store.api('GET', '/v3/catalog/products?keyword=beans')).body.data.map((p: { id: number }) => p.id)).toEqual([3, 4]);
		expect((await store.api('GET', '/v3/catalog/products?channel_id:in=2')).body.data.map((p: { id: number }) => p.id)).toEqual([1, 4, 6]);
	});

	it('updates a product with PUT', async () => {
		const res = await store.api('PUT', '/v3/catalog/products/2', { price: 14.99, name: 'Large Ceramic Mug' });
		expect(res.body.data).toMatchObject({ id: 2, price: 14.99, name: 'Large Ceramic Mug', custom_url: { url: '/large-ceramic-mug/' } });
		expect((await store.api('PUT', '/v3/catalog/products/2', { price: 'free' })).status).toBe(422);
	});

	it('lists variants, images and custom fields as sub-resources', async () => {
		expect((await store.api('GET', '/v3/catalog/products/6/variants')).body.data.map((v: { id: number }) => v.id)).toEqual([8, 9]);
		expect((await store.api('GET', '/v3/catalog/products/1/images')).body.data).toHaveLength(2);
		expect((await store.api('GET', '/v3/catalog/products/2/custom-fields')).body.data).toEqual([{ id: 3, name: 'Capacity', value: '350 ml' }]);
	});

	it('has channel 1 always, and the seeded channels', async () => {
		const empty = await startStore();
		try {
			const channels = await empty.api('GET', '/v3/channels');
			expect(channels.body.data).toEqual([expect.objectContaining({ id: 1, name: 'Main Store', type: 'storefront', status: 'active' })]);
		} finally {
			await empty.sandbox.close();
		}
		const seeded = await store.api('GET', '/v3/channels');
		expect(seeded.body.data.map((c: { name: string }) => c.name)).toEqual(['Main Store', 'Wholesale', 'International']);
		expect((await store.api('GET', '/v3/channels/9')).status).toBe(404);
	});

	it('creates a coupon promotion and unique codes, lists them, and refuses duplicates and bad codes', async () => {
		const promo = await store.api('POST', '/v3/promotions', {
			name: 'Recovery 10%',
			redemption_type: 'COUPON',
			coupon_type: 'BULK',
			rules: [{ action: { cart_value: { discount: { percentage_amount: '10' } } } }],
		});
		expect(promo.status).toBe(201);
		const id = promo.body.data.id;
		expect(promo.body.data).toMatchObject({ redemption_type: 'COUPON', status: 'ENABLED', current_uses: 0, created_from: 'api' });
		const code = await store.api('POST', `/v3/promotions/${id}/codes`, { code: 'CART-abc123', max_uses: 1 });
		expect(code.status).toBe(201);
		expect(code.body.data).toMatchObject({ code: 'CART-abc123', current_uses: 0, max_uses: 1 });
		expect((await store.api('POST', `/v3/promotions/${id}/codes`, { code: 'cart-ABC123' })).status).toBe(409);
		expect((await store.api('POST', `/v3/promotions/${id}/codes`, { code: 'no/slashes' })).status).toBe(422);
		const list = await store.api('GET', `/v3/promotions/${id}/codes`);
		expect(list.body.data.map((c: { code: string }) => c.code)).toEqual(['CART-abc123']);
		expect(list.body.meta.pagination.total).toBe(1);
		expect((await store.api('GET', '/v3/promotions/codes?code=cart-abc123')).body.data).toHaveLength(1);
		const missing = await store.api('POST', '/v3/promotions', { name: 'No rules', redemption_type: 'AUTOMATIC' });
		expect(missing.status).toBe(422);
		expect(missing.body.errors[0]).toMatchObject({ status: 422 });
	});

	it('counts a code used when an order redeems it', async () => {
		store.sandbox.createOrder({ customer_id: 1, products: [{ product_id: 2, quantity: 4 }], coupons: [{ code: 'cart-abc123' }] });
		const codes = await store.api('GET', '/v3/promotions/codes?code=CART-abc123');
		expect(codes.body.data[0].current_uses).toBe(1);
	});
});
