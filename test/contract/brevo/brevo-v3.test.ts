// Contract: every Brevo emulator route, called over HTTP, answers what Brevo's API description
// says: the 2025-02 OpenAPI mirror for the routes it has, the 2026 WireMock examples for the
// newer ones. Routes and answers without a counterpart in either are listed below with reasons.
import { emulatedRoutes, startBrevoSandbox, type BrevoSandbox } from '../../../sandbox/brevo';
import { Router, type SandboxRequest } from '../../../sandbox/http/router';
import { describeContract, expectResponseMatchesSpec, expectShapeLike, findOperation, findWiremockStub, loadSpec, type LoadedSpec } from '../lib';
import { CONTACT_EXCHANGES } from './contact-exchanges';
import { ECOMMERCE_EXCHANGES } from './ecommerce-exchanges';
import { send, type Exchange } from './exchange';
import { MESSAGING_EXCHANGES, NO_CREDIT_EXCHANGES } from './messaging-exchanges';

const SPEC = 'brevo/swagger_definition_v3.2025-02-mirror.yml';

/** Emulated routes the 2025-02 mirror lacks; their answers are compared with the 2026 WireMock examples. */
const ONLY_IN_WIREMOCK = ['POST /v3/events/batch'];

/**
 * Answers with no counterpart in either description, checked only for Brevo's `{code, message}`:
 * - 401 on routes other than POST /events: Brevo's gateway answers it everywhere, the spec lists it once.
 * - 429 on every rate-limited route: the spec declares it only for GET /contacts, and its errorModel
 *   enum has no code for it; the emulator answers `too_many_requests` (deliberate, see README).
 * - 405 for a wrong method and 404 for a path that is not emulated: gateway answers, not operations.
 */
const GATEWAY_ANSWERS: Exchange[] = [
	{ name: 'unknown path', method: 'GET', path: '/not-emulated', status: 404, against: 'error-shape' },
	{ name: 'wrong method', method: 'DELETE', path: '/events', status: 405, against: 'error-shape' },
];

const RATE_LIMITS = { limit: 100_000, windowMs: 1000 };

describeContract('Brevo emulator against the Brevo API v3 descriptions', () => {
	let sandbox: BrevoSandbox;
	let spec: LoadedSpec;
	const exercised = new Set<string>();
	const routeOf = routeMatcher();

	beforeAll(async () => {
		spec = loadSpec(SPEC);
		sandbox = await startBrevoSandbox({
			rateLimits: Object.fromEntries(['contacts', 'events', 'email', 'smtp', 'sms', 'orders', 'products', 'whatsapp', 'other'].map((f) => [f, RATE_LIMITS])),
		});
	});
	afterAll(async () => sandbox?.close());

	const check = async (exchange: Exchange): Promise<void> => {
		const answer = await send(sandbox, exchange);
		const route = routeOf(exchange.method, exchange.path);
		if (route) exercised.add(route);
		if (answer.status !== exchange.status) throw new Error(`expected ${exchange.status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
		const against = exchange.against ?? 'spec';
		if (against === 'spec') {
			expectResponseMatchesSpec(spec, { method: exchange.method, path: `/v3${exchange.path}`, status: answer.status, body: answer.body, headers: answer.headers });
		} else if (against === 'wiremock') {
			const stub = findWiremockStub(exchange.method, `/v3${exchange.path.split('?')[0]}`);
			if (!stub) throw new Error(`no WireMock stub for ${exchange.method} ${exchange.path}`);
			expectShapeLike(stub.body, answer.body, { ignore: exchange.ignore });
		} else {
			expect(answer.body).toEqual({ code: expect.any(String), message: expect.any(String) });
		}
		if (answer.status !== 401 && answer.status !== 404 && answer.status !== 405) {
			expect(answer.headers['x-sib-ratelimit-limit']).toBeDefined();
		}
	};

	describe.each([
		['contacts, attributes and lists', CONTACT_EXCHANGES],
		['events, email, SMS and WhatsApp', MESSAGING_EXCHANGES],
		['e-commerce and account', ECOMMERCE_EXCHANGES],
		['gateway answers without a spec counterpart', GATEWAY_ANSWERS],
	])('%s', (_area, exchanges) => {
		it.each(exchanges.map((e) => [`${e.method} ${e.path} -> ${e.status} (${e.name})`, e] as const))('%s', async (_title, exchange) => {
			await check(exchange);
		});
	});

	describe('answers that need a particular account state', () => {
		it('402 not_enough_credits for SMS once credits run out', async () => {
			sandbox.setSmsCredits(0);
			for (const exchange of NO_CREDIT_EXCHANGES) await check(exchange);
			sandbox.setSmsCredits(1000);
		});

		it('429 on GET /contacts (declared by the spec) has the rate-limit headers and {code, message}', async () => {
			sandbox.injectRateLimitStorm({ count: 1, family: 'contacts' });
			const answer = await send(sandbox, { name: '429', method: 'GET', path: '/contacts', status: 429 });
			expect(answer.status).toBe(429);
			expect(answer.body).toEqual({ code: 'too_many_requests', message: expect.any(String) });
			expect(answer.headers).toMatchObject({ 'x-sib-ratelimit-limit': expect.any(String), 'x-sib-ratelimit-remaining': '0', 'x-sib-ratelimit-reset': expect.any(String) });
		});
	});

	describe('2026 additions to routes the mirror has (compared with the WireMock examples)', () => {
		it('contact details carry listUnsubscribed (and whatsappBlacklisted, absent from both descriptions)', async () => {
			const answer = await send(sandbox, { name: 'contact', method: 'GET', path: '/contacts/1', status: 200 });
			expectShapeLike(findWiremockStub('GET', '/v3/contacts/1')?.body, answer.body, {
				// whatsappBlacklisted: newer API field (SDKs model it), not in either example.
				// attributes: account-specific keys; statistics: the emulator sends no campaigns, so lists are empty.
				ignore: ['/whatsappBlacklisted', '/attributes', '/statistics'],
			});
		});

		it('product details carry brand, description, stock and isDeleted', async () => {
			const answer = await send(sandbox, { name: 'product', method: 'GET', path: '/products/111', status: 200 });
			// metaInfo keys are the shop's own.
			expectShapeLike(findWiremockStub('GET', '/v3/products/111')?.body, answer.body, { ignore: ['/metaInfo'] });
		});

		it('category details carry isDeleted', async () => {
			const answer = await send(sandbox, { name: 'category', method: 'GET', path: '/categories/23', status: 200 });
			expectShapeLike(findWiremockStub('GET', '/v3/categories/23')?.body, answer.body);
		});

		it('account has organization_id, user_id and enterprise', async () => {
			const answer = await send(sandbox, { name: 'account', method: 'GET', path: '/account', status: 200 });
			// planVerticals (per-product plans) is not emulated; plan dates follow the 2025 spec's `format: date`.
			expectShapeLike(findWiremockStub('GET', '/v3/account')?.body, answer.body, { ignore: ['/planVerticals'] });
		});
	});

	it('exercised every emulated route, each with a counterpart in the spec or the WireMock examples', () => {
		const routes = emulatedRoutes().map((r) => `${r.method} ${r.template}`);
		expect(routes.filter((r) => !exercised.has(r))).toEqual([]);
		const withoutSpec = emulatedRoutes()
			.filter((r) => !findOperation(spec, r.method, r.template))
			.map((r) => `${r.method} ${r.template}`);
		expect(withoutSpec).toEqual(ONLY_IN_WIREMOCK);
		for (const route of ONLY_IN_WIREMOCK) {
			const [method, path] = route.split(' ');
			expect(findWiremockStub(method, path)).toBeDefined();
		}
	});
});

/** Maps a concrete request to the emulator route template that serves it. */
function routeMatcher(): (method: string, path: string) => string | undefined {
	const router = new Router();
	for (const route of emulatedRoutes()) router.add(route.method, route.template, () => ({ status: 200, body: `${route.method} ${route.template}` }));
	return (method, path) => {
		const match = router.match(method, `/v3${path.split('?')[0]}`);
		if (!('handler' in match)) return undefined;
		return (match.handler({} as SandboxRequest) as { body: string }).body;
	};
}
