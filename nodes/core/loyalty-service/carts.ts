import { z } from 'zod';
import type { CartItem, TrackCartInput, TrackedCart } from '../carts/cart-types';
import type { LedgerStore } from '../ledger/ledger-store';
import { isCurrencyCode } from '../loyalty/currency';
import { formatMoney, parseMoney } from '../loyalty/money';
import { LoyaltyInputError } from '../loyalty/loyalty-input-error';
import { idText, optionalText, parseInput, wholeNumber } from './input';

/** `auto`: from the item — a trigger's `scope`, or `exists: false` (the BigCommerce node's answer for a deleted cart). */
export type CartEventChoice = 'auto' | 'updated' | 'abandoned' | 'deleted';

const lineItemSchema = z
	.object({
		product_id: wholeNumber(0).nullish(),
		variant_id: wholeNumber(0).nullish(),
		sku: optionalText,
		name: optionalText,
		quantity: z.number().nullish(),
		list_price: z.number().nullish(),
		sale_price: z.number().nullish(),
		image_url: optionalText,
		url: optionalText,
	})
	.passthrough();

/**
 * A BigCommerce v3 cart as the BigCommerce node's Cart → Get outputs it (`cart_id`,
 * `checkout_url` lifted to the top), or a BigCommerce Trigger cart event (`cart_id`, `scope`).
 */
const cartSchema = z
	.object({
		cart_id: idText.optional(),
		id: idText.optional(),
		exists: z.boolean().optional(),
		scope: optionalText,
		customer_id: wholeNumber(0).nullish(),
		email: optionalText,
		channel_id: wholeNumber(1).nullish(),
		currency: z.object({ code: z.string() }).passthrough().nullish(),
		cart_amount: z.union([z.number(), z.string()]).nullish(),
		line_items: z
			.object({
				physical_items: z.array(lineItemSchema).nullish(),
				digital_items: z.array(lineItemSchema).nullish(),
				custom_items: z.array(z.object({}).passthrough()).nullish(),
				gift_certificates: z.array(z.object({}).passthrough()).nullish(),
			})
			.passthrough()
			.nullish(),
		checkout_url: optionalText,
		redirect_urls: z.object({ checkout_url: optionalText }).passthrough().nullish(),
		updated_time: optionalText,
	})
	.passthrough();

type CartItemIn = z.output<typeof lineItemSchema>;

/** The line as the seed's tracker keeps it (productId, variantId, title, quantity, price, image). */
function line(item: CartItemIn): CartItem {
	return {
		productId: item.product_id ?? null,
		variantId: item.variant_id ?? null,
		sku: item.sku ?? null,
		title: item.name ?? null,
		quantity: item.quantity ?? null,
		price: item.sale_price || item.list_price || 0,
		image: item.image_url ?? null,
		url: item.url ?? null,
	};
}

function eventOf(choice: CartEventChoice, cart: z.output<typeof cartSchema>): 'updated' | 'abandoned' | 'deleted' {
	if (choice !== 'auto') return choice;
	if (cart.exists === false) return 'deleted';
	const scope = cart.scope ?? '';
	if (/cart\/abandoned$/.test(scope)) return 'abandoned';
	if (/cart\/deleted$/.test(scope)) return 'deleted';
	return 'updated';
}

export interface TrackInput {
	storeHash: string;
	cart: Record<string, unknown>;
	event: CartEventChoice;
	phone?: string;
}

/** The tracker's input from a BigCommerce cart item; what the item lacks keeps its stored value. */
export function trackInputFromCart(input: TrackInput): TrackCartInput {
	const cart = parseInput(cartSchema, input.cart, 'cart');
	const cartId = cart.cart_id ?? cart.id;
	if (!cartId) throw new LoyaltyInputError('cart.cart_id', 'is missing: give the cart item from BigCommerce → Cart → Get, or a cart event from the BigCommerce Trigger');
	const event = eventOf(input.event, cart);
	const result: TrackCartInput = { storeHash: input.storeHash, cartId, event };
	if (event === 'deleted') return result;
	if (!cart.line_items) {
		throw new LoyaltyInputError('cart.line_items', 'is missing: read the cart with BigCommerce → Cart → Get first (a cart event carries only its id)');
	}
	const lines = [...(cart.line_items.physical_items ?? []), ...(cart.line_items.digital_items ?? [])];
	result.items = [...lines.map(line), ...(cart.line_items.custom_items ?? []), ...(cart.line_items.gift_certificates ?? [])] as CartItem[];
	if (cart.customer_id !== undefined) result.customerId = cart.customer_id || null;
	if (cart.email !== undefined || 'email' in input.cart) result.email = cart.email ?? null;
	if (cart.channel_id !== undefined) result.channelId = cart.channel_id;
	const currency = cart.currency?.code?.toUpperCase();
	if (currency) {
		if (!isCurrencyCode(currency)) throw new LoyaltyInputError('cart.currency.code', `"${currency}" is not a three-letter currency code`);
		result.currency = currency;
		if (cart.cart_amount !== undefined && cart.cart_amount !== null) {
			result.amountMinor = parseMoney(cart.cart_amount, currency, { field: 'cart.cart_amount', excessPrecision: 'round' });
		}
	}
	const checkoutUrl = cart.checkout_url ?? cart.redirect_urls?.checkout_url;
	if (checkoutUrl !== undefined) result.checkoutUrl = checkoutUrl;
	if (input.phone) result.phone = input.phone;
	if (cart.updated_time) {
		const ms = Date.parse(cart.updated_time);
		if (!Number.isNaN(ms)) result.eventAt = new Date(ms).toISOString();
	}
	return result;
}

/** Cart → Track. */
export async function trackCart(store: LedgerStore, input: TrackInput) {
	const result = await store.trackCart(trackInputFromCart(input));
	return { startSequence: result.startSequence, generation: result.generation, reason: result.reason ?? null, cart: cartView(result.cart) };
}

/** Cart → Check: may the sequence holding this generation send its next message? */
export async function checkCart(store: LedgerStore, input: { storeHash: string; cartId: string; generation: number; unsubscribed?: boolean }) {
	const result = await store.checkCart(input.storeHash, input.cartId, input.generation, { isUnsubscribed: () => input.unsubscribed === true });
	return {
		proceed: result.proceed,
		reason: result.reason ?? null,
		generation: input.generation,
		messagesSent: result.messagesSent,
		cart: result.cart ? cartView(result.cart) : null,
	};
}

/** Cart → Mark Converted (by the cart id, or an order's cart_id). */
export async function markCartConverted(store: LedgerStore, input: { storeHash: string; cartId: string; orderId?: string }) {
	const result = await store.markCartConverted({ storeHash: input.storeHash, cartId: input.cartId, orderId: input.orderId || null });
	return { converted: true, alreadyConverted: result.alreadyConverted, wasTracked: result.wasTracked, cart: cartView(result.cart) };
}

/** Cart → Record Message Sent: once per cart, generation and step. */
export async function recordCartMessage(
	store: LedgerStore,
	input: { storeHash: string; cartId: string; generation: number; step: string; channel?: string; messageId?: string },
) {
	const result = await store.recordCartMessageSent({ ...input, channel: input.channel || null, messageId: input.messageId || null });
	return { recorded: !result.duplicate, duplicate: result.duplicate, cart_id: input.cartId, ...result.message };
}

/** Cart → End Sequence: the sequence with this generation is over. */
export async function endCartSequence(store: LedgerStore, input: { storeHash: string; cartId: string; generation: number }) {
	const result = await store.endCartSequence(input);
	return { ended: result.ended, cart_id: input.cartId, generation: input.generation };
}

export function cartView(cart: TrackedCart): Record<string, unknown> {
	return {
		cart_id: cart.cartId,
		storeHash: cart.storeHash,
		status: cart.status,
		customer_id: cart.customerId,
		email: cart.email,
		phone: cart.phone,
		channel_id: cart.channelId,
		items: cart.items,
		itemCount: cart.items.length,
		amount: cart.currency && isCurrencyCode(cart.currency) ? Number(formatMoney(cart.amountMinor, cart.currency, 'currency')) : null,
		amountMinor: cart.amountMinor,
		currency: cart.currency,
		checkout_url: cart.checkoutUrl,
		generation: cart.generation,
		sequenceRunning: cart.sequenceRunning,
		sequenceStartedAt: cart.sequenceStartedAt,
		sequenceEndedAt: cart.sequenceEndedAt,
		messagesSent: cart.messagesSent,
		convertedOrderId: cart.convertedOrderId,
		lastEventAt: cart.lastEventAt,
		createdAt: cart.createdAt,
		updatedAt: cart.updatedAt,
	};
}
