// Path matching: server base paths (with the store hash) are stripped, params match one
// segment, and literal segments beat params.
import { describeContract, findOperation, loadSpec } from '../../contract/lib';
import { matchTemplate, pathSegments, stripBasePath } from '../../contract/lib/paths';

describe('contract-lib: path helpers (no specs needed)', () => {
	it('splits paths, dropping origin, query and trailing slash', () => {
		expect(pathSegments('http://127.0.0.1:4010/stores/abc/v3/customers/?limit=5#x')).toEqual(['stores', 'abc', 'v3', 'customers']);
		expect(pathSegments('/')).toEqual([]);
	});

	it('strips the whole base path, a trailing part of it, or none of it', () => {
		const concrete = pathSegments('/stores/abc/v3/customers');
		expect(stripBasePath(concrete, '/stores/{store_hash}/v3')).toEqual([['customers'], ['stores', 'abc', 'v3', 'customers']]);
		expect(stripBasePath(pathSegments('/v3/customers'), '/stores/{store_hash}/v3')).toEqual([['customers'], ['v3', 'customers']]);
	});

	it('scores literal segments above params and supports mixed segments', () => {
		expect(matchTemplate('/customers/{id}', ['customers', '5'])).toEqual([2, 1]);
		expect(matchTemplate('/customers/attributes', ['customers', 'attributes'])).toEqual([2, 2]);
		expect(matchTemplate('/files/{name}.json', ['files', 'a.json'])).toEqual([2, 1]);
		expect(matchTemplate('/files/{name}.json', ['files', 'a.xml'])).toBeUndefined();
		expect(matchTemplate('/customers/{id}', ['customers'])).toBeUndefined();
	});
});

describeContract('contract-lib: findOperation', () => {
	const customersV3 = () => loadSpec('bigcommerce/current/reference/customers.v3.yml');

	it.each([
		['/stores/abc123/v3/customers', '/customers'],
		['/v3/customers', '/customers'],
		['/customers', '/customers'],
		['https://api.bigcommerce.com/stores/abc123/v3/customers?include=addresses', '/customers'],
		['/stores/abc123/v3/customers/addresses', '/customers/addresses'],
	])('GET %s -> %s', (path, template) => {
		expect(findOperation(customersV3(), 'GET', path)?.template).toBe(template);
	});

	it('prefers literal segments over params', () => {
		const spec = loadSpec('brevo/swagger_definition_v3.2025-02-mirror.yml');
		expect(findOperation(spec, 'get', '/v3/contacts/lists')?.template).toBe('/contacts/lists');
		expect(findOperation(spec, 'get', '/v3/contacts/ada%40example.com')?.template).toBe('/contacts/{identifier}');
		expect(findOperation(spec, 'get', '/v3/contacts/lists/12')?.template).toBe('/contacts/lists/{listId}');
	});

	it('returns the operation object and id', () => {
		const found = findOperation(loadSpec('bigcommerce/current/reference/orders.v2.oas2.yml'), 'GET', '/stores/abc/v2/orders/100');
		expect(found).toMatchObject({ template: '/orders/{order_id}', operationId: 'getOrder' });
		expect(found?.operation.responses).toBeDefined();
	});

	it('does not match another API version or an unknown method', () => {
		expect(findOperation(loadSpec('bigcommerce/current/reference/customers.v2.yml'), 'GET', '/stores/abc/v3/customers')).toBeUndefined();
		expect(findOperation(customersV3(), 'PATCH', '/stores/abc/v3/customers')).toBeUndefined();
	});

	it('handles Swagger 2 basePath with its odd variable syntax', () => {
		const spec = loadSpec('bigcommerce/api-specs/reference/customers.v2.yml');
		expect(findOperation(spec, 'GET', '/stores/abc/v2/customers/7')?.template).toBe('/customers/{customer_id}');
	});
});
