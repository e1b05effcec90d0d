/**
 * Turns an API path into the words a marketer uses: `/v2/orders/100/shipments` → "order 100".
 * Used by 404 messages, which must say *what* was not found.
 */

const NOUNS: Record<string, string> = {
	customers: 'customer',
	customer_groups: 'customer group',
	addresses: 'address',
	attributes: 'customer attribute',
	'attribute-values': 'customer attribute value',
	orders: 'order',
	order_statuses: 'order status',
	shipments: 'shipment',
	coupons: 'coupon',
	shipping_addresses: 'shipping address',
	products: 'product',
	variants: 'variant',
	images: 'product image',
	'custom-fields': 'custom field',
	carts: 'cart',
	'abandoned-carts': 'abandoned cart',
	items: 'cart item',
	channels: 'channel',
	promotions: 'promotion',
	codes: 'coupon code',
	hooks: 'webhook',
	metafields: 'metafield',
};

export interface PathTarget {
	noun: string;
	id: string;
}

/** The `{noun, id}` pairs a path addresses, outermost first. */
export function pathTargets(path: string): PathTarget[] {
	const segments = path.split('?')[0].split('/').filter(Boolean);
	const targets: PathTarget[] = [];
	for (let i = 0; i < segments.length - 1; i++) {
		const noun = NOUNS[segments[i]];
		const next = segments[i + 1];
		if (noun && NOUNS[next] === undefined && !/^v[23]$/.test(next)) {
			targets.push({ noun, id: decodeURIComponent(next) });
			i++;
		}
	}
	return targets;
}

/**
 * "order 100", "coupon code 9 of promotion 5". For a 404 the innermost target is the one
 * missing when it is the last segment; for `/orders/100/shipments` it is the order.
 */
export function describeTarget(path: string): string | undefined {
	const targets = pathTargets(path);
	if (targets.length === 0) return undefined;
	const [innermost, ...outer] = [...targets].reverse();
	const parents = outer.map((t) => ` of ${t.noun} ${t.id}`).join('');
	return `${innermost.noun} ${innermost.id}${parents}`;
}

export function innermostNoun(path: string): string | undefined {
	const targets = pathTargets(path);
	return targets.length ? targets[targets.length - 1].noun : undefined;
}
