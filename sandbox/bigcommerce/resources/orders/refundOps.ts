import { toCents, type Cents } from '../../core/money';
import { ApiError } from '../../http/apiErrors';
import { nowSecond, type StoreContext } from '../../store/StoreContext';
import type { OrderLine, Refund } from '../../store/types';
import { orderEvent, orderRefundCreated } from '../../webhooks/events';
import type { RefundInput } from './orderInput';
import { applyStatus, requireOrder } from './orderChanges';
import { STATUS } from './orderStatuses';
import { orderTotals } from './orderTotals';

/**
 * Refunds part or all of an order: records the refund, moves the order to Refunded or Partially
 * Refunded, and fires store/order/refund/created, statusUpdated (when the status changes) and updated.
 */
export function refundOrder(ctx: StoreContext, id: number, input: RefundInput): Refund {
	const order = requireOrder(ctx, id);
	const totals = orderTotals(order);
	const refundable = totals.totalIncTax - totals.refunded;
	const items: Refund['items'] = [];
	let amount: Cents;
	if (input.items?.length) {
		amount = 0;
		for (const item of input.items) {
			const l = order.products.find((p) => p.id === item.order_product_id);
			if (!l) throw new ApiError(422, 'Refund failed.', { items: `order product ${item.order_product_id} is not in order ${id}` });
			if (l.quantity_refunded + item.quantity > l.quantity) throw new ApiError(422, 'Refund failed.', { items: `only ${l.quantity - l.quantity_refunded} of order product ${l.id} can be refunded` });
			const lineAmount = l.priceIncTax * item.quantity;
			items.push({ order_product_id: l.id, quantity: item.quantity, amount: lineAmount });
			amount += lineAmount;
		}
		if (input.amount !== undefined) amount = toCents(input.amount);
	} else {
		amount = input.amount !== undefined ? toCents(input.amount) : refundable;
	}
	if (amount <= 0) throw new ApiError(422, 'Refund failed.', { amount: 'the amount must be positive (nothing is left to refund?)' });
	if (amount > refundable) throw new ApiError(422, 'Refund failed.', { amount: `at most ${(refundable / 100).toFixed(2)} can be refunded` });
	for (const item of items) {
		const l = order.products.find((p) => p.id === item.order_product_id) as OrderLine;
		l.quantity_refunded += item.quantity;
		l.refunded += item.amount;
	}
	const refund: Refund = { id: ctx.state.ids.refund.take(), order_id: id, reason: input.reason ?? '', amount, items, dateCreated: nowSecond(ctx) };
	order.refunds.push(refund);
	order.dateModified = nowSecond(ctx);
	ctx.emit(orderRefundCreated(id, refund.id));
	applyStatus(ctx, order, amount === refundable ? STATUS.REFUNDED : STATUS.PARTIALLY_REFUNDED);
	ctx.emit(orderEvent('updated', id));
	return refund;
}
