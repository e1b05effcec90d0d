import {
	buildUpsertContact,
	checkAttributeValues,
	consentOf,
	createBrevoClient,
	ensureAttributes,
	TAJO_ATTRIBUTES,
	upsertContact,
	type AttributeDefinition,
	type ContactDetails,
} from '../../../../nodes/core/brevo';
import { FakeClock } from './support/fake-clock';
import { BASE_URL, brevoError, json, noContent, scriptedRequest, type ScriptedStep } from './support/scripted-request';

function clientWith(steps: ScriptedStep[]) {
	const clock = new FakeClock();
	const request = scriptedRequest(steps);
	return { client: createBrevoClient({ baseUrl: BASE_URL, request, now: clock.now, sleep: clock.sleep, random: () => 0.5 }), request };
}

const definitions: AttributeDefinition[] = [
	{ name: 'FIRSTNAME', category: 'normal', type: 'text' },
	{ name: 'LOYALTY_POINTS', category: 'normal', type: 'float' },
	{ name: 'LAST_ORDER_DATE', category: 'normal', type: 'date' },
	{ name: 'OPT_IN', category: 'normal', type: 'boolean' },
	{ name: 'INTERESTS', category: 'normal', type: 'multiple-choice', multiCategoryOptions: ['shoes', 'bags'] },
	{ name: 'GENDER', category: 'category', type: 'text', enumeration: [{ value: 1, label: 'Women' }, { value: 2, label: 'Men' }] },
];

describe('attribute values: what Brevo would keep, and what it would drop silently', () => {
	it('converts values to the attribute types, names in capitals', () => {
		const checked = checkAttributeValues({ firstname: 'Jane', LOYALTY_POINTS: '1200', last_order_date: '2024-03-05T10:00:00+01:00', OPT_IN: 'TRUE', INTERESTS: 'shoes, bags', GENDER: 'Women' }, definitions);
		expect(checked).toEqual({
			values: { FIRSTNAME: 'Jane', LOYALTY_POINTS: 1200, LAST_ORDER_DATE: '2024-03-05', OPT_IN: true, INTERESTS: ['shoes', 'bags'], GENDER: 1 },
			ignored: [],
			problems: [],
		});
	});

	it('reports values of unknown attributes and of the wrong type, which Brevo ignores without an error', () => {
		const checked = checkAttributeValues({ LOYALTY_TIER: 'Gold', LOYALTY_POINTS: 'lots', LAST_ORDER_DATE: 'yesterday-ish', INTERESTS: ['hats'] }, definitions);
		expect(checked.values).toEqual({});
		expect(checked.ignored.map((i) => `${i.name} ${i.reason}`)).toEqual([
			'LOYALTY_TIER no such attribute in this Brevo account (Brevo ignores its value; create it with Attribute → Ensure, or in Brevo under Contacts → Settings)',
			'LOYALTY_POINTS is a number attribute; "lots" is not a number',
			'LAST_ORDER_DATE is a date attribute; "yesterday-ish" is not a date (e.g. 2024-01-24)',
			'INTERESTS is a multiple-choice attribute without the option(s) hats (options: shoes, bags)',
		]);
	});

	it('leaves out empty values, so that a blank field never erases what Brevo has', () => {
		expect(checkAttributeValues({ FIRSTNAME: '', LOYALTY_POINTS: null }, definitions).values).toEqual({});
	});

	it('an invalid phone number is a problem before sending (Brevo refuses the whole request)', () => {
		expect(checkAttributeValues({ SMS: '12' }, definitions).problems).toEqual([{ field: 'attributes.SMS', message: '"12" is not a phone number with its country code (e.g. +33612345678)' }]);
	});

	it('without definitions, still capitalises names and keeps plain values', () => {
		expect(checkAttributeValues({ loyalty_tier: 'Gold', points: 3 }).values).toEqual({ LOYALTY_TIER: 'Gold', POINTS: 3 });
	});
});

describe('Attribute → Ensure', () => {
	it('creates the missing Tajo attributes, keeps existing ones, and reports a type it cannot change', async () => {
		const { client, request } = clientWith([
			json(200, { attributes: [{ name: 'LOYALTY_POINTS', category: 'normal', type: 'float' }, { name: 'CUSTOMER_GROUP', category: 'normal', type: 'float' }] }),
			json(201, ''),
			json(201, ''),
		]);
		await expect(ensureAttributes(client, TAJO_ATTRIBUTES)).resolves.toEqual({
			created: ['LOYALTY_TIER', 'LAST_ORDER_DATE'],
			existing: ['LOYALTY_POINTS'],
			typeMismatches: [{ name: 'CUSTOMER_GROUP', wantedType: 'text', actualType: 'float' }],
		});
		expect(request.calls.slice(1).map((c) => [c.pathAndQuery, c.body])).toEqual([
			['/contacts/attributes/normal/LOYALTY_TIER', { type: 'text' }],
			['/contacts/attributes/normal/LAST_ORDER_DATE', { type: 'date' }],
		]);
	});

	it('an attribute created meanwhile by another execution counts as existing', async () => {
		const { client } = clientWith([json(200, { attributes: [] }), brevoError(400, 'duplicate_parameter', 'Attribute LOYALTY_TIER already exists')]);
		await expect(ensureAttributes(client, [{ name: 'loyalty_tier', type: 'text' }])).resolves.toEqual({ created: [], existing: ['LOYALTY_TIER'], typeMismatches: [] });
	});
});

describe('Contact → Create or Update', () => {
	it('POST /contacts with updateEnabled, SMS in the attributes, lists to add', () => {
		expect(buildUpsertContact({ email: 'jane@example.com', sms: '+33 6 12 34 56 78', attributes: { FIRSTNAME: 'Jane' }, addToListIds: [1, 3] })).toEqual({
			email: 'jane@example.com',
			attributes: { FIRSTNAME: 'Jane', SMS: '+33612345678' },
			listIds: [1, 3],
			updateEnabled: true,
		});
	});

	it('needs an identifier', () => {
		expect(() => buildUpsertContact({ attributes: { FIRSTNAME: 'Jane' } })).toThrow(/email: an email address, ext_id, SMS or WhatsApp number is required/);
	});

	it('removes the contact from lists with PUT unlinkListIds, by the ID Brevo returned', async () => {
		const { client, request } = clientWith([json(201, { id: 42 }), noContent()]);
		await expect(upsertContact(client, { email: 'jane@example.com', removeFromListIds: [2] })).resolves.toMatchObject({ created: true, id: 42 });
		expect(request.calls[1]).toMatchObject({ method: 'PUT', pathAndQuery: '/contacts/42?identifierType=contact_id', body: { unlinkListIds: [2] } });
	});

	it('an existing contact (204) is updated, and named by its email for the list removal', async () => {
		const { client, request } = clientWith([noContent(), noContent()]);
		await expect(upsertContact(client, { email: 'jane@example.com', removeFromListIds: [2] })).resolves.toMatchObject({ created: false });
		expect(request.calls[1].pathAndQuery).toBe('/contacts/jane%40example.com?identifierType=email_id');
	});
});

describe('consent as booleans', () => {
	const contact: ContactDetails = { id: 5, email: 'jane@example.com', emailBlacklisted: false, smsBlacklisted: true, whatsappBlacklisted: false, listIds: [1], listUnsubscribed: [3], attributes: {} };

	it('per channel, and per checked list', () => {
		expect(consentOf(contact)).toMatchObject({ found: true, canEmail: true, canSms: false, canWhatsapp: true, unsubscribedListIds: [3], unsubscribedFromCheckedLists: [] });
		expect(consentOf(contact, { checkListIds: [3] })).toMatchObject({ canEmail: false, canSms: false, canWhatsapp: false, unsubscribedFromCheckedLists: [3] });
	});

	it('an account without WhatsApp blacklisting reports false', () => {
		const { whatsappBlacklisted: _omit, ...older } = contact;
		expect(consentOf(older).whatsappBlacklisted).toBe(false);
	});

	it('an unknown contact has no opt-out on record: reachable by default, or not, by option', () => {
		expect(consentOf(undefined)).toMatchObject({ found: false, canEmail: true, canSms: true });
		expect(consentOf(undefined, { unknownContacts: 'unreachable' })).toMatchObject({ found: false, canEmail: false, canSms: false, canWhatsapp: false });
	});
});
