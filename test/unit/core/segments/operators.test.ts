import { compileSegments } from '../../../../nodes/core/segments';

/** Evaluates one condition object on one profile (strict Mongo rules unless options say otherwise). */
function holds(conditions: Record<string, unknown>, profile: unknown, options = {}): boolean {
	return compileSegments([{ name: 't', conditions }], { timeZone: 'UTC', now: '2025-01-15T12:00:00Z', ...options })[0].test(profile);
}

describe('operators', () => {
	const customer = {
		id: 7,
		email: 'ana@example.com',
		orders_count: 3,
		total_spent: 420.5,
		customer_group: 'VIP',
		accepts_marketing: true,
		tags: ['newsletter', 'vip'],
		notes: null,
		billing_address: { city: 'Lyon', country_iso2: 'FR' },
		orders: [
			{ id: 1, status: 'Completed', total: 100, items: 2 },
			{ id: 2, status: 'Shipped', total: 320.5, items: 1 },
		],
		created: new Date('2024-06-01T00:00:00Z'),
	};

	it('implicit equality and $eq', () => {
		expect(holds({ customer_group: 'VIP' }, customer)).toBe(true);
		expect(holds({ customer_group: { $eq: 'VIP' } }, customer)).toBe(true);
		expect(holds({ orders_count: 3, accepts_marketing: true }, customer)).toBe(true);
		expect(holds({ orders_count: '3' }, customer)).toBe(false);
		expect(holds({ billing_address: { country_iso2: 'FR', city: 'Lyon' } }, customer)).toBe(true);
		expect(holds({ billing_address: { city: 'Lyon' } }, customer)).toBe(false);
		expect(holds({ tags: 'vip' }, customer)).toBe(true);
		expect(holds({ tags: ['newsletter', 'vip'] }, customer)).toBe(true);
		expect(holds({ tags: ['vip', 'newsletter'] }, customer)).toBe(false);
	});

	it('null matches null and missing fields', () => {
		expect(holds({ notes: null }, customer)).toBe(true);
		expect(holds({ phone: null }, customer)).toBe(true);
		expect(holds({ email: null }, customer)).toBe(false);
		expect(holds({ notes: { $ne: null } }, customer)).toBe(false);
	});

	it('$ne and $nin hold when no reached value is equal', () => {
		expect(holds({ customer_group: { $ne: 'Retail' } }, customer)).toBe(true);
		expect(holds({ tags: { $ne: 'vip' } }, customer)).toBe(false);
		expect(holds({ phone: { $ne: '123' } }, customer)).toBe(true);
		expect(holds({ customer_group: { $nin: ['Retail', 'Wholesale'] } }, customer)).toBe(true);
		expect(holds({ tags: { $nin: ['vip'] } }, customer)).toBe(false);
	});

	it('$gt $gte $lt $lte compare numbers with numbers and texts with texts', () => {
		expect(holds({ total_spent: { $gt: 420 } }, customer)).toBe(true);
		expect(holds({ total_spent: { $gte: 420.5, $lte: 420.5 } }, customer)).toBe(true);
		expect(holds({ total_spent: { $lt: 420.5 } }, customer)).toBe(false);
		expect(holds({ customer_group: { $gt: 'A', $lt: 'Z' } }, customer)).toBe(true);
		expect(holds({ customer_group: { $gt: 1 } }, customer)).toBe(false);
		expect(holds({ orders_count: { $gt: 'A' } }, customer)).toBe(false);
		expect(holds({ 'orders.total': { $gt: 300 } }, customer)).toBe(true);
		expect(holds({ 'orders.total': { $gt: 400 } }, customer)).toBe(false);
	});

	it('$in and $nin take lists of values, null included', () => {
		expect(holds({ customer_group: { $in: ['VIP', 'Platinum'] } }, customer)).toBe(true);
		expect(holds({ tags: { $in: ['wholesale', 'vip'] } }, customer)).toBe(true);
		expect(holds({ phone: { $in: [null] } }, customer)).toBe(true);
		expect(holds({ customer_group: { $in: [] } }, customer)).toBe(false);
		expect(holds({ billing_address: { $in: [{ city: 'Lyon', country_iso2: 'FR' }] } }, customer)).toBe(true);
	});

	it('$exists', () => {
		expect(holds({ notes: { $exists: true } }, customer)).toBe(true);
		expect(holds({ phone: { $exists: false } }, customer)).toBe(true);
		expect(holds({ 'billing_address.city': { $exists: true } }, customer)).toBe(true);
		expect(holds({ 'orders.status': { $exists: true } }, customer)).toBe(true);
		expect(holds({ 'orders.coupon': { $exists: true } }, customer)).toBe(false);
	});

	it('$and $or $nor', () => {
		expect(holds({ $and: [{ orders_count: { $gte: 2 } }, { customer_group: 'VIP' }] }, customer)).toBe(true);
		expect(holds({ $or: [{ customer_group: 'Retail' }, { total_spent: { $gt: 400 } }] }, customer)).toBe(true);
		expect(holds({ $or: [{ customer_group: 'Retail' }, { total_spent: { $gt: 500 } }] }, customer)).toBe(false);
		expect(holds({ $nor: [{ customer_group: 'Retail' }, { orders_count: 0 }] }, customer)).toBe(true);
		expect(holds({ $nor: [{ customer_group: 'VIP' }] }, customer)).toBe(false);
	});

	it('$not negates an operator expression, missing fields included', () => {
		expect(holds({ total_spent: { $not: { $gt: 1000 } } }, customer)).toBe(true);
		expect(holds({ total_spent: { $not: { $gt: 100, $lt: 500 } } }, customer)).toBe(false);
		expect(holds({ phone: { $not: { $regex: '^\\+33' } } }, customer)).toBe(true);
	});

	it('$regex with $options, on texts and on lists of texts', () => {
		expect(holds({ email: { $regex: '@example\\.com$' } }, customer)).toBe(true);
		expect(holds({ email: { $regex: '^ANA', $options: 'i' } }, customer)).toBe(true);
		expect(holds({ email: { $regex: '^ANA' } }, customer)).toBe(false);
		expect(holds({ tags: { $regex: '^news' } }, customer)).toBe(true);
		expect(holds({ orders_count: { $regex: '3' } }, customer)).toBe(false);
		expect(holds({ email: /EXAMPLE/i }, customer)).toBe(true);
	});

	it('$size', () => {
		expect(holds({ tags: { $size: 2 } }, customer)).toBe(true);
		expect(holds({ tags: { $size: 1 } }, customer)).toBe(false);
		expect(holds({ email: { $size: 15 } }, customer)).toBe(false);
		expect(holds({ none: { $size: 0 } }, customer)).toBe(false);
	});

	it('$elemMatch on documents and on values', () => {
		expect(holds({ orders: { $elemMatch: { status: 'Shipped', total: { $gt: 300 } } } }, customer)).toBe(true);
		// Without $elemMatch the two conditions may hold on different orders.
		expect(holds({ 'orders.status': 'Completed', 'orders.total': { $gt: 300 } }, customer)).toBe(true);
		expect(holds({ orders: { $elemMatch: { status: 'Completed', total: { $gt: 300 } } } }, customer)).toBe(false);
		expect(holds({ orders: { $elemMatch: { $or: [{ items: { $gte: 2 } }, { status: 'Refunded' }] } } }, customer)).toBe(true);
		expect(holds({ 'orders.total': { $elemMatch: { $gt: 1 } } }, customer)).toBe(false);
		expect(holds({ tags: { $elemMatch: { $regex: '^v', $ne: 'vip' } } }, customer)).toBe(false);
		expect(holds({ tags: { $elemMatch: { $regex: '^n' } } }, customer)).toBe(true);
		expect(holds({ tags: { $elemMatch: { status: 'x' } } }, customer)).toBe(false);
	});

	it('dotted paths step into objects, arrays of objects and array positions', () => {
		expect(holds({ 'billing_address.country_iso2': 'FR' }, customer)).toBe(true);
		expect(holds({ 'orders.status': 'Shipped' }, customer)).toBe(true);
		expect(holds({ 'orders.1.status': 'Shipped' }, customer)).toBe(true);
		expect(holds({ 'orders.0.status': 'Shipped' }, customer)).toBe(false);
		expect(holds({ 'tags.0': 'newsletter' }, customer)).toBe(true);
		expect(holds({ 'tags.5': null }, customer)).toBe(true);
		expect(holds({ 'email.length': 15 }, customer)).toBe(false);
		expect(holds({ 'billing_address.city.name': null }, customer)).toBe(true);
	});

	it('compares dates as dates: Date objects, ISO and RFC 2822 texts', () => {
		expect(holds({ created: { $gte: '2024-06-01', $lt: '2024-06-02' } }, customer)).toBe(true);
		expect(holds({ created: { $eq: new Date('2024-06-01T00:00:00Z') } }, customer)).toBe(true);
		expect(holds({ created: { $in: [new Date('2024-06-01T00:00:00Z')] } }, customer)).toBe(true);
		expect(holds({ d: { $gt: new Date('2012-11-19T00:00:00Z') } }, { d: 'Tue, 20 Nov 2012 00:00:00 +0000' })).toBe(true);
		expect(holds({ d: { $lt: '2012-11-20T01:00:00+01:00' } }, { d: 'Tue, 20 Nov 2012 00:00:00 +0000' })).toBe(false);
		expect(holds({ d: { $lte: '2012-11-20T01:00:00+01:00' } }, { d: 'Tue, 20 Nov 2012 00:00:00 +0000' })).toBe(true);
		expect(holds({ d: { $gt: '2000-01-01' } }, { d: 1700000000000 })).toBe(false);
		expect(holds({ d: { $eq: new Date('2012-11-20T00:00:00Z') } }, { d: '2012-11-20T00:00:00Z' })).toBe(true);
	});

	it('number texts equal and compare with numbers only when enabled', () => {
		const money = { total: '69.8400', count: ' 2 ' };
		expect(holds({ total: 69.84 }, money)).toBe(false);
		expect(holds({ total: 69.84 }, money, { numberStrings: true })).toBe(true);
		expect(holds({ total: { $gt: 50, $lt: 70 } }, money, { numberStrings: true })).toBe(true);
		expect(holds({ count: { $in: [2, 3] } }, money, { numberStrings: true })).toBe(true);
		expect(holds({ total: { $gt: 50 } }, { total: 'abc' }, { numberStrings: true })).toBe(false);
		expect(holds({ total: { $gt: 50 } }, { total: '' }, { numberStrings: true })).toBe(false);
	});

	it('an empty condition object matches every profile', () => {
		expect(holds({}, customer)).toBe(true);
		expect(holds({}, {})).toBe(true);
	});
});
