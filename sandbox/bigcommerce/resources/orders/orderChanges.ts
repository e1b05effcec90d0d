import { ApiError } from '../../http/apiErrors';
import { nowSecond, type StoreContext } from '../../store/StoreContext';
import type { Order } from '../../store/types';
import { orderStatusUpdated } from '../../webhooks/events';
import { STATUS } from './orderStatuses';

/** v2 rejects a field it cannot accept with 400 and a message naming it. */
export function invalid(field: string, message: string): ApiError {
	return new ApiError(400, `The field '${field}' is invalid: ${message}`);
}

/** A visible (not archived) order, or a 404. */
export function requireOrder(ctx: StoreContext, id: number): Order {
	const order = ctx.state.visibleOrder(id);
	if (!order) throw new ApiError(404, 'The requested resource was not found.');
	return order;
}

/** Sets the status and fires store/order/statusUpdated when it changed (callers fire store/order/updated). */
export function applyStatus(ctx: StoreContext, order: Order, statusId: number): boolean {
	if (order.status_id === statusId) return false;
	const previous = order.status_id;
	order.status_id = statusId;
	if (statusId === STATUS.SHIPPED && order.dateShipped === null) order.dateShipped = nowSecond(ctx);
	ctx.emit(orderStatusUpdated(order.id, previous, statusId));
	return true;
}
