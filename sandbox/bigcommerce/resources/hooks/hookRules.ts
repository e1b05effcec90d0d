import { ApiError } from '../../http/apiErrors';
import type { StoreState } from '../../store/StoreState';
import { isValidScope } from '../../webhooks/scopes';

/** BigCommerce's platform limits (webhooks overview, "Platform limits"). */
export const MAX_HOOKS_PER_SCOPE = 10;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * BigCommerce only delivers to https on port 443. The emulator also accepts http to loopback
 * hosts (any port), because tests and the demo receive webhooks on the same machine.
 */
export function checkDestination(destination: string): void {
	let url: URL;
	try {
		url = new URL(destination);
	} catch {
		throw new ApiError(422, 'JSON data is missing or invalid', { destination: 'The destination is not a valid URL.' });
	}
	const https = url.protocol === 'https:';
	const localHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
	if (!https && !localHttp) {
		throw new ApiError(422, 'JSON data is missing or invalid', { destination: 'The destination must be an https URL (the emulator also allows http://localhost and http://127.0.0.1).' });
	}
}

export function checkScope(scope: string): void {
	if (!isValidScope(scope)) throw new ApiError(422, 'JSON data is missing or invalid', { scope: `'${scope}' is not a webhook scope.` });
}

/** At most 10 hooks per client and scope, and one per client, scope and destination. */
export function checkLimits(state: StoreState, clientId: string, scope: string, destination: string, exceptId?: number): void {
	const same = [...state.hooks.values()].filter((h) => h.client_id === clientId && h.scope === scope && h.id !== exceptId);
	if (same.some((h) => h.destination === destination)) {
		throw new ApiError(422, 'JSON data is missing or invalid', { destination: `A webhook for scope ${scope} and this destination already exists.` });
	}
	if (same.length >= MAX_HOOKS_PER_SCOPE) {
		throw new ApiError(422, 'JSON data is missing or invalid', { scope: `At most ${MAX_HOOKS_PER_SCOPE} webhooks are allowed per scope.` });
	}
}
