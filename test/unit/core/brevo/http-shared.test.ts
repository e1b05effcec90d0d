import { z } from 'zod';
import { backoffDelay, classifyNetworkError, formatDuration, normaliseBody, parseAt, readHeader, readNumberHeader, readRetryAfterMs, runWithRetries, type AttemptOutcome } from '../../../../nodes/core/http';
import { FakeClock } from './support/fake-clock';

/** The generic pieces in nodes/core/http that the Brevo transport is built on. */
describe('runWithRetries: the bounded loop', () => {
	const giveUp = (reason: string, progress: { attempts: number; waitedMs: number }) => new Error(`${reason} after ${progress.attempts} attempts, ${progress.waitedMs} ms waited`);

	it('retries until done, sleeping the asked delays', async () => {
		const clock = new FakeClock();
		const outcomes: AttemptOutcome<string>[] = [
			{ kind: 'retry', delayMs: 100, giveUp },
			{ kind: 'retry', delayMs: 200, giveUp },
			{ kind: 'done', value: 'ok' },
		];
		await expect(runWithRetries(async () => outcomes.shift()!, { maxAttempts: 5, maxTotalWaitMs: 1_000, sleep: clock.sleep, now: clock.now })).resolves.toBe('ok');
		expect(clock.sleeps).toEqual([100, 200]);
	});

	it('stops at the attempt bound and at the wait budget, saying which', async () => {
		const clock = new FakeClock();
		const always = async (): Promise<AttemptOutcome<string>> => ({ kind: 'retry', delayMs: 300, giveUp });
		await expect(runWithRetries(always, { maxAttempts: 3, maxTotalWaitMs: 10_000, sleep: clock.sleep, now: clock.now })).rejects.toThrow('attempts after 3 attempts, 600 ms waited');
		await expect(runWithRetries(always, { maxAttempts: 10, maxTotalWaitMs: 700, sleep: clock.sleep, now: clock.now })).rejects.toThrow('wait_budget after 3 attempts, 600 ms waited');
	});

	it('a failure ends the loop at once', async () => {
		await expect(runWithRetries(async () => ({ kind: 'fail', error: new Error('no') }), { maxAttempts: 5, maxTotalWaitMs: 1_000, sleep: async () => undefined, now: () => 0 })).rejects.toThrow('no');
	});
});

describe('helpers', () => {
	it('backoff with equal jitter stays between half and all of each doubling step, capped', () => {
		expect([1, 2, 3, 4].map((r) => backoffDelay(r, 1_000, 3_000, () => 0))).toEqual([500, 1_000, 1_500, 1_500]);
		expect([1, 2].map((r) => backoffDelay(r, 1_000, 30_000, () => 0.999))).toEqual([1_000, 1_999]);
	});

	it('headers by any case; numbers with fractions; Retry-After as seconds or a date', () => {
		expect(readHeader({ 'X-Sib-RateLimit-Reset': '1' }, 'x-sib-ratelimit-reset')).toBe('1');
		expect(readNumberHeader({ a: '0.008' }, 'A')).toBe(0.008);
		expect(readNumberHeader({ a: 'soon' }, 'a')).toBeUndefined();
		expect(readRetryAfterMs({ 'retry-after': '2' }, 0)).toBe(2_000);
		expect(readRetryAfterMs({ 'retry-after': new Date(10_000).toUTCString() }, 4_000)).toBe(6_000);
	});

	it('network errors by code, on the error or its cause', () => {
		expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }))).toBe('timeout');
		expect(classifyNetworkError(new Error('fetch failed', { cause: Object.assign(new Error('y'), { code: 'ECONNREFUSED' }) }))).toBe('connection');
		expect(classifyNetworkError(Object.assign(new Error('z'), { code: 'ENOTFOUND' }))).toBe('host_not_found');
		expect(classifyNetworkError(new Error('odd'))).toBe('other');
	});

	it('bodies as helpers hand them over', () => {
		expect(normaliseBody('')).toBeUndefined();
		expect(normaliseBody(Buffer.from('{"a":1}'))).toEqual({ a: 1 });
		expect(normaliseBody('not json')).toBe('not json');
	});

	it('parse problems name their path; durations read well', () => {
		expect(parseAt(z.object({ id: z.number() }), { id: 'x' }, 'body')).toEqual({ ok: false, problem: 'body.id: Expected number, received string' });
		expect([250, 1_500, 92_000, 3_000_000].map(formatDuration)).toEqual(['250 ms', '1.5 s', '92 s', '50 min']);
	});
});
