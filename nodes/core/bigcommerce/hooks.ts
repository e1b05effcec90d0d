import type { BigCommerceClient } from './client';
import type { QueryInput } from './query';
import { hookSchema, type BigCommerceHook } from './schemas/hook';

/**
 * Reading and switching on the webhooks of the API account behind a client. BigCommerce shows
 * each API account only the hooks it created (webhooks overview, troubleshooting), so these are
 * the hooks of BigCommerce Triggers using the same credential, plus any other the account made.
 */

export interface HookFilter {
	/** true: active only; false: inactive only; undefined: both. */
	active?: boolean;
	/** Part of the scope, e.g. `order` or `store/cart/abandoned`; matched without regard to case. */
	scopeContains?: string;
	/** The exact destination URL. */
	destination?: string;
}

/**
 * Hooks matching `filter`, up to `limit`. `is_active` and `destination` are BigCommerce's own
 * filters (webhooks.v3 GET /hooks); BigCommerce matches `scope` only exactly, so "contains" is
 * checked here, reading pages until `limit` matches are found.
 */
export async function listHooks(client: BigCommerceClient, filter: HookFilter = {}, limit?: number): Promise<BigCommerceHook[]> {
	const query: QueryInput = { is_active: filter.active, destination: filter.destination };
	const list = client.listV3('/hooks', hookSchema, { query });
	const part = filter.scopeContains?.trim().toLowerCase();
	if (!part) return list.getAll(limit);
	const found: BigCommerceHook[] = [];
	if (limit !== undefined && !(limit > 0)) return found;
	for await (const hook of list) {
		if (!hook.scope.toLowerCase().includes(part)) continue;
		found.push(hook);
		if (limit !== undefined && found.length >= limit) break;
	}
	return found;
}

/** Sets `is_active: true`. The same body twice has the same effect, so the transport may retry it. */
export async function activateHook(client: BigCommerceClient, id: number): Promise<BigCommerceHook> {
	return client.v3('PUT', `/hooks/${id}`, hookSchema, { body: { is_active: true }, idempotent: true });
}

export type ReactivatedHook = BigCommerceHook & {
	/** Whether this call switched it on (false: it was active already). */
	reactivated: boolean;
};

/** Switches one hook on if it is off; a hook that is on is left alone. */
export async function reactivateHook(client: BigCommerceClient, id: number): Promise<ReactivatedHook> {
	const hook = await client.v3('GET', `/hooks/${id}`, hookSchema);
	if (hook.is_active) return { ...hook, reactivated: false };
	return { ...(await activateHook(client, id)), reactivated: true };
}

/** Switches on every inactive hook of the API account; returns the hooks it switched on. */
export async function reactivateInactiveHooks(client: BigCommerceClient): Promise<ReactivatedHook[]> {
	const inactive = await listHooks(client, { active: false });
	const done: ReactivatedHook[] = [];
	for (const hook of inactive) done.push({ ...(await activateHook(client, hook.id)), reactivated: true });
	return done;
}
