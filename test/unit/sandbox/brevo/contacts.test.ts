import { call, useBrevoSandbox } from './brevo-client';

describe('Brevo sandbox: contacts', () => {
	const sandbox = useBrevoSandbox();

	it('creates a contact (201 {id}), lower-cases the email and keeps lists and known attributes', async () => {
		const res = await call(sandbox(), 'POST', '/contacts', {
			email: 'Jane.Doe@Example.com',
			attributes: { FIRSTNAME: 'Jane', LASTNAME: 'Doe', SMS: '+33612345678' },
			listIds: [1, 3],
		});
		expect(res.status).toBe(201);
		expect(res.body).toEqual({ id: expect.any(Number) });
		expect(sandbox().contact('jane.doe@example.com')).toMatchObject({
			id: res.body.id,
			email: 'jane.doe@example.com',
			attributes: { FIRSTNAME: 'Jane', LASTNAME: 'Doe', SMS: '+33612345678' },
			listIds: [1, 3],
			emailBlacklisted: false,
			smsBlacklisted: false,
			whatsappBlacklisted: false,
			listUnsubscribed: [],
		});
	});

	it('drops unknown attributes and values of the wrong type silently, as Brevo does', async () => {
		const res = await call(sandbox(), 'POST', '/contacts', {
			email: 'a@example.com',
			attributes: { FIRSTNAME: 'Ann', FAVOURITE_COLOUR: 'blue', firstname: 'lower-case is another name', LOYALTY_POINTS: 'lots', LAST_ORDER_DATE: '2025-02-30' },
		});
		expect(res.status).toBe(201);
		expect(sandbox().contact('a@example.com')?.attributes).toEqual({ FIRSTNAME: 'Ann' });
		await call(sandbox(), 'PUT', '/contacts/a@example.com', { attributes: { LOYALTY_POINTS: '1250', LAST_ORDER_DATE: '2025-03-01T10:00:00Z' } });
		expect(sandbox().contact('a@example.com')?.attributes).toEqual({ FIRSTNAME: 'Ann', LOYALTY_POINTS: 1250, LAST_ORDER_DATE: '2025-03-01' });
	});

	it('refuses a second contact with the same email: 400 duplicate_parameter with the identifier in metadata', async () => {
		await call(sandbox(), 'POST', '/contacts', { email: 'dup@example.com' });
		const res = await call(sandbox(), 'POST', '/contacts', { email: 'DUP@example.com' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			code: 'duplicate_parameter',
			message: 'Unable to create contact, email is already associated with another Contact',
			metadata: { duplicate_identifiers: ['email'] },
		});
	});

	it('updates the existing contact with updateEnabled: true and answers 204', async () => {
		await call(sandbox(), 'POST', '/contacts', { email: 'u@example.com', attributes: { FIRSTNAME: 'Old' }, listIds: [1] });
		const res = await call(sandbox(), 'POST', '/contacts', { email: 'u@example.com', updateEnabled: true, attributes: { FIRSTNAME: 'New' }, listIds: [2] });
		expect(res.status).toBe(204);
		expect(res.body).toBeUndefined();
		expect(sandbox().contacts()).toHaveLength(1);
		expect(sandbox().contact('u@example.com')).toMatchObject({ attributes: { FIRSTNAME: 'New' }, listIds: [1, 2] });
	});

	it('also matches existing contacts by SMS and ext_id', async () => {
		await call(sandbox(), 'POST', '/contacts', { ext_id: 'bc-42', attributes: { SMS: '0033612345678' } });
		const bySms = await call(sandbox(), 'POST', '/contacts', { email: 'new@example.com', attributes: { SMS: '+33 6 12 34 56 78' } });
		expect(bySms.status).toBe(400);
		expect(bySms.body.metadata).toEqual({ duplicate_identifiers: ['SMS'] });
		const byExtId = await call(sandbox(), 'POST', '/contacts', { ext_id: 'bc-42', updateEnabled: true, attributes: { FIRSTNAME: 'Ext' } });
		expect(byExtId.status).toBe(204);
	});

	it('a second person with the same SMS number (a household): 400 duplicate_parameter, even with updateEnabled; nobody is merged', async () => {
		const first = { email: 'rita@example.com', ext_id: '1', attributes: { FIRSTNAME: 'Rita', SMS: '+15125550101' } };
		await call(sandbox(), 'POST', '/contacts', first);
		const create = await call(sandbox(), 'POST', '/contacts', { email: 'sam@example.com', ext_id: '2', updateEnabled: true, attributes: { FIRSTNAME: 'Sam', SMS: '0015125550101' } });
		expect(create).toMatchObject({
			status: 400,
			body: { code: 'duplicate_parameter', message: 'Unable to create contact, SMS is already associated with another Contact', metadata: { duplicate_identifiers: ['SMS'] } },
		});
		await call(sandbox(), 'POST', '/contacts', { email: 'sam@example.com', ext_id: '2', attributes: { FIRSTNAME: 'Sam' } });
		const update = await call(sandbox(), 'POST', '/contacts', { email: 'sam@example.com', updateEnabled: true, attributes: { SMS: '+1 512 555 0101' } });
		expect(update.body).toEqual({ code: 'duplicate_parameter', message: 'Unable to update contact, SMS is already associated with another Contact', metadata: { duplicate_identifiers: ['SMS'] } });
		expect(sandbox().contacts().map((c) => [c.email, c.attributes])).toEqual([
			['rita@example.com', { FIRSTNAME: 'Rita', SMS: '+15125550101', EXT_ID: '1' }],
			['sam@example.com', { FIRSTNAME: 'Sam', EXT_ID: '2' }],
		]);
		// Without email and ext_id, the number names the contact to update.
		expect((await call(sandbox(), 'POST', '/contacts', { updateEnabled: true, attributes: { SMS: '+15125550101', LASTNAME: 'R' } })).status).toBe(204);
		expect(sandbox().contact('rita@example.com')?.attributes.LASTNAME).toBe('R');
	});

	it('sets email/SMS blacklists from the request, but not whatsappBlacklisted (no such request field)', async () => {
		await call(sandbox(), 'POST', '/contacts', { email: 'b@example.com', emailBlacklisted: true, smsBlacklisted: true, whatsappBlacklisted: true });
		expect(sandbox().contact('b@example.com')).toMatchObject({ emailBlacklisted: true, smsBlacklisted: true, whatsappBlacklisted: false });
	});

	it('requires an identifier and validates email and phone', async () => {
		expect((await call(sandbox(), 'POST', '/contacts', { attributes: { FIRSTNAME: 'x' } })).body.code).toBe('missing_parameter');
		expect((await call(sandbox(), 'POST', '/contacts', { email: 'not-an-email' })).body).toEqual({ code: 'invalid_parameter', message: 'Invalid email address' });
		const phone = await call(sandbox(), 'POST', '/contacts', { email: 'p@example.com', attributes: { SMS: 'call me' } });
		expect(phone.status).toBe(400);
		expect(phone.body).toEqual({ code: 'invalid_parameter', message: 'Invalid phone number' });
		expect((await call(sandbox(), 'POST', '/contacts', { email: 'l@example.com', listIds: [999] })).body.code).toBe('invalid_parameter');
	});

	describe('GET /contacts/{identifier} with identifier types', () => {
		let id: number;
		beforeEach(async () => {
			const res = await call(sandbox(), 'POST', '/contacts', {
				email: 'who@example.com',
				ext_id: 'bc-7',
				attributes: { SMS: '+33612345678', WHATSAPP: '+447700900123', LANDLINE_NUMBER: '+441632960961' },
			});
			id = res.body.id;
		});

		it.each([
			['who%40example.com', ''],
			['who@example.com', '?identifierType=email_id'],
			['ID', ''],
			['ID', '?identifierType=contact_id'],
			['bc-7', '?identifierType=ext_id'],
			['%2B33612345678', '?identifierType=phone_id'],
			['33612345678', ''],
			['447700900123', '?identifierType=whatsapp_id'],
			['%2B441632960961', '?identifierType=landline_number_id'],
		])('finds the contact by %s%s', async (identifier, query) => {
			const res = await call(sandbox(), 'GET', `/contacts/${identifier.replace('ID', String(id))}${query}`);
			expect(res.status).toBe(200);
			expect(res.body).toMatchObject({ id, email: 'who@example.com', attributes: { EXT_ID: 'bc-7' }, statistics: expect.any(Object) });
		});

		it('does not treat an ext_id as an identifier without identifierType (404 document_not_found)', async () => {
			const res = await call(sandbox(), 'GET', '/contacts/bc-7');
			expect(res.status).toBe(404);
			expect(res.body).toEqual({ code: 'document_not_found', message: 'Contact does not exist' });
		});

		it('rejects an unknown identifierType and a non-numeric contact_id', async () => {
			expect((await call(sandbox(), 'GET', '/contacts/x?identifierType=sms')).body.code).toBe('invalid_parameter');
			expect((await call(sandbox(), 'GET', '/contacts/abc?identifierType=contact_id')).body.code).toBe('invalid_parameter');
		});
	});

	it('PUT updates attributes, lists (listIds / unlinkListIds), blacklists and the email via attributes.EMAIL', async () => {
		await call(sandbox(), 'POST', '/contacts', { email: 'old@example.com', listIds: [1, 2] });
		const res = await call(sandbox(), 'PUT', '/contacts/old@example.com', {
			attributes: { EMAIL: 'new@example.com', LASTNAME: 'Renamed' },
			listIds: [3],
			unlinkListIds: [1],
			smsBlacklisted: true,
		});
		expect(res.status).toBe(204);
		expect(sandbox().contact('new@example.com')).toMatchObject({ listIds: [2, 3], smsBlacklisted: true, attributes: { LASTNAME: 'Renamed' } });
		expect((await call(sandbox(), 'PUT', '/contacts/missing@example.com', { attributes: {} })).status).toBe(404);
	});

	it('PUT refuses an identifier that belongs to another contact', async () => {
		await call(sandbox(), 'POST', '/contacts', { email: 'one@example.com' });
		await call(sandbox(), 'POST', '/contacts', { email: 'two@example.com' });
		const res = await call(sandbox(), 'PUT', '/contacts/two@example.com', { attributes: { EMAIL: 'one@example.com' } });
		expect(res.status).toBe(400);
		expect(res.body.code).toBe('duplicate_parameter');
	});

	it('DELETE removes the contact (204), then 404', async () => {
		const { body } = await call(sandbox(), 'POST', '/contacts', { email: 'gone@example.com' });
		expect((await call(sandbox(), 'DELETE', `/contacts/${body.id}`)).status).toBe(204);
		expect((await call(sandbox(), 'DELETE', `/contacts/${body.id}`)).status).toBe(404);
	});

	it('GET /contacts pages newest first with the total count, and filters by list and attribute', async () => {
		for (const n of [1, 2, 3]) {
			await call(sandbox(), 'POST', '/contacts', { email: `c${n}@example.com`, attributes: { FIRSTNAME: n === 2 ? 'Bea' : 'X' }, listIds: n === 3 ? [3] : [] });
		}
		const page = await call(sandbox(), 'GET', '/contacts?limit=2&offset=0');
		expect(page.body.count).toBe(3);
		expect(page.body.contacts.map((c: { email: string }) => c.email)).toEqual(['c3@example.com', 'c2@example.com']);
		const asc = await call(sandbox(), 'GET', '/contacts?sort=asc&limit=1&offset=1');
		expect(asc.body.contacts[0].email).toBe('c2@example.com');
		expect((await call(sandbox(), 'GET', '/contacts?listIds=3')).body.contacts.map((c: { email: string }) => c.email)).toEqual(['c3@example.com']);
		expect((await call(sandbox(), 'GET', '/contacts?filter=equals(FIRSTNAME,"Bea")')).body.count).toBe(1);
		expect((await call(sandbox(), 'GET', '/contacts?limit=1001')).status).toBe(400);
		expect((await call(sandbox(), 'GET', '/contacts?segmentId=4')).body.message).toContain('not supported');
	});
});
