import type { IDataObject } from 'n8n-workflow';
import { refundSchema } from '../../../../nodes/core/bigcommerce';
import { withMinorUnits } from '../../../../nodes/core/bigcommerce/refunds';
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
	runNode({ credentials: store.credentials, request: store.request, parameters: { resource: 'order', operation: 'getRefunds', ...parameters }, ...extra });
const paths = () => store.calls.map((c) => `${c.method} ${c.path}`);

describe('Order › Get Refunds', () => {
	it('gives one item per refund, oldest first, with amounts in minor units and the refunded total so far', async () => {
		// Order 101 (seed): refunded twice through the emulator's refund action (store/order/refund/created).
		const first = store.sandbox.refundOrder(101, { amount: '10.10', reason: 'Scratched' }) as { refund: { id: number } };
		const second = store.sandbox.refundOrder(101, { amount: '0.20', reason: 'Late' }) as { refund: { id: number }; order: { refunded_amount: string } };
		store.calls.length = 0;
		const out = await run({ orderId: '101' });
		expect(paths()).toEqual(['GET /v2/orders/101', 'GET /v3/orders/101/payment_actions/refunds']);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(out.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: first.refund.id,
				order_id: 101,
				created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
				reason: 'Scratched',
				total_amount: 10.1,
				currency_code: 'USD',
				total_amount_minor: 1010,
				order_refunded_total_minor: 1010,
				order_refunded_total: '10.1000',
				items: [expect.objectContaining({ item_type: 'ORDER', item_id: 101, requested_amount: 10.1, requested_amount_minor: 1010 })],
			}),
			expect.objectContaining({
				id: second.refund.id,
				total_amount: 0.2,
				total_amount_minor: 20,
				// 10.10 + 0.20 counted in cents: 1030, not 10.299999…
				order_refunded_total_minor: 1030,
				order_refunded_total: '10.3000',
			}),
		]);
		// The same total as the order's own refunded_amount.
		expect(second.order.refunded_amount).toBe('10.3000');
	});

	it('with the Order Currency given, reads only the refunds; line refunds keep their items', async () => {
		const out = await run({ orderId: '105', refundOptions: { currency: 'usd' } });
		expect(paths()).toEqual(['GET /v3/orders/105/payment_actions/refunds']);
		expect(out).toHaveLength(1);
		const refund = out[0].json as IDataObject & { items: IDataObject[] };
		expect(refund).toMatchObject({ order_id: 105, reason: 'Damaged in transit', currency_code: 'USD' });
		expect(refund.total_amount_minor).toBe(Math.round(Number(refund.total_amount) * 100));
		expect(refund.order_refunded_total_minor).toBe(refund.total_amount_minor);
		expect(refund.items).toEqual([expect.objectContaining({ item_type: 'PRODUCT', quantity: 1, requested_amount_minor: refund.total_amount_minor })]);
	});

	it('gives no item for an order without refunds', async () => {
		expect(await run({ orderId: '100' })).toEqual([]);
		expect(paths()).toEqual(['GET /v2/orders/100', 'GET /v3/orders/100/payment_actions/refunds']);
	});

	it('names the missing order; Continue On Fail gives failure "not_found"', async () => {
		await expect(run({ orderId: '999' })).rejects.toMatchObject({ message: 'BigCommerce found no order 999 (404 Not Found on GET /v2/orders/999).', httpCode: '404' });
		await expect(run({ orderId: '999', refundOptions: { currency: 'USD' } })).rejects.toMatchObject({
			message: expect.stringContaining('BigCommerce found no order 999 (404 Not Found on GET /v3/orders/999/payment_actions/refunds)'),
		});
		const out = await run({ orderId: '999', refundOptions: { currency: 'USD' } }, { continueOnFail: true });
		expect(out).toEqual([{ json: { error: expect.stringContaining('no order 999'), details: expect.objectContaining({ failure: 'not_found', status: 404 }) }, pairedItem: { item: 0 } }]);
	});

	it('refuses an Order ID or Order Currency that cannot be right, before any request', async () => {
		await expect(run({ orderId: 'abc' })).rejects.toThrow('Order ID must be a whole number such as 42, but it is "abc".');
		await expect(run({ orderId: '101', refundOptions: { currency: 'dollars' } })).rejects.toThrow('Order Currency must be a three-letter currency code such as USD, but it is "DOLLARS".');
		expect(store.calls).toHaveLength(0);
	});
});

describe('refunds in minor units (core)', () => {
	const refund = (id: number, total_amount: number | string, extra: IDataObject = {}) => refundSchema.parse({ id, order_id: 7, created: '2026-01-01T00:00:00+00:00', total_amount, ...extra });

	it('counts in the currency\'s minor unit, sorted by refund ID, never adding floats', () => {
		const out = withMinorUnits([refund(3, 0.2), refund(2, 0.1)], 'EUR');
		expect(out.map((r) => [r.id, r.total_amount_minor, r.order_refunded_total_minor, r.order_refunded_total])).toEqual([
			[2, 10, 10, '0.1000'],
			[3, 20, 30, '0.3000'],
		]);
		expect(withMinorUnits([refund(1, 1500)], 'JPY')[0]).toMatchObject({ total_amount_minor: 1500, order_refunded_total: '1500.0000' });
		expect(withMinorUnits([refund(1, 12.345)], 'KWD')[0].total_amount_minor).toBe(12345);
		// A string requested_amount (the single-refund operation's type) is read too.
		expect(withMinorUnits([refund(1, 5, { items: [{ item_type: 'ORDER', item_id: 7, requested_amount: '5.00' }] })], 'USD')[0].items[0].requested_amount_minor).toBe(500);
	});

	it('refuses what is not a currency or not money', () => {
		expect(() => withMinorUnits([refund(1, 1)], 'dollars')).toThrow('"dollars" is not a currency code');
		expect(() => refundSchema.parse({ id: 1, order_id: 7, created: 'x', total_amount: 'ten' })).toThrow();
		expect(() => refundSchema.parse({ id: 1, order_id: 7, created: 'x' })).toThrow();
	});
});
