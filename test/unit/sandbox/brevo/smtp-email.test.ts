import { IDEMPOTENCY_TTL_MS } from '../../../../sandbox/brevo';
import { call, useBrevoSandbox } from './brevo-client';

describe('Brevo sandbox: transactional email', () => {
	const sandbox = useBrevoSandbox();

	const byTemplate = (extra: Record<string, unknown> = {}) => ({
		templateId: 2,
		to: [{ email: 'jane@example.com', name: 'Jane' }],
		params: { cartUrl: 'https://shop.example/cart/1', couponCode: 'BACK10' },
		...extra,
	});

	it('sends by template id with params: 201 {messageId}, recorded with its params', async () => {
		const res = await call(sandbox(), 'POST', '/smtp/email', byTemplate({ tags: ['abandoned_cart'] }));
		expect(res.status).toBe(201);
		expect(res.body).toEqual({ messageId: expect.stringMatching(/^<\d{12}\.\d+@smtp-relay\.mailin\.fr>$/) });
		expect(sandbox().emails({ to: 'jane@example.com', templateId: 2 })).toEqual([
			expect.objectContaining({
				messageId: res.body.messageId,
				templateId: 2,
				params: { cartUrl: 'https://shop.example/cart/1', couponCode: 'BACK10' },
				to: [{ email: 'jane@example.com', name: 'Jane' }],
				tags: ['abandoned_cart'],
				blockedRecipients: [],
			}),
		]);
	});

	it('without a template requires sender, subject and content', async () => {
		const base = { to: [{ email: 'a@example.com' }] };
		expect((await call(sandbox(), 'POST', '/smtp/email', base)).body).toEqual({ code: 'missing_parameter', message: 'sender is missing' });
		const sender = { sender: { name: 'Shop', email: 'shop@example.com' } };
		expect((await call(sandbox(), 'POST', '/smtp/email', { ...base, ...sender })).body.message).toBe('subject is missing');
		expect((await call(sandbox(), 'POST', '/smtp/email', { ...base, ...sender, subject: 'Hi' })).body.message).toBe('htmlContent or textContent is missing');
		const ok = await call(sandbox(), 'POST', '/smtp/email', { ...base, ...sender, subject: 'Hi', htmlContent: '<p>Hi</p>' });
		expect(ok.status).toBe(201);
	});

	it('validates recipients and the template', async () => {
		expect((await call(sandbox(), 'POST', '/smtp/email', { templateId: 1 })).body).toEqual({ code: 'missing_parameter', message: 'to is missing' });
		expect((await call(sandbox(), 'POST', '/smtp/email', byTemplate({ to: [{ email: 'nope' }] }))).body).toEqual({
			code: 'invalid_parameter',
			message: 'email is not valid in to',
		});
		expect((await call(sandbox(), 'POST', '/smtp/email', byTemplate({ templateId: 999 }))).body.code).toBe('invalid_parameter');
		sandbox().addTemplate({ id: 50, name: 'off', subject: 'Off', isActive: false });
		expect((await call(sandbox(), 'POST', '/smtp/email', byTemplate({ templateId: 50 }))).body.message).toContain('inactive');
		expect(sandbox().emails()).toHaveLength(0);
	});

	it('refuses a headers.idempotencyKey reused within 30 minutes (duplicate_parameter), accepts it after', async () => {
		const email = byTemplate({ headers: { idempotencyKey: 'cart-1-reminder-1' } });
		expect((await call(sandbox(), 'POST', '/smtp/email', email)).status).toBe(201);
		sandbox().advanceTime(29 * 60 * 1000);
		const again = await call(sandbox(), 'POST', '/smtp/email', email);
		expect(again.status).toBe(400);
		expect(again.body.code).toBe('duplicate_parameter');
		expect(sandbox().emails()).toHaveLength(1);
		sandbox().advanceTime(IDEMPOTENCY_TTL_MS - 29 * 60 * 1000);
		expect((await call(sandbox(), 'POST', '/smtp/email', email)).status).toBe(201);
		expect(sandbox().emails()).toHaveLength(2);
	});

	it('does not spend an idempotency key on a rejected request', async () => {
		const key = { headers: { IdempotencyKey: 'k-2' } };
		expect((await call(sandbox(), 'POST', '/smtp/email', byTemplate({ ...key, to: [{ email: 'bad' }] }))).status).toBe(400);
		expect((await call(sandbox(), 'POST', '/smtp/email', byTemplate(key))).status).toBe(201);
	});

	it('accepts mail to a blacklisted contact but records it as blocked', async () => {
		sandbox().createContact({ email: 'jane@example.com' });
		sandbox().setContactConsent('jane@example.com', { emailBlacklisted: true });
		expect((await call(sandbox(), 'POST', '/smtp/email', byTemplate())).status).toBe(201);
		expect(sandbox().emails()[0].blockedRecipients).toEqual(['jane@example.com']);
	});

	it('answers 202 for a scheduled email and returns messageIds for message versions', async () => {
		const scheduled = await call(sandbox(), 'POST', '/smtp/email', byTemplate({ scheduledAt: '2030-01-01T10:00:00Z' }));
		expect(scheduled.status).toBe(202);
		expect(scheduled.body).toEqual({ messageId: expect.any(String) });
		const versions = await call(sandbox(), 'POST', '/smtp/email', {
			templateId: 1,
			messageVersions: [{ to: [{ email: 'a@example.com' }], params: { n: 1 } }, { to: [{ email: 'b@example.com' }], params: { n: 2 } }],
		});
		expect(versions.status).toBe(201);
		expect(versions.body.messageIds).toHaveLength(2);
		expect(sandbox().emails({ to: 'b@example.com' })).toHaveLength(1);
	});

	it('lists templates (seeded ids 1-8) and filters by status', async () => {
		const all = await call(sandbox(), 'GET', '/smtp/templates?sort=asc');
		expect(all.body.count).toBe(8);
		expect(all.body.templates[0]).toMatchObject({ id: 1, name: 'cart_reminder_1', subject: 'You left something behind!', isActive: true });
		sandbox().addTemplate({ name: 'draft', subject: 'Draft', isActive: false });
		expect((await call(sandbox(), 'GET', '/smtp/templates?templateStatus=false')).body.templates.map((t: { name: string }) => t.name)).toEqual(['draft']);
		expect((await call(sandbox(), 'GET', '/smtp/templates/3')).body.name).toBe('order_shipped');
		expect((await call(sandbox(), 'GET', '/smtp/templates/99')).status).toBe(404);
	});
});
