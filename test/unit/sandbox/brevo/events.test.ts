import { call, useBrevoSandbox } from './brevo-client';

describe('Brevo sandbox: events', () => {
	const sandbox = useBrevoSandbox();

	it('accepts an event with 204 and records it with its contact', async () => {
		const created = await call(sandbox(), 'POST', '/contacts', { email: 'jane@example.com' });
		const res = await call(sandbox(), 'POST', '/events', {
			event_name: 'order_shipped',
			event_date: '2025-03-01T10:00:00+01:00',
			identifiers: { email_id: 'jane@example.com' },
			event_properties: { orderId: 101, trackingNumber: '1Z999', carrier: 'UPS', items: [{ sku: 'A' }] },
		});
		expect(res.status).toBe(204);
		expect(res.body).toBeUndefined();
		expect(sandbox().events()).toEqual([
			expect.objectContaining({
				event_name: 'order_shipped',
				event_date: '2025-03-01T10:00:00+01:00',
				source: 'single',
				contact_id: created.body.id,
				event_properties: { orderId: 101, trackingNumber: '1Z999', carrier: 'UPS', items: [{ sku: 'A' }] },
			}),
		]);
	});

	it('creates the contact of an unknown identifier and applies contact_properties (unknown ones dropped)', async () => {
		await call(sandbox(), 'POST', '/events', {
			event_name: 'cart_abandoned',
			identifiers: { email_id: 'new@example.com', ext_id: 'bc-9' },
			contact_properties: { FIRSTNAME: 'Nina', NOT_AN_ATTRIBUTE: 'x' },
		});
		expect(sandbox().contact('new@example.com')).toMatchObject({ attributes: { FIRSTNAME: 'Nina', EXT_ID: 'bc-9' } });
		expect(sandbox().events({ email: 'new@example.com' })).toHaveLength(1);
	});

	it('gives contact_id priority over other identifiers', async () => {
		const a = await call(sandbox(), 'POST', '/contacts', { email: 'a@example.com' });
		await call(sandbox(), 'POST', '/contacts', { email: 'b@example.com' });
		await call(sandbox(), 'POST', '/events', { event_name: 'x', identifiers: { contact_id: a.body.id, email_id: 'b@example.com' } });
		expect(sandbox().events()[0].contact_id).toBe(a.body.id);
	});

	it.each([
		[{ identifiers: { email_id: 'a@example.com' } }, 'missing_parameter', 'event_name is required'],
		[{ event_name: 'order shipped', identifiers: { email_id: 'a@example.com' } }, 'invalid_parameter', 'event_name is invalid'],
		[{ event_name: 'order.shipped', identifiers: { email_id: 'a@example.com' } }, 'invalid_parameter', 'event_name is invalid'],
		[{ event_name: 'x'.repeat(256), identifiers: { email_id: 'a@example.com' } }, 'invalid_parameter', 'event_name is invalid'],
		[{ event_name: 'ok' }, 'missing_parameter', 'identifiers is required'],
		[{ event_name: 'ok', identifiers: {} }, 'missing_parameter', 'identifiers should contain at least one of'],
		[{ event_name: 'ok', identifiers: { email_id: '' } }, 'missing_parameter', 'identifiers should contain at least one of'],
		[{ event_name: 'ok', identifiers: { email_id: 'nope' } }, 'invalid_parameter', 'identifiers.email_id'],
		[{ event_name: 'ok', identifiers: { contact_id: 'x' } }, 'invalid_parameter', 'identifiers.contact_id'],
		[{ event_name: 'ok', identifiers: { phone_id: 'abc' } }, 'invalid_parameter', 'identifiers.phone_id'],
		[{ event_name: 'ok', identifiers: { ext_id: 'e' }, event_date: 'yesterday' }, 'invalid_parameter', 'event_date'],
		[{ event_name: 'ok', identifiers: { ext_id: 'e' }, event_properties: { 'bad key': 1 } }, 'invalid_parameter', 'event_properties key'],
		[{ event_name: 'ok', identifiers: { ext_id: 'e' }, event_properties: { big: 'x'.repeat(51 * 1024) } }, 'invalid_parameter', '50Kb'],
		[{ event_name: 'ok', identifiers: { ext_id: 'e' }, contact_properties: { FIRSTNAME: { a: 1 } } }, 'invalid_parameter', 'contact_properties'],
	])('rejects %j with 400 %s', async (body, code, message) => {
		const res = await call(sandbox(), 'POST', '/events', body);
		expect(res.status).toBe(400);
		expect(res.body.code).toBe(code);
		expect(res.body.message).toContain(message);
		expect(sandbox().events()).toHaveLength(0);
	});

	it('accepts a 255-character name with - and _', async () => {
		const name = `a-b_${'c'.repeat(251)}`;
		expect((await call(sandbox(), 'POST', '/events', { event_name: name, identifiers: { ext_id: 'e' } })).status).toBe(204);
	});

	describe('POST /events/batch', () => {
		it('queues an array of events: 202 {message, count}', async () => {
			const res = await call(sandbox(), 'POST', '/events/batch', [
				{ event_name: 'review_request', identifiers: { email_id: 'a@example.com' }, event_properties: { orderId: 1 } },
				{ event_name: 'review_request', identifiers: { phone_id: '+33612345678' }, contact_properties: { FIRSTNAME: 'B', LOYALTY_POINTS: 10 } },
			]);
			expect(res.status).toBe(202);
			expect(res.body).toEqual({ message: 'Batch accepted. Valid events have been added to the processing queue.', count: 2 });
			expect(sandbox().events().map((e) => e.source)).toEqual(['batch', 'batch']);
		});

		it('skips invalid items and counts the valid ones', async () => {
			const res = await call(sandbox(), 'POST', '/events/batch', [{ event_name: 'ok', identifiers: { ext_id: '1' } }, { event_name: 'not ok', identifiers: { ext_id: '2' } }]);
			expect(res.body.count).toBe(1);
			expect(sandbox().events().map((e) => e.identifiers.ext_id)).toEqual(['1']);
		});

		it('answers 400 when no item is valid, or the body is not a non-empty array', async () => {
			const none = await call(sandbox(), 'POST', '/events/batch', [{ event_name: 'bad name', identifiers: { ext_id: '1' } }]);
			expect(none.status).toBe(400);
			expect(none.body.message).toContain('events[0]: event_name is invalid');
			expect((await call(sandbox(), 'POST', '/events/batch', { events: [] })).status).toBe(400);
			expect((await call(sandbox(), 'POST', '/events/batch', [])).status).toBe(400);
		});
	});
});
