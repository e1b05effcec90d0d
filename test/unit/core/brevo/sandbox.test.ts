import {
	buildEvent,
	buildOrder,
	buildProduct,
	buildSms,
	buildTemplateEmail,
	checkAttributeValues,
	consentOf,
	createBrevoClient,
	defaultIdempotencyKey,
	ensureAttributes,
	findContact,
	listAttributes,
	sendOrders,
	sendSms,
	sendTemplateEmail,
	TAJO_ATTRIBUTES,
	toBatchItem,
	trackEvent,
	trackEvents,
	upsertContact,
	upsertProducts,
	type BrevoClient,
} from '../../../../nodes/core/brevo';
import { startBrevoSandbox, type BrevoSandbox } from '../../../../sandbox/brevo';
import { fetchRequest } from './support/fetch-request';

/**
 * The transport and operations against the Brevo emulator (sandbox/brevo): real HTTP, Brevo's
 * status codes, {code, message} errors, x-sib-ratelimit-* headers and injected faults. The clock
 * runs 20× faster so that rate-limit windows pass quickly; backoffs are shortened likewise.
 */
let sandbox: BrevoSandbox;
let client: BrevoClient;

beforeAll(async () => {
	sandbox = await startBrevoSandbox({ timeScale: 20, seed: false });
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => {
	sandbox.reset({ seed: false });
	client = createBrevoClient({ baseUrl: sandbox.apiBaseUrl, request: fetchRequest(sandbox.apiKey), retry: { backoffBaseMs: 10, rateLimitBackoffBaseMs: 10, backoffMaxMs: 100 } });
});

const shipped = buildEvent({ eventName: 'order_shipped', identifiers: { email: 'jane@example.com' }, eventProperties: { orderId: 100, carrier: 'UPS' } });

describe('429 storms', () => {
	it('are waited out and retried: the event arrives once', async () => {
		sandbox.injectRateLimitStorm({ count: 3, family: 'events' });
		await trackEvent(client, shipped);
		expect(sandbox.events({ eventName: 'order_shipped' })).toHaveLength(1);
		expect(sandbox.received({ path: '/v3/events' }).map((r) => r.status)).toEqual([429, 429, 429, 204]);
	});

	it('end in a clear error once the retries are spent, and nothing is recorded', async () => {
		sandbox.injectRateLimitStorm({ count: 20, family: 'events' });
		const error = (await trackEvent(client, shipped).catch((e: unknown) => e)) as Error;
		expect(error).toMatchObject({ name: 'BrevoApiError', failure: 'rate_limited', status: 429, attempts: 6, code: 'too_many_requests' });
		expect(error.message).toMatch(/^Brevo kept answering 429 \(rate limit\) for 6 attempts over [\d.]+ m?s when trying to track the event "order_shipped"\. Brevo limits how many requests/);
		expect(sandbox.events()).toHaveLength(0);
	});

	it('a 5xx on a read is retried; on an event it is not', async () => {
		sandbox.createContact({ email: 'jane@example.com' });
		sandbox.injectServerErrors({ count: 1, family: 'contacts', status: 503 });
		await expect(findContact(client, { kind: 'email_id', value: 'jane@example.com' })).resolves.toMatchObject({ email: 'jane@example.com' });
		sandbox.injectServerErrors({ count: 1, family: 'events', status: 500 });
		await expect(trackEvent(client, shipped)).rejects.toMatchObject({ failure: 'server_error', uncertain: true });
		expect(sandbox.received({ path: '/v3/events' })).toHaveLength(1);
	});
});

describe('unknown attributes', () => {
	it('Brevo drops their values silently; the check says so, and Ensure fixes it', async () => {
		const values = { LOYALTY_TIER: 'Gold', LOYALTY_POINTS: '1200', FIRSTNAME: 'Jane' };
		const before = checkAttributeValues(values, await listAttributes(client));
		expect(before.ignored.map((i) => i.name)).toEqual(['LOYALTY_TIER', 'LOYALTY_POINTS']);
		await upsertContact(client, { email: 'jane@example.com', attributes: { ...before.values, LOYALTY_TIER: 'Gold' } });
		expect(sandbox.contact('jane@example.com')?.attributes).toEqual({ FIRSTNAME: 'Jane' });

		await expect(ensureAttributes(client, TAJO_ATTRIBUTES)).resolves.toMatchObject({ created: ['LOYALTY_POINTS', 'LOYALTY_TIER', 'CUSTOMER_GROUP', 'LAST_ORDER_DATE'] });
		const after = checkAttributeValues(values, await listAttributes(client));
		expect(after.ignored).toEqual([]);
		await upsertContact(client, { email: 'jane@example.com', attributes: after.values });
		expect(sandbox.contact('jane@example.com')?.attributes).toMatchObject({ LOYALTY_TIER: 'Gold', LOYALTY_POINTS: 1200, FIRSTNAME: 'Jane' });
		await expect(ensureAttributes(client, TAJO_ATTRIBUTES)).resolves.toMatchObject({ created: [], existing: ['LOYALTY_POINTS', 'LOYALTY_TIER', 'CUSTOMER_GROUP', 'LAST_ORDER_DATE'] });
	});
});

describe('transactional email idempotency', () => {
	it('a repeated send with the same key is suppressed by Brevo and reported as a duplicate', async () => {
		sandbox.addTemplate({ id: 3, name: 'order_shipped', subject: 'Your order shipped' });
		const input = { templateId: 3, to: [{ email: 'jane@example.com' }], params: { orderId: 100 } };
		const body = buildTemplateEmail({ ...input, idempotencyKey: defaultIdempotencyKey(input) });
		await expect(sendTemplateEmail(client, body)).resolves.toMatchObject({ sent: true, messageId: expect.any(String) });
		await expect(sendTemplateEmail(client, body)).resolves.toEqual({ sent: false, duplicate: true, idempotencyKey: body.headers?.idempotencyKey });
		expect(sandbox.emails({ templateId: 3 })).toHaveLength(1);
	});

	it('a 5xx before the send is retried, thanks to the key, and the email goes out once', async () => {
		sandbox.addTemplate({ id: 3, name: 'order_shipped', subject: 'Your order shipped' });
		sandbox.injectServerErrors({ count: 2, family: 'email', status: 502 });
		const input = { templateId: 3, to: [{ email: 'jane@example.com' }], params: { orderId: 101 } };
		await expect(sendTemplateEmail(client, buildTemplateEmail({ ...input, idempotencyKey: defaultIdempotencyKey(input) }))).resolves.toMatchObject({ sent: true });
		expect(sandbox.emails()).toHaveLength(1);
	});
});

describe('consent', () => {
	it('reads blacklists and list unsubscriptions as booleans', async () => {
		sandbox.createContact({ email: 'jane@example.com', attributes: { SMS: '+33612345678' } });
		sandbox.setContactConsent('jane@example.com', { smsBlacklisted: true });
		const byPhone = consentOf(await findContact(client, { kind: 'phone_id', value: '+33612345678' }));
		expect(byPhone).toMatchObject({ found: true, canEmail: true, canSms: false, smsBlacklisted: true, whatsappBlacklisted: false });
		expect(consentOf(await findContact(client, { kind: 'email_id', value: 'nobody@example.com' }))).toMatchObject({ found: false });
	});

	it('SMS credits running out is a clear error', async () => {
		sandbox.setSmsCredits(0);
		await expect(sendSms(client, buildSms({ sender: 'MyShop', recipient: '+33612345678', content: 'hi' }))).rejects.toMatchObject({ failure: 'no_credits', status: 402 });
	});
});

describe('batches', () => {
	it('events, products and orders', async () => {
		const events = [shipped, buildEvent({ eventName: 'review_request', identifiers: { extId: 'bc-7' }, eventProperties: { products: [{ id: 1, name: 'Shirt' }] } })].map(toBatchItem);
		await expect(trackEvents(client, events)).resolves.toEqual({ queued: 2 });
		expect(sandbox.events().map((e) => e.source)).toEqual(['batch', 'batch']);

		await expect(upsertProducts(client, [buildProduct({ id: 1, name: 'Shirt', price: '19.90' }), buildProduct({ id: 2, name: 'Hat' })])).resolves.toMatchObject({ createdCount: 2 });
		expect(sandbox.products().map((p) => p.id)).toEqual(['1', '2']);

		const order = buildOrder({ id: 100, status: 'completed', amount: '19.90', createdAt: '2024-01-24T10:00:00Z', updatedAt: '2024-01-24T10:00:00Z', products: [{ productId: 1, price: '19.90', quantity: 1 }], email: 'jane@example.com' });
		await expect(sendOrders(client, [order], { historical: true })).resolves.toMatchObject({ count: 1 });
		expect(sandbox.orders({ id: '100' })).toHaveLength(1);
	});
});
