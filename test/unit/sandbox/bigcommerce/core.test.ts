import { isoMillis, isoOffset, isoSeconds, parseDateFilter, rfc2822, sqlDateTime } from '../../../../sandbox/bigcommerce/core/dates';
import { percentOf, toCents, v2Money, v3Money } from '../../../../sandbox/bigcommerce/core/money';
import { scopeMatches } from '../../../../sandbox/bigcommerce/webhooks/scopes';
import { retryDelayMs, RETRY_INTERVALS_SECONDS } from '../../../../sandbox/bigcommerce/webhooks/retrySchedule';

describe('money', () => {
	it('parses decimal strings and numbers into whole cents without float drift', () => {
		expect(toCents('69.8400')).toBe(6984);
		expect(toCents('0.1')).toBe(10);
		expect(toCents(0.1 + 0.2)).toBe(30);
		expect(toCents('12.345')).toBe(1235);
		expect(toCents('-3.50')).toBe(-350);
		expect(() => toCents('12,50')).toThrow();
	});

	it('renders v2 amounts with four decimals and v3 amounts as numbers', () => {
		expect(v2Money(6984)).toBe('69.8400');
		expect(v2Money(5)).toBe('0.0500');
		expect(v2Money(0)).toBe('0.0000');
		expect(v2Money(-350)).toBe('-3.5000');
		expect(v3Money(6984)).toBe(69.84);
		expect(percentOf(6250, 10)).toBe(625);
	});
});

describe('dates', () => {
	const ms = Date.UTC(2012, 10, 20, 0, 0, 0);

	it('renders each API flavour', () => {
		expect(rfc2822(ms)).toBe('Tue, 20 Nov 2012 00:00:00 +0000');
		expect(isoSeconds(ms)).toBe('2012-11-20T00:00:00Z');
		expect(isoOffset(ms)).toBe('2012-11-20T00:00:00+00:00');
		expect(isoMillis(ms)).toBe('2012-11-20T00:00:00.000Z');
		expect(sqlDateTime(ms)).toBe('2012-11-20 00:00:00');
	});

	it('parses filter dates as BigCommerce accepts them, zone-less ones as UTC', () => {
		expect(parseDateFilter('Tue, 20 Nov 2012 00:00:00 +0000')).toBe(ms);
		expect(parseDateFilter('2012-11-20')).toBe(ms);
		expect(parseDateFilter('2012-11-20T00:00:00')).toBe(ms);
		expect(parseDateFilter('2012-11-20T01:00:00+01:00')).toBe(ms);
		expect(parseDateFilter(String(ms / 1000))).toBe(ms);
		expect(parseDateFilter('yesterday')).toBeUndefined();
	});
});

describe('webhook scopes and retries', () => {
	it('matches exact scopes and wildcards, lineItem events included in store/cart/*', () => {
		expect(scopeMatches('store/order/created', 'store/order/created')).toBe(true);
		expect(scopeMatches('store/order/*', 'store/order/statusUpdated')).toBe(true);
		expect(scopeMatches('store/cart/*', 'store/cart/lineItem/created')).toBe(true);
		expect(scopeMatches('store/cart/lineItem/*', 'store/cart/created')).toBe(false);
		expect(scopeMatches('store/order/created', 'store/order/updated')).toBe(false);
	});

	it("follows BigCommerce's retry intervals, then stops", () => {
		expect(RETRY_INTERVALS_SECONDS).toEqual([60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400, 86400]);
		expect(retryDelayMs(1)).toBe(60_000);
		expect(retryDelayMs(11)).toBe(86_400_000);
		expect(retryDelayMs(12)).toBeUndefined();
	});
});
