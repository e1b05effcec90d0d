import type { IDataObject } from 'n8n-workflow';
import { takesErrorOutput } from '../support/error-output';
import { runNode } from './support/contexts';
import { startTestStore, type TestStore } from './support/store';

let store: TestStore;

beforeAll(async () => {
	store = await startTestStore();
});
afterAll(() => store.close());
beforeEach(() => {
	store.calls.length = 0;
});

const run = (parameters: IDataObject, extra: { continueOnFail?: boolean } = {}) =>
	runNode({ credentials: store.credentials, request: store.request, parameters, ...extra });

describe('Customer › Get', () => {
	it('reads one customer through the v3 list with id:in and the chosen includes', async () => {
		const out = await run({ resource: 'customer', operation: 'get', customerId: '4', include: ['storecredit', 'addresses'] });
		expect(store.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /v3/customers?id:in=4&include=storecredit,addresses&page=1&limit=1']);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ id: 4, email: 'li.wei@example.com', customer_group_id: 4, store_credit_amounts: [{ amount: 100 }] });
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('fails with a clear message for a customer that does not exist', async () => {
		await expect(run({ resource: 'customer', operation: 'get', customerId: '999' })).rejects.toMatchObject({
			message: 'BigCommerce has no customer with ID 999.',
			description: expect.stringContaining('Check the customer ID'),
		});
	});

	it('with Continue On Fail, passes an error item that says not_found', async () => {
		const out = await run({ resource: 'customer', operation: 'get', customerId: '999' }, { continueOnFail: true });
		expect(out).toEqual([
			{ json: { error: 'BigCommerce has no customer with ID 999.', details: { description: expect.any(String), failure: 'not_found' } }, pairedItem: { item: 0 } },
		]);
		expect(takesErrorOutput(out[0])).toBe(true);
	});

	it('rejects an ID that is not a number before calling BigCommerce', async () => {
		await expect(run({ resource: 'customer', operation: 'get', customerId: 'jane' })).rejects.toThrow('Customer ID must be a whole number such as 42, but it is "jane".');
		expect(store.calls).toHaveLength(0);
	});
});

describe('Customer › Get Many', () => {
	it('passes the filters as BigCommerce list filters', async () => {
		const out = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { emails: 'li.wei@example.com, JANE.DOE@example.com', customerGroupIds: '1,4', modifiedSince: '2000-01-01T00:00:00' },
		});
		expect(store.calls[0].path).toBe('/v3/customers?email:in=li.wei@example.com,JANE.DOE@example.com&customer_group_id:in=1,4&date_modified:min=2000-01-01T00:00:00&page=1&limit=250');
		expect(out.map((item) => item.json.email).sort()).toEqual(['jane.doe@example.com', 'li.wei@example.com']);
	});

	it('stops at the limit and asks for no more than it needs', async () => {
		const out = await run({ resource: 'customer', operation: 'getAll', limit: 3 });
		expect(out).toHaveLength(3);
		expect(store.calls.map((c) => c.path)).toEqual(['/v3/customers?page=1&limit=3']);
	});

	it('with Return All, follows meta.pagination over several pages', async () => {
		for (let i = 0; i < 245; i++) store.sandbox.createCustomer({ email: `bulk${i}@example.com`, first_name: 'Bulk', last_name: String(i) });
		const out = await run({ resource: 'customer', operation: 'getAll', returnAll: true });
		expect(out).toHaveLength(255);
		expect(new Set(out.map((item) => item.json.id)).size).toBe(255);
		expect(store.calls.map((c) => c.path)).toEqual(['/v3/customers?page=1&limit=250', '/v3/customers?page=2&limit=250']);
	});
});

describe('Customer › Update Store Credit', () => {
	it('adds to the balance in whole cents and reports the previous balance', async () => {
		const out = await run({ resource: 'customer', operation: 'updateStoreCredit', customerId: '4', storeCreditAction: 'add', amount: 25.1 });
		expect(out[0].json).toMatchObject({ id: 4, store_credit: 125.1, previous_store_credit: 100 });
		const put = store.calls.find((c) => c.method === 'PUT');
		expect(put).toMatchObject({ path: '/v3/customers', body: [{ id: 4, store_credit_amounts: [{ amount: 125.1 }] }] });
		const [after] = await run({ resource: 'customer', operation: 'get', customerId: '4', include: ['storecredit'] });
		expect(after.json.store_credit_amounts).toEqual([{ amount: 125.1 }]);
	});

	it('is the default change: Add to Balance', async () => {
		const out = await run({ resource: 'customer', operation: 'updateStoreCredit', customerId: '4', amount: -0.1 });
		expect(out[0].json).toMatchObject({ store_credit: 125, previous_store_credit: 125.1 });
	});

	it('sets the balance without reading it first', async () => {
		const out = await run({ resource: 'customer', operation: 'updateStoreCredit', customerId: '2', storeCreditAction: 'set', amount: 15 });
		expect(out[0].json).toMatchObject({ id: 2, store_credit: 15, previous_store_credit: null });
		expect(store.calls.map((c) => c.method)).toEqual(['PUT']);
	});

	it('refuses to take the balance below zero and changes nothing', async () => {
		await expect(run({ resource: 'customer', operation: 'updateStoreCredit', customerId: '2', amount: -20 })).rejects.toMatchObject({
			message: 'The store credit of customer 2 cannot go below zero. The balance is 15.00.',
			description: expect.stringContaining('Nothing was changed'),
		});
		expect(store.calls.map((c) => c.method)).toEqual(['GET']);
	});
});

describe('Customer Group › Get Many', () => {
	it('lists the v2 customer groups', async () => {
		const out = await run({ resource: 'customerGroup', operation: 'getAll', returnAll: true });
		expect(out.map((item) => item.json.name)).toEqual(['Retail', 'VIP', 'Wholesale', 'Platinum']);
		expect(store.calls.map((c) => c.path)).toEqual(['/v2/customer_groups?page=1&limit=250']);
	});

	it('honours the limit', async () => {
		const out = await run({ resource: 'customerGroup', operation: 'getAll', limit: 2 });
		expect(out.map((item) => item.json.name)).toEqual(['Retail', 'VIP']);
	});
});
