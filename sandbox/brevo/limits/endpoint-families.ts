/**
 * Brevo rate-limits by endpoint group ("General rate limits" table, developers.brevo.com/docs/api-limits).
 * Each family below has its own counter. Defaults are the General tier:
 *
 * | family   | routes                                   | Brevo's limit               | default here   |
 * |----------|------------------------------------------|-----------------------------|----------------|
 * | contacts | /contacts/...                            | 10 RPS (36,000 RPH)         | 10 per second  |
 * | events   | POST /events, /events/batch              | 10 RPS (36,000 RPH)         | 10 per second  |
 * | email    | POST /smtp/email                         | 1,000 RPS                   | 1000 per second|
 * | smtp     | other /smtp/... (templates)              | 300 RPH                     | 300 per hour   |
 * | sms      | POST /transactionalSMS/sms, /send        | 150 RPS                     | 150 per second |
 * | orders   | /orders/...                              | 5 RPS for POST /orders/status | 5 per second |
 * | products | /products/...                            | 2 RPS for POST /products    | 2 per second   |
 * | whatsapp | /whatsapp/...                            | not listed: "all other" 100 RPH | 100 per hour |
 * | other    | everything else (/account, /categories)  | 100 RPH                     | 100 per hour   |
 *
 * Where Brevo gives both a per-second and a per-hour figure, only the per-second one is emulated.
 * WhatsApp is its own family (same default as "other") so faults and limits can target it.
 */
export const ENDPOINT_FAMILIES = ['contacts', 'events', 'email', 'smtp', 'sms', 'orders', 'products', 'whatsapp', 'other'] as const;
export type EndpointFamily = (typeof ENDPOINT_FAMILIES)[number];

export interface RateLimit {
	limit: number;
	/** Window length in emulated milliseconds (divided by the time scale in real time). */
	windowMs: number;
}

const SECOND = 1000;
const HOUR = 3600 * 1000;

export function defaultRateLimits(): Record<EndpointFamily, RateLimit> {
	return {
		contacts: { limit: 10, windowMs: SECOND },
		events: { limit: 10, windowMs: SECOND },
		email: { limit: 1000, windowMs: SECOND },
		smtp: { limit: 300, windowMs: HOUR },
		sms: { limit: 150, windowMs: SECOND },
		orders: { limit: 5, windowMs: SECOND },
		products: { limit: 2, windowMs: SECOND },
		whatsapp: { limit: 100, windowMs: HOUR },
		other: { limit: 100, windowMs: HOUR },
	};
}

/** Family of an API path (with or without the `/v3` prefix). */
export function familyOf(method: string, path: string): EndpointFamily {
	const p = path.replace(/^\/v3(?=\/|$)/, '');
	if (p === '/contacts' || p.startsWith('/contacts/')) return 'contacts';
	if (p === '/events' || p.startsWith('/events/')) return 'events';
	if (p === '/smtp/email' && method === 'POST') return 'email';
	if (p.startsWith('/smtp/')) return 'smtp';
	if (p.startsWith('/transactionalSMS/')) return 'sms';
	if (p === '/orders' || p.startsWith('/orders/')) return 'orders';
	if (p === '/products' || p.startsWith('/products/')) return 'products';
	if (p.startsWith('/whatsapp/')) return 'whatsapp';
	return 'other';
}

export function isEndpointFamily(value: unknown): value is EndpointFamily {
	return typeof value === 'string' && (ENDPOINT_FAMILIES as readonly string[]).includes(value);
}
