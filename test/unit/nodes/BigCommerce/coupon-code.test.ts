import type { IDataObject } from 'n8n-workflow';
import { runNode } from './support/contexts';
import { startTestStore, type TestStore } from './support/store';

let store: TestStore;

beforeAll(async () => {
	store = await startTestStore();
});
afterAll(() => store.close());
beforeEach(() => {
	store.calls.length = 0;
});

const run = (parameters: IDataObject, extra: { continueOnFail?: boolean } = {}) =>
	runNode({ credentials: store.credentials, request: store.request, parameters: { resource: 'couponCode', operation: 'create', ...parameters }, ...extra });

interface PromotionView {
	id: number;
	name: string;
	max_uses: number;
	rules: unknown[];
	end_date?: string;
	codes?: { code: string; max_uses: number; max_uses_per_customer: number };
}

async function promotion(id: number): Promise<PromotionView> {
	const response = await fetch(`${store.sandbox.apiBase('v3')}/promotions/${id}`, { headers: { 'X-Auth-Token': store.sandbox.accessToken } });
	return ((await response.json()) as { data: PromotionView }).data;
}

describe('Coupon Code › Create (new promotion)', () => {
	it('creates a single-use 10% code with one request, generating the code by default', async () => {
		const [item] = await run({});
		expect(store.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /v3/promotions']);
		expect(item.json).toMatchObject({ code: expect.stringMatching(/^[A-HJ-NP-Z2-9]{10}$/), discount_type: 'percentage', discount_amount: 10, max_uses: 1, minimum_purchase: null, expires_at: null });
		const saved = await promotion(item.json.promotion_id as number);
		expect(saved).toMatchObject({
			name: `Tajo: 10% off (${item.json.code})`,
			max_uses: 1,
			rules: [{ action: { cart_value: { discount: { percentage_amount: '10' } } } }],
			codes: { code: item.json.code, max_uses: 1, max_uses_per_customer: 1 },
		});
	});

	it('sends a fixed amount, a minimum purchase, an expiry, channels and a prefix', async () => {
		const expires = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
		const [item] = await run({
			discountType: 'fixed',
			discountAmount: 5,
			options: { codePrefix: 'POINTS-', minimumPurchase: 50, expiresAt: expires, channelIds: '1', promotionName: 'Points redemption' },
		});
		expect(item.json).toMatchObject({ code: expect.stringMatching(/^POINTS-[A-Z2-9]{10}$/), discount_type: 'fixed', minimum_purchase: 50, expires_at: expires, promotion_name: 'Points redemption' });
		expect(store.calls[0].body).toMatchObject({
			redemption_type: 'COUPON',
			coupon_type: 'SINGLE',
			status: 'ENABLED',
			max_uses: 1,
			end_date: expires,
			channels: [{ id: 1 }],
			rules: [{ action: { cart_value: { discount: { fixed_amount: '5.00' } } }, condition: { cart: { minimum_spend: '50.00' } } }],
		});
	});

	it('refuses a percentage above 100, an expiry in the past and a code BigCommerce would reject', async () => {
		await expect(run({ discountAmount: 120 })).rejects.toThrow('A percentage discount cannot be more than 100; it is 120.');
		await expect(run({ options: { expiresAt: '2001-01-01T00:00:00Z' } })).rejects.toThrow('is in the past');
		await expect(run({ code: 'SAVE 10%!' })).rejects.toThrow('The coupon code "SAVE 10%!" may contain only letters, digits, spaces, hyphens and underscores.');
		expect(store.calls).toHaveLength(0);
	});

	it('maps a code already in use to a 409 message; Continue On Fail gives failure "conflict"', async () => {
		const out = await run({ code: 'WELCOME10' }, { continueOnFail: true });
		expect(out[0].json).toEqual({
			error: expect.stringContaining('BigCommerce refused POST /v3/promotions because it conflicts with existing data (409 Conflict).'),
			details: { description: expect.stringContaining('coupon code'), failure: 'conflict', status: 409 },
		});
	});
});

describe('Coupon Code › Create (existing promotion)', () => {
	it('adds a single-use code to the promotion', async () => {
		const [item] = await run({ promotion: 'existing', promotionId: '2', code: 'COMEBACK-1' });
		expect(store.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /v3/promotions/2/codes']);
		expect(store.calls[0].body).toEqual({ code: 'COMEBACK-1', max_uses: 1, max_uses_per_customer: 1 });
		expect(item.json).toMatchObject({ code: 'COMEBACK-1', code_id: expect.any(Number), promotion_id: 2, max_uses: 1 });
	});

	it('names the promotion when it does not exist', async () => {
		await expect(run({ promotion: 'existing', promotionId: '404' })).rejects.toMatchObject({ message: expect.stringContaining('BigCommerce found no promotion 404') });
	});
});
