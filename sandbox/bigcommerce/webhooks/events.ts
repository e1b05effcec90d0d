/**
 * The events BigCommerce fires and the exact `data` each carries (docs/integrations/webhooks/events
 * and docs/webhooks/callbacks/data). Builders only; the dispatcher wraps them in envelopes.
 */
export interface EventDraft {
	scope: string;
	data: Record<string, unknown>;
}

export const cartEvent = (scope: 'created' | 'updated' | 'deleted', cartId: string): EventDraft => ({
	scope: `store/cart/${scope}`,
	data: { type: 'cart', id: cartId },
});

export const cartAbandoned = (cartId: string, token: string): EventDraft => ({
	scope: 'store/cart/abandoned',
	data: { type: 'cart', id: cartId, token },
});

export const cartConverted = (cartId: string, orderId: number): EventDraft => ({
	scope: 'store/cart/converted',
	data: { type: 'cart', id: cartId, orderId },
});

export const cartLineItemEvent = (scope: 'created' | 'updated' | 'deleted', lineItemId: string, cartId: string): EventDraft => ({
	scope: `store/cart/lineItem/${scope}`,
	data: { type: 'cart_line_item', id: lineItemId, cartId },
});

export const orderEvent = (scope: 'created' | 'updated' | 'archived', orderId: number): EventDraft => ({
	scope: `store/order/${scope}`,
	data: { type: 'order', id: orderId },
});

export const orderStatusUpdated = (orderId: number, previous: number, next: number): EventDraft => ({
	scope: 'store/order/statusUpdated',
	data: { type: 'order', id: orderId, status: { previous_status_id: previous, new_status_id: next } },
});

export const orderRefundCreated = (orderId: number, refundId: number): EventDraft => ({
	scope: 'store/order/refund/created',
	data: { type: 'order', id: orderId, refund: { refund_id: refundId } },
});

export const customerEvent = (scope: 'created' | 'updated' | 'deleted', customerId: number): EventDraft => ({
	scope: `store/customer/${scope}`,
	data: { type: 'customer', id: customerId },
});

export const customerAddressEvent = (scope: 'created' | 'updated' | 'deleted', addressId: number, customerId: number): EventDraft => ({
	scope: `store/customer/address/${scope}`,
	data: { type: 'customer', id: addressId, address: { customer_id: customerId } },
});

export const productEvent = (scope: 'created' | 'updated' | 'deleted', productId: number): EventDraft => ({
	scope: `store/product/${scope}`,
	data: { type: 'product', id: productId },
});

export const shipmentEvent = (scope: 'created' | 'updated' | 'deleted', shipmentId: number, orderId: number): EventDraft => ({
	scope: `store/shipment/${scope}`,
	data: { type: 'shipment', id: shipmentId, orderId },
});
