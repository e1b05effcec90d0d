import { buildEvent, BrevoValidationError, createBrevoClient, toBatchItem, trackEvent, trackEvents, type EventInput } from '../../../../nodes/core/brevo';
import { FakeClock } from './support/fake-clock';
import { BASE_URL, brevoError, json, noContent, scriptedRequest } from './support/scripted-request';

const valid: EventInput = { eventName: 'order_shipped', identifiers: { email: 'jane@example.com' }, eventProperties: { orderId: 100, trackingNumber: '1Z999', carrier: 'UPS' } };

function problemsOf(input: EventInput): string[] {
	try {
		buildEvent(input);
		return [];
	} catch (error) {
		expect(error).toBeInstanceOf(BrevoValidationError);
		return (error as BrevoValidationError).problems.map((p) => `${p.field}: ${p.message}`);
	}
}

describe('events, checked as Brevo checks them before anything is sent', () => {
	it('builds the body of POST /events', () => {
		expect(buildEvent({ ...valid, eventDate: '2024-01-24T17:39:57+01:00', contactProperties: { loyalty_tier: 'Gold', LOYALTY_POINTS: 1200, VIP: true } })).toEqual({
			event_name: 'order_shipped',
			identifiers: { email_id: 'jane@example.com' },
			event_date: '2024-01-24T17:39:57+01:00',
			contact_properties: { LOYALTY_TIER: 'Gold', LOYALTY_POINTS: 1200, VIP: 'true' },
			event_properties: { orderId: 100, trackingNumber: '1Z999', carrier: 'UPS' },
		});
	});

	it('event_name: at most 255 letters, digits, "-" and "_"', () => {
		expect(problemsOf({ ...valid, eventName: 'order shipped' })).toEqual(['event_name: "order shipped" may only hold letters, digits, "-" and "_" (at most 255), e.g. order_shipped']);
		expect(problemsOf({ ...valid, eventName: 'a'.repeat(256) })).toHaveLength(1);
		expect(problemsOf({ ...valid, eventName: 'a'.repeat(255) })).toEqual([]);
		expect(problemsOf({ ...valid, eventName: '' })).toEqual(['event_name: is required']);
		expect(problemsOf({ ...valid, eventName: 'cart-reminder_2' })).toEqual([]);
	});

	it('identifiers: at least one, each valid; phone numbers compacted', () => {
		expect(problemsOf({ ...valid, identifiers: {} })).toEqual(['identifiers: at least one is required: email, ext_id, phone (SMS), WhatsApp, landline number or contact ID']);
		expect(problemsOf({ ...valid, identifiers: { email: 'jane@' } })).toEqual(['identifiers.email_id: "jane@" is not a valid email address']);
		expect(problemsOf({ ...valid, identifiers: { phone: '12' } })[0]).toMatch(/^identifiers\.phone_id: "12" is not a phone number with its country code/);
		expect(problemsOf({ ...valid, identifiers: { contactId: '-3' } })[0]).toMatch(/^identifiers\.contact_id: "-3" is not a Brevo contact ID/);
		expect(buildEvent({ ...valid, identifiers: { phone: '+33 6 12 34 56 78', extId: 'bc-42', whatsapp: '0033612345678', contactId: '17' } }).identifiers).toEqual({
			phone_id: '+33612345678',
			ext_id: 'bc-42',
			whatsapp_id: '+33612345678',
			contact_id: 17,
		});
	});

	it('event_date: a date-time with a time zone', () => {
		expect(problemsOf({ ...valid, eventDate: '2024-01-24' })[0]).toMatch(/^event_date: "2024-01-24" is not a date-time with a time zone/);
		expect(problemsOf({ ...valid, eventDate: '2024-01-24T17:39:57' })).toHaveLength(1);
		expect(buildEvent({ ...valid, eventDate: new Date('2024-01-24T16:39:57Z') }).event_date).toBe('2024-01-24T16:39:57.000Z');
	});

	it('event_properties: keys at every level follow the name rule; at most 50 KB', () => {
		expect(problemsOf({ ...valid, eventProperties: { 'order id': 1 } })).toEqual(['event_properties: the key "order id" may only hold letters, digits, "-" and "_"']);
		expect(problemsOf({ ...valid, eventProperties: { products: [{ 'unit price': 1 }] } })).toEqual(['event_properties.products[0]: the key "unit price" may only hold letters, digits, "-" and "_"']);
		expect(problemsOf({ ...valid, eventProperties: { blob: 'x'.repeat(51 * 1024) } })[0]).toMatch(/^event_properties: is 52 KB; Brevo takes at most 50 KB/);
	});

	it('contact_properties: text or numbers only', () => {
		expect(problemsOf({ ...valid, contactProperties: { TAGS: ['a'] } })).toEqual(['contact_properties.TAGS: should be text or a number']);
	});

	it('reports every problem at once, naming the event', () => {
		expect(() => buildEvent({ eventName: 'order shipped', identifiers: { email: 'x' } })).toThrow(
			'The event "order shipped" cannot be sent to Brevo: event_name: "order shipped" may only hold letters, digits, "-" and "_" (at most 255), e.g. order_shipped; identifiers.email_id: "x" is not a valid email address. Correct the event fields named and run again.',
		);
	});

	it('batch items send top-level true/false as text (the SDK batch model has no booleans there)', () => {
		expect(toBatchItem(buildEvent({ ...valid, eventProperties: { gift: true, meta: { gift: true } } })).event_properties).toEqual({ gift: 'true', meta: { gift: true } });
	});
});

describe('sending events', () => {
	it('POST /events, 204', async () => {
		const request = scriptedRequest([noContent()]);
		const clock = new FakeClock();
		await trackEvent(createBrevoClient({ baseUrl: BASE_URL, request, now: clock.now, sleep: clock.sleep }), buildEvent(valid));
		expect(request.calls[0]).toMatchObject({ method: 'POST', pathAndQuery: '/events', body: { event_name: 'order_shipped' } });
	});

	it('POST /events/batch sends a bare array and reads how many Brevo queued', async () => {
		const request = scriptedRequest([json(202, { message: 'Batch accepted. Valid events have been added to the processing queue.', count: 2 })]);
		const clock = new FakeClock();
		const client = createBrevoClient({ baseUrl: BASE_URL, request, now: clock.now, sleep: clock.sleep });
		const items = [buildEvent(valid), buildEvent({ ...valid, identifiers: { extId: '7' } })].map(toBatchItem);
		await expect(trackEvents(client, items)).resolves.toEqual({ queued: 2 });
		expect(Array.isArray(request.calls[0].body)).toBe(true);
	});

	it('a refused event is an error naming the event', async () => {
		const request = scriptedRequest([brevoError(400, 'invalid_parameter', 'identifiers.email_id is not a valid email address')]);
		const client = createBrevoClient({ baseUrl: BASE_URL, request });
		await expect(trackEvent(client, buildEvent(valid))).rejects.toThrow(/^Brevo refused to track the event "order_shipped" \(400 Bad Request, invalid_parameter on POST \/events\)/);
	});
});
