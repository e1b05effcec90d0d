import type { IDataObject } from 'n8n-workflow';
import { transportOverrides } from '../../../../nodes/BrevoEvent/shared/client';
import { getAttributes, getFolders, getLists, getTemplates } from '../../../../nodes/BrevoEvent/methods/loadOptions';
import { startBrevoSandbox, type BrevoSandbox } from '../../../../sandbox/brevo';
import { takesErrorOutput } from '../support/error-output';
import { execute, fakeContext, fetchHttp, type FakeRun } from './support/fake-context';

/** The node run as n8n runs it (parameters, items, continueOnFail), against the Brevo emulator. */
let sandbox: BrevoSandbox;

beforeAll(async () => {
	sandbox = await startBrevoSandbox({ timeScale: 20, seed: false });
	transportOverrides.retry = { backoffBaseMs: 10, rateLimitBackoffBaseMs: 10, backoffMaxMs: 100 };
});
afterAll(async () => {
	transportOverrides.retry = undefined;
	await sandbox.close();
});
beforeEach(() => sandbox.reset({ seed: false }));

function run(params: FakeRun['params'], extra: Partial<FakeRun> = {}) {
	return execute({ params, credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.apiBaseUrl }, http: fetchHttp(sandbox.apiKey), ...extra });
}

const shipped = { resource: 'event', operation: 'track', eventName: 'order_shipped', email: 'jane@example.com', eventPropertiesMode: 'json', eventPropertiesJson: '{"orderId": 100, "carrier": "UPS"}' };

describe('Event', () => {
	it('Track sends one event per item, with properties from rows or JSON', async () => {
		const out = await run({ ...shipped, contactPropertiesFields: { values: [{ name: 'LOYALTY_TIER', value: 'Gold' }] } });
		expect(out).toEqual([{ tracked: true, eventName: 'order_shipped', identifiers: { email_id: 'jane@example.com' }, eventDate: null, _item: 0 }]);
		expect(sandbox.events()[0]).toMatchObject({ event_name: 'order_shipped', event_properties: { orderId: 100, carrier: 'UPS' }, contact_properties: { LOYALTY_TIER: 'Gold' } });
	});

	it('an invalid event fails before anything is sent, naming the field, the item and what to do', async () => {
		const error = (await run({ ...shipped, eventName: 'order shipped' }).catch((e: unknown) => e)) as Error & { description?: string; context?: IDataObject };
		expect(error.message).toBe('The event "order shipped" cannot be sent to Brevo: event_name: "order shipped" may only hold letters, digits, "-" and "_" (at most 255), e.g. order_shipped.');
		expect(error.description).toBe('Correct the event fields named and run again.');
		expect(error.context?.itemIndex).toBe(0);
		expect(sandbox.received()).toHaveLength(0);
	});

	it('a 429 storm is retried; once retries are spent the error says so, and what to do', async () => {
		sandbox.injectRateLimitStorm({ count: 2, family: 'events' });
		await expect(run(shipped)).resolves.toHaveLength(1);
		sandbox.injectRateLimitStorm({ count: 50, family: 'events' });
		const error = (await run(shipped).catch((e: unknown) => e)) as Error & { description?: string; httpCode?: string };
		expect(error.message).toMatch(/^Brevo kept answering 429 \(rate limit\) for 6 attempts over .+ when trying to track the event "order_shipped"\.$/);
		expect(error.description).toMatch(/^Brevo limits how many requests an account may send/);
		expect(error.httpCode).toBe('429');
		expect(sandbox.events()).toHaveLength(1);
	});

	it('Track Many sends the items in batches; with Continue On Fail an invalid item comes out as an error and the rest are sent', async () => {
		const items = Array.from({ length: 25 }, (_v, i) => ({ email: i === 7 ? 'not-an-email' : `c${i}@example.com` }));
		const out = await run(
			{ resource: 'event', operation: 'trackMany', eventName: 'points_awarded', email: (i: number) => items[i].email, batchSize: 10 },
			{ items, continueOnFail: true },
		);
		expect(out).toHaveLength(25);
		expect(out[7]).toEqual({
			error: expect.stringMatching(/identifiers\.email_id: "not-an-email" is not a valid email address/),
			details: { failure: 'invalid_input', problems: [{ field: 'identifiers.email_id', message: expect.stringContaining('not a valid email address') }] },
			_item: 7,
		});
		expect(out.filter(({ _item, ...json }) => takesErrorOutput({ json })).map((o) => o._item)).toEqual([7]);
		expect(out[0]).toMatchObject({ tracked: true, batch: { number: 1, of: 3, size: 10, queuedByBrevo: 10 } });
		expect(out[24]).toMatchObject({ batch: { number: 3, of: 3, size: 4 } });
		expect(out.map((o) => o._item)).toEqual(items.map((_v, i) => i));
		expect(sandbox.events()).toHaveLength(24);
		expect(sandbox.received({ path: '/v3/events/batch' })).toHaveLength(3);
	});

	it('Track Many without Continue On Fail sends nothing when one item is invalid', async () => {
		const error = (await run({ resource: 'event', operation: 'trackMany', eventName: 'x', email: (i: number) => (i === 1 ? '' : 'a@b.co') }, { items: [{}, {}] }).catch((e: unknown) => e)) as Error & { context?: IDataObject };
		expect(error.message).toMatch(/identifiers: at least one is required/);
		expect(error.context?.itemIndex).toBe(1);
		expect(sandbox.received()).toHaveLength(0);
	});
});

describe('Contact and Attribute', () => {
	const upsert = { resource: 'contact', operation: 'upsert', email: 'jane@example.com', attributesMode: 'json', attributesJson: { FIRSTNAME: 'Jane', LOYALTY_TIER: 'Gold', LOYALTY_POINTS: '1200' } };

	it('reports the attribute values Brevo would ignore; Ensure creates the attributes; then they are kept', async () => {
		const [first] = await run(upsert);
		expect(first).toMatchObject({ created: true, attributesSent: { FIRSTNAME: 'Jane' } });
		expect((first.ignoredAttributes as IDataObject[]).map((a) => a.name)).toEqual(['LOYALTY_TIER', 'LOYALTY_POINTS']);

		const error = (await run({ ...upsert, unknownAttributes: 'error' }).catch((e: unknown) => e)) as Error & { description?: string };
		expect(error.message).toMatch(/^Brevo would ignore some attribute values: LOYALTY_TIER no such attribute in this Brevo account/);
		expect(error.description).toMatch(/Attribute → Ensure/);

		const [ensured] = await run({ resource: 'attribute', operation: 'ensure' });
		expect(ensured).toMatchObject({ created: ['LOYALTY_POINTS', 'LOYALTY_TIER', 'CUSTOMER_GROUP', 'LAST_ORDER_DATE'], existing: [], typeMismatches: [] });
		const [second] = await run({ ...upsert, addToLists: [], removeFromLists: [] });
		expect(second).toMatchObject({ created: false, attributesSent: { FIRSTNAME: 'Jane', LOYALTY_TIER: 'Gold', LOYALTY_POINTS: 1200 } });
		expect(second.ignoredAttributes).toBeUndefined();
		expect(sandbox.contact('jane@example.com')?.attributes).toMatchObject({ LOYALTY_TIER: 'Gold', LOYALTY_POINTS: 1200 });
	});

	it('adds to and removes from lists', async () => {
		sandbox.seed();
		sandbox.createContact({ email: 'jane@example.com', listIds: [2] });
		await run({ resource: 'contact', operation: 'upsert', email: 'jane@example.com', addToLists: [1, 3], removeFromLists: '2' });
		expect(sandbox.contact('jane@example.com')?.listIds.sort()).toEqual([1, 3]);
	});

	it('Get Consent gives booleans to branch on; Get can say found: false', async () => {
		sandbox.seed();
		sandbox.createContact({ email: 'jane@example.com', listIds: [1] });
		sandbox.setContactConsent('jane@example.com', { emailBlacklisted: true, unsubscribeFromLists: [1] });
		const [consent] = await run({ resource: 'contact', operation: 'getConsent', identifierType: 'email_id', identifier: 'jane@example.com', checkLists: [1] });
		expect(consent).toMatchObject({ found: true, emailBlacklisted: true, canEmail: false, canSms: false, unsubscribedFromCheckedLists: [1] });
		const [unknown] = await run({ resource: 'contact', operation: 'getConsent', identifierType: 'email_id', identifier: 'nobody@example.com', unknownContacts: 'unreachable' });
		expect(unknown).toMatchObject({ found: false, canEmail: false });
		const [missing] = await run({ resource: 'contact', operation: 'get', identifierType: 'email_id', identifier: 'nobody@example.com', notFound: 'empty' });
		expect(missing).toMatchObject({ found: false });
		await expect(run({ resource: 'contact', operation: 'get', identifierType: 'email_id', identifier: 'nobody@example.com' })).rejects.toMatchObject({ httpCode: '404' });
	});
});

describe('shared SMS numbers, consent by phone', () => {
	const rita = { resource: 'contact', operation: 'upsert', email: 'rita@example.com', identifiers: { extId: '1', sms: '+1 512 555 0101' }, attributesMode: 'json', attributesJson: { FIRSTNAME: 'Rita' } };
	const sam = { ...rita, email: 'sam@example.com', identifiers: { extId: '2', sms: '+15125550101' }, attributesJson: { FIRSTNAME: 'Sam' } };

	it('a household: the second person is saved without the number, reported under skippedFields; nobody is merged', async () => {
		await run(rita);
		const [out] = await run(sam);
		expect(out).toMatchObject({
			created: true,
			contact: { identifierType: 'email_id', identifier: 'sam@example.com' },
			skippedFields: [{ field: 'SMS', value: '+15125550101', reason: 'another Brevo contact already has this SMS number' }],
		});
		expect(sandbox.contact('rita@example.com')?.attributes).toEqual({ FIRSTNAME: 'Rita', SMS: '+15125550101', EXT_ID: '1' });
		expect(sandbox.contact('sam@example.com')?.attributes).toEqual({ FIRSTNAME: 'Sam', EXT_ID: '2' });
		// Running it again: the same answer, and still two people.
		const [again] = await run(sam);
		expect(again).toMatchObject({ created: false, skippedFields: [{ field: 'SMS' }] });
		expect(sandbox.contacts()).toHaveLength(2);
	});

	it('"Stop With an Error": the item fails with what to do; with Continue On Fail it is { error, details }', async () => {
		await run(rita);
		const error = (await run({ ...sam, sharedPhoneNumbers: 'fail' }).catch((e: unknown) => e)) as Error & { description?: string; httpCode?: string };
		expect(error.message).toMatch(/^Brevo refused to create or update the contact sam@example.com \(400 Bad Request, duplicate_parameter on POST \/contacts\)\. Brevo said: "Unable to create contact, SMS is already associated with another Contact"\.$/);
		expect(error.description).toMatch(/set "If the Phone Number Belongs to Another Contact" to "Save the Contact Without It"/);
		const [failed] = await run({ ...sam, sharedPhoneNumbers: 'fail' }, { continueOnFail: true });
		expect(failed).toEqual({ error: expect.stringContaining('SMS is already associated'), details: { failure: 'duplicate', httpCode: 400, brevoCode: 'duplicate_parameter' }, _item: 0 });
		expect(sandbox.contact('sam@example.com')).toBeUndefined();
	});

	it('Get Consent by SMS number: the number written any way with its country code; a malformed one is a clear error', async () => {
		await run(rita);
		sandbox.setContactConsent('rita@example.com', { smsBlacklisted: true });
		const consent = { resource: 'contact', operation: 'getConsent', identifierType: 'phone_id' };
		const [byPhone] = await run({ ...consent, identifier: '001 (512) 555-0101' });
		expect(byPhone).toMatchObject({ identifierType: 'phone_id', identifier: '+15125550101', found: true, email: 'rita@example.com', sms: '+15125550101', canSms: false, canEmail: true });
		const [unknown] = await run({ ...consent, identifier: '+15125550199' });
		expect(unknown).toMatchObject({ found: false, canSms: true });

		const error = (await run({ ...consent, identifier: '0612345678' }).catch((e: unknown) => e)) as Error & { description?: string };
		expect(error.message).toBe('The contact cannot be looked up in Brevo: identifier: "0612345678" has no country code (it starts with a single 0, a national number).');
		expect(error.description).toMatch(/international form, with \+ and the country code/);
		const out = await run({ ...consent, identifier: (i: number) => ['+15125550101', 'call me'][i] }, { items: [{}, {}], continueOnFail: true });
		expect(out[0]).toMatchObject({ found: true, canSms: false });
		expect(out[1]).toEqual({
			error: expect.stringContaining('"call me" is not a SMS phone number with its country code'),
			details: { failure: 'invalid_input', problems: [{ field: 'identifier', message: expect.stringContaining('"call me"') }] },
			_item: 1,
		});
		expect(sandbox.received({ path: '/v3/contacts/call me' })).toHaveLength(0);
	});
});

describe('List', () => {
	it('Create makes the list once: run again, it returns the existing one (created: false)', async () => {
		const create = { resource: 'list', operation: 'create', name: 'vip_exclusive' };
		const [first] = await run(create);
		expect(first).toEqual({ created: true, id: expect.any(Number), name: 'vip_exclusive', folderId: 1, folderName: 'Your first folder', _item: 0 });
		const [second] = await run({ ...create, name: ' VIP_Exclusive ' });
		expect(second).toMatchObject({ created: false, id: first.id, name: 'vip_exclusive' });
		const [third] = await run({ ...create, ifNameExists: 'create', folderId: 1 });
		expect(third).toMatchObject({ created: true });
		expect(third.id).not.toBe(first.id);
		expect(sandbox.lists().map((l) => l.name)).toEqual(['vip_exclusive', 'vip_exclusive']);
	});

	it('Create in a folder that does not exist fails clearly; with Continue On Fail it is { error, details }', async () => {
		const error = (await run({ resource: 'list', operation: 'create', name: 'x', folderId: 9 }).catch((e: unknown) => e)) as Error & { description?: string };
		expect(error.message).toBe('Brevo has no folder 9');
		const [out] = await run({ resource: 'list', operation: 'create', name: 'x', folderId: 'abc' }, { continueOnFail: true });
		expect(out).toEqual({ error: '"abc" in Folder is not a Brevo folder ID', details: {}, _item: 0 });
	});

	it('Get Many: one item per list, with its folder; a limit, or all; one folder', async () => {
		sandbox.seed();
		const all = await run({ resource: 'list', operation: 'getAll', returnAll: true });
		expect(all.length).toBe(sandbox.lists().length);
		expect(all[0]).toEqual({
			id: 1,
			name: 'retail_newsletter',
			folderId: 1,
			folderName: 'Your first folder',
			totalSubscribers: expect.any(Number),
			totalBlacklisted: expect.any(Number),
			uniqueSubscribers: expect.any(Number),
			_item: 0,
		});
		expect(await run({ resource: 'list', operation: 'getAll', limit: 2 })).toHaveLength(2);
		const inFolder = await run({ resource: 'list', operation: 'getAll', returnAll: true, filters: { folderId: 1 } });
		expect(inFolder.map((l) => l.id)).toEqual(all.map((l) => l.id));
		await expect(run({ resource: 'list', operation: 'getAll', filters: { folderId: 7 } })).rejects.toMatchObject({ httpCode: '404' });
	});
});

describe('Messages', () => {
	beforeEach(() => sandbox.seed());

	it('Email: the same item sent twice goes out once; the second says duplicate', async () => {
		const params = { resource: 'email', operation: 'sendTemplate', templateId: 3, toEmail: 'jane@example.com', paramsFields: { values: [{ name: 'orderId', value: '100' }] }, tags: 'order_shipped' };
		const [first] = await run(params);
		expect(first).toMatchObject({ sent: true, messageId: expect.any(String), idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		const [second] = await run(params);
		expect(second).toMatchObject({ sent: false, duplicate: true, idempotencyKey: first.idempotencyKey, note: expect.stringMatching(/not sent again/) });
		expect(sandbox.emails({ templateId: 3 })).toHaveLength(1);
		const [off] = await run({ ...params, idempotency: 'none' });
		expect(off).toMatchObject({ sent: true });
		expect(sandbox.emails({ templateId: 3 })).toHaveLength(2);
	});

	it('SMS: a contact who opted out is skipped, and the output says why; others get it', async () => {
		sandbox.createContact({ email: 'jane@example.com', attributes: { SMS: '+33612345678' } });
		sandbox.setContactConsent('jane@example.com', { smsBlacklisted: true });
		const sms = { resource: 'sms', operation: 'send', sender: 'MyShop', content: 'Your cart is waiting' };
		const out = await run({ ...sms, recipient: (i: number) => ['+33 6 12 34 56 78', '+33699999999'][i] }, { items: [{}, {}] });
		expect(out[0]).toMatchObject({ sent: false, skipped: true, reason: 'The contact +33612345678 has opted out of SMS in Brevo (smsBlacklisted), so no SMS was sent.' });
		expect(out[1]).toMatchObject({ sent: true, recipient: '+33699999999', messageId: expect.anything() });
		expect(sandbox.sms().map((s) => s.recipient)).toEqual(['+33699999999']);
		const [unknownSkipped] = await run({ ...sms, recipient: '+33655555555', unknownContacts: 'skip' });
		expect(unknownSkipped).toMatchObject({ skipped: true });
	});

	it('WhatsApp: template message', async () => {
		const [out] = await run({ resource: 'whatsapp', operation: 'sendTemplate', senderNumber: '+919876543210', contactNumber: '+33612345678', templateId: 12, paramsMode: 'json', paramsJson: '{"FNAME": "Jane"}' });
		expect(out).toMatchObject({ sent: true, messageId: expect.any(String) });
		expect(sandbox.whatsapp()[0]).toMatchObject({ contactNumbers: ['33612345678'], templateId: 12, params: { FNAME: 'Jane' } });
	});

	it('Continue On Fail turns a Brevo error into an item with the failure to branch on', async () => {
		sandbox.setSmsCredits(0);
		const [out] = await run({ resource: 'sms', operation: 'send', sender: 'MyShop', recipient: '+33612345678', content: 'hi', checkConsent: false }, { continueOnFail: true });
		expect(out).toMatchObject({ error: expect.any(String), details: { failure: 'no_credits', httpCode: 402, brevoCode: 'not_enough_credits' } });
		expect(Object.keys(out).sort()).toEqual(['_item', 'details', 'error']);
	});
});

describe('Catalog and orders', () => {
	it('Product: one, and many in batches', async () => {
		const [one] = await run({ resource: 'product', operation: 'upsert', productId: '77', name: 'Blue Shirt', price: '29.9900', url: 'https://shop.example/blue' });
		expect(one).toMatchObject({ id: '77', created: true });
		const products = [{ id: 1, name: 'A' }, { id: 2, name: 'B' }, { id: 77, name: 'Blue Shirt (new)' }];
		const many = await run({ resource: 'product', operation: 'upsertMany', productId: (i: number) => String(products[i].id), name: (i: number) => products[i].name, batchSize: 2 }, { items: products });
		expect(many.map((m) => (m.batch as IDataObject).number)).toEqual([1, 1, 2]);
		expect(sandbox.products().find((p) => p.id === '77')?.name).toBe('Blue Shirt (new)');
	});

	it('Order: one (live), and many (historical) with BigCommerce order products mapped as they come', async () => {
		const lines = [{ product_id: 77, price_inc_tax: '29.9900', quantity: 2 }];
		const order = { orderId: '100', status: 'completed', amount: '59.98', createdAt: 'Tue, 20 Nov 2012 00:00:00 +0000', email: 'jane@example.com', products: lines };
		const [one] = await run({ resource: 'order', operation: 'send', ...order });
		expect(one).toEqual({ sent: true, id: '100', status: 'completed', amount: 59.98, _item: 0 });
		expect(sandbox.orders({ id: '100' })[0]).toMatchObject({ products: [{ productId: '77', price: 29.99, quantity: 2 }], createdAt: '2012-11-20T00:00:00.000Z' });
		const many = await run({ resource: 'order', operation: 'sendMany', ...order, orderId: (i: number) => String(200 + i) }, { items: [{}, {}] });
		expect(many[0]).toMatchObject({ sent: true, batch: { count: 2 } });
		expect(sandbox.orders({ id: '201' })[0]).toMatchObject({ source: 'batch', historical: true });
	});
});

describe('drop-downs', () => {
	it('lists, templates and attributes come from the account', async () => {
		sandbox.seed();
		const context = fakeContext({ params: {}, credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.apiBaseUrl }, http: fetchHttp(sandbox.apiKey) });
		expect((await getLists.call(context)).map((o) => o.name)).toEqual(expect.arrayContaining(['retail_newsletter (#1)', 'vip_exclusive (#3)']));
		expect((await getTemplates.call(context)).map((o) => o.value)).toEqual(expect.arrayContaining([1, 3, 7]));
		expect((await getAttributes.call(context)).map((o) => o.value)).toEqual(expect.arrayContaining(['FIRSTNAME', 'LOYALTY_POINTS']));
		expect(await getFolders.call(context)).toEqual([{ name: 'Your first folder (#1)', value: 1 }]);
	});
});
