import type { Row, SqlValue } from '../ledger/sql/statement';
import { int, intOrNull, iso, isoOrNull, json, textOrNull, toJson } from '../ledger/sql/values';
import type { CartItem, CartMessage, CartStatus, TrackedCart } from './cart-types';

export const CART_COLUMNS =
	'store_hash, cart_id, channel_id, customer_id, email, phone, items, amount_minor, currency, checkout_url, status, generation, sequence_started_at, sequence_ended_at, messages_sent, converted_order_id, last_event_at, created_at, updated_at';

export function mapCart(r: Row): TrackedCart {
	const startedAt = isoOrNull(r.sequence_started_at);
	const endedAt = isoOrNull(r.sequence_ended_at);
	return {
		storeHash: String(r.store_hash),
		cartId: String(r.cart_id),
		channelId: intOrNull(r.channel_id),
		customerId: intOrNull(r.customer_id),
		email: textOrNull(r.email),
		phone: textOrNull(r.phone),
		items: json<CartItem[]>(r.items) ?? [],
		amountMinor: int(r.amount_minor),
		currency: textOrNull(r.currency),
		checkoutUrl: textOrNull(r.checkout_url),
		status: String(r.status) as CartStatus,
		generation: int(r.generation),
		sequenceRunning: startedAt !== null && endedAt === null,
		sequenceStartedAt: startedAt,
		sequenceEndedAt: endedAt,
		messagesSent: json<CartMessage[]>(r.messages_sent) ?? [],
		convertedOrderId: textOrNull(r.converted_order_id),
		lastEventAt: iso(r.last_event_at),
		createdAt: iso(r.created_at),
		updatedAt: iso(r.updated_at),
	};
}

/** Column values in CART_COLUMNS order. */
export function cartValues(c: TrackedCart): SqlValue[] {
	return [
		c.storeHash, c.cartId, c.channelId, c.customerId, c.email, c.phone, toJson(c.items), c.amountMinor, c.currency,
		c.checkoutUrl, c.status, c.generation, c.sequenceStartedAt, c.sequenceRunning ? null : c.sequenceEndedAt, toJson(c.messagesSent), c.convertedOrderId, c.lastEventAt,
		c.createdAt, c.updatedAt,
	];
}
