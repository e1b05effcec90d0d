// Every spec the contract tests may use loads, all its $refs resolve, and every JSON response
// schema in it compiles. Operation counts are pinned: the spec copies are pinned to commits
// (see shared/specs/*/SOURCE.md), so a change here means the copy changed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeContract, loadSpec, specsRoot } from '../../contract/lib';
import { compileAllResponseSchemas } from './helpers';

const EXPECTED_OPERATIONS: Record<string, number> = {
	'bigcommerce/current/reference/abandoned_carts.v3.yml': 5,
	'bigcommerce/current/reference/carts.v3.yml': 21,
	'bigcommerce/current/reference/catalog/product-variant-options_catalog.v3.yml': 10,
	'bigcommerce/current/reference/catalog/product-variants_catalog.v3.yml': 17,
	'bigcommerce/current/reference/catalog/products_catalog.v3.yml': 53,
	'bigcommerce/current/reference/channels.v3.yml': 34,
	'bigcommerce/current/reference/customers.v2.yml': 21,
	'bigcommerce/current/reference/customers.v3.yml': 34,
	'bigcommerce/current/reference/marketing.v2.yml': 19,
	'bigcommerce/current/reference/orders.v2.oas2.yml': 28,
	'bigcommerce/current/reference/orders.v3.yml': 21,
	'bigcommerce/current/reference/promotions.v3.yml': 13,
	'bigcommerce/current/reference/webhooks.v3.yml': 7,
	'bigcommerce/current/docs/b2b-edition/specs/api-v3/company/company.yaml': 27,
	// Historical (2021) copies; four of them are Swagger 2.0.
	'bigcommerce/api-specs/reference/catalog.v3.yml': 105,
	'bigcommerce/api-specs/reference/customers.v2.yml': 22,
	'brevo/swagger_definition_v3.2025-02-mirror.yml': 272,
	'brevo/swagger_definition_v3.yml': 263,
};

describeContract('contract-lib: loading specs', () => {
	it('covers every BigCommerce reference file', () => {
		const dir = path.join(specsRoot(), 'bigcommerce/current/reference');
		const onDisk = fs
			.readdirSync(dir, { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.yml'))
			.map((f) => `bigcommerce/current/reference/${f.split(path.sep).join('/')}`);
		expect(onDisk.length).toBeGreaterThan(0);
		for (const file of onDisk) expect(Object.keys(EXPECTED_OPERATIONS)).toContain(file);
	});

	it.each(Object.entries(EXPECTED_OPERATIONS))('%s loads with %i operations and all response schemas compile', (file, count) => {
		const spec = loadSpec(file);
		expect(spec.operations).toHaveLength(count);
		const compiled = compileAllResponseSchemas(spec);
		expect(compiled).toBeGreaterThan(0);
	});

	it('reads the dialect and server base paths', () => {
		expect(loadSpec('bigcommerce/current/reference/customers.v3.yml')).toMatchObject({ dialect: 'openapi3', basePaths: ['/stores/{store_hash}/v3'] });
		expect(loadSpec('bigcommerce/current/reference/orders.v2.oas2.yml')).toMatchObject({ dialect: 'openapi3', basePaths: ['/stores/{store_hash}/v2'] });
		expect(loadSpec('bigcommerce/api-specs/reference/customers.v2.yml')).toMatchObject({ dialect: 'swagger2', basePaths: ['/stores/{$$.env.store_hash}/v2'] });
		expect(loadSpec('brevo/swagger_definition_v3.2025-02-mirror.yml')).toMatchObject({ dialect: 'openapi3', basePaths: ['/v3'] });
	});

	it('caches: a second load returns the same object', () => {
		const file = 'brevo/swagger_definition_v3.2025-02-mirror.yml';
		expect(loadSpec(file)).toBe(loadSpec(file));
	});
});
