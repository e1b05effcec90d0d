import type { EventDraft } from './events';

/** Where the emulator finds the storefront channel of a cart or an order. */
export interface ChannelLookup {
	cartChannel(cartId: string): number | undefined;
	orderChannel(orderId: number): number | undefined;
}

type Data = Record<string, unknown>;

const CART_EVENTS = new Set(['created', 'updated', 'deleted', 'abandoned', 'converted', 'couponApplied']);
const ORDER_EVENTS = new Set(['created', 'updated', 'archived', 'statusUpdated', 'refund/created', 'message/created']);

/** `store/channel/2/order/created` → 2; undefined for store-wide scopes. */
export function channelOfScope(scope: string): number | undefined {
	const match = /^store\/channel\/(\d+)\//.exec(scope);
	return match ? Number(match[1]) : undefined;
}

/**
 * The channel-specific form (docs/integrations/webhooks/events/channels.mdx) of a store-wide cart,
 * cart line item or order event, for the channel the cart or order belongs to; undefined for
 * other events. BigCommerce's channel payloads name the resource differently from the store-wide
 * ones: `{cart_id}`, `{cart_id, cart_item_id}`, `{order_id}`. The docs show no event-specific
 * fields for them; the emulator keeps the ones the store-wide event carries (status change,
 * refund id, converted order id, abandoned-cart token), so a receiver loses nothing by
 * subscribing per channel.
 */
export function channelEventFor(draft: EventDraft, lookup: ChannelLookup): EventDraft | undefined {
	const data = draft.data;
	const lineItem = /^store\/cart\/lineItem\/(created|updated|deleted)$/.exec(draft.scope);
	if (lineItem) {
		const cartId = String(data.cartId ?? '');
		const channel = lookup.cartChannel(cartId);
		if (channel === undefined) return undefined;
		return { scope: `store/channel/${channel}/cart/lineItem/${lineItem[1]}`, data: { cart_id: cartId, cart_item_id: data.id } };
	}
	const cart = /^store\/cart\/(.+)$/.exec(draft.scope);
	if (cart && CART_EVENTS.has(cart[1])) {
		const cartId = String(data.id ?? '');
		const channel = lookup.cartChannel(cartId);
		if (channel === undefined) return undefined;
		const extra: Data = {};
		if (data.orderId !== undefined) extra.order_id = data.orderId;
		if (data.token !== undefined) extra.token = data.token;
		if (data.couponId !== undefined) extra.coupon_id = data.couponId;
		return { scope: `store/channel/${channel}/cart/${cart[1]}`, data: { cart_id: cartId, ...extra } };
	}
	const order = /^store\/order\/(.+)$/.exec(draft.scope);
	if (order && ORDER_EVENTS.has(order[1])) {
		const orderId = Number(data.id);
		if (!Number.isInteger(orderId)) return undefined;
		const channel = lookup.orderChannel(orderId);
		if (channel === undefined) return undefined;
		const extra: Data = {};
		if (data.status !== undefined) extra.status = structuredClone(data.status);
		if (data.refund !== undefined) extra.refund = structuredClone(data.refund);
		return { scope: `store/channel/${channel}/order/${order[1]}`, data: { order_id: orderId, ...extra } };
	}
	return undefined;
}
