import type { CartStopReason, TrackedCart, TrackSkipReason } from './cart-types';

/**
 * The recovery rules as pure functions of the cart's state, so they can be read and tested
 * without a database; cart-ops.ts applies them to the locked row.
 */

/** A cart event after validation: undefined fields keep the stored value. */
export interface CartEvent {
	storeHash: string;
	cartId: string;
	kind: 'updated' | 'abandoned' | 'deleted';
	channelId?: number | null;
	customerId?: number | null;
	email?: string | null;
	phone?: string | null;
	items?: TrackedCart['items'];
	amountMinor?: number;
	currency?: string | null;
	checkoutUrl?: string | null;
	eventAt: string;
}

export interface TrackDecision {
	/** The state to store; null when the event changes nothing. */
	next: TrackedCart | null;
	startSequence: boolean;
	reason?: TrackSkipReason;
}

export function emptyCart(storeHash: string, cartId: string, now: string): TrackedCart {
	return {
		storeHash, cartId, channelId: null, customerId: null, email: null, phone: null, items: [], amountMinor: 0,
		currency: null, checkoutUrl: null, status: 'active', generation: 0, sequenceRunning: false,
		sequenceStartedAt: null, sequenceEndedAt: null, messagesSent: [], convertedOrderId: null,
		lastEventAt: now, createdAt: now, updatedAt: now,
	};
}

function hasIdentity(cart: TrackedCart): boolean {
	return (cart.customerId !== null && cart.customerId > 0) || (cart.email !== null && cart.email !== '');
}

function endSequence(cart: TrackedCart, now: string): TrackedCart {
	return cart.sequenceRunning ? { ...cart, sequenceRunning: false, sequenceEndedAt: now } : cart;
}

/**
 * A sequence starts only when the cart is abandoned (BigCommerce's store/cart/abandoned, after an
 * idle hour: DESIGN §6, seed step 5), has an identity and items, and none is running. Created and
 * updated carts are only kept current: a shopper still filling the cart must not be reminded of
 * it, and an update during a running sequence keeps that sequence (same generation; its next
 * message shows the cart as it is then) rather than starting a second one. Emptying or deleting
 * the cart ends the sequence, so a cart filled and abandoned again gets a new sequence with the
 * next generation — and the old one learns it is superseded.
 */
export function decideTrack(current: TrackedCart | null, event: CartEvent, now: string): TrackDecision {
	if (current?.status === 'converted') return { next: null, startSequence: false, reason: 'converted' };
	if (current?.status === 'deleted') return { next: null, startSequence: false, reason: 'deleted' };
	if (current && event.eventAt < current.lastEventAt) return { next: null, startSequence: false, reason: 'stale_event' };

	const base = current ?? emptyCart(event.storeHash, event.cartId, now);
	const keep = <T>(value: T | undefined, stored: T): T => (value === undefined ? stored : value);
	let cart: TrackedCart = {
		...base,
		channelId: keep(event.channelId, base.channelId),
		customerId: keep(event.customerId, base.customerId),
		email: keep(event.email, base.email),
		phone: keep(event.phone, base.phone),
		items: keep(event.items, base.items),
		amountMinor: keep(event.amountMinor, base.amountMinor),
		currency: keep(event.currency, base.currency),
		checkoutUrl: keep(event.checkoutUrl, base.checkoutUrl),
		lastEventAt: event.eventAt,
		updatedAt: now,
	};
	if (event.kind === 'deleted') return { next: { ...endSequence(cart, now), status: 'deleted' }, startSequence: false, reason: 'deleted' };
	if (cart.items.length === 0) return { next: { ...endSequence(cart, now), status: 'emptied' }, startSequence: false, reason: 'no_items' };

	cart = { ...cart, status: event.kind === 'abandoned' ? 'abandoned' : 'active' };
	if (cart.sequenceRunning) return { next: cart, startSequence: false, reason: 'sequence_running' };
	if (event.kind !== 'abandoned') return { next: cart, startSequence: false, reason: 'not_abandoned' };
	if (!hasIdentity(cart)) return { next: cart, startSequence: false, reason: 'no_identity' };
	const started: TrackedCart = { ...cart, generation: cart.generation + 1, sequenceRunning: true, sequenceStartedAt: now, sequenceEndedAt: null };
	return { next: started, startSequence: true };
}

/** May the sequence holding `generation` send its next message? (Consent is asked separately.) */
export function checkVerdict(cart: TrackedCart | null, generation: number): { proceed: boolean; reason?: CartStopReason } {
	if (!cart || generation < 1 || generation > cart.generation) return { proceed: false, reason: 'unknown' };
	if (cart.status === 'converted') return { proceed: false, reason: 'converted' };
	if (cart.status === 'deleted') return { proceed: false, reason: 'deleted' };
	if (generation !== cart.generation) return { proceed: false, reason: 'superseded' };
	if (cart.status === 'emptied') return { proceed: false, reason: 'emptied' };
	if (!cart.sequenceRunning) return { proceed: false, reason: 'finished' };
	return { proceed: true };
}
