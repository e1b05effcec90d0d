import type { HttpMethod } from './http-types';

/**
 * The API account scope (as BigCommerce's control panel names it) that a path needs, from the
 * "OAuth scopes" tables of the reference specs. A 403 names it so the marketer knows what to tick.
 */
const SCOPES: Array<{ prefix: RegExp; scope: string }> = [
	{ prefix: /^\/v[23]\/(customers|customer_groups)\b/, scope: 'Customers' },
	{ prefix: /^\/v[23]\/(orders|order_statuses)\b/, scope: 'Orders' },
	{ prefix: /^\/v3\/(carts|abandoned-carts)\b/, scope: 'Carts' },
	{ prefix: /^\/v3\/catalog\b/, scope: 'Products' },
	{ prefix: /^\/v3\/channels\b/, scope: 'Channel Settings' },
	{ prefix: /^\/v3\/promotions\b|^\/v2\/coupons\b/, scope: 'Marketing' },
	{ prefix: /^\/v2\/store\b|^\/v3\/settings\b/, scope: 'Information & Settings' },
];

export interface ScopeNeed {
	/** e.g. "Customers" */
	scope: string;
	/** "read-only" is enough to read; writing needs "modify". */
	permission: 'read-only' | 'modify';
}

export function scopeForPath(method: HttpMethod, path: string): ScopeNeed | undefined {
	const match = SCOPES.find((entry) => entry.prefix.test(path));
	if (!match) return undefined;
	return { scope: match.scope, permission: method === 'GET' || method === 'HEAD' ? 'read-only' : 'modify' };
}

/** Webhooks need no scope of their own, but only events of resources the account may read. */
export function isWebhookPath(path: string): boolean {
	return /^\/v3\/hooks\b/.test(path);
}
