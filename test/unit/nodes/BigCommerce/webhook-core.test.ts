import { canonicalScope, registrationScope, shortEventName, WEBHOOK_EVENTS } from '../../../../nodes/core/bigcommerce/webhook-events';
import { deriveWebhookSecret, headerValue, secretsMatch } from '../../../../nodes/core/bigcommerce/webhook-secret';

describe('secret', () => {
	it('is derived from token, store and URL: the same inputs give the same secret, any other input another', () => {
		const secret = deriveWebhookSecret('token-1', 'abc123', 'https://n8n.example.com/webhook/x/webhook');
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(deriveWebhookSecret('token-1', 'abc123', 'https://n8n.example.com/webhook/x/webhook')).toBe(secret);
		expect(deriveWebhookSecret('token-2', 'abc123', 'https://n8n.example.com/webhook/x/webhook')).not.toBe(secret);
		expect(deriveWebhookSecret('token-1', 'abc124', 'https://n8n.example.com/webhook/x/webhook')).not.toBe(secret);
		expect(deriveWebhookSecret('token-1', 'abc123', 'https://n8n.example.com/webhook/y/webhook')).not.toBe(secret);
		expect(() => deriveWebhookSecret('', 'abc123', 'u')).toThrow('A webhook secret needs the access token, the store hash and the delivery URL.');
	});

	it('matches only the exact secret', () => {
		const secret = deriveWebhookSecret('token-1', 'abc123', 'https://n8n.example.com/webhook/x/webhook');
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(secretsMatch(secret, secret)).toBe(true);
		expect(secretsMatch(`${secret}x`, secret)).toBe(false);
		expect(secretsMatch(undefined, secret)).toBe(false);
		expect(secretsMatch('', '')).toBe(false);
	});

	it('finds a header whatever its case, and the first of repeated ones', () => {
		expect(headerValue({ 'x-tajo-webhook-secret': ['a', 'b'] }, 'X-Tajo-Webhook-Secret')).toBe('a');
	});
});

describe('events', () => {
	it('offers the seed’s scopes and the ones the flows need', () => {
		const scopes = WEBHOOK_EVENTS.map((event) => event.scope);
		for (const scope of [
			'store/customer/created',
			'store/customer/updated',
			'store/customer/deleted',
			'store/order/created',
			'store/order/statusUpdated',
			'store/order/refund/created',
			'store/cart/created',
			'store/cart/updated',
			'store/cart/abandoned',
			'store/cart/converted',
			'store/cart/deleted',
			'store/product/updated',
		]) {
			expect(scopes).toContain(scope);
		}
	});

	it('limits cart and order events to a channel, but not customer events (BigCommerce has no such scope)', () => {
		expect(registrationScope('store/order/statusUpdated', 2)).toBe('store/channel/2/order/statusUpdated');
		expect(registrationScope('store/cart/abandoned', 2)).toBe('store/channel/2/cart/abandoned');
		expect(registrationScope('store/customer/created', 2)).toBe('store/customer/created');
		expect(registrationScope('store/order/created')).toBe('store/order/created');
	});

	it('maps channel scopes back and names events shortly', () => {
		expect(canonicalScope('store/channel/12/order/refund/created')).toEqual({ scope: 'store/order/refund/created', channelId: 12 });
		expect(canonicalScope('store/order/created')).toEqual({ scope: 'store/order/created' });
		expect(shortEventName('store/order/refund/created')).toBe('order.refund.created');
	});
});
