import { createBigCommerceClient, RateLimitPacer, sharedRateLimitPacer } from '../../../../nodes/core/bigcommerce';
import { FakeClock } from './support/fake-clock';
import { SimulatedStore } from './support/simulated-store';
import { json, rateLimitHeaders, scriptedRequest } from './support/scripted-request';

const read = { version: 'v3', method: 'GET', path: '/customers' } as const;
const okWith = (left: number, resetMs: number) => json(200, { data: [], meta: {} }, rateLimitHeaders(left, resetMs, 100, 30_000));

describe('rate-limit pacing', () => {
	it('sends at once while plenty is left, spreads the rest once it runs low, and waits for the reset at zero', async () => {
		const clock = new FakeClock();
		const request = scriptedRequest([okWith(50, 20_000), okWith(10, 10_000), okWith(9, 9_000), okWith(0, 8_000), okWith(99, 30_000), okWith(98, 29_000)]);
		const client = createBigCommerceClient({ baseUrl: 'https://api.bigcommerce.com', storeHash: 'abc123', request, now: clock.now, sleep: clock.sleep });
		for (let i = 0; i < 6; i++) await client.send(read);
		// 50 left: no wait. 10 left (the 10 % low-water mark) with 10 s to go: one per second.
		// 0 left: wait out the 8 s to the reset plus a 250 ms margin. A fresh window: no wait.
		expect(clock.sleeps).toEqual([1_000, 1_000, 8_250]);
	});

	it('paces nothing when the answers carry no rate-limit headers', async () => {
		const clock = new FakeClock();
		const request = scriptedRequest([json(200, { data: [] }), json(200, { data: [] })]);
		const client = createBigCommerceClient({ baseUrl: 'https://x.test', storeHash: 'h', request, now: clock.now, sleep: clock.sleep });
		await client.send(read);
		await client.send(read);
		expect(clock.sleeps).toEqual([]);
	});

	describe.each([
		{ latencyMs: 0, quota: 150, windowMs: 30_000 },
		{ latencyMs: 80, quota: 150, windowMs: 30_000 },
		{ latencyMs: 50, quota: 450, windowMs: 30_000 },
		{ latencyMs: 5, quota: 150, windowMs: 1_000 },
	])('a sequential reader, $quota per $windowMs ms, $latencyMs ms per request', ({ latencyMs, quota, windowMs }) => {
		it('uses at least 90 % of the quota with no 429 at all', async () => {
			const clock = new FakeClock();
			const store = new SimulatedStore(clock, quota, windowMs, latencyMs);
			const client = createBigCommerceClient({ baseUrl: 'https://x.test', storeHash: 'h', request: store.request, now: clock.now, sleep: clock.sleep });
			const windows = 10;
			const start = clock.now();
			let servedInTime = 0;
			while (clock.now() - start < windows * windowMs) {
				await client.send(read);
				if (clock.now() - start <= windows * windowMs) servedInTime++;
			}
			const share = servedInTime / (windows * quota);
			expect(store.throttled).toBe(0);
			expect(share).toBeGreaterThanOrEqual(0.9);
			expect(share).toBeLessThanOrEqual(1);
			// Sleeping is spent only where the quota demands it: never longer than one window at a time.
			expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(windowMs);
		});
	});

	it('a reader sharing the store with another app: answers stay error-free, 429s are absorbed', async () => {
		const clock = new FakeClock();
		const store = new SimulatedStore(clock, 150, 30_000, 50);
		const client = createBigCommerceClient({ baseUrl: 'https://x.test', storeHash: 'h', request: store.request, now: clock.now, sleep: clock.sleep, random: () => 0.5 });
		for (let i = 0; i < 600; i++) {
			if (i % 50 === 25) store.spend(40); // the other app's bursts
			await client.send(read);
		}
		// Every read succeeded; the other app's bursts did cause some 429s, which were waited out.
		expect(store.served).toBe(600);
		expect(store.throttled).toBeGreaterThan(0);
	});

	it('staggers concurrent callers that share one pacer so the quota is not overrun', async () => {
		const clock = new FakeClock();
		const store = new SimulatedStore(clock, 150, 30_000, 40);
		const pacer = new RateLimitPacer();
		const clients = [1, 2, 3].map(() =>
			createBigCommerceClient({ baseUrl: 'https://x.test', storeHash: 'h', request: store.request, now: clock.now, sleep: clock.sleep, pacer }),
		);
		await Promise.all(
			clients.map(async (client) => {
				for (let i = 0; i < 200; i++) await client.send(read);
			}),
		);
		expect(store.served).toBe(600);
		expect(store.throttled).toBe(0);
	});

	it('gives every client of one store the same pacer, and other stores their own', () => {
		expect(sharedRateLimitPacer('https://api.bigcommerce.com/', 'ABC123')).toBe(sharedRateLimitPacer('https://api.bigcommerce.com', 'abc123'));
		expect(sharedRateLimitPacer('https://api.bigcommerce.com', 'abc123')).not.toBe(sharedRateLimitPacer('https://api.bigcommerce.com', 'other'));
	});

	it('does not let an answer overtaken by a later one raise what is left', () => {
		const pacer = new RateLimitPacer();
		const now = 1_000;
		pacer.reserve(now);
		pacer.reserve(now);
		pacer.observe(rateLimitHeaders(5, 10_000), now + 10);
		pacer.observe(rateLimitHeaders(6, 10_010), now + 10);
		expect(pacer.snapshot().left).toBe(5);
	});
});
