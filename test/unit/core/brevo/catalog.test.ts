import { buildOrder, buildProduct, createBrevoClient, sendOrder, sendOrders, upsertProduct, upsertProducts } from '../../../../nodes/core/brevo';
import { FakeClock } from './support/fake-clock';
import { BASE_URL, brevoError, json, noContent, scriptedRequest, type ScriptedStep } from './support/scripted-request';

function clientWith(steps: ScriptedStep[]) {
	const clock = new FakeClock();
	const request = scriptedRequest(steps);
	return { client: createBrevoClient({ baseUrl: BASE_URL, request, now: clock.now, sleep: clock.sleep, random: () => 0.5 }), request };
}

describe('Product → Create or Update', () => {
	it('builds a catalog product from store data (money as text, IDs as numbers)', () => {
		expect(buildProduct({ id: 77, name: 'Blue Shirt', url: 'https://shop.example/blue-shirt', imageUrl: 'https://cdn.example/blue.jpg', sku: 'BS-1', price: '29.9900', categories: [18, 'sale'], stock: '5', metaInfo: { brand: 'Acme', weight: 0.4, featured: true } })).toEqual({
			id: '77',
			name: 'Blue Shirt',
			url: 'https://shop.example/blue-shirt',
			imageUrl: 'https://cdn.example/blue.jpg',
			sku: 'BS-1',
			price: 29.99,
			categories: ['18', 'sale'],
			stock: 5,
			metaInfo: { brand: 'Acme', weight: 0.4, featured: 'true' },
		});
	});

	it('names every problem', () => {
		expect(() => buildProduct({ id: '', name: '', url: '/blue', price: 'free', metaInfo: { big: 'x'.repeat(20_001) } })).toThrow(
			'The product cannot be sent to Brevo: id: the product ID is required (e.g. the BigCommerce product ID); name: the product name is required; url: "/blue" is not an absolute URL (https://…); price: "free" is not a number; metaInfo: is longer than 20000 characters in all. Correct the product fields named and run again.',
		);
	});

	it('POST /products with updateEnabled (retried on 5xx: it sets absolute values)', async () => {
		const { client, request } = clientWith([brevoError(503, 'internal_error', 'unavailable'), json(201, { id: 5 }), noContent()]);
		await expect(upsertProduct(client, buildProduct({ id: 1, name: 'A' }))).resolves.toEqual({ created: true });
		await expect(upsertProduct(client, buildProduct({ id: 1, name: 'A' }))).resolves.toEqual({ created: false });
		expect(request.calls[0].body).toEqual({ id: '1', name: 'A', updateEnabled: true });
	});

	it('POST /products/batch', async () => {
		const { client, request } = clientWith([json(201, { createdCount: 1, updatedCount: 1 })]);
		await expect(upsertProducts(client, [buildProduct({ id: 1, name: 'A' }), buildProduct({ id: 2, name: 'B' })])).resolves.toEqual({ createdCount: 1, updatedCount: 1 });
		expect(request.calls[0]).toMatchObject({ pathAndQuery: '/products/batch', body: { updateEnabled: true, products: [{ id: '1' }, { id: '2' }] } });
	});
});

describe('Order → Send', () => {
	const order = {
		id: 100,
		status: 'completed',
		amount: '69.8400',
		createdAt: 'Tue, 20 Nov 2012 00:00:00 +0000',
		updatedAt: '2012-11-21T10:00:00+01:00',
		products: [
			{ productId: 77, price: '29.99', quantity: 2 },
			{ productId: 78, price: 9.86, quantity: '0.5', variantId: 3 },
		],
		email: 'jane@example.com',
		coupons: ['SAVE10'],
	};

	it('builds Brevo\'s order: UTC dates, numbers, quantities whole or fractional, identifiers', () => {
		expect(buildOrder(order)).toEqual({
			id: '100',
			status: 'completed',
			amount: 69.84,
			createdAt: '2012-11-20T00:00:00.000Z',
			updatedAt: '2012-11-21T09:00:00.000Z',
			products: [
				{ productId: '77', price: 29.99, quantity: 2 },
				{ productId: '78', price: 9.86, quantityFloat: 0.5, variantId: '3' },
			],
			identifiers: { email_id: 'jane@example.com' },
			coupons: ['SAVE10'],
		});
	});

	it('names every problem', () => {
		expect(() => buildOrder({ ...order, id: '', amount: 'n/a', createdAt: 'soon', products: [{ productId: '', price: 'x', quantity: -1 }] })).toThrow(
			/^The order cannot be sent to Brevo: id: the order ID is required; amount: "n\/a" is not a number; createdAt: "soon" is not a date; products\[0\]\.productId: is required; products\[0\]\.price: "x" is not a number; products\[0\]\.quantity: "-1" is not a quantity\./,
		);
	});

	it('POST /orders/status is never repeated after a 5xx (it can start automations)', async () => {
		const { client, request } = clientWith([brevoError(500, 'internal_error', 'oops')]);
		await expect(sendOrder(client, buildOrder(order))).rejects.toMatchObject({ failure: 'server_error' });
		expect(request.calls).toHaveLength(1);
	});

	it('POST /orders/status/batch says whether the orders are historical', async () => {
		const { client, request } = clientWith([json(202, { batchId: 12, count: 1 })]);
		await expect(sendOrders(client, [buildOrder(order)], { historical: false })).resolves.toEqual({ batchId: 12, count: 1 });
		expect(request.calls[0].body).toMatchObject({ historical: false, orders: [{ id: '100' }] });
	});
});
