// Brevo WireMock stubs: loading, route lookup, and the structural shape comparison.
import { describeContract, expectShapeLike, findWiremockStub, loadWiremock, shapeDifferences } from '../../contract/lib';

describe('contract-lib: shapeDifferences (no specs needed)', () => {
	const example = { id: 1, email: 'a@b.c', attributes: { FNAME: 'A' }, listIds: [2], tags: [], note: null };

	it('accepts the same keys and JSON types, comparing arrays with the first example item', () => {
		expect(shapeDifferences(example, { id: 9, email: 'x@y.z', attributes: { FNAME: 'B' }, listIds: [3, 4], tags: ['x'], note: 'set' })).toEqual([]);
	});

	it('reports missing keys, extra keys and type mismatches with pointers', () => {
		expect(shapeDifferences(example, { id: '9', attributes: { FNAME: 1, EXTRA: true }, listIds: [3, 'x'], tags: [], note: null, extra: 1 })).toEqual([
			'/id: expected number like 1, got string (value: "9")',
			'/email: missing (example: "a@b.c")',
			'/attributes/FNAME: expected string like "A", got number (value: 1)',
			'/attributes/EXTRA: not in the example (value: true)',
			'/listIds/1: expected number like 2, got string (value: "x")',
			'/extra: not in the example (value: 1)',
		]);
	});

	it('honours ignore pointers with * wildcards', () => {
		expect(shapeDifferences({ a: [{ b: 1, c: 2 }] }, { a: [{ b: 1 }, { b: 2 }] }, { ignore: ['/a/*/c'] })).toEqual([]);
	});

	it('expectShapeLike throws a readable list', () => {
		expect(() => expectShapeLike({ id: 1 }, { id: 'x' })).toThrow('body does not have the example\'s shape:\n  - /id: expected number like 1, got string (value: "x")');
		expect(() => expectShapeLike('', undefined)).not.toThrow();
	});
});

describeContract('contract-lib: WireMock stubs', () => {
	it('loads all 284 stubs with parsed bodies', () => {
		const stubs = loadWiremock();
		expect(stubs).toHaveLength(284);
		expect(stubs.every((s) => s.method === s.method.toUpperCase() && s.urlPathTemplate.startsWith('/'))).toBe(true);
	});

	it('finds stubs by concrete path (with or without /v3), literal segments first', () => {
		expect(findWiremockStub('get', '/v3/account')).toMatchObject({ urlPathTemplate: '/account', status: 200 });
		expect(findWiremockStub('POST', '/contacts')).toMatchObject({ urlPathTemplate: '/contacts', status: 201, body: { id: 21 } });
		expect(findWiremockStub('GET', '/v3/contacts/lists')?.urlPathTemplate).toBe('/contacts/lists');
		expect(findWiremockStub('GET', '/v3/contacts/ada%40example.com')?.urlPathTemplate).toBe('/contacts/{identifier}');
		expect(findWiremockStub('GET', '/v3/not-a-route')).toBeUndefined();
	});

	it('covers routes the 2025 OpenAPI mirror lacks (POST /events/batch)', () => {
		expect(findWiremockStub('POST', '/v3/events/batch')).toBeDefined();
	});

	it('compares an emulator body with the stub example', () => {
		const stub = findWiremockStub('POST', '/v3/contacts');
		expect(() => expectShapeLike(stub?.body, { id: 22 })).not.toThrow();
		expect(() => expectShapeLike(stub?.body, { id: '22' })).toThrow(/\/id: expected number like 21, got string/);
	});
});
