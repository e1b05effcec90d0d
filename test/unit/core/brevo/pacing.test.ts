import { BrevoRateLimitPacer, createBrevoClient, rateLimitGroup, sharedBrevoPacer } from '../../../../nodes/core/brevo';
import type { HttpRequest, HttpResponse } from '../../../../nodes/core/http';
import { FakeClock } from './support/fake-clock';
import { BASE_URL, rateHeaders } from './support/scripted-request';

/**
 * A fixed-window Brevo (limit per window), on the fake clock: each request takes `latencyMs`,
 * answers carry x-sib-ratelimit-* with the reset rounded up to whole seconds, as Brevo sends it.
 */
function simulatedBrevo(clock: FakeClock, options: { limit?: number; windowMs?: number; latencyMs?: number; wholeSeconds?: boolean } = {}) {
	const limit = options.limit ?? 10;
	const windowMs = options.windowMs ?? 1_000;
	const latency = options.latencyMs ?? 0;
	let windowStart: number | undefined;
	let used = 0;
	const accepted: number[] = [];
	let rejected = 0;
	const request = async (_request: HttpRequest): Promise<HttpResponse> => {
		clock.advance(latency / 2);
		const now = clock.now();
		if (windowStart === undefined || now - windowStart >= windowMs) {
			windowStart = now;
			used = 0;
		}
		const left = windowStart + windowMs - now;
		const reset = options.wholeSeconds === false ? left / 1000 : Math.max(1, Math.ceil(left / 1000));
		const allowed = used < limit;
		if (allowed) {
			used++;
			accepted.push(now);
		} else rejected++;
		clock.advance(latency / 2);
		return allowed
			? { statusCode: 204, headers: rateHeaders(limit - used, reset, limit), body: '' }
			: { statusCode: 429, headers: rateHeaders(0, reset, limit), body: { code: 'too_many_requests', message: 'The expected rate limit is exceeded.' } };
	};
	return { request, accepted, rejected: () => rejected };
}

describe('pacing under x-sib-ratelimit-*', () => {
	it('sends a window\'s quota at once, then waits for the reset: no 429s', async () => {
		const clock = new FakeClock();
		const brevo = simulatedBrevo(clock, { latencyMs: 4 });
		const client = createBrevoClient({ baseUrl: BASE_URL, request: brevo.request, now: clock.now, sleep: clock.sleep });
		const start = clock.now();
		for (let i = 0; i < 31; i++) await client.send({ method: 'POST', path: '/events', body: {}, action: 'track an event' });
		expect(brevo.rejected()).toBe(0);
		// 3 full windows plus one request: close to 3 s, never much more.
		expect(clock.now() - start).toBeGreaterThanOrEqual(3_000);
		expect(clock.now() - start).toBeLessThan(3_050);
	});

	it('learns where the window ends, instead of trusting a reset rounded up to a whole second', async () => {
		const clock = new FakeClock();
		const brevo = simulatedBrevo(clock, { latencyMs: 60 });
		const client = createBrevoClient({ baseUrl: BASE_URL, request: brevo.request, now: clock.now, sleep: clock.sleep });
		for (let i = 0; i < 11; i++) await client.send({ method: 'POST', path: '/events', body: {}, action: 'track an event' });
		// The 10th answer (t = 600 ms) still says "reset: 1". The first answer (t = 60 ms) opened the
		// window with a whole second left, so it ends by 1,060 ms: the pacer waits ~460 ms, not 1 s.
		expect(clock.sleeps).toHaveLength(1);
		expect(clock.sleeps[0]).toBeGreaterThanOrEqual(430);
		expect(clock.sleeps[0]).toBeLessThan(470);
		expect(brevo.rejected()).toBe(0);
	});

	it('keeps four concurrent callers inside the quota (the benchmark measures how much of it they use)', async () => {
		const clock = new FakeClock();
		const brevo = simulatedBrevo(clock, { latencyMs: 20 });
		const pacer = new BrevoRateLimitPacer();
		// Four "executions" sharing the account's pacer; the fake clock interleaves their steps.
		const callers = Array.from({ length: 4 }, () => createBrevoClient({ baseUrl: BASE_URL, request: brevo.request, now: clock.now, sleep: clock.sleep, pacer }));
		let sent = 0;
		await Promise.all(
			callers.map(async (client) => {
				while (sent < 41) {
					sent++;
					await client.send({ method: 'POST', path: '/events', body: {}, action: 'track an event' });
				}
			}),
		);
		expect(brevo.rejected()).toBe(0);
		expect(brevo.accepted).toHaveLength(41);
	});

	it('counts requests in flight, so concurrent executions do not overrun the quota together', () => {
		const pacer = new BrevoRateLimitPacer();
		pacer.observe('events', rateHeaders(2, '0.5'), 0);
		expect(pacer.tryReserve('events', 0)).toBe(0);
		expect(pacer.tryReserve('events', 0)).toBe(0);
		expect(pacer.tryReserve('events', 0)).toBe(502);
		expect(pacer.snapshot('events')).toMatchObject({ remaining: 2, inFlight: 2 });
	});

	it('does not let an answer overtaken by a later one raise what is left', () => {
		const pacer = new BrevoRateLimitPacer();
		pacer.observe('events', rateHeaders(3, 1), 0);
		pacer.observe('events', rateHeaders(5, 1), 10);
		expect(pacer.snapshot('events').remaining).toBe(3);
	});

	it('paces each endpoint group on its own: a spent products quota does not hold back email', () => {
		const pacer = new BrevoRateLimitPacer();
		pacer.observe(rateLimitGroup('POST', '/products'), rateHeaders(0, 1, 2), 0);
		expect(pacer.tryReserve(rateLimitGroup('POST', '/products/batch'), 0)).toBeGreaterThan(0);
		expect(pacer.tryReserve(rateLimitGroup('POST', '/smtp/email'), 0)).toBe(0);
		expect(rateLimitGroup('GET', '/smtp/templates')).toBe('smtp');
		expect(rateLimitGroup('POST', '/contacts/attributes/normal/X')).toBe('contacts');
	});

	it('never waits without rate-limit headers', () => {
		const pacer = new BrevoRateLimitPacer();
		pacer.observe('contacts', {}, 0);
		for (let i = 0; i < 100; i++) expect(pacer.tryReserve('contacts', 0)).toBe(0);
	});

	it('shares one pacer per account (Base URL and API key) in the process', () => {
		expect(sharedBrevoPacer('https://api.brevo.com/v3/', 'xkeysib-a')).toBe(sharedBrevoPacer('https://API.brevo.com/v3', 'xkeysib-a'));
		expect(sharedBrevoPacer('https://api.brevo.com/v3', 'xkeysib-a')).not.toBe(sharedBrevoPacer('https://api.brevo.com/v3', 'xkeysib-b'));
	});
});
