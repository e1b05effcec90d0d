import {
	cartRedirectUrlsSchema,
	cartSchema,
	channelSchema,
	couponCodeSchema,
	createBigCommerceClient,
	customerGroupSchema,
	customerSchema,
	describeZodError,
	hookSchema,
	orderCouponSchema,
	orderProductSchema,
	orderSchema,
	orderShipmentSchema,
	productSchema,
	promotionSchema,
} from '../../../../nodes/core/bigcommerce';
import { FakeClock } from './support/fake-clock';
import * as fixtures from './support/fixtures';
import { json, noContent, scriptedRequest, type ScriptedStep } from './support/scripted-request';

function clientWith(steps: ScriptedStep[]) {
	const clock = new FakeClock();
	return createBigCommerceClient({ baseUrl: 'https://api.bigcommerce.com', storeHash: 'abc123', request: scriptedRequest(steps), now: clock.now, sleep: clock.sleep });
}

describe('schemas', () => {
	it.each([
		['v3 customer with addresses, store credit and attribute values', customerSchema, { ...fixtures.v3Customer(1), ...fixtures.customerIncludes }],
		['v2 customer group', customerGroupSchema, fixtures.v2CustomerGroup(2)],
		['v2 order', orderSchema, fixtures.v2Order(100)],
		['v2 order product', orderProductSchema, fixtures.v2OrderProduct(1, 100)],
		['v2 order shipment', orderShipmentSchema, fixtures.v2Shipment(1, 100)],
		['v2 order coupon', orderCouponSchema, fixtures.v2OrderCoupon(1, 100)],
		['v3 cart with redirect URLs', cartSchema, fixtures.v3Cart('a1b2', true)],
		['v3 product with variants, images and custom fields', productSchema, fixtures.v3Product(77, true)],
		['v3 channel', channelSchema, fixtures.v3Channel(1)],
		['v3 promotion', promotionSchema, fixtures.v3Promotion(9)],
		['v3 coupon code', couponCodeSchema, fixtures.v3CouponCode(4)],
		['v3 hook', hookSchema, fixtures.v3Hook(12)],
	])('accepts a %s and keeps fields it does not check', (_name, schema, body) => {
		const parsed = schema.parse({ ...body, added_by_bigcommerce_later: 'kept' });
		expect(parsed).toEqual({ ...body, added_by_bigcommerce_later: 'kept' });
	});

	it('exposes the parts the nodes read, typed', () => {
		const customer = customerSchema.parse({ ...fixtures.v3Customer(1), ...fixtures.customerIncludes });
		expect(customer.store_credit_amounts?.[0].amount).toBe(43.15);
		expect(customer.attributes?.[0].attribute_value).toBe('Yes');
		const cart = cartSchema.parse(fixtures.v3Cart('a1b2', true));
		expect(cart.redirect_urls?.checkout_url).toContain('loadInCheckout');
		expect(cartRedirectUrlsSchema.parse({ cart_url: 'c', checkout_url: 'k' })).toEqual({ cart_url: 'c', checkout_url: 'k' });
	});

	it('keeps v2 money as the decimal strings BigCommerce sends', () => {
		expect(orderSchema.parse(fixtures.v2Order(1)).subtotal_ex_tax).toBe('69.8400');
		expect(orderSchema.safeParse(fixtures.v2Order(1, { total_inc_tax: '85,43' })).success).toBe(false);
	});

	it('names each failing path', () => {
		const result = orderSchema.safeParse(fixtures.v2Order(1, { status_id: '10', billing_address: { ...fixtures.v2Order(1).billing_address, email: null } }));
		expect(result.success).toBe(false);
		if (!result.success) {
			expect(describeZodError(result.error, 'body')).toBe('body.status_id: Expected number, received string; body.billing_address.email: Expected string, received null');
		}
	});

	describe('through the client', () => {
		it('unwraps a v3 {data, meta} envelope', async () => {
			const client = clientWith([json(200, { data: fixtures.v3Cart('a1b2', true), meta: {} })]);
			const cart = await client.v3('GET', '/carts/a1b2', cartSchema, { query: { include: ['redirect_urls'] } });
			expect(cart.id).toBe('a1b2');
		});

		it('reports a v3 body without data', async () => {
			const client = clientWith([json(200, { id: 1 })]);
			await expect(client.v3('GET', '/channels/1', channelSchema)).rejects.toThrow(
				"BigCommerce's answer to GET /v3/channels/1 was not what this node expects: data: Required. Something between n8n and BigCommerce may have changed the answer, or BigCommerce changed its API. Report this message to the package maintainers.",
			);
		});

		it('names the nested path of a bad v3 field', async () => {
			const product = fixtures.v3Product(77, true) as Record<string, unknown> & { variants: Array<Record<string, unknown>> };
			product.variants[0].option_values = [{ id: 10, label: 7, option_id: 3, option_display_name: 'Size' }];
			const client = clientWith([json(200, { data: product, meta: {} })]);
			await expect(client.v3('GET', '/catalog/products/77', productSchema)).rejects.toMatchObject({
				failure: 'unexpected_response',
				status: 200,
				summary: "BigCommerce's answer to GET /v3/catalog/products/77 was not what this node expects: data.variants[0].option_values[0].label: Expected string, received number.",
			});
		});

		it('reads a v2 body as is, and 204 as nothing', async () => {
			const client = clientWith([json(200, fixtures.v2Order(100)), noContent()]);
			expect((await client.v2('GET', '/orders/100', orderSchema))?.status).toBe('Completed');
			expect(await client.v2('GET', '/orders/100/coupons', orderCouponSchema.array())).toBeUndefined();
		});

		it('names the path of a bad v2 body', async () => {
			const client = clientWith([json(200, [fixtures.v2OrderCoupon(1, 100), { ...fixtures.v2OrderCoupon(2, 100), type: 9 }])]);
			await expect(client.v2('GET', '/orders/100/coupons', orderCouponSchema.array())).rejects.toThrow(
				/was not what this node expects: body\[1\]\.type: Number must be less than or equal to 5\./,
			);
		});

		it('parses a JSON body handed over as text', async () => {
			const client = clientWith([{ statusCode: 200, headers: {}, body: JSON.stringify({ data: fixtures.v3Channel(1), meta: {} }) }]);
			expect((await client.v3('GET', '/channels/1', channelSchema)).name).toBe('Default storefront');
		});
	});
});
