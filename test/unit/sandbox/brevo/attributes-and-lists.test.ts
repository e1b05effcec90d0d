import { call, useBrevoSandbox } from './brevo-client';

describe('Brevo sandbox: contact attributes and lists', () => {
	const sandbox = useBrevoSandbox();

	it('has the standard attributes (and the seeded loyalty ones) by default', async () => {
		const res = await call(sandbox(), 'GET', '/contacts/attributes');
		expect(res.status).toBe(200);
		const names = res.body.attributes.map((a: { name: string }) => a.name);
		expect(names).toEqual(expect.arrayContaining(['FIRSTNAME', 'LASTNAME', 'SMS', 'WHATSAPP', 'EXT_ID', 'LOYALTY_POINTS', 'LOYALTY_TIER']));
		expect(res.body.attributes[0]).toEqual({ name: 'FIRSTNAME', category: 'normal', type: 'text' });
	});

	it('starts without the loyalty attributes when not seeded', () => {
		sandbox().reset({ seed: false });
		expect(sandbox().attributes().map((a) => a.name)).toEqual(['FIRSTNAME', 'LASTNAME', 'SMS', 'WHATSAPP', 'LANDLINE_NUMBER', 'EXT_ID']);
		expect(sandbox().lists()).toEqual([]);
	});

	it('creates an attribute (201, no body); values for it are then kept', async () => {
		await call(sandbox(), 'POST', '/contacts', { email: 'a@example.com', attributes: { BIRTHDAY: '1990-05-01' } });
		expect(sandbox().contact('a@example.com')?.attributes).toEqual({});
		const created = await call(sandbox(), 'POST', '/contacts/attributes/normal/BIRTHDAY', { type: 'date' });
		expect(created.status).toBe(201);
		expect(created.body).toBeUndefined();
		await call(sandbox(), 'PUT', '/contacts/a@example.com', { attributes: { BIRTHDAY: '1990-05-01' } });
		expect(sandbox().contact('a@example.com')?.attributes).toEqual({ BIRTHDAY: '1990-05-01' });
	});

	it('validates attribute creation', async () => {
		expect((await call(sandbox(), 'POST', '/contacts/attributes/weird/X', {})).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'POST', '/contacts/attributes/normal/FIRSTNAME', { type: 'text' })).body.code).toBe('duplicate_parameter');
		expect((await call(sandbox(), 'POST', '/contacts/attributes/normal/BAD-NAME', { type: 'text' })).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'POST', '/contacts/attributes/category/GENDER', {})).body.code).toBe('missing_parameter');
		expect((await call(sandbox(), 'POST', '/contacts/attributes/normal/COLOURS', { type: 'multiple-choice' })).body.code).toBe('missing_parameter');
	});

	it('stores a category attribute by its enumeration value, given the value or the label', async () => {
		await call(sandbox(), 'POST', '/contacts/attributes/category/GENDER', { enumeration: [{ value: 1, label: 'Men' }, { value: 2, label: 'Women' }] });
		await call(sandbox(), 'POST', '/contacts', { email: 'w@example.com', attributes: { GENDER: 'Women' } });
		await call(sandbox(), 'POST', '/contacts', { email: 'm@example.com', attributes: { GENDER: 1 } });
		await call(sandbox(), 'POST', '/contacts', { email: 'x@example.com', attributes: { GENDER: 'Kid' } });
		expect(sandbox().contacts().map((c) => c.attributes.GENDER)).toEqual([2, 1, undefined]);
	});

	it('lists the seeded lists, creates a list and reads it', async () => {
		const lists = await call(sandbox(), 'GET', '/contacts/lists?sort=asc');
		expect(lists.body.count).toBe(8);
		expect(lists.body.lists.map((l: { name: string }) => l.name)).toEqual(['retail_newsletter', 'wholesale_updates', 'vip_exclusive', 'first_time_buyers', 'repeat_customers', 'high_value_customers', 'wholesale_accounts', 'at_risk_customers']);
		const created = await call(sandbox(), 'POST', '/contacts/lists', { name: 'b2b_reorders', folderId: 1 });
		expect(created.status).toBe(201);
		expect(created.body).toEqual({ id: 9 });
		const read = await call(sandbox(), 'GET', '/contacts/lists/9');
		expect(read.body).toMatchObject({ id: 9, name: 'b2b_reorders', folderId: 1, totalSubscribers: 0, uniqueSubscribers: 0, totalBlacklisted: 0, createdAt: expect.any(String) });
		expect((await call(sandbox(), 'POST', '/contacts/lists', { name: 'no folder' })).body.code).toBe('missing_parameter');
		expect((await call(sandbox(), 'POST', '/contacts/lists', { name: 'x', folderId: 99 })).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'GET', '/contacts/lists/99')).status).toBe(404);
		expect((await call(sandbox(), 'GET', '/contacts/lists?limit=51')).status).toBe(400);
	});

	it('adds contacts to a list by emails, ids or extIds and reports failures', async () => {
		const a = await call(sandbox(), 'POST', '/contacts', { email: 'a@example.com' });
		await call(sandbox(), 'POST', '/contacts', { email: 'b@example.com', ext_id: 'bc-2' });
		const byEmail = await call(sandbox(), 'POST', '/contacts/lists/3/contacts/add', { emails: ['a@example.com', 'nobody@example.com'] });
		expect(byEmail.status).toBe(201);
		expect(byEmail.body).toEqual({ contacts: { success: ['a@example.com'], failure: ['nobody@example.com'] } });
		const byId = await call(sandbox(), 'POST', '/contacts/lists/3/contacts/add', { ids: [a.body.id] });
		expect(byId.status).toBe(400);
		expect(byId.body).toEqual({ code: 'invalid_parameter', message: 'Contact already in list and/or does not exist' });
		const byExt = await call(sandbox(), 'POST', '/contacts/lists/3/contacts/add', { extIds: ['bc-2'] });
		expect(byExt.body).toEqual({ contacts: { success: ['bc-2'], failure: [] } });
		const list = await call(sandbox(), 'GET', '/contacts/lists/3');
		expect(list.body.uniqueSubscribers).toBe(2);
		const members = await call(sandbox(), 'GET', '/contacts/lists/3/contacts');
		expect(members.body.count).toBe(2);
	});

	it('removes contacts from a list, or all of them', async () => {
		await call(sandbox(), 'POST', '/contacts', { email: 'a@example.com', listIds: [1] });
		await call(sandbox(), 'POST', '/contacts', { email: 'b@example.com', listIds: [1] });
		const one = await call(sandbox(), 'POST', '/contacts/lists/1/contacts/remove', { emails: ['a@example.com'] });
		expect(one.body).toEqual({ contacts: { success: ['a@example.com'], failure: [] } });
		expect(sandbox().contact('a@example.com')?.listIds).toEqual([]);
		const again = await call(sandbox(), 'POST', '/contacts/lists/1/contacts/remove', { emails: ['a@example.com'] });
		expect(again.body.message).toBe('Contact already removed from list and/or does not exist');
		const all = await call(sandbox(), 'POST', '/contacts/lists/1/contacts/remove', { all: true });
		expect(all.body.contacts).toEqual({ total: 1, processId: expect.any(Number) });
	});

	it('validates list membership bodies', async () => {
		expect((await call(sandbox(), 'POST', '/contacts/lists/1/contacts/add', {})).body.code).toBe('missing_parameter');
		expect((await call(sandbox(), 'POST', '/contacts/lists/1/contacts/add', { emails: ['a@example.com'], ids: [1] })).body.code).toBe('invalid_parameter');
		const tooMany = Array.from({ length: 151 }, (_, i) => `p${i}@example.com`);
		expect((await call(sandbox(), 'POST', '/contacts/lists/1/contacts/add', { emails: tooMany })).body.code).toBe('out_of_range');
		expect((await call(sandbox(), 'POST', '/contacts/lists/99/contacts/add', { emails: ['a@example.com'] })).status).toBe(404);
	});

	it('lists folders, and the lists of a folder (without their folderId, as getFolderLists)', async () => {
		await call(sandbox(), 'POST', '/contacts/lists', { name: 'b2b_reorders', folderId: 1 });
		const folders = await call(sandbox(), 'GET', '/contacts/folders?limit=50&sort=asc');
		expect(folders.body).toEqual({ folders: [expect.objectContaining({ id: 1, name: 'Your first folder' })], count: 1 });
		const lists = await call(sandbox(), 'GET', '/contacts/folders/1/lists?limit=50&sort=asc');
		expect(lists.body.lists.at(-1)).toEqual({ id: expect.any(Number), name: 'b2b_reorders', totalBlacklisted: 0, totalSubscribers: 0, uniqueSubscribers: 0 });
		expect(lists.body.count).toBe(sandbox().lists().length);
		expect((await call(sandbox(), 'GET', '/contacts/folders/9/lists')).status).toBe(404);
		expect((await call(sandbox(), 'GET', '/contacts/folders?limit=51')).status).toBe(400);
	});

	it('accepts a second list with the same name (createList declares no uniqueness)', async () => {
		const one = await call(sandbox(), 'POST', '/contacts/lists', { name: 'twice', folderId: 1 });
		const two = await call(sandbox(), 'POST', '/contacts/lists', { name: 'twice', folderId: 1 });
		expect([one.status, two.status]).toEqual([201, 201]);
		expect(one.body.id).not.toBe(two.body.id);
	});
});
