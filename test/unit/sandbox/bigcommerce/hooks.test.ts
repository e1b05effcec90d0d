import { startStore, type Store } from './helpers';

describe('BigCommerce sandbox: hooks (v3)', () => {
	let store: Store;
	beforeEach(async () => {
		store = await startStore();
		store.sandbox.addToken('other-token', 'other-client');
	});
	afterEach(() => store.sandbox.close());

	const hook = (scope: string, destination: string, extra: Record<string, unknown> = {}) => ({ scope, destination, is_active: true, ...extra });

	it('creates, reads, updates and deletes a hook; custom headers round-trip', async () => {
		const created = await store.api('POST', '/v3/hooks', hook('store/order/created', 'https://example.com/hook', { headers: { 'X-Secret': 's3cret' } }));
		expect(created.status).toBe(200);
		const h = created.body.data;
		expect(h).toMatchObject({ scope: 'store/order/created', destination: 'https://example.com/hook', is_active: true, headers: { 'X-Secret': 's3cret' }, client_id: 'sandbox-client', store_hash: 'sandbox1' });
		expect(Number.isInteger(h.created_at)).toBe(true);
		expect((await store.api('GET', `/v3/hooks/${h.id}`)).body.data).toEqual(h);
		const updated = await store.api('PUT', `/v3/hooks/${h.id}`, { is_active: false, headers: { 'X-Secret': 'rotated' } });
		expect(updated.body.data).toMatchObject({ is_active: false, headers: { 'X-Secret': 'rotated' } });
		const list = await store.api('GET', '/v3/hooks');
		expect(list.body.data).toHaveLength(1);
		expect(list.body.meta.pagination.total).toBe(1);
		const deleted = await store.api('DELETE', `/v3/hooks/${h.id}`);
		expect(deleted.status).toBe(200);
		expect(deleted.body.data.id).toBe(h.id);
		const gone = await store.api('GET', `/v3/hooks/${h.id}`);
		expect(gone.status).toBe(404);
		expect(gone.body.title).toBe(`Webhook with id [${h.id}] not found`);
	});

	it('answers 422 when scope or destination is missing, or the destination is not allowed', async () => {
		const noDestination = await store.api('POST', '/v3/hooks', { scope: 'store/order/created' });
		expect(noDestination.status).toBe(422);
		expect(noDestination.body).toMatchObject({ status: 422, errors: { destination: 'error.path.missing' } });
		expect((await store.api('POST', '/v3/hooks', { destination: 'https://example.com' })).status).toBe(422);
		expect((await store.api('POST', '/v3/hooks', hook('store/order/created', 'http://example.com/plain-http'))).status).toBe(422);
		expect((await store.api('POST', '/v3/hooks', hook('not a scope', 'https://example.com'))).status).toBe(422);
		expect((await store.api('POST', '/v3/hooks', hook('store/order/created', 'http://127.0.0.1:5678/webhook'))).status).toBe(200);
		expect((await store.api('POST', '/v3/hooks', hook('store/order/created', 'http://localhost:5678/webhook'))).status).toBe(200);
		expect((await store.api('PUT', '/v3/hooks/1', {})).status).toBe(422);
	});

	it('allows one hook per scope and destination, and at most 10 per scope', async () => {
		expect((await store.api('POST', '/v3/hooks', hook('store/cart/*', 'https://example.com/a'))).status).toBe(200);
		expect((await store.api('POST', '/v3/hooks', hook('store/cart/*', 'https://example.com/a'))).status).toBe(422);
		for (let i = 1; i < 10; i++) expect((await store.api('POST', '/v3/hooks', hook('store/cart/*', `https://example.com/${i}`))).status).toBe(200);
		const eleventh = await store.api('POST', '/v3/hooks', hook('store/cart/*', 'https://example.com/11'));
		expect(eleventh.status).toBe(422);
		// Another scope, or another client, has its own allowance.
		expect((await store.api('POST', '/v3/hooks', hook('store/order/*', 'https://example.com/a'))).status).toBe(200);
		expect((await store.api('POST', '/v3/hooks', hook('store/cart/*', 'https://example.com/a'), 'other-token')).status).toBe(200);
	});

	it('scopes hooks to the client of the token', async () => {
		const mine = (await store.api('POST', '/v3/hooks', hook('store/order/created', 'https://example.com/mine'))).body.data;
		const theirs = (await store.api('POST', '/v3/hooks', hook('store/order/created', 'https://example.com/theirs'), 'other-token')).body.data;
		expect(theirs.client_id).toBe('other-client');
		expect((await store.api('GET', '/v3/hooks')).body.data.map((h: { id: number }) => h.id)).toEqual([mine.id]);
		expect((await store.api('GET', '/v3/hooks', undefined, 'other-token')).body.data.map((h: { id: number }) => h.id)).toEqual([theirs.id]);
		expect((await store.api('GET', `/v3/hooks/${theirs.id}`)).status).toBe(404);
		expect((await store.api('DELETE', `/v3/hooks/${theirs.id}`)).status).toBe(404);
		expect((await store.api('GET', '/v3/hooks/admin')).body.data.hooks_list.map((h: { id: number }) => h.id)).toEqual([mine.id]);
	});

	it('filters the list by is_active, scope and destination', async () => {
		await store.api('POST', '/v3/hooks', hook('store/order/created', 'https://example.com/a'));
		await store.api('POST', '/v3/hooks', hook('store/order/updated', 'https://example.com/b', { is_active: false }));
		expect((await store.api('GET', '/v3/hooks?is_active=false')).body.data.map((h: { scope: string }) => h.scope)).toEqual(['store/order/updated']);
		expect((await store.api('GET', '/v3/hooks?scope=store/order/created')).body.data).toHaveLength(1);
		expect((await store.api('GET', '/v3/hooks?destination=https://example.com/b')).body.data).toHaveLength(1);
	});

	it('switches a hook off through the control API, as BigCommerce does after failed deliveries; it then gets no deliveries', async () => {
		const created = (await store.api('POST', '/v3/hooks', hook('store/order/created', 'https://example.com/a'))).body.data;
		const off = await store.control('POST', `/webhooks/hooks/${created.id}/deactivate`);
		expect(off).toMatchObject({ status: 200, body: { id: created.id, is_active: false } });
		expect((await store.api('GET', `/v3/hooks/${created.id}`)).body.data.is_active).toBe(false);
		expect((await store.api('GET', '/v3/hooks?is_active=false')).body.data.map((h: { id: number }) => h.id)).toEqual([created.id]);
		store.sandbox.emitEvent('store/order/created', { type: 'order', id: 1 });
		await store.sandbox.idle();
		expect(store.sandbox.deliveries({ hookId: created.id })).toEqual([]);
		expect((await store.control('POST', '/webhooks/hooks/999/deactivate')).status).toBe(404);
	});
});
