import { startStore, type Store } from './helpers';

describe('BigCommerce sandbox: fault injection', () => {
	let store: Store;
	beforeEach(async () => {
		store = await startStore({ seed: true });
	});
	afterEach(() => store.sandbox.close());

	it('answers 429 for the next N requests (a 429 storm), with exhausted rate-limit headers', async () => {
		store.sandbox.addFault({ kind: 'rate_limit', count: 2 });
		for (let i = 0; i < 2; i++) {
			const res = await store.api('GET', '/v3/customers');
			expect(res.status).toBe(429);
			expect(res.body).toMatchObject({ status: 429, title: 'Too many requests' });
			expect(res.headers.get('x-rate-limit-requests-left')).toBe('0');
		}
		expect((await store.api('GET', '/v3/customers')).status).toBe(200);
	});

	it('can send a headerless 429, as BigCommerce does under platform load', async () => {
		store.sandbox.addFault({ kind: 'rate_limit', count: 1, withHeaders: false });
		const res = await store.api('GET', '/v3/customers');
		expect(res.status).toBe(429);
		expect(res.headers.get('x-rate-limit-requests-left')).toBeNull();
	});

	it('answers a 429 storm for a duration', async () => {
		store.sandbox.addFault({ kind: 'rate_limit', durationMs: 150 });
		expect((await store.api('GET', '/v3/customers')).status).toBe(429);
		expect((await store.api('GET', '/v2/orders')).status).toBe(429);
		await new Promise((r) => setTimeout(r, 160));
		expect((await store.api('GET', '/v3/customers')).status).toBe(200);
	});

	it('answers 5xx for the next N requests, in each version’s error format, only on matching paths', async () => {
		const res = await store.control('POST', '/faults', { kind: 'server_error', count: 2, status: 503, path: '/v2/orders' });
		expect(res.status).toBe(201);
		expect((await store.api('GET', '/v3/customers')).status).toBe(200);
		const failed = await store.api('GET', '/v2/orders');
		expect(failed.status).toBe(503);
		expect(failed.body).toEqual([{ status: 503, message: 'Service Unavailable' }]);
		expect((await store.api('GET', '/v2/orders/100')).status).toBe(503);
		expect((await store.api('GET', '/v2/orders/100')).status).toBe(200);
	});

	it('slows answers down for the next N requests', async () => {
		store.sandbox.addFault({ kind: 'slow', count: 1, delayMs: 150 });
		let started = Date.now();
		expect((await store.api('GET', '/v3/channels')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		started = Date.now();
		await store.api('GET', '/v3/channels');
		expect(Date.now() - started).toBeLessThan(100);
	});

	it('lists and clears faults; faults never touch the control API', async () => {
		store.sandbox.addFault({ kind: 'server_error', count: 5 });
		expect((await store.control('GET', '/faults')).status).toBe(200);
		expect((await store.control('GET', '/faults')).body.request).toHaveLength(1);
		expect((await store.control('DELETE', '/faults')).body.request).toEqual([]);
		expect((await store.api('GET', '/v3/channels')).status).toBe(200);
		expect((await store.control('POST', '/faults', { kind: 'slow', count: 1 })).status).toBe(400);
	});
});
