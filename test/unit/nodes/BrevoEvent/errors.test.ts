import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { transportOverrides } from '../../../../nodes/BrevoEvent/shared/client';
import { takesErrorOutput } from '../support/error-output';
import { execute, type FakeRun } from './support/fake-context';

/** How the core's errors reach the n8n editor: message = what went wrong, description = what to do. */
beforeAll(() => {
	transportOverrides.retry = { backoffBaseMs: 1, rateLimitBackoffBaseMs: 1, backoffMaxMs: 2 };
});
afterAll(() => {
	transportOverrides.retry = undefined;
});

const credentials = { apiKey: 'xkeysib-test', baseUrl: 'https://api.brevo.example/v3' };
const consent = { resource: 'contact', operation: 'getConsent', identifierType: 'email_id', identifier: 'jane@example.com' };

function run(http: FakeRun['http'], extra: Partial<FakeRun> = {}) {
	return execute({ params: consent, credentials, http, ...extra });
}

describe('errors in the editor', () => {
	it("a network failure keeps the node's own message (n8n would replace one containing ECONNRESET) and puts the code in the description", async () => {
		const http = async () => {
			throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		};
		const error = (await run(http).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^Could not reach Brevo to find the contact with email address jane@example\.com \(6 attempts over \d+ ms\)\.$/);
		expect(error.description).toBe('Check the Base URL in the Brevo API credential and that the n8n server can reach it, then run again. Detail: ECONNRESET: socket hang up.');
	});

	it('a 401 says to check the API key, with the HTTP code', async () => {
		const http = async () => ({ statusCode: 401, headers: {}, body: { code: 'unauthorized', message: 'Key not found' } });
		const error = (await run(http).catch((e: unknown) => e)) as NodeApiError;
		expect(error.httpCode).toBe('401');
		expect(error.message).toMatch(/^Brevo did not accept the API key/);
		expect(error.description).toMatch(/^Check the API Key in the Brevo API credential/);
		expect(error.context.itemIndex).toBe(0);
	});

	it('an empty identifier is refused before any request (it would list every contact)', async () => {
		const http = jest.fn();
		const error = (await execute({ params: { ...consent, identifier: '' }, credentials, http }).catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe("The contact cannot be looked up in Brevo: identifier: the contact's email address is empty.");
		expect(http).not.toHaveBeenCalled();
	});

	it('with Continue On Fail, each failed item carries its error and the others go on', async () => {
		let calls = 0;
		const http = async () => {
			calls++;
			return calls === 1
				? { statusCode: 400, headers: {}, body: { code: 'invalid_parameter', message: 'Invalid identifier' } }
				: { statusCode: 200, headers: {}, body: { id: 1, email: 'b@example.com', emailBlacklisted: false, smsBlacklisted: false, listIds: [], attributes: {} } };
		};
		const out = await run(http, { items: [{}, {}], continueOnFail: true });
		expect(out[0]).toEqual({
			error: expect.stringContaining('Invalid identifier'),
			details: { failure: 'invalid_request', httpCode: 400, brevoCode: 'invalid_parameter' },
			_item: 0,
		});
		expect(out[1]).toMatchObject({ found: true, canEmail: true, _item: 1 });
		// With "Continue (using error output)", n8n sends the failed item to the error output, the other on.
		expect(out.map(({ _item, ...json }) => takesErrorOutput({ json }))).toEqual([true, false]);
	});
});
