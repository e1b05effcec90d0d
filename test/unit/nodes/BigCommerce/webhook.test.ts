import type { IDataObject } from 'n8n-workflow';
import { runNode } from './support/contexts';
import { startTestStore, type TestStore } from './support/store';

let store: TestStore;

beforeAll(async () => {
	store = await startTestStore();
	store.sandbox.addToken('other-token', 'other-client');
});
afterAll(() => store.close());

interface Hook {
	id: number;
	scope: string;
	destination: string;
	is_active: boolean;
}

const SECRET_HEADER = 'X-Tajo-Webhook-Secret';

/** Hooks of this credential's API account (and one of another app), some switched off. */
let hooks: Record<'orderCreated' | 'orderStatus' | 'cartAbandoned' | 'customerCreated' | 'otherApp', Hook>;

async function createHook(scope: string, destination: string, token = store.sandbox.accessToken): Promise<Hook> {
	const response = await fetch(`${store.sandbox.url}/stores/${store.sandbox.storeHash}/v3/hooks`, {
		method: 'POST',
		headers: { 'X-Auth-Token': token, 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify({ scope, destination, is_active: true, headers: { [SECRET_HEADER]: 'the-trigger-secret' } }),
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as { data: Hook }).data;
}

const activeById = () => new Map((store.sandbox.allHooks() as unknown as Hook[]).map((h) => [h.id, h.is_active]));

beforeEach(async () => {
	store.sandbox.reset({ seed: false });
	hooks = {
		orderCreated: await createHook('store/order/created', 'https://n8n.example.com/webhook/a/webhook'),
		orderStatus: await createHook('store/order/statusUpdated', 'https://n8n.example.com/webhook/a/webhook'),
		cartAbandoned: await createHook('store/cart/abandoned', 'https://n8n.example.com/webhook/b/webhook'),
		customerCreated: await createHook('store/customer/created', 'https://n8n.example.com/webhook/b/webhook'),
		otherApp: await createHook('store/order/created', 'https://other.example.com/hook', 'other-token'),
	};
	// What BigCommerce does after 48 h of failed deliveries.
	for (const hook of [hooks.orderStatus, hooks.cartAbandoned, hooks.otherApp]) store.sandbox.deactivateHook(hook.id);
	store.calls.length = 0;
});

const run = (parameters: IDataObject, extra: { continueOnFail?: boolean } = {}) =>
	runNode({ credentials: store.credentials, request: store.request, parameters: { resource: 'webhook', ...parameters }, ...extra });
const ids = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.id);
const paths = () => store.calls.map((c) => `${c.method} ${c.path}`);

describe('Webhook › Get Many', () => {
	it.each([
		['all', () => [hooks.orderCreated, hooks.orderStatus, hooks.cartAbandoned, hooks.customerCreated], ''],
		['active', () => [hooks.orderCreated, hooks.customerCreated], 'is_active=true&'],
		['inactive', () => [hooks.orderStatus, hooks.cartAbandoned], 'is_active=false&'],
	])('lists %s webhooks of this API account only, filtered by BigCommerce', async (status, expected, query) => {
		const out = await run({ operation: 'getAll', status, returnAll: true });
		expect(ids(out)).toEqual(expected().map((h) => h.id));
		expect(paths()).toEqual([`GET /v3/hooks?${query}page=1&limit=250`]);
	});

	it('keeps the webhooks whose scope contains the text, in any case, up to the limit', async () => {
		expect(ids(await run({ operation: 'getAll', returnAll: true, filters: { scopeContains: 'ORDER' } }))).toEqual([hooks.orderCreated.id, hooks.orderStatus.id]);
		expect(ids(await run({ operation: 'getAll', returnAll: false, limit: 1, filters: { scopeContains: 'cart/abandoned' } }))).toEqual([hooks.cartAbandoned.id]);
		expect(await run({ operation: 'getAll', returnAll: true, filters: { scopeContains: 'product' } })).toEqual([]);
	});

	it('filters by destination, and combines it with the status', async () => {
		const out = await run({ operation: 'getAll', status: 'active', returnAll: true, filters: { destination: 'https://n8n.example.com/webhook/b/webhook' } });
		expect(ids(out)).toEqual([hooks.customerCreated.id]);
	});

	it('returns BigCommerce’s fields but hides header values (the trigger’s secret is one)', async () => {
		const [first] = await run({ operation: 'getAll', returnAll: false, limit: 1 });
		expect(first.json).toMatchObject({ id: hooks.orderCreated.id, scope: 'store/order/created', is_active: true, headers: { [SECRET_HEADER]: '(hidden)' } });
		expect(JSON.stringify(first.json)).not.toContain('the-trigger-secret');
	});
});

describe('Webhook › Reactivate', () => {
	it('switches every inactive webhook of this API account back on, one item each', async () => {
		const out = await run({ operation: 'reactivate', webhooks: 'allInactive' });
		expect(out.map((item) => [item.json.id, item.json.is_active, item.json.reactivated])).toEqual([
			[hooks.orderStatus.id, true, true],
			[hooks.cartAbandoned.id, true, true],
		]);
		expect(paths()).toEqual(['GET /v3/hooks?is_active=false&page=1&limit=250', `PUT /v3/hooks/${hooks.orderStatus.id}`, `PUT /v3/hooks/${hooks.cartAbandoned.id}`]);
		expect(store.calls[1].body).toEqual({ is_active: true });
		// Another app's hook is not this account's to change.
		expect(activeById().get(hooks.otherApp.id)).toBe(false);
		expect([...activeById()].filter(([id]) => id !== hooks.otherApp.id).every(([, active]) => active)).toBe(true);
	});

	it('outputs nothing and changes nothing when no webhook is off', async () => {
		await run({ operation: 'reactivate' });
		store.calls.length = 0;
		expect(await run({ operation: 'reactivate' })).toEqual([]);
		expect(paths()).toEqual(['GET /v3/hooks?is_active=false&page=1&limit=250']);
	});

	it('switches one webhook on by ID, and leaves one that is on alone', async () => {
		const [on] = await run({ operation: 'reactivate', webhooks: 'one', webhookId: String(hooks.orderStatus.id) });
		expect(on.json).toMatchObject({ id: hooks.orderStatus.id, is_active: true, reactivated: true });
		expect(activeById().get(hooks.cartAbandoned.id)).toBe(false);
		store.calls.length = 0;
		const [already] = await run({ operation: 'reactivate', webhooks: 'one', webhookId: String(hooks.orderCreated.id) });
		expect(already.json).toMatchObject({ id: hooks.orderCreated.id, is_active: true, reactivated: false });
		expect(paths()).toEqual([`GET /v3/hooks/${hooks.orderCreated.id}`]);
	});

	it('says which webhook does not exist, or passes that on as an item with Continue On Fail', async () => {
		await expect(run({ operation: 'reactivate', webhooks: 'one', webhookId: '999' })).rejects.toMatchObject({
			message: expect.stringContaining('webhook 999'),
			httpCode: '404',
		});
		// Another app's hook does not exist for this credential either.
		const [item] = await run({ operation: 'reactivate', webhooks: 'one', webhookId: String(hooks.otherApp.id) }, { continueOnFail: true });
		expect(item.json).toMatchObject({ error: expect.stringContaining(`webhook ${hooks.otherApp.id}`), details: { failure: 'not_found', status: 404 } });
	});

	it('rejects a webhook ID that is not a number before calling BigCommerce', async () => {
		await expect(run({ operation: 'reactivate', webhooks: 'one', webhookId: 'store/order/created' })).rejects.toThrow(
			'Webhook ID must be a whole number such as 42, but it is "store/order/created".',
		);
		expect(store.calls).toHaveLength(0);
	});

	it('retries a switch-on that met a server error (setting is_active twice is harmless)', async () => {
		store.sandbox.addFault({ kind: 'server_error', count: 1, status: 503, method: 'PUT', path: '/v3/hooks/' });
		const out = await run({ operation: 'reactivate' });
		expect(out).toHaveLength(2);
		expect(paths().filter((p) => p.startsWith('PUT'))).toEqual([`PUT /v3/hooks/${hooks.orderStatus.id}`, `PUT /v3/hooks/${hooks.orderStatus.id}`, `PUT /v3/hooks/${hooks.cartAbandoned.id}`]);
	});
});
