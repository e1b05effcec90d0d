import type { BrevoSandbox } from '../../../sandbox/brevo';

/**
 * One request to the Brevo emulator and the answer it must give. Exchanges run in order against
 * one sandbox, so later ones can rely on what earlier ones created.
 */
export interface Exchange {
	name: string;
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Path under /v3, with its query string. */
	path: string;
	body?: unknown;
	/** Status the emulator must answer. */
	status: number;
	/**
	 * What the answer is checked against: the 2025-02 OpenAPI mirror (default), the 2026 WireMock
	 * example for routes the mirror lacks, or nothing but `{code, message}` (documented deviation).
	 */
	against?: 'spec' | 'wiremock' | 'error-shape';
	/** JSON pointers the WireMock comparison skips (with a reason in the exchange's name or a comment). */
	ignore?: string[];
	apiKey?: null | string;
}

export interface Answer {
	status: number;
	headers: Record<string, string>;
	body: unknown;
}

export async function send(sandbox: BrevoSandbox, exchange: Exchange): Promise<Answer> {
	const headers: Record<string, string> = { accept: 'application/json' };
	const key = exchange.apiKey === undefined ? sandbox.apiKey : exchange.apiKey;
	if (key !== null) headers['api-key'] = key;
	if (exchange.body !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(`${sandbox.apiBaseUrl}${exchange.path}`, {
		method: exchange.method,
		headers,
		body: exchange.body === undefined ? undefined : JSON.stringify(exchange.body),
	});
	const text = await res.text();
	return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: text === '' ? undefined : JSON.parse(text) };
}

/** A complete order as Brevo's `order` model describes it (every optional block filled). */
export function sampleOrder(id: string, status: string): Record<string, unknown> {
	return {
		id,
		createdAt: '2025-03-01T10:00:00Z',
		updatedAt: '2025-03-02T10:00:00Z',
		status,
		amount: 118.24,
		storeId: '1',
		identifiers: { email_id: 'jane@example.com', ext_id: 'bc-1', loyalty_subscription_id: 'L-1' },
		products: [{ productId: '111', variantId: '77', quantity: 1, price: 109 }],
		billing: { address: '1 Main St', city: 'Austin', countryCode: 'US', country: 'United States', phone: '+15125550100', postCode: '78701', paymentMethod: 'card', region: 'TX' },
		coupons: ['BACK10'],
		metaInfo: { channel: 'storefront' },
	};
}
