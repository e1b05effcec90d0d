// Validating values against schemas inside any spec file: BigCommerce webhook callback models.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeContract, expectMatchesSchemaFile, specsRoot, validateAgainstSchemaFile, validateWebhookPayload, webhookCallbackModel } from '../../contract/lib';

const CALLBACKS = 'bigcommerce/current/docs/webhooks/callbacks';
const payload = { scope: 'store/customer/created', store_id: '1025646', data: { type: 'customer', id: 32 }, hash: 'abc', created_at: 1561481571, producer: 'stores/abc123' };

describeContract('contract-lib: validateAgainstSchemaFile', () => {
	it('accepts a payload that follows the callback model (pointer with or without #)', () => {
		expect(validateAgainstSchemaFile(`${CALLBACKS}/store_customer_created.yml`, '#/properties/store~1customer~1created', payload)).toEqual({ ok: true, errors: [] });
		expect(validateAgainstSchemaFile(`${CALLBACKS}/store_customer_created.yml`, '/properties/store~1customer~1created', payload).ok).toBe(true);
	});

	it('rejects wrong types readably', () => {
		const check = validateAgainstSchemaFile(`${CALLBACKS}/store_customer_created.yml`, '/properties/store~1customer~1created', { ...payload, created_at: '2024-01-01', data: { type: 'customer', id: '32' } });
		expect(check.errors).toEqual(['/created_at: must be integer (value: "2024-01-01")', '/data/id: must be integer (value: "32")']);
		expect(() => expectMatchesSchemaFile(`${CALLBACKS}/store_customer_created.yml`, '/properties/store~1customer~1created', { data: { id: 'x' } })).toThrow(
			'value does not match bigcommerce/current/docs/webhooks/callbacks/store_customer_created.yml#/properties/store~1customer~1created:\n  - /data/id: must be integer (value: "x")',
		);
	});

	it('reports a pointer with nothing behind it', () => {
		expect(validateAgainstSchemaFile(`${CALLBACKS}/store_customer_created.yml`, '/properties/nope', {})).toEqual({ ok: false, errors: [`no schema at ${CALLBACKS}/store_customer_created.yml#/properties/nope`] });
	});

	it('maps webhook scopes to their callback model', () => {
		expect(webhookCallbackModel('store/cart/lineItem/created')).toEqual({ relPath: `${CALLBACKS}/store_cart_lineItem_created.yml`, pointer: '/properties/store~1cart~1lineItem~1created' });
		expect(validateWebhookPayload('store/customer/created', payload).ok).toBe(true);
		expect(validateWebhookPayload('store/order/created', { ...payload, scope: 'store/order/created', data: { type: 'order', id: 'x' } }).errors).toEqual(['/data/id: must be integer (value: "x")']);
	});

	it("resolves _all.yml's GitHub raw URL refs to the local callback files", () => {
		// _all.yml wraps each file under a misplaced `properties.allOf` (normalised), and each file
		// is itself keyed by scope, hence the double nesting.
		const all = `${CALLBACKS}/_all.yml`;
		expect(validateAgainstSchemaFile(all, '/properties/store~1customer~1created', { 'store/customer/created': payload }).ok).toBe(true);
		expect(validateAgainstSchemaFile(all, '/properties/store~1customer~1created', { 'store/customer/created': { ...payload, created_at: 'x' } }).errors).toEqual([
			'/store~1customer~1created/created_at: must be integer (value: "x")',
		]);
	});

	it("every non-empty sample payload in callbacks/data matches its scope's model", () => {
		const dataDir = path.join(specsRoot(), CALLBACKS, 'data');
		const samples = fs.readdirSync(dataDir).filter((f) => f.endsWith('.json'));
		const failures: string[] = [];
		let checked = 0;
		for (const file of samples) {
			const text = fs.readFileSync(path.join(dataDir, file), 'utf8').trim();
			if (text === '') continue; // store_app_uninstalled.json and store_metafield_created.json are empty upstream
			const scope = file.replace(/\.json$/, '').replace(/_/g, '/');
			if (!fs.existsSync(path.join(specsRoot(), webhookCallbackModel(scope).relPath))) continue;
			checked++;
			const check = validateWebhookPayload(scope, JSON.parse(text));
			if (!check.ok) failures.push(`${file}: ${check.errors.join('; ')}`);
		}
		expect(checked).toBeGreaterThan(30);
		expect(failures).toEqual([]);
	});
});
