const CHANNEL_SPECIFIC = /^store\/channel\/\d+\//;

/**
 * A hook's scope is either an exact event (`store/order/created`) or a wildcard (`store/cart/*`),
 * which BigCommerce fires for every event below it, `store/cart/lineItem/*` events included.
 */
export function scopeMatches(hookScope: string, eventScope: string): boolean {
	if (hookScope === eventScope) return true;
	// Channel-specific events (`store/channel/{id}/…`) are subscribed to per channel: a store-wide
	// wildcard such as `store/*` does not receive them, a `store/channel/{id}/cart/*` hook does.
	if (CHANNEL_SPECIFIC.test(eventScope) && channelPrefix(hookScope) !== channelPrefix(eventScope)) return false;
	if (hookScope.endsWith('/*')) return eventScope.startsWith(hookScope.slice(0, -1));
	return false;
}

function channelPrefix(scope: string): string | undefined {
	return CHANNEL_SPECIFIC.exec(scope)?.[0];
}

/**
 * A scope the emulator accepts for a hook: `store/…` path segments, optionally ending in `*`, and
 * the channel-specific forms `store/channel/{channel_id}/…` (events/channels.mdx).
 */
export function isValidScope(scope: string): boolean {
	if (/^store\/\*$/.test(scope)) return true;
	if (!/^store(\/channel\/[1-9]\d*)?(\/[A-Za-z]+)+(\/\*)?$/.test(scope)) return false;
	// Below store/channel/ comes a channel id, or one of the store-wide channel events.
	return !scope.startsWith('store/channel/') || /^store\/channel\/(\d+\/|created$|updated$|\*$|metafield\/)/.test(scope);
}
