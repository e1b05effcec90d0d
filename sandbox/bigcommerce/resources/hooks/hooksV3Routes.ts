import { z } from 'zod';
import { unixSeconds } from '../../core/dates';
import { ApiError } from '../../http/apiErrors';
import type { ApiRequest, ApiRoutes } from '../../http/apiRoutes';
import { v3Data, v3List } from '../../http/envelopes';
import { paginate } from '../../http/pagination';
import { boolParam, param } from '../../http/query';
import { parseBody } from '../../http/validation';
import type { StoreContext } from '../../store/StoreContext';
import type { Hook } from '../../store/types';
import { checkDestination, checkLimits, checkScope } from './hookRules';

const headers = z.record(z.string()).nullable().optional();

/** webhooks.v3 `webhook_Base`: scope and destination required. */
const hookCreateInput = z.object({ scope: z.string(), destination: z.string(), is_active: z.boolean().optional(), headers });
/** webhooks.v3 `webhook_Put`: at least one field. */
const hookUpdateInput = z
	.object({ scope: z.string().optional(), destination: z.string().optional(), is_active: z.boolean().optional(), headers })
	.refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'At least one field is required.', path: ['body'] });

/** A hook as webhooks.v3 `webhook_Full` shows it. */
export function hookV3(hook: Hook, storeHash: string): Record<string, unknown> {
	return {
		id: hook.id,
		client_id: hook.client_id,
		store_hash: storeHash,
		scope: hook.scope,
		destination: hook.destination,
		headers: hook.headers,
		is_active: hook.is_active,
		created_at: hook.created_at,
		updated_at: hook.updated_at,
	};
}

export function registerHooksV3Routes(api: ApiRoutes, ctx: StoreContext): void {
	const ownHooks = (req: ApiRequest) => [...ctx.state.hooks.values()].filter((h) => h.client_id === req.clientId).sort((a, b) => a.id - b.id);
	// A hook of another client does not exist for this token (webhooks overview, troubleshooting).
	const ownHook = (req: ApiRequest): Hook => {
		const hook = ctx.state.hooks.get(Number(req.params.id));
		if (!hook || hook.client_id !== req.clientId) throw new ApiError(404, `Webhook with id [${req.params.id}] not found`);
		return hook;
	};

	api.get('/v3/hooks', (req) => {
		const active = boolParam(req, 'is_active');
		const scope = param(req, 'scope');
		const destination = param(req, 'destination');
		const matching = ownHooks(req).filter(
			(h) => (active === undefined || h.is_active === active) && (scope === undefined || h.scope === scope) && (destination === undefined || h.destination === destination),
		);
		const page = paginate(req, matching);
		return v3List(page.items.map((h) => hookV3(h, ctx.storeHash)), { pagination: page.pagination });
	});

	api.post('/v3/hooks', (req) => {
		const input = parseBody(hookCreateInput, req.body);
		checkScope(input.scope);
		checkDestination(input.destination);
		checkLimits(ctx.state, req.clientId, input.scope, input.destination);
		const now = unixSeconds(ctx.now());
		const hook: Hook = {
			id: ctx.state.ids.hook.take(),
			client_id: req.clientId,
			scope: input.scope,
			destination: input.destination,
			headers: input.headers ?? null,
			is_active: input.is_active ?? true,
			created_at: now,
			updated_at: now,
		};
		ctx.state.hooks.set(hook.id, hook);
		return v3Data(hookV3(hook, ctx.storeHash));
	});

	api.get('/v3/hooks/admin', (req) => {
		const active = boolParam(req, 'is_active');
		const hooks = ownHooks(req).filter((h) => active === undefined || h.is_active === active);
		const page = paginate(req, hooks);
		const data = {
			emails: [],
			hooks_list: page.items.map((h) => ({ ...hookV3(h, ctx.storeHash), status: h.is_active ? 'active' : 'deactivated' })),
			blocked_domains: [],
		};
		return { status: 200, body: { data, meta: { pagination: page.pagination } } };
	});

	api.get('/v3/hooks/{id}', (req) => v3Data(hookV3(ownHook(req), ctx.storeHash)));

	api.put('/v3/hooks/{id}', (req) => {
		const hook = ownHook(req);
		const input = parseBody(hookUpdateInput, req.body ?? {});
		const scope = input.scope ?? hook.scope;
		const destination = input.destination ?? hook.destination;
		if (input.scope !== undefined) checkScope(scope);
		if (input.destination !== undefined) checkDestination(destination);
		checkLimits(ctx.state, hook.client_id, scope, destination, hook.id);
		hook.scope = scope;
		hook.destination = destination;
		if (input.is_active !== undefined) hook.is_active = input.is_active;
		if (input.headers !== undefined) hook.headers = input.headers;
		hook.updated_at = unixSeconds(ctx.now());
		return v3Data(hookV3(hook, ctx.storeHash));
	});

	api.delete('/v3/hooks/{id}', (req) => {
		const hook = ownHook(req);
		ctx.state.hooks.delete(hook.id);
		return v3Data(hookV3(hook, ctx.storeHash));
	});
}
