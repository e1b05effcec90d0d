// The BigCommerce emulator's control API (sandbox/bigcommerce/CONTROL_API.md), as far as the store
// day uses it, over HTTP. Answers are checked with zod for the fields the day reads; everything
// else passes through untouched.
import { z } from 'zod';
import { controlCall } from './control-http';

const customerSchema = z.object({ id: z.number().int(), email: z.string() }).passthrough();
const orderSchema = z.object({ id: z.number().int(), status_id: z.number().int() }).passthrough();
const cartLineSchema = z.object({ id: z.string(), product_id: z.number().int(), quantity: z.number() }).passthrough();
const cartSchema = z
	.object({
		id: z.string(),
		redirect_urls: z.object({ checkout_url: z.string() }).passthrough(),
		line_items: z.object({ physical_items: z.array(cartLineSchema) }).passthrough(),
	})
	.passthrough();
const productSchema = z.object({ id: z.number().int(), name: z.string() }).passthrough();
const eventSchema = z.object({ id: z.number().int(), scope: z.string(), hash: z.string(), data: z.record(z.unknown()) }).passthrough();
const deliverySchema = z
	.object({ id: z.number().int(), eventId: z.number().int(), hookId: z.number().int(), hash: z.string(), state: z.string(), destination: z.string() })
	.passthrough();
const hookSchema = z.object({ id: z.number().int(), scope: z.string(), destination: z.string(), is_active: z.boolean() }).passthrough();
const infoSchema = z.object({ storeHash: z.string(), url: z.string(), accessToken: z.string() }).passthrough();
const anything = z.unknown();

export type BcCustomer = z.infer<typeof customerSchema>;
export type BcOrder = z.infer<typeof orderSchema>;
export type BcCart = z.infer<typeof cartSchema>;
export type BcProduct = z.infer<typeof productSchema>;
export type BcWebhookEvent = z.infer<typeof eventSchema>;
export type BcDelivery = z.infer<typeof deliverySchema>;
export type BcHook = z.infer<typeof hookSchema>;

/** A catalog line (`product_id`, optional `variant_id`) or a custom one (`name`, `price_ex_tax`). */
export type OrderLine = { product_id: number; variant_id?: number; quantity: number } | { name: string; quantity: number; price_ex_tax: string };

export class BigCommerceControl {
	/** @param url the emulator's URL, e.g. http://127.0.0.1:4010 (its API Base URL) */
	constructor(readonly url: string) {}

	private call<T>(method: string, route: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, body?: unknown): Promise<T> {
		return controlCall('BigCommerce', this.url, method, `/_sandbox${route}`, schema, body);
	}

	info() {
		return this.call('GET', '', infoSchema);
	}

	createCustomer(body: {
		email: string;
		first_name: string;
		last_name: string;
		customer_group_id?: number;
		phone?: string;
		company?: string;
		origin_channel_id?: number;
		channel_ids?: number[];
	}): Promise<BcCustomer> {
		return this.call('POST', '/customers', customerSchema, body);
	}

	createOrder(body: { customer_id: number; channel_id?: number; status_id?: number; products: OrderLine[] }): Promise<BcOrder> {
		return this.call('POST', '/orders', orderSchema, body);
	}

	setOrderStatus(id: number, statusId: number): Promise<BcOrder> {
		return this.call('POST', `/orders/${id}/status`, orderSchema, { status_id: statusId });
	}

	shipOrder(id: number, body: { tracking_number: string; shipping_provider: string; tracking_carrier: string }): Promise<{ order: BcOrder }> {
		return this.call('POST', `/orders/${id}/shipments`, z.object({ order: orderSchema }).passthrough(), body);
	}

	/** `{}` refunds what is left; `{amount}` refunds that much (store currency). */
	refundOrder(id: number, body: { amount?: string; reason?: string }): Promise<{ refund: { id: number }; order: BcOrder }> {
		return this.call('POST', `/orders/${id}/refunds`, z.object({ refund: z.object({ id: z.number().int() }).passthrough(), order: orderSchema }).passthrough(), body);
	}

	createCart(body: { customer_id?: number; email?: string; channel_id?: number; line_items: Array<{ product_id: number; variant_id?: number; quantity: number }> }): Promise<BcCart> {
		return this.call('POST', '/carts', cartSchema, body);
	}

	addCartItems(id: string, lineItems: Array<{ product_id: number; variant_id?: number; quantity: number }>): Promise<BcCart> {
		return this.call('POST', `/carts/${id}/items`, cartSchema, { line_items: lineItems });
	}

	/** Removing the last line deletes the cart (BigCommerce's behaviour): the answer is then `{deleted: true}`. */
	removeCartItem(id: string, itemId: string): Promise<unknown> {
		return this.call('DELETE', `/carts/${id}/items/${itemId}`, anything);
	}

	/** Fires store/cart/abandoned now (BigCommerce does after an idle hour). */
	abandonCart(id: string): Promise<unknown> {
		return this.call('POST', `/carts/${id}/abandon`, anything);
	}

	/** Checks the cart out: an order with its `cart_id`, then store/cart/converted. */
	convertCart(id: string): Promise<{ cart_id: string; order: BcOrder }> {
		return this.call('POST', `/carts/${id}/convert`, z.object({ cart_id: z.string(), order: orderSchema }).passthrough(), {});
	}

	createProduct(body: { name: string; price: string; sku?: string; inventory_level?: number; custom_fields?: Array<{ name: string; value: string }> }): Promise<BcProduct> {
		return this.call('POST', '/products', productSchema, body);
	}

	updateProduct(id: number, body: { price?: string; sale_price?: string; inventory_level?: number }): Promise<BcProduct> {
		return this.call('PUT', `/products/${id}`, productSchema, body);
	}

	webhookEvents(): Promise<BcWebhookEvent[]> {
		return this.call('GET', '/webhooks/events', z.array(eventSchema));
	}

	deliveries(filter: { state?: string } = {}): Promise<BcDelivery[]> {
		const query = filter.state ? `?state=${encodeURIComponent(filter.state)}` : '';
		return this.call('GET', `/webhooks/deliveries${query}`, z.array(deliverySchema));
	}

	allHooks(): Promise<BcHook[]> {
		return this.call('GET', '/webhooks/hooks', z.array(hookSchema));
	}

	/** Answers once no delivery is queued or in flight (held ones and scheduled retries excepted). */
	async idle(): Promise<void> {
		await this.call('POST', '/webhooks/idle', anything);
	}

	/** Delivers the event again with the same envelope and hash: BigCommerce repeating itself. */
	async duplicateEvent(eventId: number): Promise<void> {
		await this.call('POST', `/webhooks/events/${eventId}/duplicate`, anything, {});
	}

	/** Fires the event's scope and data again as a new event (new hash). */
	async replayEvent(eventId: number): Promise<void> {
		await this.call('POST', `/webhooks/events/${eventId}/replay`, anything);
	}

	/** Every delivery of the next `events` events goes out `1 + extraCopies` times, same hash. */
	async duplicateDeliveries(extraCopies: number, events: number): Promise<void> {
		await this.call('POST', '/faults/duplicate-deliveries', anything, { extraCopies, events });
	}

	async holdDeliveries(): Promise<void> {
		await this.call('POST', '/webhooks/hold', anything, {});
	}

	/** Sends the held deliveries, newest first with `lifo` (out-of-order delivery), and stops holding. */
	async releaseDeliveries(order: 'fifo' | 'lifo'): Promise<void> {
		await this.call('POST', '/webhooks/release', anything, { order });
	}
}
