import fc from 'fast-check';
import { MoneyError, formatMoney, parseMoney, parseMoneyDecimal } from '../../../../nodes/core/loyalty/money';
import { formatDecimal } from '../../../../nodes/core/loyalty/decimal';

describe('money strings → integer minor units', () => {
	it('reads BigCommerce four-digit strings in the currency minor unit', () => {
		expect(parseMoney('69.8400', 'USD')).toBe(6984);
		expect(parseMoney('0.0000', 'USD')).toBe(0);
		expect(parseMoney('1500.0000', 'JPY')).toBe(1500);
		expect(parseMoney('12.3450', 'KWD')).toBe(12345);
		expect(parseMoney('924.47', 'USD')).toBe(92447);
		expect(parseMoney('8', 'USD')).toBe(800);
		expect(parseMoney(69.84, 'USD')).toBe(6984);
		expect(parseMoney('-5.0000', 'EUR')).toBe(-500);
	});

	it('rejects digits below the minor unit unless told how to round', () => {
		expect(() => parseMoney('62.6793', 'USD', { field: 'subtotal_ex_tax' })).toThrow(
			'subtotal_ex_tax: "62.6793" has more decimals than USD allows (2)',
		);
		expect(parseMoney('62.6793', 'USD', { excessPrecision: 'round' })).toBe(6268);
		expect(parseMoney('62.6750', 'USD', { excessPrecision: 'round' })).toBe(6268);
		expect(parseMoney('62.6749', 'USD', { excessPrecision: 'round' })).toBe(6267);
		expect(parseMoney('62.6793', 'USD', { excessPrecision: 'floor' })).toBe(6267);
		expect(() => parseMoney('1000.5000', 'JPY')).toThrow('amount: "1000.5" has more decimals than JPY allows (0)');
	});

	it('names the bad value in every error', () => {
		expect(() => parseMoney('12,50', 'USD', { field: 'total_inc_tax' })).toThrow(
			'total_inc_tax: "12,50" is not a money amount; expected a decimal number such as "69.8400"',
		);
		expect(() => parseMoney('', 'USD', { field: 'coupon_discount' })).toThrow('coupon_discount: is missing');
		expect(() => parseMoney(Number.NaN, 'USD')).toThrow('amount: NaN is not a money amount');
		expect(() => parseMoney({}, 'USD')).toThrow('amount: [object Object] is not a money amount');
		expect(() => parseMoney('99999999999999999.0000', 'USD')).toThrow('is too large to count in minor units');
		expect(() => parseMoney('1.00', 'usd$')).toThrow('"usd$" is not a currency code');
		let error: unknown;
		try {
			parseMoney('abc', 'USD', { field: 'x' });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(MoneyError);
		expect(error).toMatchObject({ field: 'x', value: 'abc' });
	});

	it('formats minor units back, as BigCommerce does by default', () => {
		expect(formatMoney(6984, 'USD')).toBe('69.8400');
		expect(formatMoney(6984, 'USD', 'currency')).toBe('69.84');
		expect(formatMoney(1500, 'JPY')).toBe('1500.0000');
		expect(formatMoney(1500, 'JPY', 'currency')).toBe('1500');
		expect(formatMoney(12345, 'KWD', 'currency')).toBe('12.345');
		expect(formatMoney(-5, 'USD', 'currency')).toBe('-0.05');
		expect(() => formatMoney(1.5, 'USD')).toThrow('1.5 is not a whole number of minor units');
		expect(() => formatMoney(1, 'KWD', 2)).toThrow('KWD needs 3 fraction digits, not 2');
	});

	it('adds without float drift: "0.1000" + "0.2000" is exactly 0.30', () => {
		expect(0.1 + 0.2).not.toBe(0.3);
		expect(parseMoney('0.1000', 'USD') + parseMoney('0.2000', 'USD')).toBe(parseMoney('0.3000', 'USD'));
		expect(formatMoney(parseMoney('0.1000', 'USD') + parseMoney('0.2000', 'USD'), 'USD')).toBe('0.3000');
	});
});

describe('money properties', () => {
	const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'KWD', 'BHD', 'KRW', 'GBP');
	const minor = fc.integer({ min: -(2 ** 50), max: 2 ** 50 });

	it('format then parse gives the same minor units, in every currency', () => {
		fc.assert(
			fc.property(minor, currency, fc.integer({ min: 0, max: 6 }), (amount, code, extraDigits) => {
				const decimals = { JPY: 0, KRW: 0, KWD: 3, BHD: 3 }[code as 'JPY'] ?? 2;
				expect(parseMoney(formatMoney(amount, code, decimals + extraDigits), code)).toBe(amount);
			}),
		);
	});

	it('parse then format gives the same four-digit string', () => {
		const moneyText = fc
			.tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 99 }))
			.map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}00`);
		fc.assert(fc.property(moneyText, (text) => expect(formatMoney(parseMoney(text, 'USD'), 'USD')).toBe(text)));
	});

	it('sums of parsed strings equal the exact digit-wise sum (no float drift)', () => {
		const fourDigit = fc.bigInt({ min: 0n, max: 10n ** 14n }).map((units) => {
			const digits = units.toString().padStart(5, '0');
			return { text: `${digits.slice(0, -4)}.${digits.slice(-4)}`, units };
		});
		fc.assert(
			fc.property(fc.array(fourDigit, { minLength: 1, maxLength: 8 }), (amounts) => {
				const exactUnits = amounts.reduce((sum, a) => sum + a.units, 0n);
				const summed = amounts.map((a) => parseMoneyDecimal(a.text)).reduce((sum, d) => ({ units: sum.units + d.units * 10n ** BigInt(4 - d.scale), scale: 4 }), { units: 0n, scale: 4 });
				expect(summed.units).toBe(exactUnits);
				expect(formatDecimal(parseMoneyDecimal(amounts[0].text), 4)).toBe(amounts[0].text);
			}),
		);
	});
});
