// validateResponse accepts bodies that follow the spec and rejects wrong types and missing
// required fields with readable errors (pointer + message + value).
import { describeContract, expectResponseMatchesSpec, loadSpec, validateResponse } from '../../contract/lib';

const CUSTOMERS_V3 = 'bigcommerce/current/reference/customers.v3.yml';
const ORDERS_V2 = 'bigcommerce/current/reference/orders.v2.oas2.yml';
const WEBHOOKS_V3 = 'bigcommerce/current/reference/webhooks.v3.yml';
const CUSTOMERS_V2_SWAGGER2 = 'bigcommerce/api-specs/reference/customers.v2.yml';
const BREVO = 'brevo/swagger_definition_v3.2025-02-mirror.yml';

const customer = {
	id: 7,
	email: 'ada@example.com',
	first_name: 'Ada',
	last_name: 'Lovelace',
	customer_group_id: 0,
	date_created: '2024-05-01T10:00:00Z',
	date_modified: '2024-05-02T10:00:00Z',
	address_count: 1,
	attribute_count: 0,
	authentication: { force_password_reset: false },
	addresses: [
		{ id: 3, customer_id: 7, first_name: 'Ada', last_name: 'Lovelace', address1: '1 Main St', city: 'London', state_or_province: 'London', postal_code: 'N1', country_code: 'GB', address_type: 'residential' },
	],
};

const billingAddress = { first_name: 'Ada', last_name: 'Lovelace', street_1: '1 Main St', city: 'London', state: 'London', zip: 'N1', country: 'United Kingdom', country_iso2: 'GB', email: 'ada@example.com' };
const order = {
	id: 100,
	customer_id: 7,
	status_id: 11,
	status: 'Awaiting Fulfillment',
	date_created: 'Tue, 05 Mar 2024 10:00:00 +0000',
	subtotal_ex_tax: '10.0000',
	total_inc_tax: '12.0000',
	payment_status: 'captured',
	currency_code: 'USD',
	is_deleted: false,
	billing_address: billingAddress,
	products: { url: 'https://api.bigcommerce.com/stores/abc/v2/orders/100/products', resource: '/orders/100/products' },
};

const hook = { id: 1, client_id: 'cid', store_hash: 'abc', scope: 'store/order/created', destination: 'https://example.com/hook', is_active: true, headers: null, created_at: 1700000000, updated_at: 1700000000 };

describeContract('contract-lib: validateResponse', () => {
	describe('BigCommerce customers.v3 GET /v3/customers', () => {
		const spec = () => loadSpec(CUSTOMERS_V3);
		const req = { method: 'GET', path: '/stores/abc123/v3/customers', status: 200 };

		it('accepts a body that follows the spec', () => {
			const check = validateResponse(spec(), { ...req, body: { data: [customer], meta: { pagination: { total: 1, count: 1, per_page: 50, current_page: 1, total_pages: 1 } } } });
			expect(check).toEqual({ ok: true, errors: [], template: '/customers', operationId: 'getCustomers' });
		});

		it('rejects a wrong type with pointer, message and value', () => {
			const check = validateResponse(spec(), { ...req, body: { data: [{ ...customer, id: '7' }], meta: {} } });
			expect(check.ok).toBe(false);
			expect(check.errors).toEqual(['/data/0/id: must be integer (value: "7")']);
		});

		it('rejects a missing required field (address.customer_id)', () => {
			const { customer_id: _omit, ...address } = customer.addresses[0];
			const check = validateResponse(spec(), { ...req, body: { data: [{ ...customer, addresses: [address] }], meta: {} } });
			expect(check.errors).toHaveLength(1);
			expect(check.errors[0]).toMatch(/^\/data\/0\/addresses\/0: must have required property 'customer_id' \(value: \{"id":3,/);
		});

		it('keeps extra fields legal (the spec has no additionalProperties: false)', () => {
			expect(validateResponse(spec(), { ...req, body: { data: [{ ...customer, tajo_extra: 1 }], meta: {} } }).ok).toBe(true);
		});

		it('truncates long values in messages', () => {
			const check = validateResponse(spec(), { ...req, body: { data: 'x'.repeat(500), meta: {} } });
			expect(check.errors[0]).toMatch(/^\/data: must be array \(value: "x{119}…\)$/);
		});
	});

	describe('BigCommerce orders.v2 GET /v2/orders/{order_id}', () => {
		const spec = () => loadSpec(ORDERS_V2);
		const req = { method: 'GET', path: '/stores/abc123/v2/orders/100', status: 200 };

		it('accepts a body that follows the spec', () => {
			expect(validateResponse(spec(), { ...req, body: order })).toMatchObject({ ok: true, template: '/orders/{order_id}', operationId: 'getOrder' });
		});

		it('rejects wrong types and a missing required billing field', () => {
			const { zip: _zip, ...billing } = billingAddress;
			const check = validateResponse(spec(), { ...req, body: { ...order, id: '100', is_deleted: 'no', billing_address: billing } });
			expect(check.errors).toEqual([
				'/id: must be integer (value: "100")',
				'/is_deleted: must be boolean (value: "no")',
				`/billing_address: must have required property 'zip' (value: ${JSON.stringify(billing).slice(0, 120)}…)`,
			]);
		});
	});

	describe('BigCommerce webhooks.v3 GET /v3/hooks', () => {
		const spec = () => loadSpec(WEBHOOKS_V3);
		const req = { method: 'GET', path: '/stores/abc123/v3/hooks', status: 200 };

		it('accepts a list of hooks, and an empty list (location patch for minItems: 1)', () => {
			expect(validateResponse(spec(), { ...req, body: { data: [hook], meta: {} } }).ok).toBe(true);
			expect(validateResponse(spec(), { ...req, body: { data: [], meta: {} } }).ok).toBe(true);
		});

		it('rejects a hook with a wrong-typed field', () => {
			const check = validateResponse(spec(), { ...req, body: { data: [{ ...hook, is_active: 1, created_at: '2024-01-01' }], meta: {} } });
			expect(check.errors).toEqual(['/data/0/is_active: must be boolean (value: 1)', '/data/0/created_at: must be integer (value: "2024-01-01")']);
		});

		it('GET /v3/hooks/{webhook_id}: data must be a single hook object', () => {
			const single = { method: 'GET', path: '/stores/abc123/v3/hooks/1', status: 200 };
			expect(validateResponse(spec(), { ...single, body: { data: hook, meta: {} } })).toMatchObject({ ok: true, template: '/hooks/{webhook_id}' });
			expect(validateResponse(spec(), { ...single, body: { data: [hook], meta: {} } }).errors).toEqual([expect.stringMatching(/^\/data: must be object \(value: \[\{"id":1,/)]);
		});
	});

	describe('Swagger 2.0 (api-specs customers.v2 GET /v2/customers/{id})', () => {
		const spec = () => loadSpec(CUSTOMERS_V2_SWAGGER2);
		const req = { method: 'GET', path: '/stores/abc123/v2/customers/7', status: 200 };

		it('accepts a body that follows the spec', () => {
			expect(validateResponse(spec(), { ...req, body: { id: 7, first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', store_credit: '0.0000' } })).toMatchObject({ ok: true, template: '/customers/{customer_id}' });
		});

		it('rejects a missing required field and a wrong type', () => {
			const check = validateResponse(spec(), { ...req, body: { id: 7, first_name: 'Ada', last_name: 'Lovelace', store_credit: 0 } });
			expect(check.errors).toEqual([
				`(root): must have required property 'email' (value: {"id":7,"first_name":"Ada","last_name":"Lovelace","store_credit":0})`,
				'/store_credit: must be string (value: 0)',
			]);
		});
	});

	describe('Brevo', () => {
		const spec = () => loadSpec(BREVO);
		const account = {
			email: 'owner@example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			companyName: 'Tajo',
			address: { street: '1 Main St', city: 'London', zipCode: 'N1', country: 'United Kingdom' },
			plan: [{ type: 'free', creditsType: 'sendLimit', credits: 300 }],
			relay: { enabled: true, data: { userName: 'owner@example.com', relay: 'smtp-relay.brevo.com', port: 587 } },
		};

		it('GET /account: accepts a good body, rejects missing required fields and bad enums', () => {
			const req = { method: 'GET', path: '/v3/account', status: 200 };
			expect(validateResponse(spec(), { ...req, body: account })).toMatchObject({ ok: true, template: '/account', operationId: 'getAccount' });
			const { relay: _relay, ...noRelay } = account;
			const check = validateResponse(spec(), { ...req, body: { ...noRelay, plan: [{ type: 'gold', creditsType: 'sendLimit', credits: 1 }] } });
			expect(check.errors).toEqual([
				expect.stringMatching(/^\(root\): must have required property 'relay' \(value: \{"email"/),
				'/plan/0/type: must be equal to one of the allowed values ["payAsYouGo","free","subscription","sms"] (value: "gold")',
			]);
		});

		it('POST /contacts 201: id must be an integer', () => {
			const req = { method: 'POST', path: '/v3/contacts', status: 201 };
			expect(validateResponse(spec(), { ...req, body: { id: 21 } }).ok).toBe(true);
			expect(validateResponse(spec(), { ...req, body: { id: '21' } }).errors).toEqual(['/id: must be integer (value: "21")']);
			expect(validateResponse(spec(), { ...req, body: undefined }).errors).toEqual(['status 201 (response "201") declares a JSON body, but the response has none']);
		});

		it('204 must have no body', () => {
			const req = { method: 'PUT', path: '/v3/contacts/ada%40example.com', status: 204 };
			expect(validateResponse(spec(), req)).toMatchObject({ ok: true, template: '/contacts/{identifier}' });
			expect(validateResponse(spec(), { ...req, body: '' }).ok).toBe(true);
			expect(validateResponse(spec(), { ...req, body: { ok: true } }).errors).toEqual(['status 204 (response "204") declares no body, but the response has one: {"ok":true}']);
		});

		it('reports statuses the operation does not declare, and unknown routes', () => {
			expect(validateResponse(spec(), { method: 'PUT', path: '/v3/contacts/5', status: 500, body: {} }).errors).toEqual(['spec declares no response for status 500 (declared: 204, 400, 404, 425)']);
			expect(validateResponse(spec(), { method: 'GET', path: '/v3/nope', status: 200, body: {} })).toEqual({
				ok: false,
				errors: ['no operation in brevo/swagger_definition_v3.2025-02-mirror.yml matches GET /v3/nope (server base paths: /v3)'],
			});
		});

		it("falls back to the 'default' response for undeclared statuses", () => {
			const abandoned = loadSpec('bigcommerce/current/reference/abandoned_carts.v3.yml');
			const req = { method: 'GET', path: '/stores/abc/v3/abandoned-carts/0b1c', status: 418 };
			expect(validateResponse(abandoned, req)).toMatchObject({ ok: true, template: '/abandoned-carts/{token}' });
			expect(validateResponse(abandoned, { ...req, body: { x: 1 } }).errors).toEqual(['status 418 (response "default") declares no body, but the response has one: {"x":1}']);
		});

		it('checks the content-type header when given', () => {
			const check = validateResponse(spec(), { method: 'POST', path: '/v3/contacts', status: 201, body: { id: 1 }, headers: { 'Content-Type': 'text/html' } });
			expect(check.errors).toEqual(['content-type is "text/html", expected a JSON media type']);
			expect(validateResponse(spec(), { method: 'POST', path: '/v3/contacts', status: 201, body: { id: 1 }, headers: { 'content-type': 'application/json; charset=utf-8' } }).ok).toBe(true);
		});
	});

	describe('expectResponseMatchesSpec', () => {
		it('passes silently on a good body', () => {
			expect(() => expectResponseMatchesSpec(loadSpec(BREVO), { method: 'POST', path: '/v3/contacts', status: 201, body: { id: 1 } })).not.toThrow();
		});

		it('throws one error naming method, path, status, spec, operation and every mismatch', () => {
			const run = () => expectResponseMatchesSpec(loadSpec(WEBHOOKS_V3), { method: 'get', path: '/stores/abc/v3/hooks', status: 200, body: { data: [{ id: 'x', is_active: 'yes' }] } });
			expect(run).toThrow(
				[
					'GET /stores/abc/v3/hooks -> 200 does not match bigcommerce/current/reference/webhooks.v3.yml (operation getWebhooks, template /hooks):',
					'  - /data/0/id: must be integer (value: "x")',
					'  - /data/0/is_active: must be boolean (value: "yes")',
				].join('\n'),
			);
		});
	});
});
