import { compileSegments } from '../../../../nodes/core/segments';
import { compileSafeRegex, MAX_REGEX_SUBJECT } from '../../../../nodes/core/segments/regex-safety';

const test1 = (conditions: Record<string, unknown>, profile: unknown): boolean => compileSegments([{ name: 's', conditions }])[0].test(profile);

describe('hostile profiles', () => {
	afterAll(() => {
		// Nothing evaluated here may have touched the shared prototypes.
		expect(Object.keys(Object.prototype)).toEqual([]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('a "__proto__" key in a profile is plain data and cannot supply fields', () => {
		const profile = JSON.parse('{"__proto__": {"customer_group": "Wholesale", "orders_count": 9}, "email": "x@example.com"}');
		expect(test1({ customer_group: 'Wholesale' }, profile)).toBe(false);
		expect(test1({ orders_count: { $gte: 2 } }, profile)).toBe(false);
		expect(test1({ customer_group: null }, profile)).toBe(true);
		expect(test1({ customer_group: { $exists: true } }, profile)).toBe(false);
	});

	it('inherited properties are never read', () => {
		const profile = Object.create({ orders_count: 5, customer_group: 'Wholesale', tags: ['vip'] }) as Record<string, unknown>;
		profile.email = 'x@example.com';
		expect(test1({ orders_count: 5 }, profile)).toBe(false);
		expect(test1({ orders_count: { $gt: 1 } }, profile)).toBe(false);
		expect(test1({ customer_group: { $in: ['Wholesale'] } }, profile)).toBe(false);
		expect(test1({ tags: { $size: 1 } }, profile)).toBe(false);
		expect(test1({ toString: { $exists: true } }, {})).toBe(false);
		expect(test1({ 'a.toString': { $exists: true } }, { a: {} })).toBe(false);
		expect(test1({ 'a.length': 1 }, { a: ['x'] })).toBe(false);
	});

	it('own keys named like Object methods are data and do not break evaluation', () => {
		const profile = JSON.parse('{"hasOwnProperty": 1, "valueOf": "x", "toString": {"a": 1}, "constructor": "Admin"}');
		expect(test1({ hasOwnProperty: 1, valueOf: 'x', 'toString.a': 1 }, profile)).toBe(true);
	});

	it('"constructor" and "prototype" keys cannot change a result', () => {
		const profile = JSON.parse('{"constructor": {"prototype": {"orders_count": 3}}, "orders_count": 1}');
		expect(test1({ orders_count: 1 }, profile)).toBe(true);
		expect(() => test1({ 'constructor.prototype.orders_count': 3 }, profile)).toThrow(/"constructor" is not allowed/);
	});

	it('conditions carrying "__proto__" cannot pollute prototypes', () => {
		const conditions = JSON.parse('{"a": {"$eq": {"__proto__": {"polluted": true}}}}');
		expect(test1(conditions, JSON.parse('{"a": {"__proto__": {"polluted": true}}}'))).toBe(true);
		expect(test1(conditions, { a: {} })).toBe(false);
		expect(() => test1(JSON.parse('{"__proto__": {"polluted": true}}'), {})).toThrow(/"__proto__" is not allowed/);
		expect(() => compileSegments(JSON.parse('[{"name": "x", "conditions": {}, "__proto__": {"polluted": true}}]'))).toThrow(/unknown key "__proto__"/);
	});

	it('odd values do not throw: cycles, getters-free class instances, deep nesting, huge texts', () => {
		const cyclic: Record<string, unknown> = { a: 1 };
		cyclic.self = cyclic;
		expect(test1({ 'self.self.self.a': 1 }, cyclic)).toBe(true);
		expect(test1({ self: { a: 1 } }, cyclic)).toBe(false);
		let deep: Record<string, unknown> = { x: 1 };
		for (let i = 0; i < 100_000; i++) deep = { d: deep };
		expect(test1({ d: { d: 1 } }, deep)).toBe(false);
		expect(test1({ name: { $regex: 'a' } }, { name: 'a'.repeat(1_000_000) })).toBe(false);
		expect(test1({ d: { $gt: '2020-01-01' } }, { d: '2'.repeat(1_000_000) })).toBe(false);
		expect(test1({ a: 1 }, new Map([['a', 1]]))).toBe(false);
		for (const weird of [null, undefined, 42, 'text', [], [{ a: 1 }], new Date()]) expect(() => test1({ a: 1, b: { $exists: false } }, weird)).not.toThrow();
	});

	it('deeply nested conditions are refused, not recursed into', () => {
		let conditions: Record<string, unknown> = { a: 1 };
		for (let i = 0; i < 40; i++) conditions = { $and: [conditions] };
		expect(() => compileSegments([{ name: 'deep', conditions }])).toThrow(/nested more than 32 levels deep/);
	});
});

describe('regex checks', () => {
	it.each([
		['(a+)+$', /nested repetition/],
		['(\\w+\\s?)*$', /nested repetition/],
		['((ab)*c)+', /nested repetition/],
		['(a|aa)+b', /alternation inside a repeated group/],
		['(a|ab)*c', /alternation inside a repeated group/],
		['(\\d|x)+', /alternation inside a repeated group/],
		['(a|)+', /alternation inside a repeated group/],
		['(x)\\1', /back-references/],
		['(?<n>x)\\k<n>', /back-references/],
		['\\d+\\d*', /adjacent repetitions/],
		['.*.*=', /adjacent repetitions/],
		['\\w+\\d+', /adjacent repetitions/],
		['[a-z]+[^0-9]*', /adjacent repetitions/],
		['x'.repeat(257), /at most 256/],
	])('refuses %s', (pattern, message) => {
		expect(() => compileSafeRegex(pattern)).toThrow(message);
		expect(() => compileSegments([{ name: 'Pattern', conditions: { email: { $regex: pattern } } }])).toThrow(/^Segment "Pattern": conditions\.email\.\$regex: /);
	});

	it.each([
		'^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
		'@(gmail|yahoo)\\.com$',
		'^\\+33',
		'(red|blue)+',
		'^\\s*$',
		'^([a-z0-9_.-]+)@([\\da-z.-]+)\\.([a-z.]{2,6})$',
		'\\d+[a-z]+',
		'^.*@example\\.com$',
		'\\bvip\\b',
		'[\\u00e9e]t\\u00e9',
		'\\p{L}+',
	])('accepts %s', (pattern) => {
		expect(() => compileSafeRegex(pattern, pattern.includes('\\p') ? 'u' : 'i')).not.toThrow();
	});

	it('refuses flags that make matching stateful or are unknown', () => {
		for (const flags of ['g', 'y', 'x', 'ii', 'd']) expect(() => compileSafeRegex('a', flags)).toThrow(/options ".*" are not allowed/);
		expect(() => compileSafeRegex('a', 'imsu')).not.toThrow();
	});

	it('accepted patterns finish quickly on long hostile texts, and texts past the limit never match', () => {
		const [s] = compileSegments([{ name: 'r', conditions: { notes: { $regex: '[^@\\s]+@example' } } }]);
		const hostile = 'a'.repeat(MAX_REGEX_SUBJECT);
		const start = Date.now();
		expect(s.test({ notes: hostile })).toBe(false);
		expect(Date.now() - start).toBeLessThan(2000);
		expect(s.test({ notes: `${'a'.repeat(MAX_REGEX_SUBJECT)}@example` })).toBe(false);
		expect(s.test({ notes: 'write to a@example' })).toBe(true);
	});
});
