import { InvalidLedgerInput } from '../../../../nodes/core/ledger/errors';
import { ledgerKeys } from '../../../../nodes/core/ledger/idempotency-keys';
import { canonicalJson } from '../../../../nodes/core/ledger/ops/canonical-json';
import { addDays, monthStart } from '../../../../nodes/core/ledger/ops/context';
import { idText, instant, optionalBirthday, requireInt } from '../../../../nodes/core/ledger/ops/validate';

describe('ledger input checks', () => {
	it('accepts birthdays with and without a year', () => {
		expect(optionalBirthday('1990-04-23')).toBe('1990-04-23');
		expect(optionalBirthday('1990-04-23T00:00:00Z')).toBe('1990-04-23');
		expect(optionalBirthday('--12-24')).toBe('--12-24');
		expect(optionalBirthday(null)).toBeNull();
		expect(optionalBirthday(undefined)).toBeUndefined();
		expect(() => optionalBirthday('1990-13-01')).toThrow(InvalidLedgerInput);
		expect(() => optionalBirthday('April 23')).toThrow(/birthday: must be a date/);
	});

	it('stores instants as ISO-8601 UTC and names the field when it cannot', () => {
		expect(instant('placedAt', 'Tue, 20 Nov 2018 00:00:00 +0000')).toBe('2018-11-20T00:00:00.000Z');
		expect(instant('placedAt', '2025-03-01T12:00:00+02:00')).toBe('2025-03-01T10:00:00.000Z');
		expect(() => instant('placedAt', 'yesterday')).toThrow(/placedAt: must be a date and time/);
	});

	it('takes ids as numbers or text, points as whole numbers only', () => {
		expect(idText('orderId', 101)).toBe('101');
		expect(idText('cartId', 'a1b2')).toBe('a1b2');
		expect(() => idText('orderId', 1.5)).toThrow(/orderId: must be a non-empty text/);
		expect(() => requireInt('points', 10.5)).toThrow(/points: must be a whole number/);
		expect(() => requireInt('points', Number.MAX_SAFE_INTEGER + 1)).toThrow(InvalidLedgerInput);
	});

	it('compares configs whatever their key order', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}');
	});

	it('does calendar arithmetic in UTC', () => {
		expect(addDays('2025-02-27T23:30:00.000Z', 2)).toBe('2025-03-01T23:30:00.000Z');
		expect(monthStart('2025-03-31T23:59:59.999Z')).toBe('2025-03-01T00:00:00.000Z');
	});

	it('builds the design keys', () => {
		expect(ledgerKeys.orderPurchase('abc', 100)).toBe('abc:order:100:purchase');
		expect(ledgerKeys.orderRefund('abc', 100, 7)).toBe('abc:order:100:refund:7');
		// A bonus is once per member of a program: the program is in its key.
		expect(ledgerKeys.bonus('abc', 'p1', 5, 'birthdayBonus', 2025)).toBe('abc:program:p1:customer:5:bonus:birthdayBonus:2025');
		expect(ledgerKeys.bonus('abc', 'p1', 5, 'accountCreation')).toBe('abc:program:p1:customer:5:bonus:accountCreation');
		// The key before it was: looked up, never written.
		expect(ledgerKeys.formerBonus('abc', 5, 'birthdayBonus', 2025)).toBe('abc:customer:5:bonus:birthdayBonus:2025');
		expect(ledgerKeys.formerBonus('abc', 5, 'accountCreation')).toBe('abc:customer:5:bonus:accountCreation');
	});
});
