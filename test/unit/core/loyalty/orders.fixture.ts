import type { BigCommerceOrderAmounts, MemberStanding } from '../../../../nodes/core/loyalty';

/** Money fields of order 218 in BigCommerce's v2 spec example (a $5 coupon and a $5 discount, shipping, tax). */
export const specOrder218: BigCommerceOrderAmounts = {
	id: 218,
	subtotal_ex_tax: '62.6793',
	subtotal_inc_tax: '67.8400',
	subtotal_tax: '4.4000',
	base_shipping_cost: '12.0000',
	shipping_cost_ex_tax: '11.0900',
	shipping_cost_inc_tax: '12.0000',
	handling_cost_ex_tax: '0.0000',
	handling_cost_inc_tax: '0.0000',
	wrapping_cost_ex_tax: '0.0000',
	wrapping_cost_inc_tax: '0.0000',
	total_ex_tax: '64.5300',
	total_inc_tax: '69.8400',
	total_tax: '5.3100',
	refunded_amount: '0.0000',
	store_credit_amount: '0.0000',
	gift_certificate_amount: '0.0000',
	currency_code: 'USD',
	currency_exchange_rate: '1.0000000000',
	default_currency_code: 'USD',
	discount_amount: '5.0000',
	coupon_discount: '5.0000',
	channel_id: 1,
	store_default_currency_code: '',
	store_default_to_transactional_exchange_rate: '1.0000000000',
	fees: { url: 'https://api.bigcommerce.com/stores/{store_hash}/v2/orders/218/fees', resource: '/orders/218/fees' },
};

/** Order 247 of the same spec: shipping only, amounts without trailing zeros. */
export const specOrder247: BigCommerceOrderAmounts = {
	id: 247,
	subtotal_ex_tax: '924.47',
	subtotal_inc_tax: '1000.74',
	shipping_cost_ex_tax: '7.39',
	shipping_cost_inc_tax: '8',
	handling_cost_ex_tax: '0',
	handling_cost_inc_tax: '0',
	wrapping_cost_ex_tax: '0',
	wrapping_cost_inc_tax: '0',
	total_ex_tax: '931.86',
	total_inc_tax: '1008.74',
	discount_amount: '0',
	coupon_discount: '0',
	default_currency_code: 'USD',
	store_default_currency_code: 'USD',
	store_default_to_transactional_exchange_rate: '1',
};

/** An order whose merchandise (ex tax, after discounts) is `amount`, in the given currency. */
export function merchandiseOrder(amount: string, currency = 'USD'): BigCommerceOrderAmounts {
	return {
		subtotal_ex_tax: amount,
		discount_amount: '0.0000',
		coupon_discount: '0.0000',
		currency_code: currency,
		default_currency_code: currency,
	};
}

export function member(customerGroupName: string | null, lifetimePoints = 0, hasCompletedOrder = false, extra: Partial<MemberStanding> = {}): MemberStanding {
	return { customerGroupName, lifetimePoints, hasCompletedOrder, ...extra };
}
