import { z } from 'zod';
import { formatMoney, parseMoney } from '../loyalty/money';
import { isCurrencyCode } from '../loyalty/currency';
import type { BigCommerceClient } from './client';
import { refundSchema, type BigCommerceRefund, type BigCommerceRefundItem } from './schemas/refund';

/**
 * The refunds of one order (orders.v3 `GET /orders/{order_id}/payment_actions/refunds`, scopes
 * `store_v2_orders(_read_only)` or `store_v2_transactions(_read_only)`). BigCommerce answers with
 * every refund of the order at once, oldest (lowest ID) first, and documents no paging for it
 * (`meta` is empty), so this is one request.
 *
 * BigCommerce gives the amounts as numbers ("2 decimal place rounded"); each refund also comes
 * with them in integer minor units of the order's currency (cents for USD, yen for JPY) — never
 * added as floats — and with the order's refunded total once it is counted: the refund and every
 * earlier one. That total is what Tajo Loyalty › Points › Reverse takes as "Order's Refunded
 * Total So Far", so a refund reversed from here is reversed exactly as the refund event would.
 */
export type OrderRefund = BigCommerceRefund & {
	currency_code: string;
	total_amount_minor: number;
	items: Array<BigCommerceRefundItem & { requested_amount_minor?: number }>;
	/** This refund and every earlier one of the order, in minor units. */
	order_refunded_total_minor: number;
	/** The same as a decimal in BigCommerce's format ("40.0000"), as v2 orders give `refunded_amount`. */
	order_refunded_total: string;
};

export class RefundAmountError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RefundAmountError';
	}
}

function minor(value: unknown, currency: string, field: string): number {
	try {
		return parseMoney(value, currency, { field, excessPrecision: 'round' });
	} catch (error) {
		throw new RefundAmountError(`BigCommerce sent a refund amount that is not money: ${error instanceof Error ? error.message : String(error)}`);
	}
}

/** Adds the minor-unit amounts and the running refunded total; refunds in ascending ID order. */
export function withMinorUnits(refunds: readonly BigCommerceRefund[], currency: string): OrderRefund[] {
	const code = currency.trim().toUpperCase();
	if (!isCurrencyCode(code)) throw new RefundAmountError(`"${currency}" is not a currency code: give the order's currency_code, e.g. USD`);
	let total = 0;
	return [...refunds]
		.sort((a, b) => a.id - b.id)
		.map((refund) => {
			const amount = minor(refund.total_amount, code, `refund ${refund.id} total_amount`);
			total += amount;
			const items = (refund.items ?? []).map((item, index) =>
				item.requested_amount === undefined || item.requested_amount === null
					? item
					: { ...item, requested_amount_minor: minor(item.requested_amount, code, `refund ${refund.id} items[${index}].requested_amount`) },
			);
			return {
				...refund,
				currency_code: code,
				total_amount_minor: amount,
				items,
				order_refunded_total_minor: total,
				order_refunded_total: formatMoney(total, code),
			};
		});
}

/** Every refund of the order, oldest first, with amounts in minor units of `currency` (the order's `currency_code`). */
export async function getOrderRefunds(client: BigCommerceClient, orderId: number, currency: string): Promise<OrderRefund[]> {
	const refunds = await client.v3('GET', `/orders/${orderId}/payment_actions/refunds`, z.array(refundSchema));
	return withMinorUnits(refunds, currency);
}
