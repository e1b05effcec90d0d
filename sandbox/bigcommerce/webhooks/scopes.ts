/**
 * A hook's scope is either an exact event (`store/order/created`) or a wildcard (`store/cart/*`),
 * which BigCommerce fires for every event below it, `store/cart/lineItem/*` events included.
 */
export function scopeMatches(hookScope: string, eventScope: string): boolean {
	if (hookScope === eventScope) return true;
	if (hookScope.endsWith('/*')) return eventScope.startsWith(hookScope.slice(0, -1));
	return false;
}

/** A scope the emulator accepts for a hook: `store/…` path segments, optionally ending in `*`. */
export function isValidScope(scope: string): boolean {
	return /^store(\/[A-Za-z]+)+(\/\*)?$/.test(scope) || /^store\/\*$/.test(scope);
}
