import { call, useBrevoSandbox } from './brevo-client';

describe('Brevo sandbox: transactional SMS and WhatsApp', () => {
	const sandbox = useBrevoSandbox();

	const sms = { sender: 'TajoShop', recipient: '+33612345678', content: 'Your cart is still waiting: https://shop.example/c/1', tag: 'cart_sms_final' };

	it('sends an SMS: 201 with reference, messageId and credits; recorded', async () => {
		const res = await call(sandbox(), 'POST', '/transactionalSMS/sms', sms);
		expect(res.status).toBe(201);
		expect(res.body).toEqual({ reference: expect.any(String), messageId: expect.any(Number), smsCount: 1, usedCredits: 1, remainingCredits: 999 });
		expect(sandbox().sms({ recipient: '0033612345678' })).toEqual([
			expect.objectContaining({ endpoint: 'sms', messageId: res.body.messageId, content: sms.content, type: 'transactional', tag: 'cart_sms_final', blocked: false }),
		]);
	});

	it('counts long and Unicode messages in parts', async () => {
		expect((await call(sandbox(), 'POST', '/transactionalSMS/sms', { ...sms, content: 'x'.repeat(161) })).body.smsCount).toBe(2);
		expect((await call(sandbox(), 'POST', '/transactionalSMS/sms', { ...sms, content: '🎉'.repeat(40) })).body.smsCount).toBe(2);
	});

	it('also sends through the asynchronous POST /transactionalSMS/send ({messageId} only)', async () => {
		const res = await call(sandbox(), 'POST', '/transactionalSMS/send', sms);
		expect(res.status).toBe(201);
		expect(res.body).toEqual({ messageId: expect.any(Number) });
		expect(sandbox().sms()[0].endpoint).toBe('send');
	});

	it('validates sender, recipient and content', async () => {
		expect((await call(sandbox(), 'POST', '/transactionalSMS/sms', { ...sms, sender: undefined })).body).toEqual({ code: 'missing_parameter', message: 'sender is missing' });
		expect((await call(sandbox(), 'POST', '/transactionalSMS/sms', { ...sms, sender: 'ThisIsTooLongForAnSms' })).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'POST', '/transactionalSMS/sms', { ...sms, recipient: 'nope' })).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'POST', '/transactionalSMS/sms', { ...sms, content: '' })).body.code).toBe('missing_parameter');
		expect((await call(sandbox(), 'POST', '/transactionalSMS/sms', { ...sms, type: 'promo' })).body.code).toBe('invalid_parameter');
		expect(sandbox().sms()).toHaveLength(0);
	});

	it('answers 402 not_enough_credits when SMS credits run out', async () => {
		sandbox().setSmsCredits(1);
		expect((await call(sandbox(), 'POST', '/transactionalSMS/sms', sms)).status).toBe(201);
		const res = await call(sandbox(), 'POST', '/transactionalSMS/sms', sms);
		expect(res.status).toBe(402);
		expect(res.body.code).toBe('not_enough_credits');
	});

	it('marks an SMS to an SMS-blacklisted contact as blocked', async () => {
		sandbox().createContact({ email: 'a@example.com', attributes: { SMS: '+33612345678' }, smsBlacklisted: true });
		await call(sandbox(), 'POST', '/transactionalSMS/sms', sms);
		expect(sandbox().sms()[0].blocked).toBe(true);
	});

	it('sends a WhatsApp template message: 201 {messageId: uuid}', async () => {
		const res = await call(sandbox(), 'POST', '/whatsapp/sendMessage', {
			senderNumber: '33700000000',
			contactNumbers: ['33612345678'],
			templateId: 12,
			params: { FNAME: 'Jane' },
		});
		expect(res.status).toBe(201);
		expect(res.body.messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(sandbox().whatsapp({ contactNumber: '+33612345678' })).toEqual([
			expect.objectContaining({ templateId: 12, params: { FNAME: 'Jane' }, contactNumbers: ['33612345678'], blockedNumbers: [] }),
		]);
	});

	it('sends a WhatsApp text message and validates the body', async () => {
		expect((await call(sandbox(), 'POST', '/whatsapp/sendMessage', { senderNumber: '33700000000', contactNumbers: ['33612345678'], text: 'Hi' })).status).toBe(201);
		expect((await call(sandbox(), 'POST', '/whatsapp/sendMessage', { contactNumbers: ['33612345678'], text: 'Hi' })).body.code).toBe('missing_parameter');
		expect((await call(sandbox(), 'POST', '/whatsapp/sendMessage', { senderNumber: '33700000000', text: 'Hi' })).body.code).toBe('missing_parameter');
		expect((await call(sandbox(), 'POST', '/whatsapp/sendMessage', { senderNumber: '33700000000', contactNumbers: [] , text: 'Hi' })).body.code).toBe('invalid_parameter');
		expect((await call(sandbox(), 'POST', '/whatsapp/sendMessage', { senderNumber: '33700000000', contactNumbers: ['33612345678'] })).body).toEqual({
			code: 'missing_parameter',
			message: 'templateId or text is required',
		});
		expect(sandbox().whatsapp()).toHaveLength(1);
	});

	it('marks WhatsApp messages to WhatsApp-blacklisted contacts as blocked', async () => {
		sandbox().createContact({ email: 'w@example.com', attributes: { WHATSAPP: '+33612345678' } });
		sandbox().setContactConsent('w@example.com', { whatsappBlacklisted: true });
		await call(sandbox(), 'POST', '/whatsapp/sendMessage', { senderNumber: '33700000000', contactNumbers: ['33612345678', '33699999999'], templateId: 1 });
		expect(sandbox().whatsapp()[0].blockedNumbers).toEqual(['33612345678']);
		expect(sandbox().contact('w@example.com')?.whatsappBlacklisted).toBe(true);
	});
});
