import type { IDataObject } from 'n8n-workflow';
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

const run = (parameters: IDataObject, extra: { continueOnFail?: boolean } = {}) => runNode({ credentials: store.credentials, request: store.request, parameters, ...extra });
const paths = () => store.calls.map((c) => `${c.method} ${c.path}`);

describe('Order › Get', () => {
	it('reads the order with its products, shipments and coupons, and adds the status name', async () => {
		const [item] = await run({ resource: 'order', operation: 'get', orderId: '100', include: ['products', 'shipments', 'coupons'] });
		expect(paths()).toEqual([
			'GET /v2/orders/100',
			'GET /v2/orders/100/products?page=1&limit=250',
			'GET /v2/orders/100/shipments?page=1&limit=250',
			'GET /v2/orders/100/coupons?page=1&limit=250',
		]);
		const order = item.json as IDataObject & { products: IDataObject[]; shipments: IDataObject[]; coupons: IDataObject[] };
		expect(order).toMatchObject({ id: 100, customer_id: 1, status_id: 10, status_name: 'Completed' });
		expect(order.products).toHaveLength(2);
		expect(order.shipments[0]).toMatchObject({ tracking_number: '1Z999AA10123456784', tracking_carrier: 'ups' });
		expect(order.coupons[0]).toMatchObject({ code: 'WELCOME10' });
	});

	it('makes one request when nothing is included, and can leave out the status name', async () => {
		const [item] = await run({ resource: 'order', operation: 'get', orderId: '102', addStatusName: false });
		expect(paths()).toEqual(['GET /v2/orders/102']);
		expect(item.json.customer_id).toBe(0);
		expect(item.json).not.toHaveProperty('status_name');
		expect(item.json.products).toMatchObject({ resource: '/orders/102/products' });
	});

	it('maps a 404 to a message naming the order and what to check', async () => {
		await expect(run({ resource: 'order', operation: 'get', orderId: '999' })).rejects.toMatchObject({
			message: 'BigCommerce found no order 999 (404 Not Found on GET /v2/orders/999).',
			description: 'Check the order ID: it may be wrong, or the order may have been deleted.',
			httpCode: '404',
		});
	});
});

describe('Order › Get Many', () => {
	it.each([
		[{ statusId: 10 }, [100, 103, 107], 'status_id=10'],
		[{ channelId: 2 }, [103], 'channel_id=2'],
		[{ customerId: '1' }, [100, 107], 'customer_id=1'],
		[{ email: 'guest.buyer@example.com' }, [102], 'email=guest.buyer@example.com'],
	])('filters by %j', async (filters, ids, query) => {
		const out = await run({ resource: 'order', operation: 'getAll', returnAll: true, filters });
		expect(out.map((item) => item.json.id)).toEqual(ids);
		expect(store.calls[0].path).toBe(`/v2/orders?${query}&page=1&limit=250`);
	});

	it('sends Modified Since as ISO 8601 with an offset and adds status names', async () => {
		const out = await run({ resource: 'order', operation: 'getAll', returnAll: true, filters: { modifiedSince: '2000-01-01' } });
		expect(store.calls[0].path).toBe('/v2/orders?min_date_modified=2000-01-01T00:00:00+00:00&page=1&limit=250');
		expect(out).toHaveLength(8);
		expect(out.find((item) => item.json.id === 106)?.json.status_name).toBe('Awaiting Payment');
	});

	it('finds the order placed from a cart', async () => {
		const cart = store.sandbox.createCart({ customer_id: 1, channel_id: 1, line_items: [{ product_id: 2, quantity: 1 }] }) as { id: string };
		const converted = store.sandbox.convertCart(cart.id) as { order: { id: number } };
		const out = await run({ resource: 'order', operation: 'getAll', filters: { cartId: cart.id } });
		expect(out.map((item) => item.json.id)).toEqual([converted.order.id]);
	});

	it('stops at the limit', async () => {
		const out = await run({ resource: 'order', operation: 'getAll', limit: 2 });
		expect(out.map((item) => item.json.id)).toEqual([100, 101]);
		expect(paths()).toEqual(['GET /v2/orders?page=1&limit=2']);
	});
});

describe('Cart › Get', () => {
	it('gives the cart with its checkout and cart URLs on top', async () => {
		const created = store.sandbox.createCart({ customer_id: 2, channel_id: 1, line_items: [{ product_id: 2, quantity: 2 }] }) as { id: string };
		const [item] = await run({ resource: 'cart', operation: 'get', cartId: created.id });
		expect(paths()).toEqual([`GET /v3/carts/${created.id}?include=redirect_urls`]);
		expect(item.json).toMatchObject({ exists: true, cart_id: created.id, id: created.id, customer_id: 2 });
		expect(item.json.checkout_url).toEqual(expect.stringContaining('http'));
		expect(item.json.cart_url).toEqual(expect.stringContaining('http'));
	});

	it('by default gives {exists: false} for a cart that no longer exists', async () => {
		const out = await run({ resource: 'cart', operation: 'get', cartId: 'gone-cart' });
		expect(out).toEqual([{ json: { exists: false, cart_id: 'gone-cart' }, pairedItem: { item: 0 } }]);
	});

	it('fails for a missing cart when asked to, saying carts vanish once ordered', async () => {
		await expect(run({ resource: 'cart', operation: 'get', cartId: 'gone-cart', ifMissing: 'error' })).rejects.toMatchObject({
			message: 'BigCommerce found no cart gone-cart (404 Not Found on GET /v3/carts/gone-cart).',
			description: expect.stringContaining('BigCommerce deletes a cart once it has become an order.'),
		});
	});
});

describe('Product', () => {
	it('gets one product with variants, images and custom fields in one request', async () => {
		const [item] = await run({ resource: 'product', operation: 'get', productId: '1', include: ['variants', 'images', 'custom_fields'] });
		expect(paths()).toEqual(['GET /v3/catalog/products/1?include=variants,images,custom_fields']);
		expect(item.json).toMatchObject({ id: 1, variants: expect.any(Array), images: expect.any(Array), custom_fields: expect.any(Array) });
		expect((item.json.variants as unknown[]).length).toBeGreaterThan(0);
	});

	it('gets many products with filters', async () => {
		const out = await run({ resource: 'product', operation: 'getAll', returnAll: true, filters: { productIds: '1, 2,3', visibleOnly: true } });
		expect(store.calls[0].path).toBe('/v3/catalog/products?id:in=1,2,3&is_visible=true&page=1&limit=250');
		expect(out.map((item) => item.json.id)).toEqual([1, 2, 3]);
	});

	it('an unticked Visible Only does not filter', async () => {
		await run({ resource: 'product', operation: 'getAll', limit: 5, filters: { visibleOnly: false, keyword: 'a' } });
		expect(store.calls[0].path).toBe('/v3/catalog/products?keyword=a&page=1&limit=5');
	});

	it('says which field holds a bad ID list', async () => {
		await expect(run({ resource: 'product', operation: 'getAll', filters: { productIds: '1,two' } })).rejects.toThrow('Product IDs must be whole numbers separated by commas, but it contains "two".');
	});
});

describe('Channel › Get Many', () => {
	it('lists the channels', async () => {
		const out = await run({ resource: 'channel', operation: 'getAll', returnAll: true });
		expect(out.map((item) => item.json.name)).toEqual(expect.arrayContaining(['Wholesale', 'International']));
		expect(out.map((item) => item.json.id)).toEqual([1, 2, 3]);
		expect(paths()).toEqual(['GET /v3/channels?page=1&limit=250']);
	});
});
