import { call, useBrevoSandbox } from './brevo-client';

describe('Brevo sandbox: e-commerce products, categories and orders', () => {
	const sandbox = useBrevoSandbox();

	const product = { id: '111', name: 'Orbit Terrarium - Large', url: 'https://shop.example/orbit', imageUrl: 'https://cdn.example/orbit.jpg', sku: 'OTL', price: 109, categories: ['23'] };

	it('creates a product (201 {id}), refuses a duplicate, updates with updateEnabled (204)', async () => {
		const created = await call(sandbox(), 'POST', '/products', product);
		expect(created.status).toBe(201);
		expect(created.body).toEqual({ id: expect.any(Number) });
		const dup = await call(sandbox(), 'POST', '/products', product);
		expect(dup.status).toBe(400);
		expect(dup.body.code).toBe('duplicate_parameter');
		const updated = await call(sandbox(), 'POST', '/products', { id: '111', name: 'Orbit Terrarium - L', price: 99, updateEnabled: true });
		expect(updated.status).toBe(204);
		expect(sandbox().products()).toEqual([expect.objectContaining({ id: '111', name: 'Orbit Terrarium - L', price: 99, sku: 'OTL' })]);
	});

	it('reads products with s3 thumbnails, filters and 404s', async () => {
		await call(sandbox(), 'POST', '/products', product);
		await call(sandbox(), 'POST', '/products', { id: '112', name: 'Cheap thing', price: 5 });
		const one = await call(sandbox(), 'GET', '/products/111');
		expect(one.body).toMatchObject({ id: '111', name: product.name, createdAt: expect.any(String), modifiedAt: expect.any(String), s3ThumbAnalytics: expect.any(String), s3ThumbEditor: expect.any(String) });
		expect((await call(sandbox(), 'GET', '/products?price[gte]=100')).body.products.map((p: { id: string }) => p.id)).toEqual(['111']);
		expect((await call(sandbox(), 'GET', '/products?ids=112')).body.count).toBe(1);
		expect((await call(sandbox(), 'GET', '/products?categories=23')).body.count).toBe(1);
		expect((await call(sandbox(), 'GET', '/products?name=ab')).status).toBe(400);
		expect((await call(sandbox(), 'GET', '/products/nope')).status).toBe(404);
	});

	it('validates products', async () => {
		expect((await call(sandbox(), 'POST', '/products', { name: 'x' })).body).toEqual({ code: 'missing_parameter', message: 'id is missing' });
		expect((await call(sandbox(), 'POST', '/products', { id: 'x' })).body.code).toBe('missing_parameter');
		expect((await call(sandbox(), 'POST', '/products', { id: 5, name: 'x' })).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'POST', '/products', { id: 'x', name: 'x', price: 'free' })).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'POST', '/products', { id: 'x', name: 'x', metaInfo: { notes: 'x'.repeat(20_001) } })).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'POST', '/products', { id: 'x', name: 'x', metaInfo: { tags: ['a'] } })).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'POST', '/products', { id: 'x', name: 'x', metaInfo: { weight: 1.5 }, brand: 'B', description: 'D', stock: 3 })).status).toBe(201);
		expect(sandbox().products()[0]).toMatchObject({ brand: 'B', description: 'D', stock: 3 });
	});

	it('upserts products in batch: 201 {createdCount, updatedCount}', async () => {
		await call(sandbox(), 'POST', '/products', product);
		const res = await call(sandbox(), 'POST', '/products/batch', { products: [{ ...product, price: 120 }, { id: '200', name: 'New' }], updateEnabled: true });
		expect(res.status).toBe(201);
		expect(res.body).toEqual({ createdCount: 1, updatedCount: 1 });
		const noUpdate = await call(sandbox(), 'POST', '/products/batch', { products: [{ ...product, price: 1 }] });
		expect(noUpdate.body).toEqual({ createdCount: 0, updatedCount: 0 });
		expect((await call(sandbox(), 'POST', '/products/batch', { products: [{ name: 'no id' }] })).body.message).toBe('products[0].id is missing');
	});

	it('creates, updates and lists categories', async () => {
		expect((await call(sandbox(), 'POST', '/categories', { id: '23', name: 'Plants', url: 'https://shop.example/plants' })).status).toBe(201);
		expect((await call(sandbox(), 'POST', '/categories', { id: '23', name: 'Plants!', updateEnabled: true })).status).toBe(204);
		const batch = await call(sandbox(), 'POST', '/categories/batch', { categories: [{ id: '24', name: 'Pots' }, { id: '23', name: 'Greens' }], updateEnabled: true });
		expect(batch.body).toEqual({ createdCount: 1, updatedCount: 1 });
		const list = await call(sandbox(), 'GET', '/categories?sort=asc');
		expect(list.body).toMatchObject({ count: 2, categories: [{ id: '23', name: 'Greens' }, { id: '24', name: 'Pots' }] });
		expect((await call(sandbox(), 'GET', '/categories/24')).body).toMatchObject({ id: '24', name: 'Pots', createdAt: expect.any(String) });
		expect((await call(sandbox(), 'GET', '/categories/99')).status).toBe(404);
		expect((await call(sandbox(), 'GET', '/categories?limit=101')).status).toBe(400);
	});

	const order = {
		id: '100',
		createdAt: '2025-03-01T10:00:00Z',
		updatedAt: '2025-03-01T10:00:00Z',
		status: 'completed',
		amount: 118.24,
		storeId: '1',
		identifiers: { email_id: 'jane@example.com' },
		products: [{ productId: '111', variantId: '77', quantity: 1, price: 109 }],
		coupons: ['BACK10'],
	};

	it('records order status updates (204) linked to the contact, and lists the latest state', async () => {
		const contact = sandbox().createContact({ email: 'jane@example.com' });
		expect((await call(sandbox(), 'POST', '/orders/status', { ...order, status: 'processing' })).status).toBe(204);
		expect((await call(sandbox(), 'POST', '/orders/status', { ...order, updatedAt: '2025-03-02T10:00:00Z' })).status).toBe(204);
		expect(sandbox().orders({ id: '100' }).map((o) => o.status)).toEqual(['processing', 'completed']);
		expect(sandbox().orders()[0].contact_id).toBe(contact.id);
		const list = await call(sandbox(), 'GET', '/orders');
		expect(list.body).toMatchObject({ count: 1, orders: [{ id: '100', status: 'completed', contact_id: contact.id, coupons: ['BACK10'] }] });
	});

	it('validates orders', async () => {
		const { products: _p, ...noProducts } = order;
		expect((await call(sandbox(), 'POST', '/orders/status', noProducts)).body).toEqual({ code: 'missing_parameter', message: 'products is missing' });
		expect((await call(sandbox(), 'POST', '/orders/status', { ...order, amount: '118.24' })).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'POST', '/orders/status', { ...order, createdAt: 'yesterday' })).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'POST', '/orders/status', { ...order, products: [{ productId: '1', price: 1 }] })).body.message).toBe('products[0].quantity is missing');
		expect(sandbox().orders()).toHaveLength(0);
	});

	it('accepts orders in batch: 202 {batchId, count}, historical by default', async () => {
		const res = await call(sandbox(), 'POST', '/orders/status/batch', { orders: [order, { ...order, id: '101' }] });
		expect(res.status).toBe(202);
		expect(res.body).toEqual({ batchId: expect.any(Number), count: 2 });
		expect(sandbox().orders().map((o) => [o.id, o.source, o.historical, o.batchId])).toEqual([
			['100', 'batch', true, res.body.batchId],
			['101', 'batch', true, res.body.batchId],
		]);
		const bad = await call(sandbox(), 'POST', '/orders/status/batch', { orders: [order, { ...order, id: '' }] });
		expect(bad.body.message).toBe('orders[1].id is missing');
	});
});
