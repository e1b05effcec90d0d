/**
 * The webhook events the BigCommerce Trigger offers, from docs/integrations/webhooks/events
 * (and events/channels for the channel-specific forms).
 */

export interface WebhookEventInfo {
	/** Store-wide scope, e.g. `store/order/statusUpdated`. */
	scope: string;
	/** What the event list shows, e.g. "Order Status Updated". */
	name: string;
	/** When BigCommerce fires it, in a marketer's words. */
	description: string;
	/**
	 * Whether BigCommerce has a channel-specific form `store/channel/{id}/…` of this scope
	 * (carts and orders do; customers and products are store-wide).
	 */
	perChannel: boolean;
}

export const WEBHOOK_EVENTS: readonly WebhookEventInfo[] = [
	{ scope: 'store/cart/abandoned', name: 'Cart Abandoned', description: 'A cart had no changes for one hour (fires on every plan, with or without the Abandoned Cart Saver)', perChannel: true },
	{ scope: 'store/cart/converted', name: 'Cart Converted', description: 'A cart became an order; gives the cart ID and the new order ID', perChannel: true },
	{ scope: 'store/cart/couponApplied', name: 'Cart Coupon Applied', description: 'A shopper applied a coupon code to a cart', perChannel: true },
	{ scope: 'store/cart/created', name: 'Cart Created', description: 'A shopper added the first item to a new cart, or a cart was created through the API', perChannel: true },
	{ scope: 'store/cart/deleted', name: 'Cart Deleted', description: 'A cart was emptied or deleted', perChannel: true },
	{ scope: 'store/cart/updated', name: 'Cart Updated', description: 'Items, quantities or the email address of a cart changed', perChannel: true },
	{ scope: 'store/customer/created', name: 'Customer Created', description: 'A customer account was created', perChannel: false },
	{ scope: 'store/customer/deleted', name: 'Customer Deleted', description: 'A customer account was deleted', perChannel: false },
	{ scope: 'store/customer/updated', name: 'Customer Updated', description: 'A customer account changed (not its addresses)', perChannel: false },
	{ scope: 'store/order/archived', name: 'Order Archived', description: 'An order was archived', perChannel: true },
	{ scope: 'store/order/created', name: 'Order Created', description: 'An order was placed, including incomplete orders whose payment failed', perChannel: true },
	{ scope: 'store/order/refund/created', name: 'Order Refund Created', description: 'All or part of an order was refunded; gives the refund ID', perChannel: true },
	{ scope: 'store/order/statusUpdated', name: 'Order Status Updated', description: 'The status of an order changed, e.g. from Awaiting Fulfillment to Shipped', perChannel: true },
	{ scope: 'store/order/updated', name: 'Order Updated', description: 'Anything on an order changed (status, coupon, address…)', perChannel: true },
	{ scope: 'store/product/created', name: 'Product Created', description: 'A product was created', perChannel: false },
	{ scope: 'store/product/deleted', name: 'Product Deleted', description: 'A product was deleted', perChannel: false },
	{ scope: 'store/product/updated', name: 'Product Updated', description: 'A product changed (price, stock, description…)', perChannel: false },
	{ scope: 'store/shipment/created', name: 'Shipment Created', description: 'A shipment was added to an order', perChannel: false },
];

const BY_SCOPE = new Map(WEBHOOK_EVENTS.map((event) => [event.scope, event]));

export function webhookEventInfo(scope: string): WebhookEventInfo | undefined {
	return BY_SCOPE.get(scope);
}

/**
 * The scope to register for an event, limited to one storefront channel when `channelId` is
 * given and BigCommerce has a channel form of it: `store/order/created` → `store/channel/2/order/created`.
 * Events without a channel form stay store-wide.
 */
export function registrationScope(scope: string, channelId?: number): string {
	if (channelId === undefined || !webhookEventInfo(scope)?.perChannel) return scope;
	return scope.replace(/^store\//, `store/channel/${channelId}/`);
}

export interface CanonicalScope {
	/** The store-wide scope: `store/order/statusUpdated`. */
	scope: string;
	/** Set when BigCommerce delivered a channel-specific scope. */
	channelId?: number;
}

/** `store/channel/2/order/created` → `{scope: 'store/order/created', channelId: 2}`. */
export function canonicalScope(delivered: string): CanonicalScope {
	const match = /^store\/channel\/(\d+)\/(.+)$/.exec(delivered);
	if (!match) return { scope: delivered };
	return { scope: `store/${match[2]}`, channelId: Number(match[1]) };
}

/** `store/order/statusUpdated` → `order.statusUpdated`: short enough for a Switch node. */
export function shortEventName(scope: string): string {
	return scope.replace(/^store\//, '').split('/').filter(Boolean).join('.');
}
