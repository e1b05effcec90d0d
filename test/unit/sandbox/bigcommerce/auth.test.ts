import { startStore, type Store } from './helpers';

describe('BigCommerce sandbox: store, credentials and error formats', () => {
	let store: Store;
	beforeAll(async () => {
		store = await startStore({ seed: true });
	});
	afterAll(() => store.sandbox.close());

	it('answers 401 without or with a wrong X-Auth-Token, in each API version’s error format', async () => {
		const v3 = await store.api('GET', '/v3/customers', undefined, null);
		expect(v3.status).toBe(401);
		expect(v3.body).toMatchObject({ status: 401, type: expect.any(String), title: expect.stringContaining('Unauthorized') });
		const v2 = await store.api('GET', '/v2/orders', undefined, 'wrong-token');
		expect(v2.status).toBe(401);
		expect(v2.body).toEqual([{ status: 401, message: expect.stringContaining('Unauthorized') }]);
	});

	it('answers 404 for an unknown store hash, before looking at the token', async () => {
		const res = await fetch(`${store.sandbox.url}/stores/nosuchstore/v3/customers`, { headers: { 'X-Auth-Token': 'whatever' } });
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ status: 404 });
	});

	it('answers 404 for unknown routes and resources, v2 as an array, v3 as an object', async () => {
		expect((await store.api('GET', '/v3/nothing-here')).body).toMatchObject({ status: 404, title: expect.any(String) });
		const missingOrder = await store.api('GET', '/v2/orders/999999');
		expect(missingOrder.status).toBe(404);
		expect(missingOrder.body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
		const missingProduct = await store.api('GET', '/v3/catalog/products/999999');
		expect(missingProduct.status).toBe(404);
		expect(missingProduct.body).toMatchObject({ status: 404, type: '/api-docs/getting-started/api-status-codes' });
	});

	it('answers 405 for a known path with an unsupported method', async () => {
		expect((await store.api('PATCH', '/v3/customers')).status).toBe(405);
	});

	it('answers 400 for a body that is not JSON', async () => {
		const res = await fetch(`${store.sandbox.url}/stores/${store.sandbox.storeHash}/v3/customers`, {
			method: 'POST',
			headers: { 'X-Auth-Token': store.sandbox.accessToken, 'Content-Type': 'application/json' },
			body: '{not json',
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ status: 400, title: 'Input is invalid.' });
	});

	it('accepts a second token registered for another client', async () => {
		store.sandbox.addToken('second-token', 'second-client');
		expect((await store.api('GET', '/v3/channels', undefined, 'second-token')).status).toBe(200);
	});

	it('wraps v3 answers in {data, meta} and sends v2 bare', async () => {
		const v3 = await store.api('GET', '/v3/channels/1');
		expect(v3.body).toEqual({ data: expect.objectContaining({ id: 1, name: 'Main Store' }), meta: {} });
		const v2 = await store.api('GET', '/v2/orders/100');
		expect(v2.body).toMatchObject({ id: 100 });
		expect(v2.body.data).toBeUndefined();
	});
});
