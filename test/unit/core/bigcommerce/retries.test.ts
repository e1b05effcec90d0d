import { createBigCommerceClient, customerSchema, type RetrySettings } from '../../../../nodes/core/bigcommerce';
import { FakeClock } from './support/fake-clock';
import { v3Customer } from './support/fixtures';
import { json, networkError, rateLimitHeaders, scriptedRequest, type ScriptedStep } from './support/scripted-request';

const ok = json(200, { data: [v3Customer(1)], meta: {} });
const tooMany = (headers: Record<string, string> = {}) => json(429, { status: 429, title: 'Too many requests', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' }, headers);
const serverError = (status = 503) => json(status, { status, title: 'Service temporarily unavailable', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' });

function clientWith(steps: ScriptedStep[], retry: Partial<RetrySettings> = {}) {
	const clock = new FakeClock();
	const request = scriptedRequest(steps);
	// random() = 0.5 makes "equal jitter" backoff exactly 3/4 of each step: 750, 1500, 3000 …
	const client = createBigCommerceClient({ baseUrl: 'https://api.bigcommerce.com', storeHash: 'abc123', request, now: clock.now, sleep: clock.sleep, random: () => 0.5, retry });
	return { client, request, clock };
}

const getCustomers = { version: 'v3', method: 'GET', path: '/customers' } as const;
const createCode = { version: 'v3', method: 'POST', path: '/promotions/9/codes', body: { code: 'SAVE10', max_uses: 1 } } as const;

describe('429 Too Many Requests', () => {
	it('waits X-Rate-Limit-Time-Reset-Ms, then retries', async () => {
		const { client, request, clock } = clientWith([tooMany(rateLimitHeaders(0, 15_000)), ok]);
		await expect(client.send(getCustomers)).resolves.toMatchObject({ status: 200 });
		expect(clock.sleeps).toEqual([15_000]);
		expect(request.calls).toHaveLength(2);
	});

	it('waits X-Retry-After, which counts seconds', async () => {
		const { client, clock } = clientWith([tooMany({ 'X-Retry-After': '5' }), ok]);
		await client.send(getCustomers);
		expect(clock.sleeps).toEqual([5_000]);
	});

	it('waits the longer of the two when both are sent', async () => {
		const first = clientWith([tooMany({ ...rateLimitHeaders(0, 2_000), 'x-retry-after': '7' }), ok]);
		await first.client.send(getCustomers);
		expect(first.clock.sleeps).toEqual([7_000]);

		const second = clientWith([tooMany({ ...rateLimitHeaders(0, 9_000), 'x-retry-after': '3' }), ok]);
		await second.client.send(getCustomers);
		expect(second.clock.sleeps).toEqual([9_000]);
	});

	it('backs off exponentially when the 429 has no rate-limit headers (platform under load)', async () => {
		const { client, clock } = clientWith([tooMany(), tooMany(), tooMany(), ok]);
		await client.send(getCustomers);
		expect(clock.sleeps).toEqual([1_500, 3_000, 6_000]);
	});

	it('jitters the backoff between half and all of each step', async () => {
		for (const [random, expected] of [
			[0, [1_000, 2_000]],
			[0.999, [1_999, 3_998]],
		] as const) {
			const clock = new FakeClock();
			const client = createBigCommerceClient({ baseUrl: 'https://x.test', storeHash: 'h', request: scriptedRequest([tooMany(), tooMany(), ok]), now: clock.now, sleep: clock.sleep, random: () => random });
			await client.send(getCustomers);
			expect(clock.sleeps).toEqual(expected);
		}
	});

	it('gives up after the attempts, saying what happened', async () => {
		const { client, request } = clientWith([tooMany(), tooMany(), tooMany(), tooMany(), tooMany()]);
		const error = await client.send(getCustomers).catch((e: unknown) => e);
		expect(request.calls).toHaveLength(5);
		expect(error).toMatchObject({ name: 'BigCommerceApiError', failure: 'rate_limited', status: 429, attempts: 5, elapsedMs: 22_500 });
		expect((error as Error).message).toBe(
			'BigCommerce kept answering 429 (rate limit) for 5 attempts over 23 s on GET /v3/customers. ' +
				"The store's API quota is shared by every app that uses the store and is used up right now. Run the workflow again later, or let it run less often or read fewer records.",
		);
	});

	it('honours the reset on every retry and grows the wait if 429s continue, within the bounds', async () => {
		const { client, clock } = clientWith(Array.from({ length: 5 }, () => tooMany(rateLimitHeaders(0, 30_000))));
		await expect(client.send(getCustomers)).rejects.toThrow(/^BigCommerce kept answering 429 \(rate limit\) for 5 attempts over 120 s on GET \/v3\/customers\./);
		expect(clock.sleeps).toEqual([30_000, 30_000, 30_000, 30_000]);
	});

	it('stops at once when asked to wait longer than the call may', async () => {
		const { client, request } = clientWith([tooMany({ 'X-Retry-After': '3600' })]);
		await expect(client.send(getCustomers)).rejects.toThrow(
			'BigCommerce answered 429 (rate limit) on GET /v3/customers and asked to wait 3600 s, longer than the 120 s this call may still wait.',
		);
		expect(request.calls).toHaveLength(1);
	});

	it('retries writes too: BigCommerce rejects over-quota requests without processing them', async () => {
		const { client, request } = clientWith([tooMany(rateLimitHeaders(0, 1_000)), json(201, { data: { id: 1, code: 'SAVE10' }, meta: {} })]);
		await expect(client.send(createCode)).resolves.toMatchObject({ status: 201 });
		expect(request.calls.map((c) => [c.method, c.body])).toEqual([
			['POST', createCode.body],
			['POST', createCode.body],
		]);
	});
});

describe('5xx and network failures', () => {
	it('retries a read after 5xx with backoff, then succeeds', async () => {
		const { client, clock } = clientWith([serverError(500), serverError(503), ok]);
		const customers = await client.v3('GET', '/customers/1', customerSchema.array());
		expect(customers[0].id).toBe(1);
		expect(clock.sleeps).toEqual([750, 1_500]);
	});

	it('gives up on a read after the attempts with a clear message', async () => {
		const { client, request } = clientWith(Array.from({ length: 5 }, () => serverError(503)));
		const error = await client.send(getCustomers).catch((e: unknown) => e);
		expect(request.calls).toHaveLength(5);
		expect((error as Error).message).toBe(
			'BigCommerce had a server error (503 Service Unavailable) on GET /v3/customers and still failed after 5 attempts over 11 s. ' +
				'BigCommerce said: "Service temporarily unavailable". ' +
				"This is a problem on BigCommerce's side and usually passes. Run the workflow again later.",
		);
		expect(error).toMatchObject({ failure: 'server_error', status: 503, attempts: 5 });
	});

	it('never retries a write after 5xx: it may have been applied', async () => {
		const { client, request, clock } = clientWith([serverError(500)]);
		await expect(client.send(createCode)).rejects.toThrow(
			'BigCommerce had a server error (500 Internal Server Error) on POST /v3/promotions/9/codes. BigCommerce said: "Service temporarily unavailable". ' +
				'The change may or may not have been saved. It was not sent again automatically, so nothing is done twice: check in BigCommerce before running again.',
		);
		expect(request.calls).toHaveLength(1);
		expect(clock.sleeps).toEqual([]);
	});

	it('retries a write marked idempotent (e.g. a PUT of absolute values)', async () => {
		const { client, request } = clientWith([serverError(502), json(200, { data: [], meta: {} })]);
		await client.send({ version: 'v3', method: 'PUT', path: '/customers', body: [{ id: 1, store_credit_amounts: [{ amount: 5 }] }], idempotent: true });
		expect(request.calls).toHaveLength(2);
	});

	it('does not retry 501 Not Implemented, nor 4xx', async () => {
		const first = clientWith([serverError(501)]);
		await expect(first.client.send(getCustomers)).rejects.toMatchObject({ status: 501, attempts: 1 });
		const second = clientWith([json(400, { status: 400, title: 'Bad filter' })]);
		await expect(second.client.send(getCustomers)).rejects.toMatchObject({ status: 400, attempts: 1 });
	});

	it('retries a read after a timeout, then succeeds', async () => {
		const { client, clock } = clientWith([{ throws: networkError('ETIMEDOUT', 'timeout of 30000ms exceeded') }, ok]);
		await expect(client.send(getCustomers)).resolves.toMatchObject({ status: 200 });
		expect(clock.sleeps).toEqual([750]);
	});

	it('gives up on a read that keeps timing out', async () => {
		const { client } = clientWith(Array.from({ length: 5 }, () => ({ throws: networkError('ECONNABORTED', 'timeout of 30000ms exceeded') })));
		await expect(client.send(getCustomers)).rejects.toThrow(
			'BigCommerce did not answer GET /v3/customers in time (30 s per attempt; 5 attempts over 11 s). ' +
				'BigCommerce may be slow or unreachable from the n8n server. Check the API Base URL in the BigCommerce API credential and run again later.',
		);
	});

	it('never retries a write that timed out', async () => {
		const { client, request } = clientWith([{ throws: Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }) }]);
		const error = await client.send(createCode).catch((e: unknown) => e);
		expect(request.calls).toHaveLength(1);
		expect(error).toMatchObject({ failure: 'timeout', attempts: 1 });
		expect((error as Error).message).toBe(
			'BigCommerce did not answer POST /v3/promotions/9/codes in time (30 s per attempt). ' +
				'The change may or may not have been saved. It was not sent again automatically, so nothing is done twice: check in BigCommerce before running again.',
		);
	});

	it('retries a read after a dropped connection, found on the error or its cause', async () => {
		const wrapped = Object.assign(new Error('request failed'), { cause: networkError('ECONNRESET', 'socket hang up') });
		const { client, request } = clientWith([{ throws: wrapped }, ok]);
		await client.send(getCustomers);
		expect(request.calls).toHaveLength(2);
	});

	it('does not retry an unknown host: the base URL is wrong', async () => {
		const { client, request } = clientWith([{ throws: networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.bigcomerce.com') }]);
		await expect(client.send(getCustomers)).rejects.toThrow(
			'Could not find the server for GET /v3/customers (getaddrinfo ENOTFOUND api.bigcomerce.com). Check the API Base URL in the BigCommerce API credential (for a real store it is https://api.bigcommerce.com).',
		);
		expect(request.calls).toHaveLength(1);
	});

	it('keeps the total wait within maxTotalWaitMs', async () => {
		const { client, request, clock } = clientWith([serverError(), serverError(), serverError()], { maxTotalWaitMs: 2_000 });
		await expect(client.send(getCustomers)).rejects.toMatchObject({ attempts: 2 });
		expect(request.calls).toHaveLength(2);
		expect(clock.totalSlept).toBeLessThanOrEqual(2_000);
	});

	it('keeps the attempts within maxAttempts', async () => {
		const { client, request } = clientWith([serverError(), serverError()], { maxAttempts: 2 });
		await expect(client.send(getCustomers)).rejects.toThrow(/still failed after 2 attempts over 750 ms/);
		expect(request.calls).toHaveLength(2);
	});
});
