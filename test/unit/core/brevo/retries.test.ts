import { createBrevoClient, type BrevoCall, type BrevoRetrySettings } from '../../../../nodes/core/brevo';
import { FakeClock } from './support/fake-clock';
import { BASE_URL, brevoError, json, networkError, noContent, rateHeaders, scriptedRequest, tooMany, type ScriptedStep } from './support/scripted-request';

function clientWith(steps: ScriptedStep[], retry: Partial<BrevoRetrySettings> = {}) {
	const clock = new FakeClock();
	const request = scriptedRequest(steps);
	// random() = 0.5 makes "equal jitter" backoff exactly 3/4 of each step: 750, 1500, 3000 …
	const client = createBrevoClient({ baseUrl: BASE_URL, request, now: clock.now, sleep: clock.sleep, random: () => 0.5, retry });
	return { client, request, clock };
}

const getContact: BrevoCall = { method: 'GET', path: '/contacts/jane%40example.com', action: 'find the contact jane@example.com' };
const trackEvent: BrevoCall = { method: 'POST', path: '/events', body: { event_name: 'order_shipped', identifiers: { email_id: 'jane@example.com' } }, action: 'track the event "order_shipped"' };
const contact = json(200, { id: 1, email: 'jane@example.com', emailBlacklisted: false, smsBlacklisted: false, listIds: [], attributes: {} }, rateHeaders(9, 1));

describe('429 Too Many Requests', () => {
	it('waits x-sib-ratelimit-reset (seconds), then retries — even a write, which Brevo did not process', async () => {
		const { client, request, clock } = clientWith([tooMany(rateHeaders(0, 1)), noContent(rateHeaders(9, 1))]);
		await expect(client.send(trackEvent)).resolves.toMatchObject({ status: 204 });
		expect(clock.sleeps).toEqual([1_000]);
		expect(request.calls).toHaveLength(2);
	});

	it('honours fractional resets (the sandbox under a faster clock)', async () => {
		const { client, clock } = clientWith([tooMany(rateHeaders(0, '0.25')), contact]);
		await client.send(getContact);
		expect(clock.sleeps).toEqual([250]);
	});

	it('backs off exponentially when the 429 says nothing about its reset', async () => {
		const { client, clock } = clientWith([tooMany({}), tooMany({}), tooMany({}), contact]);
		await client.send(getContact);
		expect(clock.sleeps).toEqual([750, 1_500, 3_000]);
	});

	it('grows the wait when 429s continue (another app spends the quota), within the bounds', async () => {
		const { client, clock } = clientWith([tooMany(), tooMany(), tooMany(), tooMany(), contact]);
		await client.send(getContact);
		expect(clock.sleeps).toEqual([1_000, 1_000, 1_500, 3_000]);
	});

	it('gives up after the attempts with a message that says what happened and what to do', async () => {
		const { client, request } = clientWith(Array.from({ length: 6 }, () => tooMany()));
		const error = await client.send(trackEvent).catch((e: unknown) => e);
		expect(request.calls).toHaveLength(6);
		expect(error).toMatchObject({ name: 'BrevoApiError', failure: 'rate_limited', status: 429, attempts: 6, code: 'too_many_requests' });
		expect((error as Error).message).toBe(
			'Brevo kept answering 429 (rate limit) for 6 attempts over 13 s when trying to track the event "order_shipped". ' +
				'Brevo limits how many requests an account may send per second or hour, and this limit is used up right now (other workflows or apps using the same API key count too). Run the workflow again later, or send fewer items at once.',
		);
	});

	it('stops at once when the reset is further away than the node may wait (an hourly limit spent)', async () => {
		const { client, request, clock } = clientWith([tooMany(rateHeaders(0, 3_000, 100))]);
		const error = await client.send(getContact).catch((e: unknown) => e);
		expect(request.calls).toHaveLength(1);
		expect(clock.sleeps).toEqual([]);
		expect((error as Error).message).toMatch(/^Brevo's rate limit for GET \/contacts\/jane@example\.com is used up and resets in 50 min, longer than the 60 s this node may wait, so it could not find the contact jane@example\.com\./);
	});
});

describe('5xx and network failures', () => {
	it('retries a read after a 5xx, with backoff', async () => {
		const { client, clock } = clientWith([brevoError(503, 'internal_error', 'Service unavailable'), brevoError(502, 'internal_error', 'Bad gateway'), contact]);
		await expect(client.send(getContact)).resolves.toMatchObject({ status: 200 });
		expect(clock.sleeps).toEqual([750, 1_500]);
	});

	it('never repeats an event after a 5xx: a second copy would be a second event', async () => {
		const { client, request } = clientWith([brevoError(500, 'internal_error', 'Something went wrong')]);
		const error = await client.send(trackEvent).catch((e: unknown) => e);
		expect(request.calls).toHaveLength(1);
		expect(error).toMatchObject({ failure: 'server_error', status: 500, uncertain: true });
		expect((error as Error).message).toBe(
			'Brevo had a server error (500 Internal Server Error, internal_error) when trying to track the event "order_shipped". Brevo said: "Something went wrong". ' +
				'Brevo may or may not have carried it out. It was not sent again automatically, so that nothing is done twice: check in Brevo before running the workflow again.',
		);
	});

	it('retries a repeatable write (an upsert) after a timeout', async () => {
		const { client, request } = clientWith([{ throws: networkError('ETIMEDOUT', 'timeout of 30000ms exceeded') }, json(201, { id: 7 })]);
		await expect(client.send({ method: 'POST', path: '/contacts', body: {}, action: 'create the contact', repeatable: true })).resolves.toMatchObject({ status: 201 });
		expect(request.calls).toHaveLength(2);
	});

	it('does not repeat an SMS after a timeout, and says it may have gone out', async () => {
		const { client, request } = clientWith([{ throws: networkError('ECONNABORTED', 'timeout of 30000ms exceeded') }]);
		const error = await client.send({ method: 'POST', path: '/transactionalSMS/sms', body: {}, action: 'send an SMS to +33612345678' }).catch((e: unknown) => e);
		expect(request.calls).toHaveLength(1);
		expect(error).toMatchObject({ failure: 'timeout', uncertain: true });
		expect((error as Error).message).toMatch(/^Brevo did not answer in time when trying to send an SMS to \+33612345678 \(30 s per attempt\)\. Brevo may or may not have carried it out\./);
	});

	it('gives up on reads once the attempts are spent, counting them', async () => {
		const { client } = clientWith(Array.from({ length: 6 }, () => ({ throws: networkError('ECONNRESET', 'socket hang up') })));
		const error = await client.send(getContact).catch((e: unknown) => e);
		expect(error).toMatchObject({ failure: 'network', attempts: 6 });
		expect(error).toMatchObject({ summary: expect.stringMatching(/^Could not reach Brevo to find the contact jane@example\.com \(6 attempts over \d+ s\)\.$/), detail: 'ECONNRESET: socket hang up' });
		expect((error as Error).message).toMatch(/\. Check the Base URL in the Brevo API credential and that the n8n server can reach it, then run again\. Detail: ECONNRESET: socket hang up\.$/);
	});

	it('does not retry an unknown host', async () => {
		const { client, request } = clientWith([{ throws: networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.brevo.cmo') }]);
		await expect(client.send(getContact)).rejects.toThrow(/Check the Base URL in the Brevo API credential \(for a real account it is https:\/\/api\.brevo\.com\/v3\)/);
		expect(request.calls).toHaveLength(1);
	});

	it('does not retry 4xx', async () => {
		const { client, request } = clientWith([brevoError(400, 'invalid_parameter', 'event_name is invalid')]);
		await expect(client.send(trackEvent)).rejects.toMatchObject({ failure: 'invalid_request' });
		expect(request.calls).toHaveLength(1);
	});
});

describe('requests', () => {
	it('sends JSON to the Base URL, path and query encoded', async () => {
		const { client, request } = clientWith([contact]);
		await client.send({ ...getContact, query: { identifierType: 'email_id', empty: '' } });
		expect(request.calls[0]).toMatchObject({ method: 'GET', url: `${BASE_URL}/contacts/jane%40example.com?identifierType=email_id`, headers: { Accept: 'application/json' }, timeoutMs: 30_000 });
	});

	it('refuses a Base URL without a scheme, naming the credential field', () => {
		expect(() => createBrevoClient({ baseUrl: 'api.brevo.com/v3', request: scriptedRequest([]) })).toThrow(/Base URL "api\.brevo\.com\/v3" of the Brevo API credential must start with https:\/\//);
	});

	it('parses a JSON body the helper handed over as text', async () => {
		const { client } = clientWith([{ statusCode: 201, headers: {}, body: '{"id": 3}' }]);
		await expect(client.send({ method: 'POST', path: '/contacts', body: {}, action: 'create the contact' })).resolves.toMatchObject({ body: { id: 3 } });
	});
});
