import { call, useBrevoSandbox } from './brevo-client';

describe('Brevo sandbox: HTTP control API (/_sandbox)', () => {
	const sandbox = useBrevoSandbox();

	it('needs no api key and reports health', async () => {
		const res = await call(sandbox(), 'GET', '/_sandbox/health', undefined, { apiKey: null });
		expect(res).toMatchObject({ status: 200, body: { ok: true, apiKey: 'xkeysib-sandbox' } });
	});

	it('resets (optionally without seed) and seeds', async () => {
		await call(sandbox(), 'POST', '/contacts', { email: 'a@example.com' });
		expect((await call(sandbox(), 'POST', '/_sandbox/reset', { seed: false })).status).toBe(200);
		expect(sandbox().contacts()).toEqual([]);
		expect(sandbox().lists()).toEqual([]);
		const seeded = await call(sandbox(), 'POST', '/_sandbox/seed');
		expect(seeded.body.lists.map((l: { name: string }) => l.name)).toEqual(['retail_newsletter', 'wholesale_updates', 'vip_exclusive', 'first_time_buyers', 'repeat_customers', 'high_value_customers', 'wholesale_accounts', 'at_risk_customers']);
		expect(seeded.body.templates).toHaveLength(8);
		expect((await call(sandbox(), 'POST', '/_sandbox/reset')).status).toBe(200);
		expect(sandbox().lists()).toHaveLength(8);
	});

	it('reads what Brevo received, with filters', async () => {
		await call(sandbox(), 'POST', '/contacts', { email: 'jane@example.com', attributes: { FIRSTNAME: 'Jane' }, listIds: [1] });
		await call(sandbox(), 'POST', '/events', { event_name: 'order_shipped', identifiers: { email_id: 'jane@example.com' } });
		await call(sandbox(), 'POST', '/events', { event_name: 'review_request', identifiers: { email_id: 'jane@example.com' } });
		await call(sandbox(), 'POST', '/smtp/email', { templateId: 4, to: [{ email: 'jane@example.com' }], tags: ['review'] });
		await call(sandbox(), 'POST', '/transactionalSMS/sms', { sender: 'Shop', recipient: '+33612345678', content: 'hi' });
		await call(sandbox(), 'POST', '/whatsapp/sendMessage', { senderNumber: '33700000000', contactNumbers: ['33612345678'], templateId: 1 });
		await call(sandbox(), 'POST', '/products', { id: 'p1', name: 'Plant' });
		await call(sandbox(), 'POST', '/categories', { id: 'c1', name: 'Plants' });
		await call(sandbox(), 'POST', '/orders/status', {
			id: 'o1', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', status: 'shipped', amount: 5,
			products: [{ productId: 'p1', quantity: 1, price: 5 }], identifiers: { email_id: 'jane@example.com' },
		});

		const get = async (path: string) => (await call(sandbox(), 'GET', path)).body;
		expect((await get('/_sandbox/contacts?listId=1'))[0]).toMatchObject({ email: 'jane@example.com', attributes: { FIRSTNAME: 'Jane' }, listIds: [1] });
		expect((await get('/_sandbox/contacts/jane@example.com')).email).toBe('jane@example.com');
		expect((await get('/_sandbox/events?event_name=review_request')).map((e: { event_name: string }) => e.event_name)).toEqual(['review_request']);
		expect(await get('/_sandbox/events?email=jane@example.com')).toHaveLength(2);
		expect(await get('/_sandbox/emails?templateId=4&to=jane@example.com')).toHaveLength(1);
		expect(await get('/_sandbox/emails?tag=other')).toHaveLength(0);
		expect(await get('/_sandbox/sms?recipient=0033612345678')).toHaveLength(1);
		expect(await get('/_sandbox/whatsapp?contactNumber=%2B33612345678')).toHaveLength(1);
		expect((await get('/_sandbox/products'))[0]).toMatchObject({ id: 'p1', name: 'Plant' });
		expect((await get('/_sandbox/categories'))[0]).toMatchObject({ id: 'c1' });
		expect((await get('/_sandbox/orders?status=shipped'))[0]).toMatchObject({ id: 'o1', contact_id: expect.any(Number) });
		expect(await get('/_sandbox/lists')).toHaveLength(8);
		expect(await get('/_sandbox/templates')).toHaveLength(8);
		expect((await get('/_sandbox/attributes')).map((a: { name: string }) => a.name)).toContain('LOYALTY_POINTS');
		const received = await get('/_sandbox/received?pathPrefix=/events');
		expect(received.map((r: { path: string; status: number }) => [r.path, r.status])).toEqual([
			['/v3/events', 204],
			['/v3/events', 204],
		]);
		expect(await get(`/_sandbox/received?afterSeq=${received[1].seq}&method=POST`)).toHaveLength(6);
	});

	it('creates contacts and sets consent flags, so a test can simulate an unsubscribed contact', async () => {
		const created = await call(sandbox(), 'POST', '/_sandbox/contacts', { email: 'opt@example.com', listIds: [1, 2], attributes: { SMS: '+33611111111' } });
		expect(created.status).toBe(201);
		const consent = await call(sandbox(), 'POST', '/_sandbox/contacts/opt@example.com/consent', { emailBlacklisted: true, smsBlacklisted: true, unsubscribeFromLists: [1] });
		expect(consent.body).toMatchObject({ emailBlacklisted: true, smsBlacklisted: true, listUnsubscribed: [1] });
		const seenByApi = await call(sandbox(), 'GET', '/contacts/opt%40example.com');
		expect(seenByApi.body).toMatchObject({ emailBlacklisted: true, smsBlacklisted: true, whatsappBlacklisted: false, listUnsubscribed: [1], listIds: [1, 2] });
		const resub = await call(sandbox(), 'POST', `/_sandbox/contacts/${created.body.id}/consent`, { emailBlacklisted: false, resubscribeToLists: [1] });
		expect(resub.body).toMatchObject({ emailBlacklisted: false, listUnsubscribed: [] });
		expect((await call(sandbox(), 'POST', '/_sandbox/contacts/nobody@example.com/consent', { emailBlacklisted: true })).status).toBe(404);
		expect((await call(sandbox(), 'POST', '/_sandbox/contacts', { email: 'opt@example.com' })).status).toBe(400);
	});

	it('creates a contact by ext_id with flags only Brevo sets, and checks body types', async () => {
		const created = await call(sandbox(), 'POST', '/_sandbox/contacts', { ext_id: 'bc-5', whatsappBlacklisted: true, listUnsubscribed: [2] });
		expect(created.body).toMatchObject({ attributes: { EXT_ID: 'bc-5' }, whatsappBlacklisted: true, listUnsubscribed: [2] });
		expect((await call(sandbox(), 'GET', '/_sandbox/contacts/bc-5')).body.id).toBe(created.body.id);
		expect((await call(sandbox(), 'POST', '/_sandbox/contacts', { attributes: { FIRSTNAME: 'x' } })).status).toBe(400);
		expect((await call(sandbox(), 'POST', '/_sandbox/contacts', { email: 'x@example.com', listIds: ['1'] })).body).toEqual({ error: 'listIds should be an array of integers' });
		expect((await call(sandbox(), 'POST', '/_sandbox/contacts/bc-5/consent', { emailBlacklisted: 'yes' })).status).toBe(400);
		expect((await call(sandbox(), 'POST', '/_sandbox/templates', { subject: 'no name' })).status).toBe(400);
	});

	it('injects and clears faults over HTTP', async () => {
		expect((await call(sandbox(), 'POST', '/_sandbox/faults/rate-limit', { count: 1, family: 'contacts' })).status).toBe(201);
		expect((await call(sandbox(), 'GET', '/contacts')).status).toBe(429);
		await call(sandbox(), 'POST', '/_sandbox/faults/server-error', { count: 1, status: 502 });
		expect((await call(sandbox(), 'GET', '/account')).status).toBe(502);
		await call(sandbox(), 'POST', '/_sandbox/faults/slow', { delayMs: 10, count: 3 });
		expect((await call(sandbox(), 'GET', '/_sandbox/faults')).body).toEqual([expect.objectContaining({ kind: 'slow', remaining: 3, delayMs: 10 })]);
		expect((await call(sandbox(), 'DELETE', '/_sandbox/faults')).status).toBe(200);
		expect((await call(sandbox(), 'GET', '/_sandbox/faults')).body).toEqual([]);
		expect((await call(sandbox(), 'POST', '/_sandbox/faults/rate-limit', { family: 'nope' })).body).toEqual({ error: 'Unknown endpoint family nope' });
		expect((await call(sandbox(), 'POST', '/_sandbox/faults/server-error', { status: 404 })).status).toBe(400);
		expect((await call(sandbox(), 'POST', '/_sandbox/faults/slow', {})).status).toBe(400);
	});

	it('changes rate limits, advances the clock, adds templates and SMS credits', async () => {
		const limit = await call(sandbox(), 'PUT', '/_sandbox/rate-limits/sms', { limit: 1, windowMs: 60000 });
		expect(limit.body).toEqual({ limit: 1, windowMs: 60000 });
		expect((await call(sandbox(), 'GET', '/_sandbox/rate-limits')).body.sms).toEqual({ limit: 1, windowMs: 60000 });
		const before = (await call(sandbox(), 'GET', '/_sandbox/clock')).body.now;
		const after = (await call(sandbox(), 'POST', '/_sandbox/clock/advance', { ms: 3_600_000 })).body.now;
		expect(Date.parse(after) - Date.parse(before)).toBeGreaterThanOrEqual(3_600_000);
		const template = await call(sandbox(), 'POST', '/_sandbox/templates', { id: 40, name: 'points_expiring', subject: 'Your points expire soon' });
		expect(template.status).toBe(201);
		expect((await call(sandbox(), 'GET', '/smtp/templates/40')).body.name).toBe('points_expiring');
		await call(sandbox(), 'POST', '/_sandbox/sms-credits', { credits: 0 });
		expect((await call(sandbox(), 'POST', '/transactionalSMS/sms', { sender: 'Shop', recipient: '+33612345678', content: 'hi' })).status).toBe(402);
		await call(sandbox(), 'PUT', '/_sandbox/rate-limits/sms', { limit: 150, windowMs: 1000 });
	});

	it('answers unknown control routes and bad bodies with {error}', async () => {
		expect(await call(sandbox(), 'GET', '/_sandbox/nope')).toMatchObject({ status: 404, body: { error: expect.any(String) } });
		expect((await call(sandbox(), 'POST', '/_sandbox/clock/advance', { ms: -1 })).status).toBe(400);
		expect((await call(sandbox(), 'POST', '/_sandbox/reset', undefined, { rawBody: '{oops' })).status).toBe(400);
	});
});
