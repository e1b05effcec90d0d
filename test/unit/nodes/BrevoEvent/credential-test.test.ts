import type { ICredentialsDecrypted } from 'n8n-workflow';
import { BrevoApi } from '../../../../credentials/BrevoApi.credentials';
import { BrevoEvent } from '../../../../nodes/BrevoEvent/BrevoEvent.node';
import { startBrevoSandbox, type BrevoSandbox } from '../../../../sandbox/brevo';
import { answering, closedPortUrl, credentialTestContext, type LegacyRequest } from '../support/credential-test-context';

let sandbox: BrevoSandbox;
beforeAll(async () => {
	sandbox = await startBrevoSandbox({ seed: false });
});
afterAll(() => sandbox.close());

const node = new BrevoEvent();

async function test(data: Record<string, unknown> = {}, request?: LegacyRequest) {
	const credential: ICredentialsDecrypted = { id: '1', name: 'Brevo', type: 'brevoApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.apiBaseUrl, ...data } };
	const { context, requests } = credentialTestContext(request);
	return { ...(await node.methods.credentialTest.brevoApiTest.call(context, credential)), requests };
}

describe('Brevo API credential test', () => {
	it('is the Brevo Event node’s own test', () => {
		expect(new BrevoApi()).not.toHaveProperty('test');
		expect(node.description.credentials).toEqual([{ name: 'brevoApi', required: true, testedBy: 'brevoApiTest' }]);
	});

	it('passes with a good key, reading the account with the key in api-key', async () => {
		const result = await test();
		expect(result).toMatchObject({ status: 'OK' });
		expect(result.requests).toEqual([expect.objectContaining({ uri: `${sandbox.apiBaseUrl}/account`, headers: { 'api-key': sandbox.apiKey, Accept: 'application/json' } })]);
	});

	it('fails with a wrong key, saying to paste the whole key', async () => {
		expect((await test({ apiKey: 'xkeysib-wrong' })).message).toMatch(/^Brevo did not accept this API key\. Paste the whole key/);
	});

	it.each([
		[403, /^Brevo refused access with this API key/],
		[404, /^Nothing answers at this Base URL as the Brevo API/],
		[429, /^Brevo is rate-limiting this account right now/],
	])('maps HTTP %i to its message', async (status, message) => {
		expect((await test({}, answering(status))).message).toMatch(message);
	});

	it('says plainly that nothing answers at the Base URL, naming it, instead of ECONNREFUSED', async () => {
		const url = `${await closedPortUrl()}/v3`;
		const result = await test({ baseUrl: url });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(new RegExp(`^Nothing answered at ${url.replace('/v3', '').replace(/[.]/g, '\\.')}: .* Check the Base URL \\("${url.replace(/[.]/g, '\\.')}"\\): for your Brevo account it is https://api\\.brevo\\.com/v3`));
		expect(result.message).not.toMatch(/ECONN/);
	});
});
