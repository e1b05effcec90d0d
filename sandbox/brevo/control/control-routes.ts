import { q, Router, type SandboxRequest, type SandboxResponse } from '../../http/router';
import { ControlError, type BrevoEmulator, type ConsentChange, type ControlContactInput, type TemplateInput } from '../brevo-emulator';
import { isEndpointFamily } from '../limits/endpoint-families';
import { isRecord } from '../request-checks';

/**
 * The control API under `/_sandbox` (JSON, no auth), documented in CONTROL_API.md. Errors are
 * `{error}` with 400/404 so they are never mistaken for Brevo's `{code, message}`.
 */
export function buildControlRouter(emulator: BrevoEmulator): Router {
	const router = new Router();
	const ok = (body: unknown = { ok: true }): SandboxResponse => ({ status: 200, body });

	router.get('/_sandbox/health', () => ok({ ok: true, apiKey: emulator.apiKey }));
	router.post('/_sandbox/reset', (req) => {
		emulator.reset({ seed: isRecord(req.body) && typeof req.body.seed === 'boolean' ? req.body.seed : undefined });
		return ok();
	});
	router.post('/_sandbox/seed', () => {
		emulator.seed();
		return ok({ lists: emulator.lists(), templates: emulator.templates().map((t) => ({ id: t.id, name: t.name })) });
	});

	router.get('/_sandbox/received', (req) =>
		ok(
			emulator.received({
				method: q(req, 'method'),
				path: q(req, 'path'),
				pathPrefix: q(req, 'pathPrefix'),
				family: family(q(req, 'family')),
				status: int(q(req, 'status')),
				afterSeq: int(q(req, 'afterSeq')),
			}),
		),
	);
	router.get('/_sandbox/contacts', (req) =>
		ok(emulator.contacts({ id: int(q(req, 'id')), email: q(req, 'email'), extId: q(req, 'extId'), listId: int(q(req, 'listId')) })),
	);
	router.post('/_sandbox/contacts', (req) => ({ status: 201, body: emulator.createContact(contactInput(objectBody(req))) }));
	router.get('/_sandbox/contacts/{identifier}', (req) => {
		const contact = emulator.contact(req.params.identifier);
		if (!contact) throw new ControlError(404, `No contact ${req.params.identifier}`);
		return ok(contact);
	});
	router.post('/_sandbox/contacts/{identifier}/consent', (req) => ok(emulator.setContactConsent(req.params.identifier, consentChange(objectBody(req)))));
	router.get('/_sandbox/events', (req) =>
		ok(emulator.events({ eventName: q(req, 'event_name'), email: q(req, 'email'), contactId: int(q(req, 'contact_id')), extId: q(req, 'ext_id') })),
	);
	router.get('/_sandbox/emails', (req) => ok(emulator.emails({ to: q(req, 'to'), templateId: int(q(req, 'templateId')), tag: q(req, 'tag') })));
	router.get('/_sandbox/sms', (req) => ok(emulator.sms({ recipient: q(req, 'recipient'), tag: q(req, 'tag') })));
	router.get('/_sandbox/whatsapp', (req) => ok(emulator.whatsapp({ contactNumber: q(req, 'contactNumber'), templateId: int(q(req, 'templateId')) })));
	router.get('/_sandbox/products', () => ok(emulator.products()));
	router.get('/_sandbox/categories', () => ok(emulator.categories()));
	router.get('/_sandbox/orders', (req) => ok(emulator.orders({ id: q(req, 'id'), status: q(req, 'status'), email: q(req, 'email') })));
	router.get('/_sandbox/lists', () => ok(emulator.lists()));
	router.get('/_sandbox/attributes', () => ok(emulator.attributes()));
	router.get('/_sandbox/templates', () => ok(emulator.templates()));
	router.post('/_sandbox/templates', (req) => ({ status: 201, body: emulator.addTemplate(templateInput(objectBody(req))) }));
	router.post('/_sandbox/sms-credits', (req) => {
		const credits = objectBody(req).credits;
		if (typeof credits !== 'number' || credits < 0) throw new ControlError(400, 'credits should be a non-negative number');
		emulator.setSmsCredits(credits);
		return ok();
	});

	router.get('/_sandbox/faults', () => ok(emulator.faults()));
	router.delete('/_sandbox/faults', () => {
		emulator.clearFaults();
		return ok();
	});
	router.post('/_sandbox/faults/rate-limit', (req) => ({ status: 201, body: emulator.injectRateLimitStorm(faultScope(req)) }));
	router.post('/_sandbox/faults/server-error', (req) => {
		const body = faultScope(req);
		const status = (optionalBody(req).status as number | undefined) ?? 500;
		if (![500, 502, 503, 504].includes(status)) throw new ControlError(400, 'status should be 500, 502, 503 or 504');
		return { status: 201, body: emulator.injectServerErrors({ ...body, status: status as 500 }) };
	});
	router.post('/_sandbox/faults/slow', (req) => {
		const delayMs = optionalBody(req).delayMs;
		if (typeof delayMs !== 'number' || delayMs < 0) throw new ControlError(400, 'delayMs should be a non-negative number');
		return { status: 201, body: emulator.injectSlowAnswers({ ...faultScope(req), delayMs }) };
	});

	router.get('/_sandbox/rate-limits', () => ok(emulator.rateLimits()));
	router.put('/_sandbox/rate-limits/{family}', (req) => {
		const name = family(req.params.family);
		const body = objectBody(req);
		if (!name) throw new ControlError(404, `Unknown endpoint family ${req.params.family}`);
		if (!isPositive(body.limit) || !isPositive(body.windowMs)) throw new ControlError(400, 'limit and windowMs should be positive numbers');
		emulator.setRateLimit(name, { limit: body.limit as number, windowMs: body.windowMs as number });
		return ok(emulator.rateLimits()[name]);
	});

	router.get('/_sandbox/clock', () => ok({ now: emulator.clock.now().toISOString(), scale: emulator.clock.scale }));
	router.post('/_sandbox/clock/advance', (req) => {
		const ms = objectBody(req).ms;
		if (typeof ms !== 'number' || ms < 0) throw new ControlError(400, 'ms should be a non-negative number');
		emulator.advanceTime(ms);
		return ok({ now: emulator.clock.now().toISOString() });
	});
	return router;
}

/** Runs a control route, turning ControlError into `{error}`. */
export function handleControl(router: Router, req: SandboxRequest): SandboxResponse {
	let match: ReturnType<Router['match']>;
	try {
		match = router.match(req.method, req.path);
	} catch {
		return { status: 400, body: { error: 'Invalid URL encoding in the path' } };
	}
	if (!('handler' in match)) return { status: match.methodMismatch ? 405 : 404, body: { error: `No control route ${req.method} ${req.path}` } };
	if (req.rawBody.trim() !== '' && req.body === undefined) return { status: 400, body: { error: 'Body is not valid JSON' } };
	try {
		return match.handler({ ...req, params: match.params }) as SandboxResponse;
	} catch (error) {
		if (error instanceof ControlError) return { status: error.status, body: { error: error.message } };
		throw error;
	}
}

/** Checks the JSON types of a control body against a small field spec. */
function typed<T>(body: Record<string, unknown>, fields: Record<string, 'string' | 'boolean' | 'number' | 'object' | 'integers'>): T {
	for (const [key, type] of Object.entries(fields)) {
		const value = body[key];
		if (value === undefined) continue;
		const ok =
			type === 'integers'
				? Array.isArray(value) && value.every((v) => Number.isInteger(v))
				: type === 'object'
					? isRecord(value)
					: typeof value === type;
		if (!ok) throw new ControlError(400, `${key} should be ${type === 'integers' ? 'an array of integers' : `a ${type}`}`);
	}
	return body as T;
}

function contactInput(body: Record<string, unknown>): ControlContactInput {
	return typed(body, {
		email: 'string',
		ext_id: 'string',
		attributes: 'object',
		listIds: 'integers',
		emailBlacklisted: 'boolean',
		smsBlacklisted: 'boolean',
		whatsappBlacklisted: 'boolean',
		listUnsubscribed: 'integers',
	});
}

function consentChange(body: Record<string, unknown>): ConsentChange {
	return typed(body, { emailBlacklisted: 'boolean', smsBlacklisted: 'boolean', whatsappBlacklisted: 'boolean', unsubscribeFromLists: 'integers', resubscribeToLists: 'integers' });
}

function templateInput(body: Record<string, unknown>): TemplateInput {
	const input = typed<TemplateInput>(body, { id: 'number', name: 'string', subject: 'string', htmlContent: 'string', isActive: 'boolean', tag: 'string' });
	if (!input.name || !input.subject) throw new ControlError(400, 'name and subject are required');
	if (input.id !== undefined && !(Number.isInteger(input.id) && input.id > 0)) throw new ControlError(400, 'id should be a positive integer');
	return input;
}

function objectBody(req: SandboxRequest): Record<string, unknown> {
	if (!isRecord(req.body)) throw new ControlError(400, 'Body should be a JSON object');
	return req.body;
}

function optionalBody(req: SandboxRequest): Record<string, unknown> {
	return isRecord(req.body) ? req.body : {};
}

function faultScope(req: SandboxRequest): { count?: number; durationMs?: number; family?: ReturnType<typeof family> } {
	const body = optionalBody(req);
	if (body.count !== undefined && !isPositive(body.count)) throw new ControlError(400, 'count should be a positive number');
	if (body.durationMs !== undefined && !isPositive(body.durationMs)) throw new ControlError(400, 'durationMs should be a positive number');
	if (body.family !== undefined && !isEndpointFamily(body.family)) throw new ControlError(400, `Unknown endpoint family ${String(body.family)}`);
	return {
		...(body.count !== undefined ? { count: body.count as number } : {}),
		...(body.durationMs !== undefined ? { durationMs: body.durationMs as number } : {}),
		...(body.family !== undefined ? { family: body.family as ReturnType<typeof family> } : {}),
	};
}

function family(raw: string | undefined) {
	if (raw === undefined) return undefined;
	if (!isEndpointFamily(raw)) throw new ControlError(400, `Unknown endpoint family ${raw}`);
	return raw;
}

function int(raw: string | undefined): number | undefined {
	if (raw === undefined || raw === '') return undefined;
	if (!/^-?\d+$/.test(raw)) throw new ControlError(400, `${raw} is not an integer`);
	return Number(raw);
}

function isPositive(value: unknown): boolean {
	return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
