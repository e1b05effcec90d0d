import type { SandboxResponse } from '../../http/router';
import type { PageMeta } from './pagination';

/** v3 single-resource body: `{data, meta: {}}`. */
export function v3Data(data: unknown, status = 200): SandboxResponse {
	return { status, body: { data, meta: {} } };
}

/** v3 collection body: `{data: [...], meta: {pagination}}`. */
export function v3List(data: unknown[], meta: PageMeta | Record<string, unknown>, status = 200): SandboxResponse {
	return { status, body: { data, meta } };
}

/** v2 collection: a bare array, or 204 with no body when the page is empty, as BigCommerce does. */
export function v2List(items: unknown[]): SandboxResponse {
	return items.length === 0 ? { status: 204 } : { status: 200, body: items };
}

export function v2Object(item: unknown, status = 200): SandboxResponse {
	return { status, body: item };
}

export const noContent = (): SandboxResponse => ({ status: 204 });
