import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * BigCommerce does not sign webhook deliveries; it sends back the custom headers given when the
 * hook was created (webhooks overview, "Security"). The trigger puts a random secret in one.
 */
export const WEBHOOK_SECRET_HEADER = 'X-Tajo-Webhook-Secret';

export function generateWebhookSecret(): string {
	return randomBytes(32).toString('hex');
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
