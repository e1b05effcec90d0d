import { hexToken, uuid } from '../../core/ids';
import { toCents } from '../../core/money';
import { ApiError } from '../../http/apiErrors';
import { nowSecond, type StoreContext } from '../../store/StoreContext';
import type { Cart, CartLine, Order } from '../../store/types';
import { cartAbandoned, cartConverted, cartEvent, cartLineItemEvent } from '../../webhooks/events';
import { createOrder } from '../orders/orderOps';
import type { OrderCreateInput } from '../orders/orderInput';
import { STATUS } from '../orders/orderStatuses';
import { cartCreateInput, cartItemsInput, type CartCreateInput, type CartItemsInput } from './cartInput';
import type { z } from 'zod';

type LineInput = z.infer<typeof cartCreateInput>['line_items'][number];
type CustomInput = z.infer<typeof cartCreateInput>['custom_items'][number];

function requireCart(ctx: StoreContext, id: string): Cart {
	const cart = ctx.state.activeCart(id);
	if (!cart) throw new ApiError(404, 'The resource at that URL is not found.');
	return cart;
}

function catalogLine(ctx: StoreContext, input: LineInput, index: number): CartLine {
	const product = ctx.state.products.get(input.product_id);
	if (!product) throw new ApiError(422, `Product with id ${input.product_id} not found.`, { [`line_items.${index}.product_id`]: 'not found' });
	const variant = input.variant_id !== undefined ? product.variants.find((v) => v.id === input.variant_id) : product.variants[0];
	if (!variant) throw new ApiError(422, `Variant with id ${input.variant_id} not found.`, { [`line_items.${index}.variant_id`]: 'not found' });
	const original = variant.price ?? product.price;
	const catalogPrice = (variant.sale_price ?? product.sale_price) || original;
	const list = input.list_price !== undefined ? toCents(input.list_price) : catalogPrice;
	return {
		id: uuid(),
		product_id: product.id,
		variant_id: variant.id,
		sku: variant.sku || product.sku,
		name: input.name ?? product.name,
		url: product.custom_url,
		image_url: product.images.find((i) => i.is_thumbnail)?.image_url ?? product.images[0]?.image_url ?? defaultImage(ctx),
		quantity: input.quantity,
		listPrice: list,
		salePrice: list,
		originalPrice: original,
		kind: product.type === 'digital' ? 'digital' : 'physical',
	};
}

function customLine(input: CustomInput): CartLine {
	const price = toCents(input.list_price);
	return {
		id: uuid(),
		product_id: 0,
		variant_id: 0,
		sku: input.sku ?? '',
		name: input.name,
		url: '',
		image_url: input.image_url ?? '',
		quantity: input.quantity,
		listPrice: price,
		salePrice: price,
		originalPrice: price,
		kind: 'custom',
	};
}

/** BigCommerce shows its placeholder image for products without one (carts.v3 types image_url as a URI). */
function defaultImage(ctx: StoreContext): string {
	return `https://cdn11.bigcommerce.com/s-${ctx.storeHash}/stencil/00000000-0000-0000-0000-000000000000/img/ProductDefault.gif`;
}

/** Any change restarts the idle clock behind store/cart/abandoned. */
function touch(ctx: StoreContext, cart: Cart): void {
	cart.dateModified = nowSecond(ctx);
	cart.version++;
	scheduleAbandonment(ctx, cart);
}

function scheduleAbandonment(ctx: StoreContext, cart: Cart): void {
	ctx.timeline.cancel(cart.abandonTask);
	cart.abandonTask = undefined;
	const after = ctx.cartAbandonAfterMs();
	if (after === null) return;
	cart.abandonTask = ctx.timeline.after(after, () => {
		cart.abandonTask = undefined;
		if (cart.state === 'active') ctx.emit(cartAbandoned(cart.id, cart.abandonToken));
	});
}

function customerEmail(ctx: StoreContext, customerId: number): string {
	return ctx.state.customers.get(customerId)?.email ?? '';
}

/** Creates a cart; fires store/cart/created, store/cart/lineItem/created per line and store/cart/updated. */
export function createCart(ctx: StoreContext, raw: CartCreateInput): Cart {
	const parsed = cartCreateInput.safeParse(raw);
	if (!parsed.success) throw new ApiError(422, 'JSON data is missing or invalid', Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
	const input = parsed.data;
	const customerId = input.customer_id ?? 0;
	if (customerId !== 0 && !ctx.state.customers.has(customerId)) throw new ApiError(422, `Customer with id ${customerId} not found.`, { customer_id: 'not found' });
	const channelId = input.channel_id ?? 1;
	if (!ctx.state.channels.has(channelId)) throw new ApiError(422, `Channel with id ${channelId} not found.`, { channel_id: 'not found' });
	const lines = [...input.line_items.map((l, i) => catalogLine(ctx, l, i)), ...input.custom_items.map(customLine)];
	const now = nowSecond(ctx);
	const cart: Cart = {
		id: uuid(),
		customer_id: customerId,
		channel_id: channelId,
		email: input.email ?? customerEmail(ctx, customerId),
		currency: input.currency?.code ?? 'USD',
		locale: input.locale ?? 'en',
		lines,
		version: 1,
		abandonToken: hexToken(),
		redirectToken: hexToken(32),
		state: 'active',
		orderId: null,
		dateCreated: now,
		dateModified: now,
	};
	ctx.state.carts.set(cart.id, cart);
	scheduleAbandonment(ctx, cart);
	ctx.emit(cartEvent('created', cart.id));
	for (const l of lines) ctx.emit(cartLineItemEvent('created', l.id, cart.id));
	ctx.emit(cartEvent('updated', cart.id));
	return cart;
}

/** Adds lines (a line for the same variant grows instead); fires lineItem events and store/cart/updated. */
export function addCartItems(ctx: StoreContext, cartId: string, raw: CartItemsInput): Cart {
	const cart = requireCart(ctx, cartId);
	const parsed = cartItemsInput.safeParse(raw);
	if (!parsed.success) throw new ApiError(422, 'JSON data is missing or invalid', Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
	const fresh = [...parsed.data.line_items.map((l, i) => catalogLine(ctx, l, i)), ...parsed.data.custom_items.map(customLine)];
	for (const line of fresh) {
		const same = line.kind !== 'custom' ? cart.lines.find((l) => l.variant_id === line.variant_id && l.listPrice === line.listPrice) : undefined;
		if (same) {
			same.quantity += line.quantity;
			ctx.emit(cartLineItemEvent('updated', same.id, cart.id));
		} else {
			cart.lines.push(line);
			ctx.emit(cartLineItemEvent('created', line.id, cart.id));
		}
	}
	touch(ctx, cart);
	ctx.emit(cartEvent('updated', cart.id));
	return cart;
}

/**
 * Changes a line's quantity (0 removes it) or price; fires store/cart/lineItem/updated and
 * store/cart/updated. Returns undefined when removing the last line deleted the cart.
 */
export function updateCartItem(ctx: StoreContext, cartId: string, itemId: string, change: { quantity: number; list_price?: number }): Cart | undefined {
	const cart = requireCart(ctx, cartId);
	const line = cart.lines.find((l) => l.id === itemId);
	if (!line) throw new ApiError(404, 'The resource at that URL is not found.');
	if (change.quantity === 0) return removeCartItem(ctx, cartId, itemId);
	line.quantity = change.quantity;
	if (change.list_price !== undefined) line.listPrice = line.salePrice = toCents(change.list_price);
	touch(ctx, cart);
	ctx.emit(cartLineItemEvent('updated', line.id, cart.id));
	ctx.emit(cartEvent('updated', cart.id));
	return cart;
}

/** Removes a line; removing the last one deletes the cart, as BigCommerce does. */
export function removeCartItem(ctx: StoreContext, cartId: string, itemId: string): Cart | undefined {
	const cart = requireCart(ctx, cartId);
	const index = cart.lines.findIndex((l) => l.id === itemId);
	if (index < 0) throw new ApiError(404, 'The resource at that URL is not found.');
	cart.lines.splice(index, 1);
	touch(ctx, cart);
	ctx.emit(cartLineItemEvent('deleted', itemId, cart.id));
	ctx.emit(cartEvent('updated', cart.id));
	if (cart.lines.length === 0) {
		deleteCart(ctx, cart.id);
		return undefined;
	}
	return cart;
}

/** Sets the customer (PUT /v3/carts/{id}) and/or the guest email; fires store/cart/updated. */
export function updateCart(ctx: StoreContext, cartId: string, change: { customer_id?: number; email?: string }): Cart {
	const cart = requireCart(ctx, cartId);
	if (change.customer_id !== undefined) {
		if (change.customer_id !== 0 && !ctx.state.customers.has(change.customer_id)) {
			throw new ApiError(422, `Customer with id ${change.customer_id} not found.`, { customer_id: 'not found' });
		}
		cart.customer_id = change.customer_id;
		// Signing in makes the cart inherit the account's email.
		if (change.customer_id !== 0) cart.email = customerEmail(ctx, change.customer_id);
	}
	if (change.email !== undefined) cart.email = change.email;
	touch(ctx, cart);
	ctx.emit(cartEvent('updated', cart.id));
	return cart;
}

/** Deletes a cart; fires store/cart/deleted. Later reads answer 404. */
export function deleteCart(ctx: StoreContext, cartId: string): void {
	const cart = requireCart(ctx, cartId);
	cart.state = 'deleted';
	ctx.timeline.cancel(cart.abandonTask);
	ctx.emit(cartEvent('deleted', cart.id));
}

/** Fires store/cart/abandoned now (BigCommerce fires it after an idle hour; see cartAbandonAfterMs). */
export function abandonCart(ctx: StoreContext, cartId: string): Cart {
	const cart = requireCart(ctx, cartId);
	ctx.timeline.cancel(cart.abandonTask);
	cart.abandonTask = undefined;
	ctx.emit(cartAbandoned(cart.id, cart.abandonToken));
	return cart;
}

export interface ConvertOptions {
	status_id?: number;
	payment_method?: string;
	coupon_codes?: string[];
	tax_rate?: number;
	shipping_cost_ex_tax?: string | number;
	billing_address?: OrderCreateInput['billing_address'];
}

/**
 * Checks a cart out: creates the order (store/order/created), then fires store/cart/converted with
 * the order id; the cart is gone afterwards (404).
 */
export function convertCart(ctx: StoreContext, cartId: string, options: ConvertOptions = {}): Order {
	const cart = requireCart(ctx, cartId);
	const order = createOrder(ctx, {
		customer_id: cart.customer_id,
		channel_id: cart.channel_id,
		cart_id: cart.id,
		status_id: options.status_id ?? STATUS.AWAITING_FULFILLMENT,
		payment_method: options.payment_method ?? 'Credit Card',
		currency_code: cart.currency,
		tax_rate: options.tax_rate,
		shipping_cost_ex_tax: options.shipping_cost_ex_tax,
		billing_address: { ...(cart.email ? { email: cart.email } : {}), ...(options.billing_address ?? {}) },
		coupons: options.coupon_codes?.map((code) => ({ code })),
		order_source: 'www',
		products: cart.lines.map((l) =>
			l.kind === 'custom'
				? { name: l.name, sku: l.sku, quantity: l.quantity, price_ex_tax: l.salePrice / 100 }
				: { product_id: l.product_id, variant_id: l.variant_id, quantity: l.quantity, price_ex_tax: l.salePrice / 100 },
		),
	});
	cart.state = 'converted';
	cart.orderId = order.id;
	ctx.timeline.cancel(cart.abandonTask);
	ctx.emit(cartConverted(cart.id, order.id));
	return order;
}
