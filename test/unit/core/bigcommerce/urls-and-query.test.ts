import { buildApiUrl, buildQueryString, createBigCommerceClient, displayPath } from '../../../../nodes/core/bigcommerce';
import { FakeClock } from './support/fake-clock';
import { json, scriptedRequest } from './support/scripted-request';

describe('BigCommerce URLs and query strings', () => {
	const store = { baseUrl: 'https://api.bigcommerce.com/', storeHash: ' abc123 ' };

	it('builds v2 and v3 URLs under /stores/{hash}', () => {
		expect(buildApiUrl(store, 'v3', '/customers')).toBe('https://api.bigcommerce.com/stores/abc123/v3/customers');
		expect(buildApiUrl(store, 'v2', 'orders/100/products')).toBe('https://api.bigcommerce.com/stores/abc123/v2/orders/100/products');
		// A path that already names its version is not doubled.
		expect(buildApiUrl(store, 'v3', '/v3/catalog/products')).toBe('https://api.bigcommerce.com/stores/abc123/v3/catalog/products');
		expect(displayPath('v2', '/customer_groups')).toBe('/v2/customer_groups');
	});

	it('joins list filters with commas and keeps ":" readable, as BigCommerce writes them', () => {
		expect(buildQueryString({ 'id:in': [1, 2, 3], include: ['addresses', 'storecredit'], limit: 50 })).toBe(
			'id:in=1,2,3&include=addresses,storecredit&limit=50',
		);
	});

	it('leaves out empty filters and encodes what must be encoded', () => {
		expect(buildQueryString({ 'email:in': ['a+b@example.com'], 'name:like': 'Jo & Co', empty: '', none: undefined, nothing: null, list: [] })).toBe(
			'email:in=a%2Bb%40example.com&name:like=Jo%20%26%20Co',
		);
	});

	it('writes dates as ISO 8601', () => {
		expect(buildQueryString({ 'date_modified:min': new Date('2024-05-01T10:00:00Z') })).toBe('date_modified:min=2024-05-01T10:00:00.000Z');
	});

	it('sends JSON headers and the query, never a token', async () => {
		const clock = new FakeClock();
		const request = scriptedRequest([json(200, { data: { id: 1 }, meta: {} })]);
		const client = createBigCommerceClient({ ...store, request, now: clock.now, sleep: clock.sleep });
		await client.send({ version: 'v3', method: 'PUT', path: '/customers', query: { 'id:in': [1] }, body: [{ id: 1 }] });
		expect(request.calls[0]).toMatchObject({
			method: 'PUT',
			url: 'https://api.bigcommerce.com/stores/abc123/v3/customers?id:in=1',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body: [{ id: 1 }],
			timeoutMs: 30_000,
		});
		expect(JSON.stringify(request.calls[0].headers)).not.toMatch(/auth/i);
	});

	it('refuses a credential without store hash or with a base URL that is not http(s)', () => {
		const request = scriptedRequest([]);
		expect(() => createBigCommerceClient({ baseUrl: 'https://api.bigcommerce.com', storeHash: ' ', request })).toThrow(
			'The BigCommerce API credential has no Store Hash.',
		);
		expect(() => createBigCommerceClient({ baseUrl: 'api.bigcommerce.com', storeHash: 'abc', request })).toThrow(/must start with https:\/\//);
	});
});
