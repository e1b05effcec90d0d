import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { decodeRecord } from '../../../../nodes/core/bigcommerce/dedupe/record';
import { DEFAULT_DEDUPE_LIMITS, forgetProcessAcceptedHashes } from '../../../../nodes/core/bigcommerce/webhook-dedupe';
import { deriveWebhookSecret } from '../../../../nodes/core/bigcommerce/webhook-secret';
import { callWebhook, deliver } from './support/contexts';

const SECRET = 'a'.repeat(64);
const URL = 'https://n8n.example.com/webhook/abc/webhook';

function registeredState(scopes: string[] = ['store/order/statusUpdated', 'store/cart/converted', 'store/order/refund/created', 'store/cart/abandoned']): IDataObject {
	return { registration: { destination: URL, secret: SECRET, hooks: scopes.map((scope, i) => ({ id: i + 1, scope })) } };
}

let sequence = 0;
function envelope(scope = 'store/order/statusUpdated', data: IDataObject = { type: 'order', id: 250, status: { previous_status_id: 11, new_status_id: 10 } }, hash?: string): IDataObject {
	sequence++;
	return { scope, store_id: '1025646', data, hash: hash ?? sequence.toString(16).padStart(40, '0'), created_at: 1561479335, producer: 'stores/abc123' };
}

const headers = { 'x-tajo-webhook-secret': SECRET, 'content-type': 'application/json' };

beforeEach(() => forgetProcessAcceptedHashes());

describe('authentication', () => {
	it.each([
		['missing', {}],
		['wrong', { 'x-tajo-webhook-secret': 'b'.repeat(64) }],
		['empty', { 'x-tajo-webhook-secret': '' }],
	])('answers 401 and starts nothing when the secret is %s', async (_label, given) => {
		const result = await deliver({ staticData: registeredState(), headers: given, body: envelope() });
		expect(result).toMatchObject({ status: 401, items: undefined, noWebhookResponse: true });
		expect(result.body).toEqual({ error: 'Unauthorized: the X-Tajo-Webhook-Secret header is missing or wrong.' });
	});

	it('answers 401 when the trigger has registered nothing', async () => {
		expect((await deliver({ staticData: {}, headers, body: envelope() })).status).toBe(401);
	});
});

describe('a registration lost from static data (another n8n process saved the workflow without it)', () => {
	const credentials = { storeHash: 'abc123', accessToken: 'token-1', apiBaseUrl: 'https://api.bigcommerce.com' };
	const derived = deriveWebhookSecret('token-1', 'abc123', URL);

	it('still accepts a delivery carrying the secret derived from the credential and its URL', async () => {
		const staticData: IDataObject = {};
		const result = await deliver({ staticData, credentials, webhookUrl: URL, headers: { 'x-tajo-webhook-secret': derived }, body: envelope() });
		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
		// The repeat memory starts afresh; the registration itself is left to the next activation.
		expect(staticData.accepted).toBeDefined();
		expect(staticData.registration).toBeUndefined();
	});

	it('still refuses a wrong secret, and acknowledges without a run an event not among the chosen ones', async () => {
		expect((await deliver({ staticData: {}, credentials, webhookUrl: URL, headers, body: envelope() })).status).toBe(401);
		const other = await deliver({ staticData: {}, credentials, webhookUrl: URL, headers: { 'x-tajo-webhook-secret': derived }, body: envelope('store/product/updated', { type: 'product', id: 3 }) });
		expect(other).toMatchObject({ status: 200, items: undefined });
	});

	it('refuses everything when there is no credential to derive the secret from', async () => {
		expect((await deliver({ staticData: {}, webhookUrl: URL, headers: { 'x-tajo-webhook-secret': derived }, body: envelope() })).status).toBe(401);
	});
});

describe('validation', () => {
	it.each([
		['an empty body', {}, 'The body is not a JSON object with scope, data and hash.'],
		['no scope', { data: {}, hash: 'x' }, 'The "scope" field is missing.'],
		['a scope of another system', { scope: 'orders/create', data: {}, hash: 'x' }, '"orders/create" is not a BigCommerce webhook scope (scopes start with store/).'],
		['no data', { scope: 'store/order/created', hash: 'x' }, 'The "data" field is missing or not an object.'],
		['no hash', { scope: 'store/order/created', data: { type: 'order', id: 1 } }, 'The "hash" field is missing.'],
		['a bad created_at', { scope: 'store/order/created', data: { type: 'order', id: 1 }, hash: 'x', created_at: 'yesterday' }, 'The "created_at" field is not a Unix timestamp.'],
		['no id of what changed', { scope: 'store/order/created', data: { type: 'order' }, hash: 'x' }, 'The "data" of a store/order/created event has no id.'],
	])('answers 400 with the reason for %s', async (_label, body, reason) => {
		const result = await deliver({ staticData: registeredState(['store/order/created']), headers, body });
		expect(result).toMatchObject({ status: 400, items: undefined });
		expect(result.body).toEqual({ error: `Not a BigCommerce webhook delivery: ${reason}` });
	});

	it('reads a body that arrived as raw bytes (no JSON content type)', async () => {
		const result = await deliver({ staticData: registeredState(), headers, body: {}, rawBody: Buffer.from(JSON.stringify(envelope())) });
		expect(result.items).toHaveLength(1);
	});

	it('says when raw bytes are not JSON', async () => {
		const result = await deliver({ staticData: registeredState(), headers, body: {}, rawBody: Buffer.from('scope=store/order/created') });
		expect(result.body).toEqual({ error: 'Not a BigCommerce webhook delivery: The body is not JSON.' });
	});

	it('acknowledges an event it did not register without starting the workflow', async () => {
		const result = await deliver({ staticData: registeredState(), headers, body: envelope('store/product/updated', { type: 'product', id: 3 }) });
		expect(result).toMatchObject({ status: 200, items: undefined, body: { received: true, ignored: 'This trigger does not listen to store/product/updated.' } });
	});
});

describe('the item', () => {
	it('for an order status change: ids and names of both statuses, store, ISO time, hash', async () => {
		const body = envelope();
		const result = await deliver({ staticData: registeredState(), headers, body });
		expect(result.status).toBe(200);
		expect(result.items).toEqual([
			{
				event: 'order.statusUpdated',
				scope: 'store/order/statusUpdated',
				resource_type: 'order',
				resource_id: 250,
				channel_id: null,
				order_id: 250,
				previous_status_id: 11,
				previous_status_name: 'Awaiting Fulfillment',
				new_status_id: 10,
				new_status_name: 'Completed',
				store_hash: 'abc123',
				store_id: '1025646',
				created_at: '2019-06-25T16:15:35.000Z',
				received_at: expect.any(String),
				hash: body.hash,
			},
		]);
	});

	it('for a converted cart: the cart and the order', async () => {
		const result = await deliver({ staticData: registeredState(), headers, body: envelope('store/cart/converted', { type: 'cart', id: 'd30016e2-23c0', orderId: 252 }) });
		expect(result.items?.[0]).toMatchObject({ event: 'cart.converted', resource_type: 'cart', resource_id: 'd30016e2-23c0', cart_id: 'd30016e2-23c0', order_id: 252 });
	});

	it('for a refund: the order and the refund', async () => {
		const result = await deliver({ staticData: registeredState(), headers, body: envelope('store/order/refund/created', { type: 'order', id: 250, refund: { refund_id: 3 } }) });
		expect(result.items?.[0]).toMatchObject({ event: 'order.refund.created', order_id: 250, refund_id: 3 });
		expect(result.items?.[0]).not.toHaveProperty('new_status_id');
	});

	it('for a channel-specific delivery: the store-wide scope and the channel', async () => {
		const staticData = registeredState(['store/channel/2/cart/abandoned']);
		const result = await deliver({ staticData, headers, body: envelope('store/channel/2/cart/abandoned', { cart_id: 'c-1' }) });
		expect(result.items?.[0]).toMatchObject({ event: 'cart.abandoned', scope: 'store/cart/abandoned', channel_id: 2, resource_type: 'cart', cart_id: 'c-1' });
	});

	it('adds the unchanged delivery when asked', async () => {
		const body = envelope();
		const result = await deliver({ staticData: registeredState(), headers, body, parameters: { events: ['store/order/statusUpdated'], options: { includeRawDelivery: true } } });
		expect(result.items?.[0].delivery).toEqual(body);
	});

	it('uses the time of receipt when BigCommerce sends no created_at', async () => {
		const { created_at: _omit, ...body } = envelope();
		const result = await deliver({ staticData: registeredState(), headers, body });
		expect(result.items?.[0].created_at).toBe(result.items?.[0].received_at);
	});
});

describe('duplicates', () => {
	it('a hash already accepted gets 200 and no second execution', async () => {
		const staticData = registeredState();
		const body = envelope();
		expect((await deliver({ staticData, headers, body })).items).toHaveLength(1);
		const again = await deliver({ staticData, headers, body: { ...body, created_at: 1561479999 } });
		expect(again).toMatchObject({ status: 200, items: undefined, body: { received: true, duplicate: true } });
	});

	it('is remembered across an n8n restart through the static data n8n saved', async () => {
		const staticData = registeredState();
		const body = envelope();
		await deliver({ staticData, headers, body });
		// What n8n wrote to the database, read back by a fresh process.
		const saved = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		forgetProcessAcceptedHashes();
		const afterRestart = await deliver({ staticData: saved, headers, body });
		expect(afterRestart.items).toBeUndefined();
		expect(afterRestart.body).toEqual({ received: true, duplicate: true });
	});

	it('puts back a hash lost when two requests saved static data over each other', async () => {
		const snapshot = JSON.stringify(registeredState());
		const first = JSON.parse(snapshot) as IDataObject;
		const second = JSON.parse(snapshot) as IDataObject;
		const a = envelope();
		const b = envelope();
		await deliver({ staticData: first, headers, body: a });
		await deliver({ staticData: second, headers, body: b });
		// `second` was loaded before `first` was saved, and is saved last: it must still hold a's hash.
		forgetProcessAcceptedHashes();
		expect((await deliver({ staticData: JSON.parse(JSON.stringify(second)) as IDataObject, headers, body: a })).body).toEqual({ received: true, duplicate: true });
	});

	it('reads the record of a workflow activated before the compact format, and rewrites it compactly', async () => {
		const body = envelope();
		const oldKey = createHash('sha256').update(String(body.hash)).digest().subarray(0, 12).toString('base64url');
		const acceptedAt = Math.floor(Date.now() / 1000) - 3600;
		const staticData = { ...registeredState(), accepted: { v: 1, entries: [[oldKey, acceptedAt]] } };
		expect((await deliver({ staticData, headers, body })).body).toEqual({ received: true, duplicate: true });
		expect((await deliver({ staticData, headers, body: envelope() })).items).toHaveLength(1);
		expect(staticData.accepted).toMatchObject({ v: 2 });
		expect(decodeRecord(staticData.accepted)).toHaveLength(2);
	});

	it('does not mix up two triggers receiving the same event', async () => {
		const body = envelope();
		expect((await deliver({ staticData: registeredState(), headers, body, workflowId: 'wf-a' })).items).toHaveLength(1);
		expect((await deliver({ staticData: registeredState(), headers, body, workflowId: 'wf-b' })).items).toHaveLength(1);
	});

	it('keeps a bounded record: the newest hashes, within the retry window', async () => {
		const staticData = registeredState();
		for (let i = 0; i < DEFAULT_DEDUPE_LIMITS.maxEntries + 50; i++) await deliver({ staticData, headers, body: envelope() });
		expect(decodeRecord(staticData.accepted)).toHaveLength(DEFAULT_DEDUPE_LIMITS.maxEntries);
		expect(JSON.stringify(staticData.accepted).length).toBeLessThan(16_100);
	});
});

describe('how the answer is sent', () => {
	it('leaves the answer of an accepted delivery to n8n, sent once the execution is stored', async () => {
		const result = await deliver({ staticData: registeredState(), headers, body: envelope() });
		expect(result).toMatchObject({ status: 200, body: { received: true } });
		expect(result.noWebhookResponse).toBeFalsy();
		expect(result.items).toHaveLength(1);
	});

	it('writes the hash into the static data only when n8n builds that answer (after the execution is stored)', async () => {
		const staticData = registeredState();
		const { result } = await callWebhook({ staticData, headers, body: envelope() });
		expect(staticData.accepted).toBeUndefined();
		expect(result.webhookResponse).toEqual({ received: true });
		expect(decodeRecord(staticData.accepted)).toHaveLength(1);
	});

	it("does not remember a delivery n8n could not store: BigCommerce's retry starts the execution", async () => {
		const staticData = registeredState();
		const body = envelope();
		const failed = await deliver({ staticData, headers, body, storeFails: true });
		expect(failed).toMatchObject({ status: 500, items: undefined });
		const retry = await deliver({ staticData, headers, body });
		expect(retry).toMatchObject({ status: 200, body: { received: true } });
		expect(retry.items).toHaveLength(1);
		expect((await deliver({ staticData, headers, body })).body).toEqual({ received: true, duplicate: true });
	});

	it('answers a rejection or a duplicate itself, at once', async () => {
		const staticData = registeredState();
		const body = envelope();
		await deliver({ staticData, headers, body });
		expect(await deliver({ staticData, headers, body })).toMatchObject({ status: 200, noWebhookResponse: true });
		expect(await deliver({ staticData, headers: {}, body })).toMatchObject({ status: 401, noWebhookResponse: true });
	});
});
