import { acceptDelivery, AcceptedHashes, forgetProcessAcceptedHashes, hashKey } from '../../../../nodes/core/bigcommerce/webhook-dedupe';
import { canonicalScope, registrationScope, shortEventName, WEBHOOK_EVENTS } from '../../../../nodes/core/bigcommerce/webhook-events';
import { generateWebhookSecret, headerValue, secretsMatch } from '../../../../nodes/core/bigcommerce/webhook-secret';

const HOUR = 3600;

describe('accepted hashes', () => {
	beforeEach(() => forgetProcessAcceptedHashes());

	it('forgets a hash after the retry window, so the record does not grow for ever', () => {
		const first = acceptDelivery('h1', undefined, 'node', 1_000_000);
		expect(first.duplicate).toBe(false);
		const record = first.duplicate ? undefined : first.record;
		expect(acceptDelivery('h1', record, 'node', 1_000_000 + 71 * HOUR).duplicate).toBe(true);
		forgetProcessAcceptedHashes();
		expect(acceptDelivery('h1', record, 'node', 1_000_000 + 73 * HOUR).duplicate).toBe(false);
	});

	it('keeps the earlier acceptance time when merging', () => {
		const a = new AcceptedHashes();
		a.add('h', 100);
		const b = new AcceptedHashes();
		b.add('h', 50);
		a.merge(b);
		expect(a.toRecord().entries).toEqual([[hashKey('h'), 50]]);
	});

	it('reads garbage in static data as an empty record instead of failing deliveries', () => {
		expect(AcceptedHashes.fromRecord('nonsense').size).toBe(0);
		expect(AcceptedHashes.fromRecord({ entries: [['ok', 1], [1, 'bad'], 'x'] }).size).toBe(1);
	});

	it('keys are short and ignore case and surrounding space', () => {
		expect(hashKey(' ABCDEF ')).toBe(hashKey('abcdef'));
		expect(hashKey('3f9ea420af83450d7ef9f78b08c8af25b2213637')).toHaveLength(16);
	});
});

describe('secret', () => {
	it('matches only the exact secret', () => {
		const secret = generateWebhookSecret();
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
