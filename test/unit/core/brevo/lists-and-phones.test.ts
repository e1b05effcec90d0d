// Lists (get with folders, create once by name), contacts looked up by phone number, and
// contacts whose SMS number another contact holds (Brevo: 400 duplicate_parameter,
// metadata.duplicate_identifiers: ['SMS']; contactErrorModel in the v3 spec).
import {
	BrevoApiError,
	consentOf,
	createBrevoClient,
	createList,
	duplicatePhoneFields,
	findContact,
	getLists,
	isBrevoApiError,
	isBrevoValidationError,
	lookupIdentifier,
	upsertContact,
	type BrevoValidationError,
} from '../../../../nodes/core/brevo';
import { FakeClock } from './support/fake-clock';
import { BASE_URL, brevoError, json, noContent, scriptedRequest, type ScriptedStep } from './support/scripted-request';

function clientWith(steps: ScriptedStep[]) {
	const clock = new FakeClock();
	const request = scriptedRequest(steps);
	return { client: createBrevoClient({ baseUrl: BASE_URL, request, now: clock.now, sleep: clock.sleep, random: () => 0.5 }), request };
}

const smsTaken = (verb = 'create') =>
	brevoError(400, 'duplicate_parameter', `Unable to ${verb} contact, SMS is already associated with another Contact`, { metadata: { duplicate_identifiers: ['SMS'] } });

describe('Contact → Create or Update when the SMS number belongs to another contact', () => {
	const household = { email: 'sam@example.com', extId: '2', sms: '+1 512 555 0101', attributes: { FIRSTNAME: 'Sam' } };

	it('skip: sends the contact again without the number, and reports the field', async () => {
		const { client, request } = clientWith([smsTaken(), json(201, { id: 7 })]);
		const result = await upsertContact(client, household, { sharedPhoneNumbers: 'skip' });
		expect(result).toEqual({
			created: true,
			id: 7,
			identifier: { kind: 'email_id', value: 'sam@example.com' },
			skippedFields: [{ field: 'SMS', value: '+15125550101', reason: 'another Brevo contact already has this SMS number' }],
		});
		expect(request.calls.map((c) => c.body)).toEqual([
			{ email: 'sam@example.com', ext_id: '2', attributes: { FIRSTNAME: 'Sam', SMS: '+15125550101' }, updateEnabled: true },
			{ email: 'sam@example.com', ext_id: '2', attributes: { FIRSTNAME: 'Sam' }, updateEnabled: true },
		]);
	});

	it('skip: SMS and WhatsApp both taken, named one after the other; no attributes left is fine', async () => {
		const whatsappTaken = brevoError(400, 'duplicate_parameter', 'Unable to update contact, WHATSAPP is already associated with another Contact', { metadata: { duplicate_identifiers: ['WHATSAPP'] } });
		const { client, request } = clientWith([smsTaken('update'), whatsappTaken, noContent()]);
		const result = await upsertContact(client, { email: 'sam@example.com', sms: '+15125550101', whatsapp: '+15125550101' }, { sharedPhoneNumbers: 'skip' });
		expect(result.skippedFields.map((f) => f.field)).toEqual(['SMS', 'WHATSAPP']);
		expect(request.calls[2].body).toEqual({ email: 'sam@example.com', updateEnabled: true });
	});

	it('fail (the default): the duplicate error, with what to do about a shared number', async () => {
		const { client, request } = clientWith([smsTaken()]);
		const error = (await upsertContact(client, household).catch((e: unknown) => e)) as BrevoApiError;
		expect(isBrevoApiError(error)).toBe(true);
		expect(error).toMatchObject({ failure: 'duplicate', status: 400, code: 'duplicate_parameter', metadata: { duplicate_identifiers: ['SMS'] } });
		expect(error.summary).toMatch(/SMS is already associated with another Contact/);
		expect(error.hint).toMatch(/If two people share the number \(e\.g\. a household\), set "If the Phone Number Belongs to Another Contact" to "Save the Contact Without It"\.$/);
		expect(request.calls).toHaveLength(1);
	});

	it('another identifier (email, ext_id) held by someone else is never skipped', async () => {
		const emailTaken = brevoError(400, 'duplicate_parameter', 'Unable to update contact, ext_id, SMS belong to different contacts', { metadata: { duplicate_identifiers: ['ext_id', 'SMS'] } });
		const { client, request } = clientWith([emailTaken]);
		await expect(upsertContact(client, household, { sharedPhoneNumbers: 'skip' })).rejects.toMatchObject({ failure: 'duplicate' });
		expect(request.calls).toHaveLength(1);
	});

	it('the number that names an SMS-only contact cannot be left out', async () => {
		const { client } = clientWith([smsTaken()]);
		await expect(upsertContact(client, { sms: '+15125550101' }, { sharedPhoneNumbers: 'skip' })).rejects.toMatchObject({ failure: 'duplicate' });
	});

	it('reads the field from the message when Brevo gives no metadata', () => {
		const duplicate = (brevoMessage: string, metadata?: Record<string, unknown>) =>
			new BrevoApiError({ failure: 'duplicate', summary: 's', hint: 'h', request: { method: 'POST', path: '/contacts', action: 'a' }, brevoMessage, metadata, attempts: 1, elapsedMs: 0 });
		expect(duplicatePhoneFields(duplicate('Unable to create contact, SMS is already associated with another Contact'))).toEqual(['SMS']);
		expect(duplicatePhoneFields(duplicate('Unable to create contact, email is already associated with another Contact'))).toEqual([]);
		expect(duplicatePhoneFields(duplicate('whatever', { duplicate_identifiers: ['sms', 'whatsapp'] }))).toEqual(['SMS', 'WHATSAPP']);
		expect(duplicatePhoneFields(new Error('SMS'))).toEqual([]);
	});
});

describe('contacts looked up by phone number', () => {
	it('writes the number as Brevo stores it: + and digits', () => {
		expect(lookupIdentifier({ kind: 'phone_id', value: ' +33 6 12-34.56(78) ' })).toEqual({ kind: 'phone_id', value: '+33612345678' });
		expect(lookupIdentifier({ kind: 'phone_id', value: '0033612345678' })).toEqual({ kind: 'phone_id', value: '+33612345678' });
		// The bracketed trunk 0 of "+44 (0)20 …" is never dialled after the country code.
		expect(lookupIdentifier({ kind: 'phone_id', value: '+44 (0)20 7946 0958' })).toEqual({ kind: 'phone_id', value: '+442079460958' });
		expect(lookupIdentifier({ kind: 'phone_id', value: '0044 (0) 20 7946 0958' })).toEqual({ kind: 'phone_id', value: '+442079460958' });
		expect(lookupIdentifier({ kind: 'whatsapp_id', value: '33612345678' })).toEqual({ kind: 'whatsapp_id', value: '+33612345678' });
		expect(lookupIdentifier({ kind: 'email_id', value: ' jane@example.com ' })).toEqual({ kind: 'email_id', value: 'jane@example.com' });
	});

	it.each([
		['0612345678', '"0612345678" has no country code (it starts with a single 0, a national number)'],
		['+33 6 12', '"+33 6 12" is not a SMS phone number with its country code (6 to 15 digits, optionally after + or 00)'],
		['call me', '"call me" is not a SMS phone number with its country code (6 to 15 digits, optionally after + or 00)'],
		['', "the contact's SMS phone number is empty"],
	])('refuses %j before asking Brevo', (value, message) => {
		let error: BrevoValidationError | undefined;
		try {
			lookupIdentifier({ kind: 'phone_id', value });
		} catch (e) {
			error = e as BrevoValidationError;
		}
		expect(isBrevoValidationError(error)).toBe(true);
		expect(error?.problems).toEqual([{ field: 'identifier', message }]);
		if (value) expect(error?.hint).toMatch(/international form, with \+ and the country code/);
	});

	it('GET /contacts/{number}?identifierType=phone_id; the SMS number comes back with the consent', async () => {
		const contact = { id: 9, emailBlacklisted: false, smsBlacklisted: true, listIds: [], attributes: { SMS: '33612345678' } };
		const { client, request } = clientWith([json(200, contact)]);
		const found = await findContact(client, { kind: 'phone_id', value: '+33 6 12 34 56 78' });
		expect(request.calls[0].pathAndQuery).toBe('/contacts/%2B33612345678?identifierType=phone_id');
		expect(consentOf(found)).toMatchObject({ found: true, contactId: 9, sms: '33612345678', canSms: false, canEmail: true });
	});
});

describe('lists', () => {
	const page = (lists: Array<Record<string, unknown>>, count = lists.length) => json(200, { lists, count });

	it('Get Many: every page, oldest first, each list with its folder and the folder’s name', async () => {
		const first = Array.from({ length: 50 }, (_v, i) => ({ id: i + 1, name: `l${i + 1}`, folderId: 1, totalSubscribers: 0, totalBlacklisted: 0, uniqueSubscribers: 0 }));
		const { client, request } = clientWith([page(first, 51), page([{ id: 51, name: 'last', folderId: 2 }], 51), json(200, { folders: [{ id: 1, name: 'Main' }, { id: 2, name: 'Shop' }], count: 2 })]);
		const lists = await getLists(client, { withFolderNames: true });
		expect(lists).toHaveLength(51);
		expect(lists[50]).toEqual({ id: 51, name: 'last', folderId: 2, folderName: 'Shop' });
		expect(lists[0]).toEqual({ id: 1, name: 'l1', folderId: 1, folderName: 'Main', totalSubscribers: 0, totalBlacklisted: 0, uniqueSubscribers: 0 });
		expect(request.calls.map((c) => c.pathAndQuery)).toEqual([
			'/contacts/lists?limit=50&offset=0&sort=asc',
			'/contacts/lists?limit=50&offset=50&sort=asc',
			'/contacts/folders?limit=50&offset=0&sort=asc',
		]);
	});

	it('Get Many of one folder: GET /contacts/folders/{id}/lists, whose lists carry no folderId; a limit', async () => {
		const { client, request } = clientWith([page([{ id: 4, name: 'vip' }, { id: 5, name: 'b2b' }], 9)]);
		await expect(getLists(client, { folderId: 2, limit: 2 })).resolves.toEqual([
			{ id: 4, name: 'vip', folderId: 2 },
			{ id: 5, name: 'b2b', folderId: 2 },
		]);
		expect(request.calls[0].pathAndQuery).toBe('/contacts/folders/2/lists?limit=2&offset=0&sort=asc');
	});

	it('Create: returns the list that already has the name (case and spaces aside) and creates nothing', async () => {
		const { client, request } = clientWith([page([{ id: 3, name: 'VIP exclusive', folderId: 1 }, { id: 8, name: 'vip_exclusive', folderId: 2 }])]);
		await expect(createList(client, { name: ' VIP Exclusive ', folderId: 1 })).resolves.toEqual({ created: false, list: { id: 3, name: 'VIP exclusive', folderId: 1 } });
		expect(request.calls).toHaveLength(1);
	});

	it('Create: POST /contacts/lists {name, folderId} when no list has the name, or always with "create"', async () => {
		const { client, request } = clientWith([page([{ id: 3, name: 'retail', folderId: 1 }]), json(201, { id: 12 }), json(201, { id: 13 })]);
		await expect(createList(client, { name: 'vip_exclusive', folderId: 1 })).resolves.toEqual({ created: true, list: { id: 12, name: 'vip_exclusive', folderId: 1 } });
		await expect(createList(client, { name: 'retail', folderId: 1, ifNameExists: 'create' })).resolves.toMatchObject({ created: true, list: { id: 13 } });
		expect(request.calls.slice(1).map((c) => [c.method, c.pathAndQuery, c.body])).toEqual([
			['POST', '/contacts/lists', { name: 'vip_exclusive', folderId: 1 }],
			['POST', '/contacts/lists', { name: 'retail', folderId: 1 }],
		]);
	});

	it('Create: a name and a folder are required', async () => {
		const { client } = clientWith([]);
		await expect(createList(client, { name: ' ', folderId: 0 })).rejects.toMatchObject({
			problems: [
				{ field: 'name', message: 'the list name is required' },
				{ field: 'folderId', message: '0 is not a Brevo folder ID (a positive whole number)' },
			],
		});
	});
});
