import { currencyDecimals, isCurrencyCode } from './currency';
import { type Decimal, divideToInteger, formatDecimal, sign, subtract, toScaledInteger } from './decimal';
import { LoyaltyInputError } from './loyalty-input-error';
import { type MoneyValue, formatMoney, parseMoneyDecimal, safeMinor } from './money';
import type { OrderBasisSource, ProgramConfig } from './program-config';

/**
 * The money fields of a BigCommerce v2 order (GET /v2/orders/{id}) that the basis reads. Any
 * other order fields may be present; they are ignored.
 */
export interface BigCommerceOrderAmounts {
	readonly subtotal_ex_tax?: MoneyValue;
	readonly subtotal_inc_tax?: MoneyValue;
	readonly total_ex_tax?: MoneyValue;
	readonly total_inc_tax?: MoneyValue;
	readonly shipping_cost_ex_tax?: MoneyValue;
	readonly shipping_cost_inc_tax?: MoneyValue;
	readonly handling_cost_ex_tax?: MoneyValue;
	readonly handling_cost_inc_tax?: MoneyValue;
	readonly wrapping_cost_ex_tax?: MoneyValue;
	readonly wrapping_cost_inc_tax?: MoneyValue;
	readonly discount_amount?: MoneyValue;
	readonly coupon_discount?: MoneyValue;
	/** Custom fees: an array when the order was read with them, else a sub-resource link. */
	readonly fees?: unknown;
	/** The display currency (what prices were shown in). */
	readonly currency_code?: string;
	/** The transactional currency: what the shopper paid in, and what the amounts above are in. */
	readonly default_currency_code?: string;
	readonly store_default_currency_code?: string;
	/** Transactional units per one unit of the store default currency. */
	readonly store_default_to_transactional_exchange_rate?: MoneyValue;
	readonly [field: string]: unknown;
}

interface BasisFormula {
	start: string;
	subtract: string[];
	feeField: 'cost_ex_tax' | 'cost_inc_tax' | null;
}

/**
 * "Merchandise after discounts, excluding tax and shipping" (DESIGN §4), per basis option:
 *
 * - subtotal_ex_tax: BigCommerce's subtotal is the products' total after product-level pricing
 *   (sale prices, bulk pricing) but before order-level discounts, which it reports separately as
 *   discount_amount (cart promotions, manual discounts) and coupon_discount (coupon codes); both
 *   are subtracted. Shipping, handling, wrapping and fees are not in the subtotal. Tax excluded.
 * - total_ex_tax: the order total without tax, which already has every discount taken off; the
 *   charges that are not merchandise (shipping, handling, gift wrapping, custom fees) are taken off.
 * - total_inc_tax: the same from the total with tax, taking off the tax-inclusive charges; the
 *   only basis that includes tax, for stores whose shoppers see tax-inclusive prices.
 *
 * subtotal_ex_tax takes BigCommerce's discount amounts as they come, i.e. on the same terms as the
 * subtotal; total_ex_tax does not depend on that, since BigCommerce itself took the discounts off.
 *
 * Store credit and gift certificates are ways of paying, not discounts: they do not lower the basis.
 * Custom fees are taken off when the order carries them as an array; when `fees` is only a link
 * to the sub-resource, the caller should read and pass them in.
 */
const FORMULAS: Record<OrderBasisSource, BasisFormula> = {
	subtotal_ex_tax: { start: 'subtotal_ex_tax', subtract: ['discount_amount', 'coupon_discount'], feeField: null },
	total_ex_tax: {
		start: 'total_ex_tax',
		subtract: ['shipping_cost_ex_tax', 'handling_cost_ex_tax', 'wrapping_cost_ex_tax'],
		feeField: 'cost_ex_tax',
	},
	total_inc_tax: {
		start: 'total_inc_tax',
		subtract: ['shipping_cost_inc_tax', 'handling_cost_inc_tax', 'wrapping_cost_inc_tax'],
		feeField: 'cost_inc_tax',
	},
};

export interface CurrencyConversion {
	from: string;
	to: string;
	/** store_default_to_transactional_exchange_rate: `from` units per one `to` unit. */
	rate: string;
}

export interface OrderBasis {
	source: OrderBasisSource;
	/** The computation in words, e.g. "subtotal_ex_tax − discount_amount − coupon_discount". */
	formula: string;
	/** Each field as the order sent it; null when absent (counted as 0). */
	fields: Record<string, string | null>;
	/** The exact result in the order's currency, before rounding to minor units. */
	orderAmount: string;
	orderCurrency: string;
	conversion: CurrencyConversion | null;
	/** The basis in integer minor units of the program currency (rounded half-up once). */
	minor: number;
	currency: string;
	/** `minor` as text in the currency's own decimals, e.g. "64.84". */
	amount: string;
}

function fieldText(value: unknown): string | null {
	return value === undefined || value === null || value === '' ? null : String(value);
}

function feeAmounts(fees: unknown, feeField: 'cost_ex_tax' | 'cost_inc_tax'): Array<{ field: string; value: unknown }> {
	if (!Array.isArray(fees)) return [];
	return fees.map((fee: Record<string, unknown>, index) => {
		// One of BigCommerce's own examples spells it cost_exc_tax; accept both.
		const value = fee?.[feeField] ?? (feeField === 'cost_ex_tax' ? fee?.cost_exc_tax : undefined);
		return { field: `fees[${index}].${feeField}`, value };
	});
}

/** The transactional currency the amounts are in; the program's when the order does not say. */
export function orderCurrency(order: BigCommerceOrderAmounts, program: ProgramConfig): string {
	const field = order.default_currency_code ? 'default_currency_code' : order.currency_code ? 'currency_code' : null;
	const code = String(field ? order[field] : program.currency).trim().toUpperCase();
	if (!isCurrencyCode(code)) throw new LoyaltyInputError(`order.${field}`, `"${code}" is not a three-letter currency code`);
	return code;
}

function toProgramMinor(
	amount: Decimal,
	order: BigCommerceOrderAmounts,
	program: ProgramConfig,
	from: string,
): { minor: number; conversion: CurrencyConversion | null } {
	const decimals = currencyDecimals(program.currency);
	const shown = `${formatDecimal(amount)} ${from}`;
	if (from === program.currency) {
		return { minor: safeMinor(toScaledInteger(amount, decimals, 'round'), 'basis', shown), conversion: null };
	}
	const storeDefault = String(order.store_default_currency_code ?? '').trim().toUpperCase();
	const rateText = fieldText(order.store_default_to_transactional_exchange_rate);
	if (storeDefault !== program.currency || rateText === null) {
		throw new LoyaltyInputError(
			'order.default_currency_code',
			`the order is in ${from} but program "${program.id}" counts ${program.currency}, and the order gives no exchange rate ` +
				`from ${program.currency} (store_default_currency_code is ${JSON.stringify(order.store_default_currency_code ?? null)}). ` +
				`Set the program currency to ${from}, or serve this channel with a program in ${from}.`,
		);
	}
	const rate = parseMoneyDecimal(rateText, 'store_default_to_transactional_exchange_rate');
	if (sign(rate) <= 0) {
		throw new LoyaltyInputError('order.store_default_to_transactional_exchange_rate', `must be above 0 (got "${rateText}")`);
	}
	// amount / rate in program minor units, exactly: (a / 10^as) / (r / 10^rs) × 10^d.
	const numerator = amount.units * 10n ** BigInt(rate.scale + decimals);
	const denominator = rate.units * 10n ** BigInt(amount.scale);
	return {
		minor: safeMinor(divideToInteger(numerator, denominator, 'round'), 'basis', shown),
		conversion: { from, to: program.currency, rate: rateText },
	};
}

/**
 * The points basis of an order under the program's basis option, in the program's currency.
 * Field values are summed exactly at the precision BigCommerce sent (4 decimals), then rounded
 * half-up to minor units once (after conversion when the order is in another currency).
 */
export function orderBasis(order: BigCommerceOrderAmounts, program: ProgramConfig): OrderBasis {
	const source = program.purchasePoints.basis;
	const formula = FORMULAS[source];
	const fields: Record<string, string | null> = {};

	const startText = fieldText(order[formula.start]);
	fields[formula.start] = startText;
	let amount = parseMoneyDecimal(startText, formula.start);

	const deductions = formula.subtract.map((field) => ({ field, value: order[field] }));
	if (formula.feeField) deductions.push(...feeAmounts(order.fees, formula.feeField));
	for (const { field, value } of deductions) {
		const text = fieldText(value);
		fields[field] = text;
		if (text !== null) amount = subtract(amount, parseMoneyDecimal(text, field));
	}

	const from = orderCurrency(order, program);
	const { minor, conversion } = toProgramMinor(amount, order, program, from);
	return {
		source,
		formula: [formula.start, ...deductions.map((d) => d.field)].join(' − '),
		fields,
		orderAmount: formatDecimal(amount, currencyDecimals(from)),
		orderCurrency: from,
		conversion,
		minor,
		currency: program.currency,
		amount: formatMoney(minor, program.currency, 'currency'),
	};
}
