import { BigCommerceApiError, createBigCommerceClient, isNotFoundError, type ApiCall } from '../../../../nodes/core/bigcommerce';
import { FakeClock } from './support/fake-clock';
import { json, scriptedRequest } from './support/scripted-request';

const STATUS_DOC = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

async function failureOf(call: Omit<ApiCall, 'version'> & { version?: ApiCall['version'] }, status: number, body: unknown): Promise<BigCommerceApiError> {
	const clock = new FakeClock();
	const client = createBigCommerceClient({ baseUrl: 'https://api.bigcommerce.com', storeHash: 'abc123', request: scriptedRequest([json(status, body)]), now: clock.now, sleep: clock.sleep });
	const error = await client.send({ version: 'v3', ...call }).catch((e: unknown) => e);
	if (!(error instanceof BigCommerceApiError)) throw new Error(`expected a BigCommerceApiError, got ${String(error)}`);
	return error;
}

const TOKEN_HINT =
	"Check the Access Token and Store Hash in the BigCommerce API credential: copy the token again from the store's API account (BigCommerce shows it only once, when the account is created) and make sure both come from the same store.";

describe('error mapping', () => {
	describe('401', () => {
		it('v3 body', async () => {
			const error = await failureOf({ method: 'GET', path: '/customers' }, 401, { status: 401, title: 'Unauthorized', type: STATUS_DOC });
			expect(error.message).toBe(`BigCommerce rejected the access token (401 Unauthorized) on GET /v3/customers. ${TOKEN_HINT}`);
			expect(error).toMatchObject({ failure: 'unauthorized', status: 401, title: 'Unauthorized', request: { method: 'GET', version: 'v3', path: '/v3/customers' } });
		});

		it('v2 body', async () => {
			const error = await failureOf({ version: 'v2', method: 'GET', path: '/orders/100' }, 401, [{ status: 401, message: 'You are not authorized to access this resource.' }]);
			expect(error.message).toBe(`BigCommerce rejected the access token (401 Unauthorized) on GET /v2/orders/100. ${TOKEN_HINT}`);
			expect(error.title).toBe('You are not authorized to access this resource.');
		});
	});

	describe('403 names the scope to grant', () => {
		it('read of customers (v3, {code, message} body as in customers.v3.yml)', async () => {
			const error = await failureOf({ method: 'GET', path: '/customers' }, 403, { code: 403, message: 'Missing scope' });
			expect(error.message).toBe(
				'The access token is not allowed to do GET /v3/customers (403 Forbidden). BigCommerce said: "Missing scope". ' +
					'Edit the store-level API account in the BigCommerce control panel and set its "Customers" scope to read-only or modify.',
			);
		});

		it('write of a promotion code', async () => {
			const error = await failureOf({ method: 'POST', path: '/promotions/9/codes', body: {} }, 403, { status: 403, title: 'You do not have permission', error: 'Forbidden' });
			expect(error.message).toBe(
				'The access token is not allowed to do POST /v3/promotions/9/codes (403 Forbidden). BigCommerce said: "You do not have permission". ' +
					'Edit the store-level API account in the BigCommerce control panel and set its "Marketing" scope to modify.',
			);
		});

		it('v2 orders, products and webhooks', async () => {
			expect((await failureOf({ version: 'v2', method: 'GET', path: '/orders' }, 403, [{ status: 403, message: 'Missing scope' }])).hint).toMatch(/"Orders" scope to read-only or modify\.$/);
			expect((await failureOf({ method: 'GET', path: '/catalog/products' }, 403, {})).hint).toMatch(/"Products" scope/);
			expect((await failureOf({ method: 'GET', path: '/carts/abc' }, 403, {})).hint).toMatch(/"Carts" scope/);
			expect((await failureOf({ method: 'GET', path: '/channels' }, 403, {})).hint).toMatch(/"Channel Settings" scope/);
			expect((await failureOf({ method: 'POST', path: '/hooks', body: {} }, 403, {})).hint).toMatch(/^Webhooks need no scope of their own/);
		});
	});

	describe('404 says what was not found', () => {
		it('a v2 order (bare-array body)', async () => {
			const error = await failureOf({ version: 'v2', method: 'GET', path: '/orders/100' }, 404, [{ status: 404, message: 'The requested resource was not found.' }]);
			expect(error.message).toBe('BigCommerce found no order 100 (404 Not Found on GET /v2/orders/100). Check the order ID: it may be wrong, or the order may have been deleted.');
			expect(isNotFoundError(error)).toBe(true);
		});

		it('a cart, which BigCommerce deletes once it becomes an order', async () => {
			const error = await failureOf({ method: 'GET', path: '/carts/a1b2c3' }, 404, { status: 404, title: 'Cart not found', type: STATUS_DOC });
			expect(error.message).toBe(
				'BigCommerce found no cart a1b2c3 (404 Not Found on GET /v3/carts/a1b2c3). Check the cart ID: it may be wrong, or the cart may have been deleted. BigCommerce deletes a cart once it has become an order.',
			);
		});

		it('a sub-resource of its parent', async () => {
			const error = await failureOf({ method: 'GET', path: '/promotions/9/codes/4' }, 404, { status: 404, title: 'Not found' });
			expect(error.summary).toBe('BigCommerce found no coupon code 4 of promotion 9 (404 Not Found on GET /v3/promotions/9/codes/4).');
			const parent = await failureOf({ version: 'v2', method: 'GET', path: '/orders/100/shipments' }, 404, []);
			expect(parent.summary).toBe('BigCommerce found no order 100 (404 Not Found on GET /v2/orders/100/shipments).');
		});

		it('a whole collection: the store itself was not found', async () => {
			const error = await failureOf({ method: 'GET', path: '/customers' }, 404, { status: 404, title: 'Store not found' });
			expect(error.message).toBe('BigCommerce found nothing at GET /v3/customers (404 Not Found). Check the Store Hash and the API Base URL in the BigCommerce API credential.');
		});
	});

	describe('409 and 422 list the fields', () => {
		it('422 with a v3 field map', async () => {
			const error = await failureOf({ method: 'PUT', path: '/customers', body: [] }, 422, {
				status: 422,
				title: 'Input is invalid',
				type: STATUS_DOC,
				errors: { '.customer_group_id': 'customer group 99 does not exist', '.email': 'must be a valid email address' },
			});
			expect(error.message).toBe(
				'BigCommerce refused the data sent with PUT /v3/customers (422 Unprocessable Entity). BigCommerce said: "Input is invalid". ' +
					'Fields: .customer_group_id: customer group 99 does not exist; .email: must be a valid email address. Correct the fields listed and run again.',
			);
			expect(error.fieldErrors).toEqual([
				{ field: '.customer_group_id', message: 'customer group 99 does not exist' },
				{ field: '.email', message: 'must be a valid email address' },
			]);
		});

		it('422 with a promotions-style error list and a detail', async () => {
			const error = await failureOf({ method: 'POST', path: '/promotions', body: {} }, 422, {
				status: 422,
				title: 'The request payload is invalid.',
				detail: 'rules[0].action is required',
				errors: [{ status: 422, title: 'rules[0].action is required.' }],
			});
			expect(error.summary).toBe(
				'BigCommerce refused the data sent with POST /v3/promotions (422 Unprocessable Entity). BigCommerce said: "The request payload is invalid." (rules[0].action is required). Fields: rules[0].action is required.',
			);
		});

		it('409 with a v2 body and its details', async () => {
			const error = await failureOf({ version: 'v2', method: 'POST', path: '/customer_groups', body: { name: 'VIP' } }, 409, [
				{ status: 409, message: 'The field "name" is invalid.', details: { conflict_reason: 'A customer group with the name "VIP" already exists.' } },
			]);
			expect(error.message).toBe(
				'BigCommerce refused POST /v2/customer_groups because it conflicts with existing data (409 Conflict). BigCommerce said: "The field "name" is invalid." (A customer group with the name "VIP" already exists). ' +
					'Usually the record already exists (for example a coupon code or an email address already in use) or was changed at the same moment. Change the value, or read the record again, and run again.',
			);
			expect(error.failure).toBe('conflict');
		});

		it('422 without any field says what to check', async () => {
			const error = await failureOf({ version: 'v2', method: 'PUT', path: '/orders/5', body: {} }, 422, [{ status: 422, message: 'The order could not be updated.' }]);
			expect(error.hint).toBe('Check the values sent (required fields, formats, IDs that must exist) and run again.');
		});
	});

	it('500 on a read after retries (v2 body)', async () => {
		const clock = new FakeClock();
		const body = [{ status: 500, message: 'Internal server error.' }];
		const client = createBigCommerceClient({
			baseUrl: 'https://api.bigcommerce.com',
			storeHash: 'abc123',
			request: scriptedRequest([json(500, body), json(500, body)]),
			now: clock.now,
			sleep: clock.sleep,
			random: () => 0,
			retry: { maxAttempts: 2 },
		});
		await expect(client.send({ version: 'v2', method: 'GET', path: '/orders' })).rejects.toThrow(
			'BigCommerce had a server error (500 Internal Server Error) on GET /v2/orders and still failed after 2 attempts over 500 ms. BigCommerce said: "Internal server error." ' +
				"This is a problem on BigCommerce's side and usually passes. Run the workflow again later.",
		);
	});

	it('an HTML error page from a proxy is not quoted', async () => {
		const error = await failureOf({ method: 'POST', path: '/carts', body: {} }, 502, '<html><body>Bad gateway</body></html>');
		expect(error.summary).toBe('BigCommerce had a server error (502 Bad Gateway) on POST /v3/carts.');
	});

	it('400 quotes BigCommerce and asks to check the filters', async () => {
		const error = await failureOf({ method: 'GET', path: '/customers', query: { 'date_modified:min': 'yesterday' } }, 400, { status: 400, title: 'Invalid date format', type: STATUS_DOC });
		expect(error.message).toBe(
			'BigCommerce could not accept GET /v3/customers (400 Bad Request). BigCommerce said: "Invalid date format". Check the values of the fields and filters (IDs, dates, email addresses) and run again.',
		);
	});

	it('never puts the host, store hash or token in the message', async () => {
		const error = await failureOf({ method: 'GET', path: '/customers' }, 401, {});
		expect(error.message).not.toMatch(/abc123|api\.bigcommerce\.com\/stores|X-Auth-Token/);
	});
});
