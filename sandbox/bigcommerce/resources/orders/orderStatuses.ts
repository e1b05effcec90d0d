/**
 * BigCommerce's order statuses: ids 0–14, names and descriptions as GET /v2/order_statuses returns
 * them (orders.v2 getOrderStatuses), with the control panel's display order.
 */
export interface OrderStatus {
	id: number;
	name: string;
	description: string;
	order: number;
}

export const ORDER_STATUSES: readonly OrderStatus[] = [
	{ id: 0, name: 'Incomplete', order: 0, description: 'An incomplete order happens when a shopper reached the payment page, but did not complete the transaction.' },
	{ id: 1, name: 'Pending', order: 1, description: 'Customer started the checkout process, but did not complete it.' },
	{ id: 2, name: 'Shipped', order: 8, description: 'Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action.' },
	{ id: 3, name: 'Partially Shipped', order: 6, description: 'Only some items in the order have been shipped, due to some products being pre-order only or other reasons.' },
	{ id: 4, name: 'Refunded', order: 11, description: 'Seller has used the Refund action.' },
	{ id: 5, name: 'Cancelled', order: 9, description: 'Seller has cancelled an order, due to a stock inconsistency or other reasons.' },
	{ id: 6, name: 'Declined', order: 10, description: 'Seller has marked the order as declined for lack of manual payment, or other reasons.' },
	{ id: 7, name: 'Awaiting Payment', order: 2, description: 'Customer has completed checkout process, but payment has yet to be confirmed.' },
	{ id: 8, name: 'Awaiting Pickup', order: 5, description: 'Order has been pulled, and is awaiting customer pickup from a seller-specified location.' },
	{ id: 9, name: 'Awaiting Shipment', order: 4, description: 'Order has been pulled and packaged, and is awaiting collection from a shipping provider.' },
	{ id: 10, name: 'Completed', order: 7, description: 'Client has paid for their digital product and their file(s) are available for download.' },
	{ id: 11, name: 'Awaiting Fulfillment', order: 3, description: 'Customer has completed the checkout process and payment has been confirmed.' },
	{ id: 12, name: 'Manual Verification Required', order: 13, description: 'Order is on hold while some aspect needs to be manually confirmed.' },
	{ id: 13, name: 'Disputed', order: 12, description: 'Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order.' },
	{ id: 14, name: 'Partially Refunded', order: 14, description: 'Seller has partially refunded the order.' },
];

export const STATUS = {
	INCOMPLETE: 0,
	PENDING: 1,
	SHIPPED: 2,
	PARTIALLY_SHIPPED: 3,
	REFUNDED: 4,
	CANCELLED: 5,
	DECLINED: 6,
	AWAITING_PAYMENT: 7,
	AWAITING_FULFILLMENT: 11,
	COMPLETED: 10,
	PARTIALLY_REFUNDED: 14,
} as const;

export function statusName(id: number): string {
	return ORDER_STATUSES[id]?.name ?? 'Unknown';
}

export function isStatusId(id: unknown): id is number {
	return typeof id === 'number' && Number.isInteger(id) && id >= 0 && id <= 14;
}

/** The v2 order_statuses object. */
export function orderStatusV2(s: OrderStatus): Record<string, unknown> {
	return { id: s.id, name: s.name, system_label: s.name, custom_label: s.name, system_description: s.description, order: s.order };
}

/** What v2 orders show as `payment_status` for a status (refund states win). */
export function paymentStatusFor(statusId: number): string {
	switch (statusId) {
		case 0:
			return '';
		case 1:
		case 7:
			return 'pending';
		case 4:
			return 'refunded';
		case 5:
			return 'void';
		case 6:
			return 'declined';
		case 12:
			return 'held for review';
		case 14:
			return 'partially refunded';
		default:
			return 'captured';
	}
}
