import {
	buildSms,
	buildTemplateEmail,
	buildWhatsappTemplate,
	createBrevoClient,
	defaultIdempotencyKey,
	idempotencyKeyFrom,
	isUuid,
	sendSms,
	sendTemplateEmail,
	sendWhatsapp,
	stableUuid,
} from '../../../../nodes/core/brevo';
import { FakeClock } from './support/fake-clock';
import { BASE_URL, brevoError, json, networkError, scriptedRequest, type ScriptedStep } from './support/scripted-request';

function clientWith(steps: ScriptedStep[]) {
	const clock = new FakeClock();
	const request = scriptedRequest(steps);
	return { client: createBrevoClient({ baseUrl: BASE_URL, request, now: clock.now, sleep: clock.sleep, random: () => 0.5 }), request };
}

describe('idempotency keys', () => {
	it('are UUIDs derived from what identifies the email: same input, same key', () => {
		const a = defaultIdempotencyKey({ templateId: 3, to: [{ email: 'Jane@Example.com' }], params: { orderId: 100, carrier: 'UPS' } });
		const b = defaultIdempotencyKey({ templateId: 3, to: [{ email: 'jane@example.com', name: 'Jane' }], params: { carrier: 'UPS', orderId: 100 } });
		expect(a).toBe(b);
		expect(isUuid(a)).toBe(true);
		expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(defaultIdempotencyKey({ templateId: 3, to: [{ email: 'jane@example.com' }], params: { orderId: 101 } })).not.toBe(a);
		expect(defaultIdempotencyKey({ templateId: 4, to: [{ email: 'jane@example.com' }], params: { orderId: 100 } })).not.toBe(a);
	});

	it('a chosen key is kept when it is a UUID, turned into one otherwise', () => {
		expect(idempotencyKeyFrom('3F2504E0-4F89-41D3-9A0C-0305E82C3301')).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
		expect(idempotencyKeyFrom('order-100-shipped')).toBe(stableUuid({ key: 'order-100-shipped' }));
	});
});

describe('Email → Send by template', () => {
	const body = buildTemplateEmail({ templateId: 3, to: [{ email: 'jane@example.com', name: 'Jane' }], params: { orderId: 100 }, tags: ['order_shipped', ' '], idempotencyKey: 'a3bb189e-8bf9-4888-9912-ace4e6543002' });

	it('builds the SendTransacEmail body with the key in headers.idempotencyKey', () => {
		expect(body).toEqual({
			templateId: 3,
			to: [{ email: 'jane@example.com', name: 'Jane' }],
			params: { orderId: 100 },
			tags: ['order_shipped'],
			headers: { idempotencyKey: 'a3bb189e-8bf9-4888-9912-ace4e6543002' },
		});
	});

	it('checks the template ID and the addresses first', () => {
		expect(() => buildTemplateEmail({ templateId: 0, to: [{ email: 'jane' }] })).toThrow(
			'The email cannot be sent to Brevo: templateId: "0" is not a Brevo template ID (a positive whole number); to[0].email: "jane" is not a valid email address. Correct the email fields named and run again.',
		);
	});

	it('with a key, a timeout is retried, and Brevo refusing the key it already saw means the email went out once', async () => {
		const { client, request } = clientWith([{ throws: networkError('ETIMEDOUT') }, brevoError(400, 'duplicate_parameter', 'idempotencyKey a3bb… has already been used in the last 30 minutes')]);
		await expect(sendTemplateEmail(client, body)).resolves.toEqual({ sent: false, duplicate: true, idempotencyKey: 'a3bb189e-8bf9-4888-9912-ace4e6543002' });
		expect(request.calls).toHaveLength(2);
	});

	it('returns the message ID', async () => {
		const { client } = clientWith([json(201, { messageId: '<202401241739.123@smtp-relay.mailin.fr>' })]);
		await expect(sendTemplateEmail(client, body)).resolves.toEqual({ sent: true, messageId: '<202401241739.123@smtp-relay.mailin.fr>', idempotencyKey: 'a3bb189e-8bf9-4888-9912-ace4e6543002' });
	});

	it('without a key, a timeout is not retried (it could send twice)', async () => {
		const { client, request } = clientWith([{ throws: networkError('ETIMEDOUT') }]);
		const { headers: _none, ...withoutKey } = body;
		await expect(sendTemplateEmail(client, withoutKey)).rejects.toMatchObject({ failure: 'timeout' });
		expect(request.calls).toHaveLength(1);
	});
});

describe('SMS → Send', () => {
	it('checks the sender and recipient as Brevo does', () => {
		expect(buildSms({ sender: 'MyShop', recipient: '+33 6 12 34 56 78', content: 'Your order shipped' })).toEqual({ sender: 'MyShop', recipient: '+33612345678', content: 'Your order shipped', type: 'transactional' });
		expect(() => buildSms({ sender: 'My Shop Online', recipient: '12', content: '' })).toThrow(
			'The SMS cannot be sent to Brevo: sender: "My Shop Online" is not a valid SMS sender: up to 11 letters and digits (no spaces), or a number of up to 15 digits; recipient: "12" is not a mobile number with its country code (6 to 15 digits, e.g. +33612345678); content: the message text is required. Correct the SMS fields named and run again.',
		);
		expect(buildSms({ sender: '336123456789012', recipient: '33612345678', content: 'x' }).sender).toBe('336123456789012');
	});

	it('POST /transactionalSMS/sms, with what Brevo says about credits', async () => {
		const { client, request } = clientWith([json(201, { messageId: 1511882900176220, reference: 'ab1cde2fgh3i4jklmno', smsCount: 1, usedCredits: 1, remainingCredits: 999 })]);
		await expect(sendSms(client, buildSms({ sender: 'MyShop', recipient: '+33612345678', content: 'hi' }))).resolves.toMatchObject({ messageId: 1511882900176220, remainingCredits: 999 });
		expect(request.calls[0].pathAndQuery).toBe('/transactionalSMS/sms');
	});
});

describe('WhatsApp → Send template message', () => {
	it('numbers as digits with the country code', () => {
		expect(buildWhatsappTemplate({ senderNumber: '+91 98765 43210', contactNumbers: ['+33612345678'], templateId: 12, params: { FNAME: 'Jane' } })).toEqual({
			senderNumber: '919876543210',
			contactNumbers: ['33612345678'],
			templateId: 12,
			params: { FNAME: 'Jane' },
		});
		expect(() => buildWhatsappTemplate({ senderNumber: 'x', contactNumbers: [], templateId: 1.5 })).toThrow(/senderNumber: "x" is not a phone number.*contactNumbers: at least one recipient number is required; templateId: "1\.5" is not a WhatsApp template ID/);
	});

	it('POST /whatsapp/sendMessage', async () => {
		const { client } = clientWith([json(201, { messageId: '23befbae-1505-47a8-bd27-e30ef739f32c' })]);
		await expect(sendWhatsapp(client, buildWhatsappTemplate({ senderNumber: '919876543210', contactNumbers: ['33612345678'], templateId: 12 }))).resolves.toEqual({ messageId: '23befbae-1505-47a8-bd27-e30ef739f32c' });
	});
});
