import { RateLimitPacer } from './rate-limit-pacer';

/**
 * BigCommerce's quota belongs to the store, not to one node run: every execution in this process
 * that talks to the same store should pace against the same counter.
 */
const pacers = new Map<string, RateLimitPacer>();

export function sharedRateLimitPacer(baseUrl: string, storeHash: string): RateLimitPacer {
	const key = `${baseUrl.trim().replace(/\/+$/, '').toLowerCase()}|${storeHash.trim().toLowerCase()}`;
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new RateLimitPacer();
		pacers.set(key, pacer);
	}
	return pacer;
}
