import { createHash } from 'node:crypto';
import { BrevoRateLimitPacer } from './rate-limit-pacer';
import { normaliseBaseUrl } from './urls';

/**
 * Brevo's quota belongs to the account (its API key), not to one node run: every execution in
 * this process that uses the same key should pace against the same counters. The key is kept
 * only as a hash.
 */
const pacers = new Map<string, BrevoRateLimitPacer>();

export function sharedBrevoPacer(baseUrl: string, apiKey: string): BrevoRateLimitPacer {
	const keyHash = createHash('sha256').update(apiKey.trim()).digest('hex').slice(0, 24);
	const id = `${normaliseBaseUrl(baseUrl).toLowerCase()}|${keyHash}`;
	let pacer = pacers.get(id);
	if (!pacer) {
		pacer = new BrevoRateLimitPacer();
		pacers.set(id, pacer);
	}
	return pacer;
}
