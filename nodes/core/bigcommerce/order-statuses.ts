/**
 * BigCommerce's fixed order statuses, ids 0–14 with their system names, as listed under
 * "Order Status Descriptions" of `GET /v2/order_statuses` in orders.v2.oas2.yml. A store can
 * relabel them (`custom_label`) but the ids and system names do not change; flows branch on ids.
 */
export const ORDER_STATUSES = [
	{ id: 0, name: 'Incomplete' },
	{ id: 1, name: 'Pending' },
	{ id: 2, name: 'Shipped' },
	{ id: 3, name: 'Partially Shipped' },
	{ id: 4, name: 'Refunded' },
	{ id: 5, name: 'Cancelled' },
	{ id: 6, name: 'Declined' },
	{ id: 7, name: 'Awaiting Payment' },
	{ id: 8, name: 'Awaiting Pickup' },
	{ id: 9, name: 'Awaiting Shipment' },
	{ id: 10, name: 'Completed' },
	{ id: 11, name: 'Awaiting Fulfillment' },
	{ id: 12, name: 'Manual Verification Required' },
	{ id: 13, name: 'Disputed' },
	{ id: 14, name: 'Partially Refunded' },
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type OrderStatusId = OrderStatus['id'];
export type OrderStatusName = OrderStatus['name'];

/** Named ids, so code reads `ORDER_STATUS.Completed` rather than a bare 10. */
export const ORDER_STATUS = {
	Incomplete: 0,
	Pending: 1,
	Shipped: 2,
	PartiallyShipped: 3,
	Refunded: 4,
	Cancelled: 5,
	Declined: 6,
	AwaitingPayment: 7,
	AwaitingPickup: 8,
	AwaitingShipment: 9,
	Completed: 10,
	AwaitingFulfillment: 11,
	ManualVerificationRequired: 12,
	Disputed: 13,
	PartiallyRefunded: 14,
} as const satisfies Record<string, OrderStatusId>;

/** "Completed" for 10; undefined for an id BigCommerce does not define. */
export function orderStatusName(id: number): OrderStatusName | undefined {
	return ORDER_STATUSES.find((status) => status.id === id)?.name;
}

/** 10 for "Completed" (case and spacing ignored); undefined for an unknown name. */
export function orderStatusId(name: string): OrderStatusId | undefined {
	const wanted = name.trim().replace(/\s+/g, ' ').toLowerCase();
	return ORDER_STATUSES.find((status) => status.name.toLowerCase() === wanted)?.id;
}
