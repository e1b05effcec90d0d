import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * BigCommerce does not sign webhook deliveries; it sends back the custom headers given when the
 * hook was created (webhooks overview, "Security"). The trigger puts a secret in one.
 */
export const WEBHOOK_SECRET_HEADER = 'X-Tajo-Webhook-Secret';

/**
 * The secret a trigger registers: HMAC-SHA256 of its delivery URL and store hash, keyed with the
 * store's API token — unpredictable to anyone without the token, different for every trigger URL
 * and store. It is derived rather than random because a random one lives only in the workflow's
 * static data, and n8n saves static data whole from whichever process ran last: in queue mode a
 * worker's save can drop the trigger's record (seen in the queue-mode tests), after which a random
 * secret is gone and every delivery would be refused until the workflow is re-activated. A derived
 * one can be computed again from the credential. A new token changes it: re-activate the workflow
 * after rotating the token (activation registers the hooks with the new secret).
 */
export function deriveWebhookSecret(accessToken: string, storeHash: string, destination: string): string {
	if (!accessToken || !storeHash || !destination) throw new Error('A webhook secret needs the access token, the store hash and the delivery URL.');
	return createHmac('sha256', accessToken).update(`tajo-bigcommerce-webhook:v1\n${storeHash}\n${destination}`).digest('hex');
}

/**
 * Compares in constant time. Both sides are hashed first, so neither the length nor the content
 * of the expected secret leaks through timing.
 */
export function secretsMatch(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || received === '' || expected === '') return false;
	const a = createHash('sha256').update(received).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

/** Reads a header from Node's lower-cased header map (an array when it was sent twice). */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}
