import { LoyaltyInputError, MoneyError, orderBasis, parseProgramConfig } from '../../../../nodes/core/loyalty';
import { specOrder218, specOrder247 } from './orders.fixture';

const program = (basis: 'subtotal_ex_tax' | 'total_ex_tax' | 'total_inc_tax', extra: object = {}) =>
	parseProgramConfig({ purchasePoints: { basis }, ...extra });

describe('order basis: merchandise after discounts, without tax and shipping', () => {
	it('subtotal_ex_tax: the subtotal minus discount_amount and coupon_discount', () => {
		expect(orderBasis(specOrder218, program('subtotal_ex_tax'))).toEqual({
			source: 'subtotal_ex_tax',
			formula: 'subtotal_ex_tax − discount_amount − coupon_discount',
			fields: { subtotal_ex_tax: '62.6793', discount_amount: '5.0000', coupon_discount: '5.0000' },
			orderAmount: '52.6793',
			orderCurrency: 'USD',
			conversion: null,
			minor: 5268,
			currency: 'USD',
			amount: '52.68',
		});
	});

	it('total_ex_tax: the total without tax minus shipping, handling and wrapping', () => {
		const basis = orderBasis(specOrder218, program('total_ex_tax'));
		expect(basis.formula).toBe('total_ex_tax − shipping_cost_ex_tax − handling_cost_ex_tax − wrapping_cost_ex_tax');
		expect(basis.minor).toBe(5344);
	});

	it('total_inc_tax: the total with tax minus the tax-inclusive charges', () => {
		const basis = orderBasis(specOrder218, program('total_inc_tax'));
		expect(basis.formula).toBe('total_inc_tax − shipping_cost_inc_tax − handling_cost_inc_tax − wrapping_cost_inc_tax');
		expect(basis.fields).toEqual({
			total_inc_tax: '69.8400',
			shipping_cost_inc_tax: '12.0000',
			handling_cost_inc_tax: '0.0000',
			wrapping_cost_inc_tax: '0.0000',
		});
		expect(basis.minor).toBe(5784);
	});

	it('gives the same merchandise from subtotal and total when BigCommerce agrees with itself (order 247)', () => {
		expect(orderBasis(specOrder247, program('subtotal_ex_tax')).minor).toBe(92447);
		expect(orderBasis(specOrder247, program('total_ex_tax')).minor).toBe(92447);
		expect(orderBasis(specOrder247, program('total_inc_tax')).minor).toBe(100074);
	});

	it('takes custom fees off the totals when the order carries them', () => {
		const order = {
			total_ex_tax: '120.0000',
			total_inc_tax: '133.0000',
			shipping_cost_ex_tax: '10.0000',
			shipping_cost_inc_tax: '11.0000',
			fees: [
				{ cost_ex_tax: '8.5000', cost_inc_tax: '10.0000' },
				{ cost_exc_tax: '1.5000', cost_inc_tax: '2.0000' },
			],
		};
		const exTax = orderBasis(order, program('total_ex_tax'));
		expect(exTax.formula).toBe('total_ex_tax − shipping_cost_ex_tax − handling_cost_ex_tax − wrapping_cost_ex_tax − fees[0].cost_ex_tax − fees[1].cost_ex_tax');
		expect(exTax.minor).toBe(10000);
		expect(exTax.fields.handling_cost_ex_tax).toBeNull();
		expect(orderBasis(order, program('total_inc_tax')).minor).toBe(11000);
	});

	it('reads numbers as well as strings, and counts absent deductions as 0', () => {
		expect(orderBasis({ subtotal_ex_tax: 62.5 }, program('subtotal_ex_tax')).minor).toBe(6250);
	});

	it('is exact: "0.3000" minus "0.1000" minus "0.2000" is exactly zero', () => {
		expect(0.3 - 0.1 - 0.2).not.toBe(0);
		const basis = orderBasis({ subtotal_ex_tax: '0.3000', discount_amount: '0.1000', coupon_discount: '0.2000' }, program('subtotal_ex_tax'));
		expect(basis.minor).toBe(0);
		expect(basis.orderAmount).toBe('0.00');
	});

	it('rounds sub-cent precision half-up once, after summing', () => {
		// Each field alone would round down (x.xx4); their sum does not.
		const basis = orderBasis({ subtotal_ex_tax: '10.0040', discount_amount: '-0.0010' }, program('subtotal_ex_tax'));
		expect(basis.orderAmount).toBe('10.005');
		expect(basis.minor).toBe(1001);
	});

	it('names the field that is missing or malformed', () => {
		expect(() => orderBasis({ total_ex_tax: '1.00' }, program('subtotal_ex_tax'))).toThrow(
			new MoneyError('subtotal_ex_tax: is missing; expected a money amount such as "69.8400"', 'subtotal_ex_tax', null),
		);
		expect(() => orderBasis({ subtotal_ex_tax: '10', coupon_discount: 'five' }, program('subtotal_ex_tax'))).toThrow(
			'coupon_discount: "five" is not a money amount; expected a decimal number such as "69.8400"',
		);
	});
});

describe('order basis: currencies', () => {
	it('counts minor units of 0- and 3-decimal currencies', () => {
		expect(orderBasis({ subtotal_ex_tax: '1500.0000', default_currency_code: 'JPY' }, program('subtotal_ex_tax', { currency: 'JPY' })).minor).toBe(1500);
		expect(orderBasis({ subtotal_ex_tax: '12.3450', default_currency_code: 'KWD' }, program('subtotal_ex_tax', { currency: 'KWD' })).minor).toBe(12345);
	});

	it('converts an order in another currency at its own exchange rate from the store default', () => {
		const order = {
			subtotal_ex_tax: '92.0000',
			currency_code: 'EUR',
			default_currency_code: 'EUR',
			store_default_currency_code: 'USD',
			store_default_to_transactional_exchange_rate: '0.9200000000',
		};
		const basis = orderBasis(order, program('subtotal_ex_tax'));
		expect(basis).toMatchObject({ orderAmount: '92.00', orderCurrency: 'EUR', minor: 10000, currency: 'USD', amount: '100.00' });
		expect(basis.conversion).toEqual({ from: 'EUR', to: 'USD', rate: '0.9200000000' });
	});

	it('rounds a converted basis half-up to the program minor unit', () => {
		const order = { subtotal_ex_tax: '0.0100', default_currency_code: 'EUR', store_default_currency_code: 'USD', store_default_to_transactional_exchange_rate: '2' };
		expect(orderBasis(order, program('subtotal_ex_tax')).minor).toBe(1);
		const third = { ...order, subtotal_ex_tax: '10.0000', store_default_to_transactional_exchange_rate: '3' };
		expect(orderBasis(third, program('subtotal_ex_tax')).minor).toBe(333);
	});

	it('refuses to guess a rate it does not have', () => {
		const order = { subtotal_ex_tax: '92.0000', default_currency_code: 'EUR', store_default_currency_code: '' };
		expect(() => orderBasis(order, program('subtotal_ex_tax'))).toThrow(LoyaltyInputError);
		expect(() => orderBasis(order, program('subtotal_ex_tax'))).toThrow(
			'order.default_currency_code: the order is in EUR but program "default" counts USD, and the order gives no exchange rate from USD (store_default_currency_code is ""). Set the program currency to EUR, or serve this channel with a program in EUR.',
		);
		expect(() =>
			orderBasis({ ...order, store_default_currency_code: 'USD', store_default_to_transactional_exchange_rate: '0' }, program('subtotal_ex_tax')),
		).toThrow('order.store_default_to_transactional_exchange_rate: must be above 0 (got "0")');
		expect(() => orderBasis({ subtotal_ex_tax: '1', default_currency_code: 'US Dollar' }, program('subtotal_ex_tax'))).toThrow(
			'order.default_currency_code: "US DOLLAR" is not a three-letter currency code',
		);
	});

	it('assumes the program currency when the order names none', () => {
		expect(orderBasis({ subtotal_ex_tax: '5.0000' }, program('subtotal_ex_tax', { currency: 'GBP' }))).toMatchObject({ orderCurrency: 'GBP', minor: 500 });
	});
});
