import type { Cents } from '../../core/money';
import type { Order } from '../../store/types';

export interface OrderTotals {
	subtotalExTax: Cents;
	subtotalIncTax: Cents;
	subtotalTax: Cents;
	couponDiscount: Cents;
	discount: Cents;
	totalExTax: Cents;
	totalIncTax: Cents;
	totalTax: Cents;
	itemsTotal: number;
	itemsShipped: number;
	refunded: Cents;
}

/**
 * An order's figures, derived from its lines so they always add up:
 * total = subtotal + shipping − discounts, with and without tax.
 */
export function orderTotals(order: Order): OrderTotals {
	let subtotalExTax = 0;
	let subtotalIncTax = 0;
	let itemsTotal = 0;
	let itemsShipped = 0;
	for (const line of order.products) {
		subtotalExTax += line.priceExTax * line.quantity;
		subtotalIncTax += line.priceIncTax * line.quantity;
		itemsTotal += line.quantity;
		itemsShipped += line.quantity_shipped;
	}
	const couponDiscount = order.coupons.reduce((sum, c) => sum + c.discount, 0);
	const discount = couponDiscount + order.otherDiscount;
	const totalExTax = subtotalExTax + order.shippingExTax - discount;
	const totalIncTax = subtotalIncTax + order.shippingIncTax - discount;
	return {
		subtotalExTax,
		subtotalIncTax,
		subtotalTax: subtotalIncTax - subtotalExTax,
		couponDiscount,
		discount,
		totalExTax,
		totalIncTax,
		totalTax: totalIncTax - totalExTax,
		itemsTotal,
		itemsShipped,
		refunded: order.refunds.reduce((sum, r) => sum + r.amount, 0),
	};
}
