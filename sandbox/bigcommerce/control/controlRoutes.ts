import { z, ZodError, type ZodType } from 'zod';
import { Router, type SandboxRequest, type SandboxResponse } from '../../http/router';
import type { BigCommerceSandbox } from '../BigCommerceSandbox';
import { ApiError } from '../http/apiErrors';
import { zodErrors } from '../http/validation';
import {
	advanceInput,
	cartItemControlInput,
	cartUpdateControlInput,
	convertInput,
	duplicateEventInput,
	duplicatesInput,
	emitInput,
	faultInput,
	holdInput,
	rateLimitInput,
	releaseInput,
	statusInput,
	timeScaleInput,
	tokenInput,
	webhookSettingsInput,
} from './controlInputs';

const seedFlag = z.object({ seed: z.boolean().optional() });
const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });
const num = (req: SandboxRequest, key: string) => Number(req.params[key]);
const body = <T>(schema: ZodType<T>, req: SandboxRequest): T => schema.parse(req.body ?? {});
const optionalNumber = (v: string | undefined) => (v === undefined ? undefined : Number(v));
/** A body handed on as-is: the sandbox method it goes to validates it with its own schema. */
const raw = (req: SandboxRequest): never => (req.body ?? {}) as never;

/** The control API (no auth, JSON), documented route by route in CONTROL_API.md. */
export function buildControlRouter(s: BigCommerceSandbox): Router {
	const r = new Router();
	const p = '/_sandbox';

	r.get(p, () => ok(s.info()));
	r.post(`${p}/reset`, (req) => ok(s.reset(body(seedFlag, req))));
	r.post(`${p}/seed`, () => ok(s.seed()));
	r.get(`${p}/tokens`, () => ok(s.listTokens()));
	r.post(`${p}/tokens`, (req) => {
		const t = body(tokenInput, req);
		return ok(s.addToken(t.accessToken, t.clientId), 201);
	});

	r.post(`${p}/customers`, (req) => ok(s.createCustomer(raw(req)), 201));
	r.put(`${p}/customers/{id}`, (req) => ok(s.updateCustomer(num(req, 'id'), raw(req))));
	r.delete(`${p}/customers/{id}`, (req) => ok(s.deleteCustomer(num(req, 'id'))));
	r.post(`${p}/customer-groups`, (req) => ok(s.createCustomerGroup(raw(req)), 201));
	r.post(`${p}/channels`, (req) => ok(s.createChannel(raw(req)), 201));

	r.post(`${p}/products`, (req) => ok(s.createProduct(raw(req)), 201));
	r.put(`${p}/products/{id}`, (req) => ok(s.updateProduct(num(req, 'id'), raw(req))));
	r.delete(`${p}/products/{id}`, (req) => ok(s.deleteProduct(num(req, 'id'))));
	r.post(`${p}/promotions`, (req) => ok(s.createPromotion(raw(req)), 201));
	r.post(`${p}/promotions/{id}/codes`, (req) => ok(s.addCouponCode(num(req, 'id'), raw(req)), 201));

	r.post(`${p}/orders`, (req) => ok(s.createOrder(raw(req)), 201));
	r.put(`${p}/orders/{id}`, (req) => ok(s.updateOrder(num(req, 'id'), raw(req))));
	r.delete(`${p}/orders/{id}`, (req) => ok(s.archiveOrder(num(req, 'id'))));
	r.post(`${p}/orders/{id}/status`, (req) => ok(s.setOrderStatus(num(req, 'id'), body(statusInput, req).status_id)));
	r.post(`${p}/orders/{id}/refunds`, (req) => ok(s.refundOrder(num(req, 'id'), raw(req)), 201));
	r.post(`${p}/orders/{id}/shipments`, (req) => ok(s.shipOrder(num(req, 'id'), raw(req)), 201));

	r.post(`${p}/carts`, (req) => ok(s.createCart(raw(req)), 201));
	r.put(`${p}/carts/{id}`, (req) => ok(s.updateCart(req.params.id, body(cartUpdateControlInput, req))));
	r.delete(`${p}/carts/{id}`, (req) => ok(s.deleteCart(req.params.id)));
	r.post(`${p}/carts/{id}/items`, (req) => ok(s.addCartItems(req.params.id, raw(req))));
	r.put(`${p}/carts/{id}/items/{itemId}`, (req) => ok(s.updateCartItem(req.params.id, req.params.itemId, body(cartItemControlInput, req))));
	r.delete(`${p}/carts/{id}/items/{itemId}`, (req) => ok(s.removeCartItem(req.params.id, req.params.itemId)));
	r.post(`${p}/carts/{id}/abandon`, (req) => ok(s.abandonCart(req.params.id)));
	r.post(`${p}/carts/{id}/convert`, (req) => ok(s.convertCart(req.params.id, body(convertInput, req)), 201));

	r.get(`${p}/webhooks/hooks`, () => ok(s.allHooks()));
	r.post(`${p}/webhooks/hooks/{id}/deactivate`, (req) => ok(s.deactivateHook(num(req, 'id'))));
	r.get(`${p}/webhooks/events`, () => ok(s.webhookEvents()));
	r.get(`${p}/webhooks/deliveries`, (req) =>
		ok(
			s.deliveries({
				hookId: optionalNumber(req.query.hookId?.[0]),
				eventId: optionalNumber(req.query.eventId?.[0]),
				scope: req.query.scope?.[0],
				state: req.query.state?.[0],
			}),
		),
	);
	r.post(`${p}/webhooks/emit`, (req) => {
		const e = body(emitInput, req);
		return ok(s.emitEvent(e.scope, e.data), 201);
	});
	r.post(`${p}/webhooks/events/{id}/duplicate`, (req) => ok(s.duplicateEvent(num(req, 'id'), body(duplicateEventInput, req).hookId), 201));
	r.post(`${p}/webhooks/events/{id}/replay`, (req) => ok(s.replayEvent(num(req, 'id')), 201));
	r.post(`${p}/webhooks/hold`, (req) => ok(s.holdDeliveries(body(holdInput, req).scope)));
	r.post(`${p}/webhooks/release`, (req) => {
		const rel = body(releaseInput, req);
		return ok(s.releaseDeliveries(rel.order, rel.deliveryIds));
	});
	r.get(`${p}/webhooks/held`, () => ok(s.webhooks.heldDeliveries()));
	r.post(`${p}/webhooks/idle`, async () => {
		await s.idle();
		return ok({ idle: true });
	});
	r.put(`${p}/webhooks/settings`, (req) => {
		const settings = body(webhookSettingsInput, req);
		if (settings.timeoutMs !== undefined) s.setWebhookTimeout(settings.timeoutMs);
		if (settings.concurrency !== undefined) s.setWebhookConcurrency(settings.concurrency);
		if (settings.cartAbandonAfterMs !== undefined) s.setCartAbandonAfter(settings.cartAbandonAfterMs);
		return ok({ timeoutMs: s.webhooks.settings.timeoutMs, concurrency: s.webhooks.settings.concurrency, cartAbandonAfterMs: s.ctx.cartAbandonAfterMs() });
	});

	r.get(`${p}/faults`, () => ok(s.listFaults()));
	r.post(`${p}/faults`, (req) => ok(s.addFault(body(faultInput, req)), 201));
	r.delete(`${p}/faults`, () => ok(s.clearFaults()));
	r.post(`${p}/faults/duplicate-deliveries`, (req) => {
		const d = body(duplicatesInput, req);
		return ok(s.duplicateDeliveries(d.extraCopies, d.events));
	});

	r.get(`${p}/rate-limit`, () => ok(s.rateLimit()));
	r.put(`${p}/rate-limit`, (req) => ok(s.setRateLimit(body(rateLimitInput, req))));
	r.get(`${p}/time`, () => ok(s.time()));
	r.put(`${p}/time`, (req) => ok(s.setTimeScale(body(timeScaleInput, req).scale)));
	r.post(`${p}/time/advance`, (req) => ok(s.advanceTime(body(advanceInput, req).ms)));
	return r;
}

/** Runs a control route; bad input is a 400, unknown things a 404, both as `{error, details}`. */
export async function handleControlRequest(router: Router, req: SandboxRequest): Promise<SandboxResponse> {
	if (req.rawBody.trim().length > 0 && req.body === undefined) return { status: 400, body: { error: 'The body is not valid JSON.' } };
	const match = router.match(req.method, req.path);
	if (!('handler' in match)) return { status: match.methodMismatch ? 405 : 404, body: { error: `No control route ${req.method} ${req.path}` } };
	try {
		return await match.handler({ ...req, params: match.params });
	} catch (error) {
		if (error instanceof ZodError) return { status: 400, body: { error: 'Invalid body', details: zodErrors(error) } };
		if (error instanceof ApiError) return { status: error.status, body: { error: error.message, details: error.errors } };
		return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
	}
}
