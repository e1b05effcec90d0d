import { startBrevoSandbox, type BrevoSandbox } from '../../../../sandbox/brevo';
import { call } from './brevo-client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const event = { event_name: 'ping', identifiers: { ext_id: 'e1' } };

describe('Brevo sandbox: rate limits', () => {
	let sandbox: BrevoSandbox;
	// Scale 2: the 1-second windows of contacts and events last 500 ms (room for a loaded machine).
	beforeAll(async () => (sandbox = await startBrevoSandbox({ timeScale: 2 })));
	beforeEach(() => sandbox.reset());
	afterAll(() => sandbox.close());

	it('allows 10 contact requests per window, then 429 with x-sib-ratelimit headers, then recovers', async () => {
		const remaining: string[] = [];
		for (let i = 0; i < 10; i++) {
			const res = await call(sandbox, 'GET', '/contacts');
			expect(res.status).toBe(200);
			remaining.push(res.headers.get('x-sib-ratelimit-remaining') as string);
		}
		expect(remaining).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '0']);
		const limited = await call(sandbox, 'GET', '/contacts');
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ code: 'too_many_requests', message: 'The expected rate limit is exceeded.' });
		expect(limited.headers.get('x-sib-ratelimit-limit')).toBe('10');
		expect(limited.headers.get('x-sib-ratelimit-remaining')).toBe('0');
		const reset = Number(limited.headers.get('x-sib-ratelimit-reset'));
		expect(reset).toBeGreaterThanOrEqual(0);
		expect(reset).toBeLessThanOrEqual(0.5);
		await sleep(reset * 1000 + 20);
		expect((await call(sandbox, 'GET', '/contacts')).status).toBe(200);
	});

	it('counts each endpoint family separately (events: 10 per second)', async () => {
		for (let i = 0; i < 10; i++) await call(sandbox, 'GET', '/contacts');
		expect((await call(sandbox, 'GET', '/contacts')).status).toBe(429);
		for (let i = 0; i < 10; i++) expect((await call(sandbox, 'POST', '/events', event)).status).toBe(204);
		expect((await call(sandbox, 'POST', '/events', event)).status).toBe(429);
		expect((await call(sandbox, 'POST', '/smtp/email', { templateId: 1, to: [{ email: 'a@example.com' }] })).status).toBe(201);
	});

	it('applies the documented defaults and accepts overrides', async () => {
		expect(sandbox.rateLimits()).toMatchObject({
			contacts: { limit: 10, windowMs: 1000 },
			events: { limit: 10, windowMs: 1000 },
			email: { limit: 1000, windowMs: 1000 },
			sms: { limit: 150, windowMs: 1000 },
			other: { limit: 100, windowMs: 3600000 },
		});
		sandbox.setRateLimit('other', { limit: 2, windowMs: 60_000 });
		expect((await call(sandbox, 'GET', '/account')).headers.get('x-sib-ratelimit-limit')).toBe('2');
		await call(sandbox, 'GET', '/account');
		expect((await call(sandbox, 'GET', '/account')).status).toBe(429);
		sandbox.advanceTime(60_000);
		expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
		sandbox.setRateLimit('other', { limit: 100, windowMs: 3_600_000 });
	});

	it('sends whole seconds in x-sib-ratelimit-reset at real time scale', async () => {
		const realTime = await startBrevoSandbox();
		try {
			const res = await call(realTime, 'GET', '/contacts');
			expect(res.headers.get('x-sib-ratelimit-reset')).toBe('1');
		} finally {
			await realTime.close();
		}
	});
});

describe('Brevo sandbox: fault injection', () => {
	let sandbox: BrevoSandbox;
	beforeAll(async () => (sandbox = await startBrevoSandbox({ rateLimits: { events: { limit: 1000, windowMs: 1000 }, contacts: { limit: 1000, windowMs: 1000 } } })));
	beforeEach(() => sandbox.reset());
	afterAll(() => sandbox.close());

	it('answers the next N requests of a family with 429 (storm), others unaffected', async () => {
		sandbox.injectRateLimitStorm({ count: 3, family: 'events' });
		for (let i = 0; i < 3; i++) {
			const res = await call(sandbox, 'POST', '/events', event);
			expect(res.status).toBe(429);
			expect(res.headers.get('x-sib-ratelimit-remaining')).toBe('0');
		}
		expect((await call(sandbox, 'GET', '/contacts')).status).toBe(200);
		expect((await call(sandbox, 'POST', '/events', event)).status).toBe(204);
		expect(sandbox.events()).toHaveLength(1);
		expect(sandbox.received({ family: 'events' }).map((r) => r.fault ?? r.status)).toEqual(['rateLimit', 'rateLimit', 'rateLimit', 204]);
	});

	it('runs a storm for a duration', async () => {
		sandbox.injectRateLimitStorm({ durationMs: 80 });
		expect((await call(sandbox, 'GET', '/contacts')).status).toBe(429);
		expect((await call(sandbox, 'GET', '/account')).status).toBe(429);
		await sleep(100);
		expect((await call(sandbox, 'GET', '/contacts')).status).toBe(200);
		expect(sandbox.faults()).toEqual([]);
	});

	it('answers 5xx for the next N requests without processing them', async () => {
		sandbox.injectServerErrors({ count: 2, status: 503 });
		const first = await call(sandbox, 'POST', '/events', event);
		expect(first.status).toBe(503);
		expect(first.body.code).toBe('internal_error');
		expect((await call(sandbox, 'POST', '/events', event)).status).toBe(503);
		expect((await call(sandbox, 'POST', '/events', event)).status).toBe(204);
		expect(sandbox.events()).toHaveLength(1);
	});

	it('delays answers (slow) and still processes them', async () => {
		sandbox.injectSlowAnswers({ delayMs: 150, count: 1 });
		const started = Date.now();
		expect((await call(sandbox, 'POST', '/events', event)).status).toBe(204);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		const quick = Date.now();
		await call(sandbox, 'POST', '/events', event);
		expect(Date.now() - quick).toBeLessThan(140);
		expect(sandbox.events()).toHaveLength(2);
	});

	it('clears faults on demand and on reset', async () => {
		sandbox.injectServerErrors({ count: 5 });
		expect(sandbox.faults()).toHaveLength(1);
		sandbox.clearFaults();
		expect((await call(sandbox, 'GET', '/contacts')).status).toBe(200);
		sandbox.injectRateLimitStorm({ count: 5 });
		sandbox.reset();
		expect((await call(sandbox, 'GET', '/contacts')).status).toBe(200);
	});
});
