import { startStore, type Store } from './helpers';

describe('BigCommerce sandbox: rate limiting', () => {
	let store: Store;
	afterEach(() => store.sandbox.close());

	it('sends the X-Rate-Limit headers, counting down within the window', async () => {
		store = await startStore({ rateLimit: { quota: 5, windowMs: 30_000 } });
		const first = await store.api('GET', '/v3/channels');
		expect(first.headers.get('x-rate-limit-requests-quota')).toBe('5');
		expect(first.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
		expect(first.headers.get('x-rate-limit-requests-left')).toBe('4');
		expect(Number(first.headers.get('x-rate-limit-time-reset-ms'))).toBeGreaterThan(29_000);
		const second = await store.api('GET', '/v2/order_statuses');
		expect(second.headers.get('x-rate-limit-requests-left')).toBe('3');
	});

	it('answers 429 once the quota is spent and serves again after the window', async () => {
		// A 30 s window at timeScale 100 lasts 300 ms.
		store = await startStore({ rateLimit: { quota: 3 }, timeScale: 100 });
		for (let i = 0; i < 3; i++) expect((await store.api('GET', '/v3/channels')).status).toBe(200);
		const limited = await store.api('GET', '/v3/channels');
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ status: 429, title: 'Too many requests', type: '/api-docs/getting-started/api-status-codes' });
		expect(limited.headers.get('x-rate-limit-requests-left')).toBe('0');
		expect(limited.headers.get('x-rate-limit-time-window-ms')).toBe('300');
		const wait = Number(limited.headers.get('x-rate-limit-time-reset-ms'));
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(300);
		await new Promise((r) => setTimeout(r, wait + 5));
		const again = await store.api('GET', '/v3/channels');
		expect(again.status).toBe(200);
		expect(again.headers.get('x-rate-limit-requests-left')).toBe('2');
		expect(store.sandbox.rateLimit()).toMatchObject({ totalRequests: 4, totalThrottled: 1 });
	});

	it('does not count control API requests, and advancing time resets the window', async () => {
		store = await startStore({ rateLimit: { quota: 2 } });
		for (let i = 0; i < 5; i++) expect((await store.control('GET', '/rate-limit')).status).toBe(200);
		expect((await store.api('GET', '/v3/channels')).headers.get('x-rate-limit-requests-left')).toBe('1');
		await store.api('GET', '/v3/channels');
		expect((await store.api('GET', '/v3/channels')).status).toBe(429);
		store.sandbox.advanceTime(30_000);
		expect((await store.api('GET', '/v3/channels')).status).toBe(200);
	});

	it('can be reconfigured at run time', async () => {
		store = await startStore();
		expect((await store.api('GET', '/v3/channels')).headers.get('x-rate-limit-requests-quota')).toBe('150');
		const res = await store.control('PUT', '/rate-limit', { quota: 450, windowMs: 30_000 });
		expect(res.body).toMatchObject({ quota: 450, used: 0 });
		expect((await store.api('GET', '/v3/channels')).headers.get('x-rate-limit-requests-left')).toBe('449');
	});
});
