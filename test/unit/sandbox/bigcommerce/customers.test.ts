import { startStore, type Store } from './helpers';

describe('BigCommerce sandbox: customers', () => {
	let store: Store;
	beforeAll(async () => {
		store = await startStore({ seed: true });
	});
	afterAll(() => store.sandbox.close());

	it('pages through customers with pagination meta and links', async () => {
		const first = await store.api('GET', '/v3/customers?limit=4');
		expect(first.status).toBe(200);
		expect(first.body.data).toHaveLength(4);
		expect(first.body.meta.pagination).toEqual({
			total: 10,
			count: 4,
			per_page: 4,
			current_page: 1,
			total_pages: 3,
			links: { current: '?page=1&limit=4', next: '?page=2&limit=4' },
		});
		const last = await store.api('GET', `/v3/customers${first.body.meta.pagination.links.next.replace('page=2', 'page=3')}`);
		expect(last.body.data.map((c: { id: number }) => c.id)).toEqual([9, 10]);
		expect(last.body.meta.pagination.links).toEqual({ previous: '?page=2&limit=4', current: '?page=3&limit=4' });
		expect(last.body.meta.cursor_pagination).toBeUndefined();
		expect(first.body.meta.cursor_pagination).toMatchObject({ count: 4, per_page: 4 });
	});

	it('follows cursor pagination with after', async () => {
		const first = await store.api('GET', '/v3/customers?limit=3');
		const next = await store.api('GET', `/v3/customers?limit=3&after=${first.body.meta.cursor_pagination.end_cursor}`);
		expect(next.body.data.map((c: { id: number }) => c.id)).toEqual([4, 5, 6]);
		expect(next.body.meta.pagination).toBeUndefined();
	});

	it('filters by id:in, email:in, customer_group_id:in and date_modified:min', async () => {
		const byId = await store.api('GET', '/v3/customers?id:in=2,4,99');
		expect(byId.body.data.map((c: { id: number }) => c.id)).toEqual([2, 4]);
		const byEmail = await store.api('GET', '/v3/customers?email:in=JANE.DOE@example.com');
		expect(byEmail.body.data).toHaveLength(1);
		expect(byEmail.body.data[0].id).toBe(1);
		const byGroup = await store.api('GET', '/v3/customers?customer_group_id:in=3,4');
		expect(byGroup.body.data.map((c: { customer_group_id: number }) => c.customer_group_id).sort()).toEqual([3, 3, 4]);
		const since = new Date(Date.now() - 15 * 86400_000).toISOString().slice(0, 19);
		const recent = await store.api('GET', `/v3/customers?date_modified:min=${since}`);
		expect(recent.body.data.map((c: { email: string }) => c.email).sort()).toEqual(['ava.wilson@example.com', 'sophia.rossi@example.it']);
	});

	it('includes addresses, store credit and attributes only when asked', async () => {
		const bare = await store.api('GET', '/v3/customers?id:in=1');
		expect(bare.body.data[0]).not.toHaveProperty('addresses');
		expect(bare.body.data[0]).not.toHaveProperty('store_credit_amounts');
		expect(bare.body.data[0]).toMatchObject({ address_count: 1, attribute_count: 2 });
		const full = await store.api('GET', '/v3/customers?id:in=1&include=addresses,storecredit,attributes');
		const jane = full.body.data[0];
		expect(jane.store_credit_amounts).toEqual([{ amount: 25 }]);
		expect(jane.addresses[0]).toMatchObject({ customer_id: 1, city: 'Austin', country_code: 'US', country: 'United States' });
		expect(jane.attributes).toEqual(expect.arrayContaining([expect.objectContaining({ attribute_id: 1, attribute_value: '1990-05-14', customer_id: 1 })]));
		expect(jane.date_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
	});

	it('creates customers in a batch and rejects invalid ones with 422 and per-field errors', async () => {
		const created = await store.api('POST', '/v3/customers', [
			{ email: 'new.one@example.com', first_name: 'New', last_name: 'One', customer_group_id: 2, store_credit_amounts: [{ amount: 5.5 }] },
			{ email: 'new.two@example.com', first_name: 'New', last_name: 'Two' },
		]);
		expect(created.status).toBe(200);
		expect(created.body.data.map((c: { id: number }) => c.id)).toEqual([11, 12]);
		expect(created.body.data[0].store_credit_amounts).toEqual([{ amount: 5.5 }]);
		const invalid = await store.api('POST', '/v3/customers', [{ first_name: 'No', last_name: 'Email' }]);
		expect(invalid.status).toBe(422);
		expect(invalid.body).toMatchObject({ status: 422, errors: { '0.email': 'error.path.missing' } });
		const duplicate = await store.api('POST', '/v3/customers', [{ email: 'NEW.ONE@example.com', first_name: 'A', last_name: 'B' }]);
		expect(duplicate.status).toBe(422);
		const tooMany = await store.api('POST', '/v3/customers', Array.from({ length: 11 }, (_, i) => ({ email: `bulk${i}@example.com`, first_name: 'B', last_name: 'C' })));
		expect(tooMany.status).toBe(413);
	});

	it('updates customers in a batch, store credit included, and shows it in v2 as a 4-decimal string', async () => {
		const updated = await store.api('PUT', '/v3/customers', [{ id: 2, customer_group_id: 4, store_credit_amounts: [{ amount: 12.3 }] }]);
		expect(updated.status).toBe(200);
		expect(updated.body.data[0]).toMatchObject({ id: 2, customer_group_id: 4, store_credit_amounts: [{ amount: 12.3 }] });
		const v2 = await store.api('GET', '/v2/customers/2');
		expect(v2.body).toMatchObject({ id: 2, store_credit: '12.3000', customer_group_id: 4 });
		expect(v2.body.date_created).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
		const missing = await store.api('PUT', '/v3/customers', [{ id: 999, first_name: 'X' }]);
		expect(missing.status).toBe(422);
	});

	it('sets store credit through v2 PUT', async () => {
		const res = await store.api('PUT', '/v2/customers/3', { store_credit: '40.5' });
		expect(res.status).toBe(200);
		expect(res.body.store_credit).toBe('40.5000');
		const v3 = await store.api('GET', '/v3/customers?id:in=3&include=storecredit');
		expect(v3.body.data[0].store_credit_amounts).toEqual([{ amount: 40.5 }]);
	});

	it('deletes customers by id:in', async () => {
		expect((await store.api('DELETE', '/v3/customers?id:in=12')).status).toBe(204);
		expect((await store.api('GET', '/v3/customers?id:in=12')).body.data).toEqual([]);
	});

	it('lists customer groups (v2, bare array) and gets one', async () => {
		const groups = await store.api('GET', '/v2/customer_groups');
		expect(groups.body.map((g: { name: string }) => g.name)).toEqual(['Retail', 'VIP', 'Wholesale', 'Platinum']);
		expect((await store.api('GET', '/v2/customer_groups/2')).body).toMatchObject({ id: 2, name: 'VIP', is_default: false });
		expect((await store.api('GET', '/v2/customer_groups/99')).status).toBe(404);
		expect((await store.api('GET', '/v2/customer_groups?page=2')).status).toBe(204);
	});
});
