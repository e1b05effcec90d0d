import { deriveWebhookSecret } from '../../../../nodes/core/bigcommerce/webhook-secret';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { hookContext, lifecycle } from './support/contexts';
import { fetchHandler, json, networkError, recording, type RequestHandler } from './support/http';
import { startTestStore, type TestStore } from './support/store';

let store: TestStore;
let staticData: IDataObject;
let port = 1;
const EVENTS = ['store/order/statusUpdated', 'store/cart/abandoned', 'store/customer/created'];

beforeAll(async () => {
	store = await startTestStore();
});
afterAll(() => store.close());
beforeEach(() => {
	store.sandbox.reset({ seed: true });
	store.calls.length = 0;
	staticData = {};
	port++;
});

/** A URL nothing listens on: no event is fired in these tests, only hooks are managed. */
const url = () => `http://127.0.0.1:${port}/webhook/trigger-${port}/webhook`;

function context(options: { events?: string[]; channelId?: number; request?: RequestHandler; webhookUrl?: string } = {}) {
	return hookContext({
		credentials: store.credentials,
		request: options.request ?? store.request,
		parameters: { events: options.events ?? EVENTS, channelId: options.channelId ?? 0 },
		webhookUrl: options.webhookUrl ?? url(),
		staticData,
	});
}

interface Hook {
	id: number;
	scope: string;
	destination: string;
	is_active: boolean;
	headers: Record<string, string> | null;
}
const hooks = () => store.sandbox.allHooks() as unknown as Hook[];
const hooksHere = () => hooks().filter((hook) => hook.destination === url());
const secret = () => (staticData.registration as { secret: string }).secret;
const calls = () => store.calls.map((c) => `${c.method} ${c.path.replace(url(), '{url}')}`);

describe('create', () => {
	it('registers one active hook per event at this node’s URL, carrying a secret kept in static data', async () => {
		expect(await lifecycle.create(context())).toBe(true);
		expect(calls()).toEqual(['GET /v3/hooks?destination={url}&page=1&limit=250', 'POST /v3/hooks', 'POST /v3/hooks', 'POST /v3/hooks']);
		expect(hooksHere().map((hook) => hook.scope).sort()).toEqual([...EVENTS].sort());
		expect(secret()).toMatch(/^[0-9a-f]{64}$/);
		// Derived from the credential and this URL, so a delivery can be checked even if static data loses it.
		expect(secret()).toBe(deriveWebhookSecret(store.sandbox.accessToken, store.sandbox.storeHash, url()));
		for (const hook of hooksHere()) {
			expect(hook).toMatchObject({ is_active: true, headers: { 'X-Tajo-Webhook-Secret': secret() } });
		}
		expect(staticData.registration).toMatchObject({ destination: url(), hooks: expect.arrayContaining([expect.objectContaining({ scope: 'store/cart/abandoned' })]) });
	});

	it('reuses hooks already at its URL, re-keys them, and removes those of events no longer chosen', async () => {
		await lifecycle.create(context({ events: ['store/order/statusUpdated', 'store/product/updated'] }));
		const before = hooksHere();
		staticData = {};
		await lifecycle.create(context());
		const after = hooksHere();
		expect(after.map((hook) => hook.scope).sort()).toEqual([...EVENTS].sort());
		expect(after.find((hook) => hook.scope === 'store/order/statusUpdated')?.id).toBe(before.find((hook) => hook.scope === 'store/order/statusUpdated')?.id);
		expect(after.every((hook) => hook.headers?.['X-Tajo-Webhook-Secret'] === secret())).toBe(true);
	});

	it('with a bad token fails with a clear message and registers nothing', async () => {
		const request = recording(fetchHandler('wrong-token')).handler;
		await expect(lifecycle.create(context({ request }))).rejects.toThrow(
			/^Could not register the BigCommerce webhooks: BigCommerce rejected the access token \(401 Unauthorized\) on GET \/v3\/hooks\. Check the Access Token .* Nothing was registered in BigCommerce\.$/,
		);
		expect(hooks()).toHaveLength(0);
		expect(staticData.registration).toBeUndefined();
	});

	it('with an unknown host fails with a clear message', async () => {
		const request: RequestHandler = async () => {
			throw networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.bigcommerce.test');
		};
		await expect(lifecycle.create(context({ request }))).rejects.toThrow(
			'Could not register the BigCommerce webhooks: Could not find the server for GET /v3/hooks (getaddrinfo ENOTFOUND api.bigcommerce.test). Check the API Base URL',
		);
	});

	it('rolls back the hooks it created when a later one is refused', async () => {
		// BigCommerce allows at most 10 hooks per scope and API account.
		for (let i = 0; i < 10; i++) {
			await store.request({ method: 'POST', url: `${store.sandbox.apiBase('v3')}/hooks`, body: { scope: 'store/cart/abandoned', destination: `http://127.0.0.1:9/other-${i}` } });
		}
		store.calls.length = 0;
		const error = (await lifecycle.create(context()).catch((e: unknown) => e)) as Error;
		expect(error.message).toContain('Could not register the BigCommerce webhooks: BigCommerce refused the data sent with POST /v3/hooks (422 Unprocessable Entity).');
		expect(error.message).toContain('At most 10 webhooks are allowed per scope');
		expect(error.message).toContain('Nothing was left registered in BigCommerce.');
		expect(hooksHere()).toHaveLength(0);
		expect(hooks()).toHaveLength(10);
		expect(staticData.registration).toBeUndefined();
	});

	it('also removes a hook whose creation timed out after BigCommerce saved it', async () => {
		let posts = 0;
		const request: RequestHandler = async (options: IHttpRequestOptions) => {
			const response = await store.request(options);
			if (options.method === 'POST' && ++posts === 2) throw networkError('ETIMEDOUT', 'timeout of 30000ms exceeded');
			return response;
		};
		const error = (await lifecycle.create(context({ request })).catch((e: unknown) => e)) as Error;
		expect(error.message).toContain('did not answer POST /v3/hooks in time');
		expect(error.message).toContain('Nothing was left registered in BigCommerce.');
		expect(hooksHere()).toHaveLength(0);
	});

	it('registers the channel form of cart and order events when a channel is chosen', async () => {
		const posted: unknown[] = [];
		const request: RequestHandler = async (options) => {
			if (options.method === 'GET') return json(200, { data: [], meta: { pagination: { total: 0, count: 0, per_page: 250, current_page: 1, total_pages: 0 } } });
			posted.push(options.body);
			const body = options.body as { scope: string; destination: string };
			return json(200, { data: { id: posted.length, ...body, is_active: true } });
		};
		await lifecycle.create(context({ request, channelId: 2 }));
		expect(posted.map((body) => (body as { scope: string }).scope)).toEqual(['store/channel/2/order/statusUpdated', 'store/channel/2/cart/abandoned', 'store/customer/created']);
	});

	it('asks for at least one event', async () => {
		await expect(lifecycle.create(context({ events: [] }))).rejects.toThrow('Choose at least one event to listen for.');
	});
});

describe('checkExists', () => {
	it('is true when every hook is there and active, false without a registration', async () => {
		expect(await lifecycle.checkExists(context())).toBe(false);
		expect(store.calls).toHaveLength(0);
		await lifecycle.create(context());
		store.calls.length = 0;
		expect(await lifecycle.checkExists(context())).toBe(true);
		expect(calls()).toEqual(['GET /v3/hooks?destination={url}&page=1&limit=250']);
	});

	it('is false when the events or the URL changed', async () => {
		await lifecycle.create(context());
		expect(await lifecycle.checkExists(context({ events: ['store/order/statusUpdated'] }))).toBe(false);
		expect(await lifecycle.checkExists(context({ webhookUrl: `${url()}-moved` }))).toBe(false);
	});

	it('switches a hook BigCommerce deactivated back on', async () => {
		await lifecycle.create(context());
		const target = hooksHere()[1];
		store.sandbox.state.hooks.get(target.id)!.is_active = false;
		store.calls.length = 0;
		expect(await lifecycle.checkExists(context())).toBe(true);
		expect(calls()).toContain(`PUT /v3/hooks/${target.id}`);
		expect(store.calls.find((c) => c.method === 'PUT')?.body).toEqual({ is_active: true });
		expect(hooksHere().every((hook) => hook.is_active)).toBe(true);
	});

	it('is false when a hook was deleted in BigCommerce; create then completes the set without duplicates', async () => {
		await lifecycle.create(context());
		const gone = hooksHere()[0];
		await store.request({ method: 'DELETE', url: `${store.sandbox.apiBase('v3')}/hooks/${gone.id}` });
		expect(await lifecycle.checkExists(context())).toBe(false);
		await lifecycle.create(context());
		expect(hooksHere().map((hook) => hook.scope).sort()).toEqual([...EVENTS].sort());
		expect(await lifecycle.checkExists(context())).toBe(true);
	});

	it('is false when a hook no longer carries our secret', async () => {
		await lifecycle.create(context());
		store.sandbox.state.hooks.get(hooksHere()[0].id)!.headers = { 'X-Tajo-Webhook-Secret': 'someone else' };
		expect(await lifecycle.checkExists(context())).toBe(false);
	});

	it('with a bad token fails with a clear message', async () => {
		await lifecycle.create(context());
		const request = recording(fetchHandler('wrong-token')).handler;
		await expect(lifecycle.checkExists(context({ request }))).rejects.toThrow('Could not check the BigCommerce webhooks: BigCommerce rejected the access token');
	});
});

describe('delete', () => {
	it('removes every hook at its URL, and only those', async () => {
		await store.request({ method: 'POST', url: `${store.sandbox.apiBase('v3')}/hooks`, body: { scope: 'store/order/created', destination: 'http://127.0.0.1:9/elsewhere' } });
		await lifecycle.create(context());
		// An orphan from an earlier activation whose static data was lost.
		await store.request({ method: 'POST', url: `${store.sandbox.apiBase('v3')}/hooks`, body: { scope: 'store/product/updated', destination: url() } });
		expect(await lifecycle.delete(context())).toBe(true);
		expect(hooksHere()).toHaveLength(0);
		expect(hooks()).toHaveLength(1);
		expect(staticData.registration).toBeUndefined();
	});

	it('says false, without throwing, when BigCommerce cannot be reached', async () => {
		await lifecycle.create(context());
		const request: RequestHandler = async () => {
			throw networkError('ENOTFOUND');
		};
		expect(await lifecycle.delete(context({ request }))).toBe(false);
		expect(staticData.registration).toBeUndefined();
	});
});

describe('rollback that cannot finish', () => {
	it('names the hooks it could not remove', async () => {
		let posts = 0;
		const request: RequestHandler = async (options: IHttpRequestOptions) => {
			if (options.method === 'DELETE') return json(403, { status: 403, title: 'You do not have permission' });
			if (options.method === 'POST' && ++posts === 2) return json(422, { status: 422, title: 'JSON data is missing or invalid' });
			return store.request(options);
		};
		const error = (await lifecycle.create(context({ request })).catch((e: unknown) => e)) as Error;
		const [left] = hooksHere();
		expect(error.message).toContain(`Webhook ${left.id} could not be removed again; the next activation of this workflow reuses or removes it.`);
	});
});
