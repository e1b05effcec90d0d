import type { ICredentialsDecrypted } from 'n8n-workflow';
import { BigCommerce } from '../../../../nodes/BigCommerce/BigCommerce.node';
import { BigCommerceTrigger } from '../../../../nodes/BigCommerce/BigCommerceTrigger.node';
import { BigCommerceApi } from '../../../../credentials/BigCommerceApi.credentials';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '../../../../sandbox/bigcommerce';
import { answering, closedPortUrl, credentialTestContext, failingWith, type LegacyRequest } from '../support/credential-test-context';

let sandbox: BigCommerceSandbox;
beforeAll(async () => {
	sandbox = await startBigCommerceSandbox({ seed: false, cartAbandonAfterMs: null });
});
afterAll(() => sandbox.close());

const node = new BigCommerce();
const trigger = new BigCommerceTrigger();

function credential(data: Record<string, unknown> = {}): ICredentialsDecrypted {
	return { id: '1', name: 'BigCommerce', type: 'bigCommerceApi', data: { storeHash: sandbox.storeHash, accessToken: sandbox.accessToken, apiBaseUrl: sandbox.url, ...data } };
}

async function test(data: Record<string, unknown> = {}, request?: LegacyRequest) {
	const { context, requests } = credentialTestContext(request);
	const result = await node.methods.credentialTest.bigCommerceApiTest.call(context, credential(data));
	return { ...result, requests };
}

describe('BigCommerce API credential test', () => {
	it('is the nodes’ own test, offered by both nodes that use the credential', () => {
		expect(new BigCommerceApi()).not.toHaveProperty('test');
		for (const described of [node.description, trigger.description]) {
			expect(described.credentials).toEqual([{ name: 'bigCommerceApi', required: true, testedBy: 'bigCommerceApiTest' }]);
		}
		expect(trigger.methods.credentialTest.bigCommerceApiTest).toBe(node.methods.credentialTest.bigCommerceApiTest);
	});

	it('passes with a good token, reading one customer with the token in X-Auth-Token', async () => {
		const result = await test({ apiBaseUrl: `${sandbox.url}/` });
		expect(result).toMatchObject({ status: 'OK' });
		expect(result.requests).toEqual([
			expect.objectContaining({ method: 'GET', uri: `${sandbox.url}/stores/${sandbox.storeHash}/v3/customers?limit=1`, headers: { 'X-Auth-Token': sandbox.accessToken, Accept: 'application/json' } }),
		]);
	});

	it.each([
		['a wrong token', { accessToken: 'not-the-token' }, /^BigCommerce rejected the access token\. Copy the access token/],
		['a wrong store hash', { storeHash: 'nosuchstore' }, /^No store found with this store hash\. Check the Store Hash/],
	])('fails with %s, saying what to fix', async (_label, data, message) => {
		const result = await test(data);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
	});

	it.each([
		[403, /not allowed to read customers\. Edit the API account/],
		[429, /rate-limiting this store right now\. Wait a minute/],
		[503, /^BigCommerce could not answer just now \(HTTP 503\)\. Try the test again/],
		[400, /^BigCommerce refused the test request \(HTTP 400\)/],
	])('maps HTTP %i to its message', async (status, message) => {
		expect((await test({}, answering(status))).message).toMatch(message);
	});

	it('says plainly that nothing answers at the API Base URL, naming it, instead of ECONNREFUSED', async () => {
		const url = await closedPortUrl();
		const result = await test({ apiBaseUrl: url });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			`Nothing answered at ${url}: the connection was refused or dropped. Check the API Base URL ("${url}"): for a real store it is https://api.bigcommerce.com; a test server such as the sandbox emulator must be running at the address given.`,
		);
		expect(result.message).not.toMatch(/ECONN/);
	});

	it.each([
		['ENOTFOUND', /^The server api\.bigcomerce\.com was not found\. Check the API Base URL \("https:\/\/api\.bigcomerce\.com"\) for typos/],
		['ECONNABORTED', /^https:\/\/api\.bigcomerce\.com did not answer within 10 s\. Check the API Base URL/],
		['CERT_HAS_EXPIRED', /^Could not reach https:\/\/api\.bigcomerce\.com \(CERT_HAS_EXPIRED\)\. Check the API Base URL/],
	])('explains the network failure %s with the address to check', async (code, message) => {
		expect((await test({ apiBaseUrl: 'https://api.bigcomerce.com' }, failingWith(code))).message).toMatch(message);
	});

	it('does not pass when something other than BigCommerce answers 200 there', async () => {
		const result = await test({}, answering(200, '<html>Welcome to nginx</html>'));
		expect(result.message).toMatch(/answered, but not as the BigCommerce API\. Check the API Base URL/);
	});

	it('checks the fields before sending anything', async () => {
		const notAUrl = await test({ apiBaseUrl: 'api.bigcommerce.com' });
		expect(notAUrl.message).toMatch(/^The API Base URL "api\.bigcommerce\.com" is not a web address \(http:\/\/ or https:\/\/\)/);
		const noHash = await test({ storeHash: '  ' });
		expect(noHash.message).toMatch(/^The Store Hash is empty/);
		expect([...notAUrl.requests, ...noHash.requests]).toEqual([]);
	});
});
