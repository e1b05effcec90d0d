import { couponCodeSchema, createBigCommerceClient, customerGroupSchema, customerSchema, orderSchema } from '../../../../nodes/core/bigcommerce';
import { FakeClock } from './support/fake-clock';
import { v2CustomerGroup, v2Order, v3CouponCode, v3Customer, v3Page } from './support/fixtures';
import { json, noContent, scriptedRequest, type ScriptedStep } from './support/scripted-request';

function clientWith(steps: ScriptedStep[]) {
	const clock = new FakeClock();
	const request = scriptedRequest(steps);
	const client = createBigCommerceClient({ baseUrl: 'https://api.bigcommerce.com', storeHash: 'abc123', request, now: clock.now, sleep: clock.sleep });
	return { client, request, clock };
}

const customers = (from: number, count: number) => Array.from({ length: count }, (_, i) => v3Customer(from + i));
const orders = (from: number, count: number) => Array.from({ length: count }, (_, i) => v2Order(from + i));

describe('pagination', () => {
	describe('v3 meta.pagination', () => {
		it('reads every page until current_page reaches total_pages', async () => {
			const { client, request } = clientWith([
				json(200, v3Page(customers(1, 2), 1, 2, 5)),
				json(200, v3Page(customers(3, 2), 2, 2, 5)),
				json(200, v3Page(customers(5, 1), 3, 2, 5)),
			]);
			const list = client.listV3('/customers', customerSchema, { pageSize: 2, query: { include: ['addresses'] } });
			const all = await list.getAll();
			expect(all.map((c) => c.id)).toEqual([1, 2, 3, 4, 5]);
			expect(request.calls.map((c) => c.pathAndQuery)).toEqual([
				'/v3/customers?include=addresses&page=1&limit=2',
				'/v3/customers?include=addresses&page=2&limit=2',
				'/v3/customers?include=addresses&page=3&limit=2',
			]);
		});

		it('iterates item by item with for await', async () => {
			const { client } = clientWith([json(200, v3Page(customers(1, 2), 1, 2, 3)), json(200, v3Page(customers(3, 1), 2, 2, 3))]);
			const ids: number[] = [];
			for await (const customer of client.listV3('/customers', customerSchema, { pageSize: 2 })) ids.push(customer.id);
			expect(ids).toEqual([1, 2, 3]);
		});

		it('stops early at a limit, asking for pages no bigger than the limit', async () => {
			// The store caps pages at 3 here; a limit of 5 then needs two pages and no third.
			const { client, request } = clientWith([json(200, v3Page(customers(1, 3), 1, 3, 1000)), json(200, v3Page(customers(4, 3), 2, 3, 1000))]);
			const some = await client.listV3('/customers', customerSchema).getAll(5);
			expect(some.map((c) => c.id)).toEqual([1, 2, 3, 4, 5]);
			expect(request.calls.map((c) => c.pathAndQuery)).toEqual(['/v3/customers?page=1&limit=5', '/v3/customers?page=2&limit=5']);
		});

		it('reads a single page when the limit fits in it', async () => {
			const { client, request } = clientWith([json(200, v3Page(customers(1, 10), 1, 10, 1000))]);
			expect(await client.listV3('/customers', customerSchema).getAll(10)).toHaveLength(10);
			expect(request.calls).toHaveLength(1);
			expect(await client.listV3('/customers', customerSchema).getAll(0)).toEqual([]);
		});

		it('stops on an empty page', async () => {
			const { client, request } = clientWith([json(200, v3Page([], 1, 250, 0))]);
			expect(await client.listV3('/customers', customerSchema).getAll()).toEqual([]);
			expect(request.calls).toHaveLength(1);
		});
	});

	describe('v3 meta.cursor_pagination', () => {
		it('follows after=end_cursor while BigCommerce gives a next link', async () => {
			const cursorPage = (ids: number[], end: string, next: boolean) => ({
				data: ids.map((id) => v3CouponCode(id)),
				meta: { cursor_pagination: { count: ids.length, per_page: 2, start_cursor: `s${ids[0]}`, end_cursor: end, links: next ? { next: `?limit=2&after=${end}` } : {} } },
			});
			const { client, request } = clientWith([
				json(200, cursorPage([1, 2], 'eyJpZCI6Mn0=', true)),
				json(200, cursorPage([3, 4], 'eyJpZCI6NH0=', true)),
				json(200, cursorPage([5], 'eyJpZCI6NX0=', false)),
			]);
			const codes = await client.listV3('/promotions/9/codes', couponCodeSchema, { pagination: 'cursor', pageSize: 2 }).getAll();
			expect(codes.map((c) => c.code)).toEqual(['CODE1', 'CODE2', 'CODE3', 'CODE4', 'CODE5']);
			expect(request.calls.map((c) => c.pathAndQuery)).toEqual([
				'/v3/promotions/9/codes?limit=2',
				'/v3/promotions/9/codes?limit=2&after=eyJpZCI6Mn0%3D',
				'/v3/promotions/9/codes?limit=2&after=eyJpZCI6NH0%3D',
			]);
		});
	});

	describe('v2 pages', () => {
		it('stops at a short page', async () => {
			const { client, request } = clientWith([json(200, orders(1, 3)), json(200, orders(4, 1))]);
			const all = await client.listV2('/orders', orderSchema, { pageSize: 3, query: { status_id: 10 } }).getAll();
			expect(all.map((o) => o.id)).toEqual([1, 2, 3, 4]);
			expect(request.calls.map((c) => c.pathAndQuery)).toEqual(['/v2/orders?status_id=10&page=1&limit=3', '/v2/orders?status_id=10&page=2&limit=3']);
		});

		it('stops at 204 No Content past the end', async () => {
			const { client, request } = clientWith([json(200, orders(1, 2)), noContent()]);
			expect((await client.listV2('/orders', orderSchema, { pageSize: 2 }).getAll()).map((o) => o.id)).toEqual([1, 2]);
			expect(request.calls).toHaveLength(2);
		});

		it('stops at an empty array', async () => {
			const { client } = clientWith([json(200, [v2CustomerGroup(1), v2CustomerGroup(2)]), json(200, [])]);
			expect(await client.listV2('/customer_groups', customerGroupSchema, { pageSize: 2 }).getAll()).toHaveLength(2);
		});

		it('treats 204 on the first page as an empty list', async () => {
			const { client } = clientWith([noContent()]);
			expect(await client.listV2('/orders/5/coupons', orderSchema).getAll()).toEqual([]);
		});

		it('stops early at a limit', async () => {
			const { client, request } = clientWith([json(200, orders(1, 3)), json(200, orders(4, 3))]);
			expect((await client.listV2('/orders', orderSchema, { pageSize: 3 }).getAll(5)).map((o) => o.id)).toEqual([1, 2, 3, 4, 5]);
			// The second page is full, yet no third page is requested.
			expect(request.calls.map((c) => c.pathAndQuery)).toEqual(['/v2/orders?page=1&limit=3', '/v2/orders?page=2&limit=3']);
		});
	});

	it('names the item and field when a page does not match the schema', async () => {
		const bad = customers(1, 3);
		(bad[1] as Record<string, unknown>).email = 42;
		const { client } = clientWith([json(200, v3Page(bad, 1, 250, 3))]);
		await expect(client.listV3('/customers', customerSchema).getAll()).rejects.toThrow(
			"BigCommerce's answer to GET /v3/customers was not what this node expects: data[1].email: Expected string, received number.",
		);
	});

	it('names the path in a v2 page too', async () => {
		const { client } = clientWith([json(200, [v2Order(1, { subtotal_ex_tax: 69.84 })])]);
		await expect(client.listV2('/orders', orderSchema).getAll()).rejects.toMatchObject({
			failure: 'unexpected_response',
			summary: expect.stringContaining('body[0].subtotal_ex_tax: Expected string, received number'),
		});
	});
});
