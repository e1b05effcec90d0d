import fc from 'fast-check';
import {
	compare,
	decimalFromNumber,
	divideToInteger,
	formatDecimal,
	multiply,
	parseDecimal,
	roundToInteger,
	tryParseDecimal,
} from '../../../../nodes/core/loyalty/decimal';

describe('exact decimals', () => {
	it('parses plain, signed and exponent forms exactly', () => {
		expect(parseDecimal('69.8400')).toEqual({ units: 6984n, scale: 2 });
		expect(parseDecimal('-0.5')).toEqual({ units: -5n, scale: 1 });
		expect(parseDecimal('1.5e3')).toEqual({ units: 1500n, scale: 0 });
		expect(parseDecimal('1e-7')).toEqual({ units: 1n, scale: 7 });
		expect(tryParseDecimal('1,5')).toBeUndefined();
		expect(tryParseDecimal('.5')).toBeUndefined();
		expect(tryParseDecimal('')).toBeUndefined();
		expect(() => parseDecimal('x')).toThrow('"x" is not a decimal number');
	});

	it('reads a number as the decimal it was written as', () => {
		expect(formatDecimal(decimalFromNumber(0.1))).toBe('0.1');
		expect(formatDecimal(multiply(decimalFromNumber(1.1), decimalFromNumber(1.1)))).toBe('1.21');
		expect(1.1 * 1.1).not.toBe(1.21);
		expect(() => decimalFromNumber(Number.POSITIVE_INFINITY)).toThrow('Infinity is not a finite number');
	});

	it.each([
		['2.5', 2n, 3n, 3n],
		['2.4999', 2n, 2n, 3n],
		['2', 2n, 2n, 2n],
		['-2.5', -3n, -2n, -2n],
		['0.0001', 0n, 0n, 1n],
	])('rounds %s: floor %p, round (half-up) %p, ceil %p', (text, floor, round, ceil) => {
		expect(roundToInteger(parseDecimal(text), 'floor')).toBe(floor);
		expect(roundToInteger(parseDecimal(text), 'round')).toBe(round);
		expect(roundToInteger(parseDecimal(text), 'ceil')).toBe(ceil);
	});

	it('formats without exponents', () => {
		expect(formatDecimal(parseDecimal('1e-7'))).toBe('0.0000001');
		expect(formatDecimal(parseDecimal('-0.05'))).toBe('-0.05');
		expect(formatDecimal(parseDecimal('12'), 2)).toBe('12.00');
	});

	it('rounding agrees with exact rational arithmetic', () => {
		fc.assert(
			fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
				const floor = divideToInteger(n, d, 'floor');
				expect(floor * d <= n && n < (floor + 1n) * d).toBe(true);
				const ceil = divideToInteger(n, d, 'ceil');
				expect((ceil - 1n) * d < n && n <= ceil * d).toBe(true);
				const round = divideToInteger(n, d, 'round');
				expect(2n * n >= (2n * round - 1n) * d && 2n * n < (2n * round + 1n) * d).toBe(true);
			}),
		);
	});

	it('compares across scales', () => {
		expect(compare(parseDecimal('1.50'), parseDecimal('1.5'))).toBe(0);
		expect(compare(parseDecimal('1.25'), parseDecimal('1.5'))).toBe(-1);
	});
});
