import { call, useBrevoSandbox } from './brevo-client';

describe('Brevo sandbox: authentication, routing, account', () => {
	const sandbox = useBrevoSandbox();

	it('answers 401 {code: unauthorized} without or with a wrong api-key, with no rate-limit headers', async () => {
		for (const apiKey of [null, 'xkeysib-wrong']) {
			const res = await call(sandbox(), 'GET', '/account', undefined, { apiKey });
			expect(res.status).toBe(401);
			expect(res.body).toEqual({ code: 'unauthorized', message: 'Key not found' });
			expect(res.headers.get('x-sib-ratelimit-limit')).toBeNull();
		}
	});

	it('GET /account returns the plan, relay and company like Brevo', async () => {
		const res = await call(sandbox(), 'GET', '/account');
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			email: expect.any(String),
			companyName: 'Tajo Sandbox Store',
			address: { city: expect.any(String), country: expect.any(String), street: expect.any(String), zipCode: expect.any(String) },
			relay: { enabled: true, data: { port: 587 } },
		});
		expect(res.body.plan.map((p: { type: string }) => p.type)).toEqual(['free', 'sms']);
		expect(res.headers.get('x-sib-ratelimit-limit')).not.toBeNull();
	});

	it('uses the api key given at start', async () => {
		const res = await call(sandbox(), 'GET', '/account', undefined, { apiKey: 'xkeysib-sandbox' });
		expect(res.status).toBe(200);
		expect(sandbox().apiBaseUrl).toBe(`${sandbox().url}/v3`);
	});

	it('answers unknown paths 404 and wrong methods 405 in Brevo error format', async () => {
		const missing = await call(sandbox(), 'GET', '/nothing/here');
		expect(missing.status).toBe(404);
		expect(missing.body.code).toBe('document_not_found');
		const wrongMethod = await call(sandbox(), 'PATCH', '/events', {});
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.body).toEqual({ code: 'method_not_allowed', message: 'PATCH Method is not allowed on this path' });
	});

	it('answers a malformed percent-encoding in the path with 400 bad_request', async () => {
		const res = await call(sandbox(), 'GET', '/contacts/%E0%A4%A');
		expect(res.status).toBe(400);
		expect(res.body.code).toBe('bad_request');
	});

	it('answers malformed JSON with 400 bad_request', async () => {
		const res = await call(sandbox(), 'POST', '/contacts', undefined, { rawBody: '{"email": ' });
		expect(res.status).toBe(400);
		expect(res.body.code).toBe('bad_request');
	});

	it('records every request in order, including rejected ones', async () => {
		await call(sandbox(), 'GET', '/account', undefined, { apiKey: null });
		await call(sandbox(), 'POST', '/contacts', { email: 'a@example.com' });
		const received = sandbox().received();
		expect(received.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', '/v3/account', 401],
			['POST', '/v3/contacts', 201],
		]);
		expect(received[1].body).toEqual({ email: 'a@example.com' });
		expect(received[1].family).toBe('contacts');
		expect(sandbox().received({ status: 201 })).toHaveLength(1);
	});
});
