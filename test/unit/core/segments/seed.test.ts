import { compileSegments, matchingSegments } from '../../../../nodes/core/segments';

/** The seed's five segments (integration guide, step 6), exactly as written there. */
const seed = [
	{ name: 'First-Time Buyers', conditions: { orders_count: 1 } },
	{ name: 'Repeat Customers', conditions: { orders_count: { $gte: 2 } } },
	{ name: 'High-Value Customers', conditions: { total_spent: { $gte: 1000 } } },
	{ name: 'Wholesale Accounts', conditions: { customer_group: 'Wholesale' } },
	{ name: 'At-Risk Customers', conditions: { last_order_date: { $lt: '-90 days' }, orders_count: { $gte: 2 } } },
];

const now = '2025-03-15T10:00:00Z';
const segments = compileSegments(seed, { now, timeZone: 'UTC' });
const match = (profile: unknown): string[] => matchingSegments(segments, profile);

describe('seed segments', () => {
	it('puts a first order customer in First-Time Buyers only', () => {
		expect(match({ email: 'a@example.com', orders_count: 1, total_spent: 49.9, customer_group: 'Retail', last_order_date: '2025-03-01T09:00:00Z' })).toEqual(['First-Time Buyers']);
	});

	it('finds a wholesale repeat customer who spent a lot and has not ordered for months', () => {
		// BigCommerce's RFC 2822 date format.
		const profile = { orders_count: 7, total_spent: 18250, customer_group: 'Wholesale', last_order_date: 'Tue, 20 Nov 2024 00:00:00 +0000' };
		expect(match(profile)).toEqual(['Repeat Customers', 'High-Value Customers', 'Wholesale Accounts', 'At-Risk Customers']);
	});

	it('keeps a recent repeat customer out of At-Risk', () => {
		expect(match({ orders_count: 3, total_spent: 300, customer_group: 'VIP', last_order_date: '2025-02-01' })).toEqual(['Repeat Customers']);
	});

	it('needs two orders for At-Risk, however old the last one', () => {
		expect(match({ orders_count: 1, last_order_date: '2019-05-01T00:00:00Z' })).toEqual(['First-Time Buyers']);
	});

	it('draws the At-Risk line exactly 90 days before the reference time', () => {
		const ninetyDaysBefore = new Date(Date.parse(now) - 90 * 86_400_000);
		const justBefore = new Date(ninetyDaysBefore.getTime() - 1).toISOString();
		expect(match({ orders_count: 2, last_order_date: justBefore })).toContain('At-Risk Customers');
		expect(match({ orders_count: 2, last_order_date: ninetyDaysBefore.toISOString() })).not.toContain('At-Risk Customers');
	});

	it('matches nobody without data, and treats a missing date as not at risk', () => {
		expect(match({})).toEqual([]);
		expect(match({ orders_count: 4 })).toEqual(['Repeat Customers']);
		expect(match({ orders_count: 4, last_order_date: null })).toEqual(['Repeat Customers']);
		expect(match({ orders_count: 4, last_order_date: 'not a date' })).toEqual(['Repeat Customers']);
	});

	it('is case-sensitive on customer groups, like Mongo', () => {
		expect(match({ customer_group: 'wholesale' })).toEqual([]);
	});

	it('reads money sent as text when number texts are enabled (the node default)', () => {
		const strict = compileSegments(seed, { now, timeZone: 'UTC' });
		const lenient = compileSegments(seed, { now, timeZone: 'UTC', numberStrings: true });
		const profile = { orders_count: '1', total_spent: '1250.0000' };
		expect(matchingSegments(strict, profile)).toEqual([]);
		expect(matchingSegments(lenient, profile)).toEqual(['First-Time Buyers', 'High-Value Customers']);
	});

	it('accepts the definitions as JSON text', () => {
		expect(compileSegments(JSON.stringify(seed)).map((s) => s.name)).toEqual(seed.map((s) => s.name));
	});
});
