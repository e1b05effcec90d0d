// Contract: every BigCommerce emulator route, called over HTTP with realistic requests, answers
// what BigCommerce's API descriptions (../shared/specs/bigcommerce/current/reference) declare,
// and every webhook it delivers matches the callback model of its scope
// (docs/webhooks/callbacks/*.yml). Answers the descriptions do not declare are listed below.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '../../../sandbox/bigcommerce';
import { describeContract, validateWebhookPayload } from '../lib';
import { ContractClient } from './call';

/**
 * Routes of the emulator with no counterpart in BigCommerce's descriptions (not checked here):
 * - every control route below /_sandbox (the emulator's own test API, see CONTROL_API.md);
 * - GET /storefront/{hash}/cart.php, the stand-in storefront page the cart redirect URLs open.
 *
 * Answers the descriptions do not declare, checked for BigCommerce's error format only ('error-shape'):
 * - 401 (bad token) and 404 (unknown store, unknown path), 405 (wrong method) on any route: gateway answers;
 * - 429 outside customers v3 (the only description that lists it) and injected 5xx;
 * - v2 errors on operations that list only their success (404 for a missing order/customer/group,
 *   400 for an invalid PUT/POST body): `[{status, message}]`, as v2 errors are;
 * - 404 of GET /v3/carts/{id} (declared without content; the emulator sends the v3 error body),
 *   422 of POST /v3/carts, 409 of POST /v3/promotions/{id}/codes (duplicate code).
 * Answers checked to have no body ('no-body'): a v2 collection page with no items answers 204, as
 * BigCommerce does; only /v2/orders/{id}/shipments declares it.
 */

/**
 * Deliberate deviation from a schema: carts.v3 types a custom item's `quantity` and `list_price`
 * as strings, but its own example (Delete Cart Line Item) and the live API send numbers, as for
 * every other line item; the emulator sends numbers, and the check stringifies them first.
 */
const CUSTOM_ITEM_NUMBERS = (body: { data?: { line_items?: { custom_items?: Record<string, unknown>[] } } }) => {
	for (const item of body.data?.line_items?.custom_items ?? []) {
		item.quantity = String(item.quantity);
		item.list_price = String(item.list_price);
	}
};

const WEBHOOK_SCOPES_WITHOUT_MODEL: string[] = [];

describeContract('BigCommerce emulator against the BigCommerce API descriptions', () => {
	let sandbox: BigCommerceSandbox;
	let client: ContractClient;
	let receiver: Server;
	const deliveries: { scope: string; body: unknown }[] = [];

	beforeAll(async () => {
		// A public-looking storefront: by default redirect URLs point at the emulator's own
		// http://127.0.0.1 page, which the `url` format (no private IPs) would reject.
		sandbox = await startBigCommerceSandbox({ seed: true, rateLimit: { quota: 100_000 }, storefrontUrl: 'https://store-sandbox1.mybigcommerce.com' });
		client = new ContractClient(sandbox);
		receiver = createServer((req, res) => {
			let raw = '';
			req.on('data', (c) => (raw += c));
			req.on('end', () => {
				const body = JSON.parse(raw) as { scope: string };
				deliveries.push({ scope: body.scope, body });
				res.writeHead(200).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const destination = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`;
		await client.call('POST', '/v3/hooks', { body: { scope: 'store/*', destination, is_active: true, headers: { 'X-Secret': 's' } }, status: 200 });
	});

	afterAll(async () => {
		await sandbox?.close();
		await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
	});

	it('customers v3', async () => {
		await client.call('GET', '/v3/customers', { status: 200 });
		const first = await client.call('GET', '/v3/customers?include=addresses,storecredit,attributes,formfields&limit=3', { status: 200 });
		await client.call('GET', `/v3/customers?limit=3&after=${first.body.meta.cursor_pagination.end_cursor}`, { status: 200 });
		await client.call('GET', '/v3/customers?page=2&limit=3&sort=last_name:asc', { status: 200 });
		await client.call('GET', '/v3/customers?id:in=1,2,3&customer_group_id:in=1,2&email:in=jane.doe@example.com&date_modified:min=2020-01-01', { status: 200 });
		await client.call('GET', '/v3/customers?sort=shoe_size:asc', { status: 422 });
		const created = await client.call('POST', '/v3/customers', {
			body: [
				{
					email: 'contract.one@example.com',
					first_name: 'Contract',
					last_name: 'One',
					customer_group_id: 2,
					phone: '+15550100',
					addresses: [{ first_name: 'Contract', last_name: 'One', address1: '1 Main St', city: 'Austin', state_or_province: 'Texas', postal_code: '78701', country_code: 'US' }],
					attributes: [{ attribute_id: 2, attribute_value: 'en' }],
					store_credit_amounts: [{ amount: 15.5 }],
					origin_channel_id: 1,
					channel_ids: [1],
				},
			],
			status: 200,
		});
		await client.call('POST', '/v3/customers', { body: [{ first_name: 'No', last_name: 'Email' }], status: 422 });
		await client.call('POST', '/v3/customers', { body: Array.from({ length: 11 }, (_, i) => ({ email: `x${i}@example.com`, first_name: 'X', last_name: 'Y' })), status: 413 });
		const id = created.body.data[0].id;
		await client.call('PUT', '/v3/customers', { body: [{ id, last_name: 'Updated', store_credit_amounts: [{ amount: 20 }] }], status: 200 });
		await client.call('PUT', '/v3/customers', { body: [{ id: 999_999, last_name: 'Missing' }], status: 422 });
		await client.call('DELETE', `/v3/customers?id:in=${id}`, { status: 204 });
		await client.call('GET', '/v3/customers/attributes', { status: 200 });
	});

	it('customers and customer groups v2', async () => {
		await client.call('GET', '/v2/customers?limit=5', { status: 200 });
		await client.call('GET', '/v2/customers?page=99', { status: 204, against: 'no-body' });
		await client.call('GET', '/v2/customers/count', { status: 200 });
		await client.call('GET', '/v2/customers/1', { status: 200 });
		await client.call('GET', '/v2/customers/999999', { status: 404, against: 'error-shape' });
		await client.call('PUT', '/v2/customers/1', { body: { store_credit: '30.00', notes: 'VIP soon' }, status: 200 });
		await client.call('PUT', '/v2/customers/1', { body: { store_credit: 'lots' }, status: 400, against: 'error-shape' });
		await client.call('GET', '/v2/customer_groups', { status: 200 });
		await client.call('GET', '/v2/customer_groups/count', { status: 200 });
		await client.call('GET', '/v2/customer_groups/2', { status: 200 });
		await client.call('GET', '/v2/customer_groups/999', { status: 404, against: 'error-shape' });
	});

	it('orders v2 and order statuses', async () => {
		await client.call('GET', '/v2/orders', { status: 200 });
		await client.call('GET', '/v2/orders?status_id=10&customer_id=1&channel_id=1&min_date_modified=2020-01-01&sort=date_modified:desc&limit=2&page=1', { status: 200 });
		await client.call('GET', '/v2/orders?status_id=13', { status: 204, against: 'no-body' });
		await client.call('GET', '/v2/orders/count?channel_id=1', { status: 200 });
		for (const id of [100, 101, 102, 103, 104, 105, 106, 107]) await client.call('GET', `/v2/orders/${id}`, { status: 200 });
		await client.call('GET', '/v2/orders/999999', { status: 404 });
		const created = await client.call('POST', '/v2/orders', {
			body: {
				customer_id: 1,
				status_id: 11,
				billing_address: { first_name: 'Jane', last_name: 'Doe', street_1: '555 East Street', city: 'Austin', state: 'Texas', zip: '78701', country: 'United States', country_iso2: 'US', email: 'jane.doe@example.com' },
				products: [
					{ product_id: 2, quantity: 1 },
					{ name: 'Gift wrap', quantity: 1, price_ex_tax: 2.5, price_inc_tax: 2.5 },
				],
			},
			status: 200,
		});
		await client.call('POST', '/v2/orders', { body: { products: [{ quantity: 1 }] }, status: 400, against: 'error-shape' });
		const id = created.body.id;
		await client.call('PUT', `/v2/orders/${id}`, { body: { status_id: 2, staff_notes: 'Shipped by contract test' }, status: 200 });
		await client.call('PUT', `/v2/orders/${id}`, { body: { status_id: 99 }, status: 400, against: 'error-shape' });
		await client.call('GET', '/v2/orders/100/products', { status: 200 });
		const products = await client.call('GET', '/v2/orders/104/products', { status: 200 });
		await client.call('GET', `/v2/orders/104/products/${products.body[0].id}`, { status: 200 });
		await client.call('GET', '/v2/orders/100/coupons', { status: 200 });
		await client.call('GET', '/v2/orders/102/coupons', { status: 204, against: 'no-body' });
		const shipments = await client.call('GET', '/v2/orders/101/shipments', { status: 200 });
		await client.call('GET', '/v2/orders/102/shipments', { status: 204 });
		await client.call('GET', '/v2/orders/101/shipments/count', { status: 200 });
		await client.call('GET', `/v2/orders/101/shipments/${shipments.body[0].id}`, { status: 200 });
		await client.call('GET', '/v2/orders/100/shipping_addresses', { status: 200 });
		await client.call('GET', '/v2/order_statuses', { status: 200 });
		await client.call('GET', '/v2/order_statuses/11', { status: 200 });
		await client.call('DELETE', `/v2/orders/${id}`, { status: 204 });
	});

	it('refunds (orders v3)', async () => {
		sandbox.refundOrder(103, { amount: '100.00', reason: 'Contract test' });
		const refunds = await client.call('GET', '/v3/orders/105/payment_actions/refunds', { status: 200 });
		await client.call('GET', '/v3/orders/payment_actions/refunds?order_id:in=103,105', { status: 200 });
		await client.call('GET', `/v3/orders/payment_actions/refunds/${refunds.body.data[0].id}`, { status: 200 });
		// Order › Get Refunds reads this route: an order refunded twice (oldest first), one never refunded, one missing.
		sandbox.refundOrder(103, { amount: '50.00', reason: 'Contract test, second refund' });
		const twice = await client.call('GET', '/v3/orders/103/payment_actions/refunds', { status: 200 });
		expect(twice.body.data.map((r: { total_amount: number }) => r.total_amount)).toEqual([100, 50]);
		expect(twice.body.data[0].id).toBeLessThan(twice.body.data[1].id);
		const none = await client.call('GET', '/v3/orders/106/payment_actions/refunds', { status: 200 });
		expect(none.body.data).toEqual([]);
		await client.call('GET', '/v3/orders/999/payment_actions/refunds', { status: 404, against: 'error-shape' });
	});

	it('carts v3 and abandoned carts', async () => {
		const created = await client.call('POST', '/v3/carts?include=redirect_urls', {
			body: { customer_id: 1, channel_id: 1, line_items: [{ quantity: 2, product_id: 2 }, { quantity: 1, product_id: 1, variant_id: 2 }], custom_items: [{ sku: 'GIFT-WRAP', name: 'Gift wrap', quantity: 1, list_price: 2.5 }], currency: { code: 'USD' }, locale: 'en-US' },
			status: 201,
			knownDeviation: CUSTOM_ITEM_NUMBERS,
		});
		const cart = created.body.data;
		await client.call('GET', `/v3/carts/${cart.id}`, { status: 200, knownDeviation: CUSTOM_ITEM_NUMBERS });
		await client.call('GET', `/v3/carts/${cart.id}?include=redirect_urls`, { status: 200, knownDeviation: CUSTOM_ITEM_NUMBERS });
		await client.call('PUT', `/v3/carts/${cart.id}`, { body: { customer_id: 2 }, status: 201, knownDeviation: CUSTOM_ITEM_NUMBERS });
		await client.call('PUT', `/v3/carts/${cart.id}`, { body: { customer_id: 1, version: 1 }, status: 409 });
		const added = await client.call('POST', `/v3/carts/${cart.id}/items`, { body: { line_items: [{ quantity: 1, product_id: 3 }] }, status: 201, knownDeviation: CUSTOM_ITEM_NUMBERS });
		const [mug, , beans] = added.body.data.line_items.physical_items;
		await client.call('PUT', `/v3/carts/${cart.id}/items/${mug.id}`, { body: { line_item: { product_id: 2, quantity: 3 } }, status: 200, knownDeviation: CUSTOM_ITEM_NUMBERS });
		await client.call('DELETE', `/v3/carts/${cart.id}/items/${beans.id}`, { status: 200, knownDeviation: CUSTOM_ITEM_NUMBERS });
		await client.call('POST', `/v3/carts/${cart.id}/redirect_urls`, { body: { query_params: { utm_source: 'contract' } }, status: 201 });
		sandbox.abandonCart(cart.id);
		const token = sandbox.webhookEvents().find((e) => e.scope === 'store/cart/abandoned')?.data.token as string;
		await client.call('GET', `/v3/abandoned-carts/${token}`, { status: 200 });
		await client.call('DELETE', `/v3/carts/${cart.id}`, { status: 204 });
		await client.call('GET', `/v3/carts/${cart.id}`, { status: 404, against: 'error-shape' });
		const single = await client.call('POST', '/v3/carts', { body: { line_items: [{ quantity: 1, product_id: 5 }] }, status: 201 });
		const only = single.body.data.line_items.digital_items[0];
		await client.call('DELETE', `/v3/carts/${single.body.data.id}/items/${only.id}`, { status: 204 });
		await client.call('POST', '/v3/carts', { body: { line_items: [{ quantity: 1, product_id: 999 }] }, status: 422, against: 'error-shape' });
	});

	it('catalog products v3 (with variants, images, custom fields)', async () => {
		await client.call('GET', '/v3/catalog/products', { status: 200 });
		await client.call('GET', '/v3/catalog/products?include=variants,images,custom_fields,primary_image&limit=3&page=2', { status: 200 });
		await client.call('GET', '/v3/catalog/products?id:in=1,2&is_visible=true&sort=name&direction=desc&include_fields=name,price', { status: 200 });
		for (const id of [1, 2, 3, 4, 5, 6]) await client.call('GET', `/v3/catalog/products/${id}?include=variants,images,custom_fields,primary_image,bulk_pricing_rules,videos`, { status: 200 });
		await client.call('GET', '/v3/catalog/products/999', { status: 404 });
		await client.call('PUT', '/v3/catalog/products/2', { body: { price: 13.5, sale_price: 12, is_featured: true }, status: 200 });
		await client.call('GET', '/v3/catalog/products/1/variants', { status: 200 });
		await client.call('GET', '/v3/catalog/products/1/images', { status: 200 });
		await client.call('GET', '/v3/catalog/products/1/custom-fields', { status: 200 });
		await client.call('GET', '/v3/catalog/products/1/custom-fields/1', { status: 200 });
	});

	it('channels v3', async () => {
		await client.call('GET', '/v3/channels', { status: 200 });
		await client.call('GET', '/v3/channels?available=true&type:in=storefront&status:in=active', { status: 200 });
		await client.call('GET', '/v3/channels/1', { status: 200 });
		await client.call('GET', '/v3/channels/99', { status: 404 });
	});

	it('promotions and coupon codes v3', async () => {
		await client.call('GET', '/v3/promotions', { status: 200 });
		await client.call('GET', '/v3/promotions?redemption_type=COUPON&status=ENABLED&code=WELCOME10', { status: 200 });
		await client.call('GET', '/v3/promotions/1', { status: 200 });
		await client.call('GET', '/v3/promotions/999', { status: 404 });
		const created = await client.call('POST', '/v3/promotions', {
			body: { name: 'Contract recovery 10%', redemption_type: 'COUPON', coupon_type: 'BULK', channels: [{ id: 1 }], customer: { group_ids: [1, 2] }, rules: [{ action: { cart_value: { discount: { percentage_amount: '10' } } }, apply_once: true }], currency_code: 'USD' },
			status: 201,
		});
		await client.call('POST', '/v3/promotions', { body: { name: 'Automatic', redemption_type: 'AUTOMATIC', rules: [{ action: { shipping: { free_shipping: true, zone_ids: '*' } } }] }, status: 201 });
		await client.call('POST', '/v3/promotions', { body: { name: 'Broken' }, status: 422 });
		const id = created.body.data.id;
		await client.call('PUT', `/v3/promotions/${id}`, { body: { name: 'Contract recovery 10% (renamed)', max_uses: 100 }, status: 200 });
		const code = await client.call('POST', `/v3/promotions/${id}/codes`, { body: { code: 'CART-1A2B3C', max_uses: 1, max_uses_per_customer: 1 }, status: 201 });
		await client.call('POST', `/v3/promotions/${id}/codes`, { body: { code: 'CART-1A2B3C' }, status: 409, against: 'error-shape' });
		await client.call('POST', `/v3/promotions/${id}/codes`, { body: { code: 'CART-2' }, status: 201 });
		await client.call('POST', `/v3/promotions/${id}/codes`, { body: { code: 'CART-3' }, status: 201 });
		await client.call('GET', `/v3/promotions/${id}/codes`, { status: 200 });
		await client.call('GET', `/v3/promotions/${id}/codes?limit=1&page=2`, { status: 200 });
		await client.call('GET', '/v3/promotions/codes?code=CART-1A2B3C', { status: 200 });
		await client.call('DELETE', `/v3/promotions/${id}/codes/${code.body.data.id}`, { status: 204 });
		await client.call('DELETE', '/v3/promotions/codes?code=CART-2', { status: 204 });
		const left = await client.call('GET', `/v3/promotions/${id}/codes`, { status: 200 });
		await client.call('DELETE', `/v3/promotions/${id}/codes?id:in=${left.body.data.map((c: { id: number }) => c.id).join(',')}`, { status: 204 });
		await client.call('DELETE', `/v3/promotions?id:in=${id}`, { status: 204 });
		await client.call('DELETE', '/v3/promotions/2', { status: 204 });
	});

	it('hooks v3', async () => {
		const created = await client.call('POST', '/v3/hooks', { body: { scope: 'store/order/created', destination: 'https://example.com/orders', is_active: false, headers: { Authorization: 'Basic abc' } }, status: 200 });
		await client.call('POST', '/v3/hooks', { body: { scope: 'store/order/created' }, status: 422 });
		await client.call('GET', '/v3/hooks', { status: 200 });
		await client.call('GET', '/v3/hooks?is_active=false&scope=store/order/created', { status: 200 });
		await client.call('GET', `/v3/hooks/${created.body.data.id}`, { status: 200 });
		await client.call('PUT', `/v3/hooks/${created.body.data.id}`, { body: { is_active: false, headers: null }, status: 200 });
		await client.call('GET', '/v3/hooks/admin', { status: 200 });
		await client.call('DELETE', `/v3/hooks/${created.body.data.id}`, { status: 200 });
		await client.call('GET', `/v3/hooks/${created.body.data.id}`, { status: 404 });
	});

	it('gateway answers: 401, unknown store and path, 405, 429, 5xx', async () => {
		await client.call('GET', '/v3/customers', { token: null, status: 401, against: 'error-shape' });
		await client.call('GET', '/v2/orders', { token: 'wrong', status: 401, against: 'error-shape' });
		await client.call('GET', '/v3/not-a-resource', { status: 404, against: 'error-shape' });
		await client.call('PATCH', '/v3/customers', { status: 405, against: 'error-shape' });
		sandbox.addFault({ kind: 'rate_limit', count: 2 });
		await client.call('GET', '/v3/customers', { status: 429, against: 'error-shape' });
		await client.call('GET', '/v2/orders', { status: 429, against: 'error-shape' });
		sandbox.addFault({ kind: 'server_error', count: 2, status: 502 });
		await client.call('GET', '/v3/channels', { status: 502, against: 'error-shape' });
		await client.call('GET', '/v2/orders', { status: 502, against: 'error-shape' });
		const res = await fetch(`${sandbox.url}/stores/unknown-store/v3/customers`, { headers: { 'X-Auth-Token': sandbox.accessToken } });
		expect(res.status).toBe(404);
		expect(await res.json()).toEqual(expect.objectContaining({ status: 404, title: expect.any(String), type: expect.any(String) }));
	});

	it('every emulated route was called above', () => {
		const missed = sandbox.apiRoutes().map((r) => `${r.method} ${r.path}`).filter((r) => !client.exercised.has(r));
		expect(missed).toEqual([]);
	});

	it('every webhook delivered matches the callback model of its scope', async () => {
		sandbox.shipOrder(104, { tracking_number: 'T-104', shipping_provider: 'ups' });
		sandbox.createProduct({ name: 'Contract product', sku: 'CP', price: 1 });
		sandbox.deleteProduct(1);
		sandbox.convertCart(sandbox.createCart({ customer_id: 3, line_items: [{ product_id: 2, quantity: 1 }] }).id as string);
		await sandbox.idle();
		const scopes = new Set(deliveries.map((d) => d.scope));
		expect([...scopes].sort()).toEqual(
			expect.arrayContaining([
				'store/cart/abandoned', 'store/cart/converted', 'store/cart/created', 'store/cart/deleted', 'store/cart/lineItem/created',
				'store/cart/lineItem/deleted', 'store/cart/lineItem/updated', 'store/cart/updated', 'store/customer/created', 'store/customer/deleted',
				'store/customer/updated', 'store/order/archived', 'store/order/created', 'store/order/refund/created', 'store/order/statusUpdated',
				'store/order/updated', 'store/product/created', 'store/product/deleted', 'store/product/updated', 'store/shipment/created',
			]),
		);
		const failures = deliveries
			.filter((d) => !WEBHOOK_SCOPES_WITHOUT_MODEL.includes(d.scope))
			.map((d) => ({ scope: d.scope, check: validateWebhookPayload(d.scope, d.body) }))
			.filter((r) => !r.check.ok)
			.map((r) => `${r.scope}: ${r.check.errors.join('; ')}`);
		expect([...new Set(failures)]).toEqual([]);
	});
});
