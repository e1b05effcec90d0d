import { createBrevoClient, getContact, type BrevoCall } from '../../../../nodes/core/brevo';
import { FakeClock } from './support/fake-clock';
import { BASE_URL, brevoError, json, scriptedRequest, type ScriptedStep } from './support/scripted-request';

function clientWith(steps: ScriptedStep[]) {
	const clock = new FakeClock();
	return createBrevoClient({ baseUrl: BASE_URL, request: scriptedRequest(steps), now: clock.now, sleep: clock.sleep, random: () => 0.5 });
}

const createContact: BrevoCall = { method: 'POST', path: '/contacts', body: {}, action: 'create or update the contact jane@example.com', repeatable: true };

async function failure(steps: ScriptedStep[], call: BrevoCall = createContact) {
	return (await clientWith(steps).send(call).catch((e: unknown) => e)) as Error & Record<string, unknown>;
}

describe("Brevo's {code, message} errors, mapped to what to fix", () => {
	it('400 invalid_parameter quotes Brevo and gives the operation hint', async () => {
		const error = await failure([brevoError(400, 'invalid_parameter', 'Invalid phone number')], { ...createContact, hints: { invalid: 'Check the phone number.' } });
		expect(error).toMatchObject({ failure: 'invalid_request', status: 400, code: 'invalid_parameter', brevoMessage: 'Invalid phone number', summary: expect.any(String), hint: 'Check the phone number.' });
		expect(error.message).toBe('Brevo refused to create or update the contact jane@example.com (400 Bad Request, invalid_parameter on POST /contacts). Brevo said: "Invalid phone number". Check the phone number.');
	});

	it('400 duplicate_parameter on a contact names the identifiers another contact holds', async () => {
		const error = await failure([brevoError(400, 'duplicate_parameter', 'Unable to create contact, SMS is already associated with another Contact', { metadata: { duplicate_identifiers: ['SMS'] } })]);
		expect(error).toMatchObject({ failure: 'duplicate', metadata: { duplicate_identifiers: ['SMS'] } });
		expect(error.hint).toBe('Another Brevo contact already has this SMS. Each email address, phone number and ext_id can belong to one contact only: use the existing contact\'s identifier, or remove the value from the other contact.');
	});

	it('401 points at the API key and the authorised IPs', async () => {
		const error = await failure([brevoError(401, 'unauthorized', 'Key not found')]);
		expect(error).toMatchObject({ failure: 'unauthorized', status: 401 });
		expect(error.message).toMatch(/^Brevo did not accept the API key \(401 Unauthorized, unauthorized\) when trying to create or update the contact jane@example\.com\. Brevo said: "Key not found"\. Check the API Key in the Brevo API credential/);
		expect(error.message).toMatch(/Security → Authorised IPs/);
	});

	it('402 not_enough_credits says to buy credits', async () => {
		const error = await failure([brevoError(402, 'not_enough_credits', 'Not enough credits')], { method: 'POST', path: '/transactionalSMS/sms', body: {}, action: 'send an SMS to +33612345678' });
		expect(error).toMatchObject({ failure: 'no_credits' });
		expect(error.message).toMatch(/no credits left for it \(402 Payment Required, not_enough_credits\).*Buy more credits in Brevo/);
	});

	it('403 permission_denied and account_under_validation explain the account side', async () => {
		expect((await failure([brevoError(403, 'permission_denied', 'Permission denied')])).message).toMatch(/Your Brevo plan may not include this feature/);
		expect((await failure([brevoError(403, 'account_under_validation', 'Your account is under validation')])).message).toMatch(/Brevo is still validating your account/);
	});

	it('404 on a contact says which identifier Brevo does not know and what to do', async () => {
		const client = clientWith([brevoError(404, 'document_not_found', 'Contact does not exist')]);
		const error = (await getContact(client, { kind: 'email_id', value: 'jane@example.com' }).catch((e: unknown) => e)) as Error;
		expect(error).toMatchObject({ failure: 'not_found', status: 404 });
		expect(error.message).toBe(
			'Brevo could not find the contact with email address jane@example.com: nothing found at GET /contacts/jane@example.com (404 Not Found). Brevo said: "Contact does not exist". ' +
				'No Brevo contact has the email address jane@example.com. Check the value and the "Identify Contact By" setting, or create the contact first (Contact → Create or Update).',
		);
	});

	it('keeps a proxy\'s HTML page out of the message', async () => {
		const error = await failure([{ statusCode: 418, headers: {}, body: '<html><body>teapot</body></html>' }]);
		expect(error.message).toBe("Brevo answered 418 when trying to create or update the contact jane@example.com (POST /contacts). Check the node's settings. If it keeps happening, report this message to the package maintainers.");
	});

	it('a 2xx body that is not what Brevo documents is an unexpected response, not undefined values', async () => {
		const client = clientWith([json(200, { id: 'seven', emailBlacklisted: 'no' })]);
		const error = (await getContact(client, { kind: 'contact_id', value: '7' }).catch((e: unknown) => e)) as Error;
		expect(error).toMatchObject({ failure: 'unexpected_response' });
		expect(error.message).toMatch(/^Brevo's answer when trying to find the contact with contact ID 7 \(GET \/contacts\/7\) was not what this node expects: body\.id: Expected number, received string; body\.emailBlacklisted: Expected boolean/);
	});
});
