import { NodeApiError, NodeOperationError, type IHttpRequestOptions } from 'n8n-workflow';
import { takesErrorOutput } from '../support/error-output';
import { runNode } from './support/contexts';
import { json, networkError, type FullResponse } from './support/http';

const credentials = { storeHash: 'abc123', apiBaseUrl: 'https://api.bigcommerce.test' };

function answering(handler: (options: IHttpRequestOptions) => FullResponse | Promise<FullResponse>) {
	return async (options: IHttpRequestOptions) => handler(options);
}

describe('errors the user sees', () => {
	it('a rejected token: NodeApiError with the summary as message and what to fix as description', async () => {
		const request = answering(() => json(401, { status: 401, title: 'You are not authorized.' }));
		const error = await runNode({ credentials, request, parameters: { resource: 'channel', operation: 'getAll' } }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error).toMatchObject({
			message: 'BigCommerce rejected the access token (401 Unauthorized) on GET /v3/channels.',
			description: expect.stringContaining('Check the Access Token and Store Hash in the BigCommerce API credential'),
			httpCode: '401',
		});
	});

	it('a 422 carries BigCommerce’s own words and the fields it names', async () => {
		const request = answering(() => json(422, { status: 422, title: 'JSON data is missing or invalid', errors: { '.customer_update': 'Customer 7 does not exist.' } }));
		const error = await runNode({ credentials, request, parameters: { resource: 'customer', operation: 'updateStoreCredit', customerId: '7', storeCreditAction: 'set', amount: 3 } }).catch((e: unknown) => e);
		expect((error as Error).message).toContain('BigCommerce refused the data sent with PUT /v3/customers (422 Unprocessable Entity). BigCommerce said: "JSON data is missing or invalid".');
		expect((error as Error).message).toContain('Customer 7 does not exist');
	});

	it('a refused connection on a write keeps our message (n8n would replace one naming ECONNREFUSED) and is not retried', async () => {
		let calls = 0;
		const request = answering(() => {
			calls++;
			throw networkError('ECONNREFUSED');
		});
		const error = await runNode({ credentials, request, parameters: { resource: 'couponCode', operation: 'create' } }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe('Could not reach BigCommerce for POST /v3/promotions (connect ECONNREFUSED 127.0.0.1:1).');
		expect((error as NodeOperationError).description).toContain('may or may not have been saved');
		expect(calls).toBe(1);
	});

	it('an unknown host says to check the API Base URL', async () => {
		const request = answering(() => {
			throw networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.bigcommerce.test');
		});
		const error = await runNode({ credentials, request, parameters: { resource: 'order', operation: 'get', orderId: '1' } }).catch((e: unknown) => e);
		expect(error).toMatchObject({
			message: 'Could not find the server for GET /v2/orders/1 (getaddrinfo ENOTFOUND api.bigcommerce.test).',
			description: expect.stringContaining('Check the API Base URL'),
		});
	});

	it('Continue On Fail: one error item per failing input item, results for the others, each paired with its input', async () => {
		const request = answering((options) =>
			options.url.includes('/orders/2') ? json(404, { status: 404, title: 'The requested resource was not found.' }) : json(200, orderBody(1)),
		);
		const out = await runNode({
			credentials,
			request,
			continueOnFail: true,
			parameters: [
				{ resource: 'order', operation: 'get', orderId: '1' },
				{ resource: 'order', operation: 'get', orderId: '2' },
				{ resource: 'order', operation: 'get', orderId: 'x' },
			],
		});
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json).toMatchObject({ id: 1, status_name: 'Completed' });
		expect(out[1].json).toEqual({
			error: expect.stringContaining('BigCommerce found no order 2'),
			details: { description: expect.any(String), failure: 'not_found', status: 404 },
		});
		expect(out[2].json).toEqual({ error: 'Order ID must be a whole number such as 42, but it is "x".', details: { description: expect.any(String) } });
		// With "Continue (using error output)", n8n sends the two failures to the error output.
		expect(out.map(takesErrorOutput)).toEqual([false, true, true]);
	});

	it('an answer of the wrong shape is reported, not passed on', async () => {
		const request = answering(() => json(200, { data: [{ id: 'one' }], meta: {} }));
		await expect(runNode({ credentials, request, parameters: { resource: 'channel', operation: 'getAll' } })).rejects.toThrow(
			"BigCommerce's answer to GET /v3/channels was not what this node expects: data[0].id: Expected number, received string",
		);
	});
});

function orderBody(id: number) {
	const money = '10.0000';
	return {
		id,
		customer_id: 1,
		channel_id: 1,
		status_id: 10,
		status: 'Completed',
		date_created: 'Tue, 20 Nov 2012 00:00:00 +0000',
		date_modified: 'Tue, 20 Nov 2012 00:00:00 +0000',
		subtotal_ex_tax: money,
		subtotal_inc_tax: money,
		total_ex_tax: money,
		total_inc_tax: money,
		discount_amount: '0.0000',
		coupon_discount: '0.0000',
		currency_code: 'USD',
		billing_address: { first_name: 'A', last_name: 'B', street_1: 'x', city: 'y', state: 'z', zip: '1', country: 'US', country_iso2: 'US', email: 'a@b.c' },
	};
}
