import type { z } from 'zod';
import type { SandboxRequest, SandboxResponse } from '../http/router';
import { buildControlRouter, handleControlRequest } from './control/controlRoutes';
import { controlCustomerCreate, controlCustomerUpdate } from './control/controlInputs';
import { ApiError } from './http/apiErrors';
import type { RequestFaultSpec } from './http/faults';
import type { RateLimitSettings } from './http/rateLimiter';
import { abandonCart, addCartItems, convertCart, createCart, deleteCart, removeCartItem, updateCart, updateCartItem, type ConvertOptions } from './resources/carts/cartOps';
import type { CartCreateInput, CartItemsInput } from './resources/carts/cartInput';
import { cartV3 } from './resources/carts/cartViews';
import { channelInput, createChannel } from './resources/channels/channelOps';
import { channelV3 } from './resources/channels/channelsV3Routes';
import { createCustomerGroup, customerGroupInput } from './resources/customerGroups/customerGroupOps';
import { customerGroupV2 } from './resources/customerGroups/customerGroupsV2Routes';
import { createCustomer, deleteCustomer, updateCustomer } from './resources/customers/customerOps';
import { customerV3 } from './resources/customers/customerViews';
import { hookV3 } from './resources/hooks/hooksV3Routes';
import { orderCreateInput, orderUpdateInput, refundInput, type ShipmentInput } from './resources/orders/orderInput';
import { archiveOrder, createOrder, updateOrder } from './resources/orders/orderOps';
import { refundOrder } from './resources/orders/refundOps';
import { addShipment } from './resources/orders/shipmentOps';
import { orderV2, refundV3, shipmentV2 } from './resources/orders/orderViews';
import { productFields, productUpdateInput, type ProductCreateInput } from './resources/products/productInput';
import { createProduct, deleteProduct, updateProduct } from './resources/products/productOps';
import { productV3 } from './resources/products/productViews';
import { addCouponCode, couponCodeInput, createPromotion, promotionCreateInput } from './resources/promotions/promotionOps';
import { couponCodeV3, promotionV3 } from './resources/promotions/promotionViews';
import { seedSampleStore } from './seed/sampleStore';
import type { Order } from './store/types';
import { SandboxEngine, type BigCommerceSandboxOptions } from './SandboxEngine';
import type { Delivery, WebhookEvent } from './webhooks/deliveryLog';
import type { ReleaseOrder } from './webhooks/dispatcher';
import { toEnvelope } from './webhooks/dispatcher';

type Json = Record<string, unknown>;
const ALL_CUSTOMER_INCLUDES = new Set(['addresses', 'storecredit', 'attributes']);
const ALL_PRODUCT_INCLUDES = new Set(['variants', 'images', 'custom_fields', 'primary_image', 'channels']);

/**
 * The BigCommerce emulator. Every control method here is also reachable over HTTP below
 * `/_sandbox` (see CONTROL_API.md) and returns the same JSON: resources as the API shows them
 * (v3 customers, products, carts; v2 orders), so a test can compare them with what a client read.
 */
export class BigCommerceSandbox extends SandboxEngine {
	private readonly control = buildControlRouter(this);

	constructor(options: BigCommerceSandboxOptions = {}) {
		super(options);
		if (options.seed) this.seed();
	}

	protected handleControl(req: SandboxRequest): Promise<SandboxResponse> {
		return handleControlRequest(this.control, req);
	}

	// ---- store ----------------------------------------------------------------------------

	info(): Json {
		return {
			storeHash: this.storeHash,
			storeId: this.storeId,
			url: this.url,
			apiBaseV2: this.apiBase('v2'),
			apiBaseV3: this.apiBase('v3'),
			accessToken: this.accessToken,
			clientId: this.clientId,
			counts: {
				customers: this.state.customers.size,
				orders: this.state.orders.size,
				carts: [...this.state.carts.values()].filter((c) => c.state === 'active').length,
				products: this.state.products.size,
				hooks: this.state.hooks.size,
				webhookEvents: this.webhooks.events.length,
			},
		};
	}

	/** Empties the store (data, hooks, webhook log, faults, the current rate window); settings and tokens stay. */
	reset(options: { seed?: boolean } = {}): Json {
		this.webhooks.reset();
		this.timeline.clear();
		this.state.reset();
		this.faults.clear();
		this.rateLimiter.resetWindow();
		if (options.seed) this.seed();
		return this.info();
	}

	/** Adds the sample store's data (fires no webhooks). Run it on an empty store. */
	seed(): Json {
		seedSampleStore(this.ctx);
		return this.info();
	}

	addToken(accessToken: string, clientId: string): { accessToken: string; clientId: string } {
		this.tokens.register(accessToken, clientId);
		return { accessToken, clientId };
	}

	listTokens(): { accessToken: string; clientId: string }[] {
		return this.tokens.list();
	}

	// ---- customers, groups, channels ----------------------------------------------------------

	createCustomer(input: z.input<typeof controlCustomerCreate>): Json {
		const { store_credit, accepts_marketing, date_created, ...fields } = controlCustomerCreate.parse(input);
		return customerV3(createCustomer(this.ctx, fields, { store_credit, accepts_marketing, date_created }), ALL_CUSTOMER_INCLUDES);
	}

	updateCustomer(id: number, input: z.input<typeof controlCustomerUpdate>): Json {
		const { store_credit, accepts_marketing, ...fields } = controlCustomerUpdate.parse(input);
		return customerV3(updateCustomer(this.ctx, id, fields, { store_credit, accepts_marketing }), ALL_CUSTOMER_INCLUDES);
	}

	deleteCustomer(id: number): { deleted: boolean } {
		return { deleted: deleteCustomer(this.ctx, id) };
	}

	createCustomerGroup(input: z.input<typeof customerGroupInput>): Json {
		return customerGroupV2(createCustomerGroup(this.ctx, input));
	}

	createChannel(input: z.input<typeof channelInput>): Json {
		return channelV3(createChannel(this.ctx, input));
	}

	// ---- products and promotions ------------------------------------------------------------

	createProduct(input: ProductCreateInput): Json {
		return productV3(createProduct(this.ctx, productFields.parse(input)), ALL_PRODUCT_INCLUDES, this.storeHash);
	}

	updateProduct(id: number, input: z.input<typeof productUpdateInput>): Json {
		return productV3(updateProduct(this.ctx, id, productUpdateInput.parse(input)), ALL_PRODUCT_INCLUDES, this.storeHash);
	}

	deleteProduct(id: number): { deleted: boolean } {
		return { deleted: deleteProduct(this.ctx, id) };
	}

	createPromotion(input: z.input<typeof promotionCreateInput>): Json {
		return promotionV3(createPromotion(this.ctx, promotionCreateInput.parse(input)));
	}

	addCouponCode(promotionId: number, input: z.input<typeof couponCodeInput>): Json {
		return couponCodeV3(addCouponCode(this.ctx, promotionId, couponCodeInput.parse(input)));
	}

	// ---- orders -------------------------------------------------------------------------------

	createOrder(input: z.input<typeof orderCreateInput>): Json {
		return orderV2(createOrder(this.ctx, orderCreateInput.parse(input)), this.apiBase('v2'));
	}

	updateOrder(id: number, input: z.input<typeof orderUpdateInput>): Json {
		return orderV2(updateOrder(this.ctx, id, orderUpdateInput.parse(input)), this.apiBase('v2'));
	}

	/** Fires store/order/statusUpdated (previous → new) and store/order/updated. */
	setOrderStatus(id: number, statusId: number): Json {
		return this.updateOrder(id, { status_id: statusId });
	}

	/** Full refund without amount/items; partial with an amount (store currency) or order product lines. */
	refundOrder(id: number, input: z.input<typeof refundInput> = {}): Json {
		const refund = refundOrder(this.ctx, id, refundInput.parse(input));
		return { refund: refundV3(refund), order: orderV2(this.orderOf(id), this.apiBase('v2')) };
	}

	/** Ships items (all by default) and moves the order to Shipped / Partially Shipped. */
	shipOrder(id: number, input: ShipmentInput = {}): Json {
		const shipment = addShipment(this.ctx, id, input);
		const order = this.orderOf(id);
		return { shipment: shipmentV2(order, shipment), order: orderV2(order, this.apiBase('v2')) };
	}

	private orderOf(id: number): Order {
		const order = this.state.orders.get(id);
		if (!order) throw new ApiError(404, `Order ${id} not found`);
		return order;
	}

	archiveOrder(id: number): { archived: true } {
		archiveOrder(this.ctx, id);
		return { archived: true };
	}

	// ---- carts --------------------------------------------------------------------------------

	private cartView(id: string): Json {
		const cart = this.state.carts.get(id);
		return cart ? cartV3(this.ctx, cart, new Set(['redirect_urls'])) : {};
	}

	createCart(input: CartCreateInput): Json {
		return this.cartView(createCart(this.ctx, input).id);
	}

	/** Sets the guest email and/or signs a customer in (store/cart/updated). */
	updateCart(id: string, input: { email?: string; customer_id?: number }): Json {
		return this.cartView(updateCart(this.ctx, id, input).id);
	}

	addCartItems(id: string, input: CartItemsInput): Json {
		return this.cartView(addCartItems(this.ctx, id, input).id);
	}

	/** quantity 0 removes the line; removing the last line deletes the cart (then returns `{deleted: true}`). */
	updateCartItem(id: string, itemId: string, input: { quantity: number; list_price?: number }): Json {
		const cart = updateCartItem(this.ctx, id, itemId, input);
		return cart ? this.cartView(cart.id) : { deleted: true };
	}

	removeCartItem(id: string, itemId: string): Json {
		const cart = removeCartItem(this.ctx, id, itemId);
		return cart ? this.cartView(cart.id) : { deleted: true };
	}

	deleteCart(id: string): { deleted: true } {
		deleteCart(this.ctx, id);
		return { deleted: true };
	}

	/** Fires store/cart/abandoned now, as BigCommerce does after an idle hour. */
	abandonCart(id: string): Json {
		return this.cartView(abandonCart(this.ctx, id).id);
	}

	/** Checks the cart out: store/order/created, then store/cart/converted; the cart answers 404 afterwards. */
	convertCart(id: string, options: ConvertOptions = {}): Json {
		const order = convertCart(this.ctx, id, options);
		return { cart_id: id, order: orderV2(order, this.apiBase('v2')) };
	}

	/** Idle time (emulated ms) before store/cart/abandoned fires by itself; null turns that off. */
	setCartAbandonAfter(ms: number | null): { cartAbandonAfterMs: number | null } {
		this.cartAbandonAfter = ms;
		return { cartAbandonAfterMs: ms };
	}

	// ---- webhooks -----------------------------------------------------------------------------

	/** Every hook of every client. */
	allHooks(): Json[] {
		return [...this.state.hooks.values()].map((h) => hookV3(h, this.storeHash));
	}

	/**
	 * Switches a hook off, as BigCommerce does once the last retry of a delivery failed (48 h) or
	 * after 90 days without events — without waiting for either. Deliveries pending for it are
	 * cancelled when their turn comes, as for any inactive hook.
	 */
	deactivateHook(id: number): Json {
		const hook = this.state.hooks.get(id);
		if (!hook) throw new ApiError(404, `Hook ${id} not found`);
		hook.is_active = false;
		hook.updated_at = Math.floor(this.clock.nowMs() / 1000);
		return hookV3(hook, this.storeHash);
	}

	webhookEvents(): (WebhookEvent & { envelope: ReturnType<typeof toEnvelope> })[] {
		return this.webhooks.events.map((e) => ({ ...e, envelope: toEnvelope(e) }));
	}

	deliveries(filter: { hookId?: number; eventId?: number; scope?: string; state?: string } = {}): Delivery[] {
		return this.webhooks.deliveries.filter(
			(d) =>
				(filter.hookId === undefined || d.hookId === filter.hookId) &&
				(filter.eventId === undefined || d.eventId === filter.eventId) &&
				(filter.scope === undefined || d.scope === filter.scope) &&
				(filter.state === undefined || d.state === filter.state),
		);
	}

	/** Fires any event, e.g. one the emulator has no data change for. */
	emitEvent(scope: string, data: Record<string, unknown>): WebhookEvent {
		return this.webhooks.publish({ scope, data });
	}

	/** Delivers a past event again with the same hash (to one hook, or every matching active hook). */
	duplicateEvent(eventId: number, hookId?: number): Delivery[] {
		return this.webhooks.duplicate(eventId, hookId);
	}

	/** Fires a past event's scope and data as a new event (new hash). */
	replayEvent(eventId: number): WebhookEvent {
		return this.webhooks.replay(eventId);
	}

	holdDeliveries(scope?: string): { holding: true; scope?: string } {
		this.webhooks.hold(scope);
		return { holding: true, scope };
	}

	releaseDeliveries(order: ReleaseOrder = 'fifo', deliveryIds?: number[]): Delivery[] {
		return this.webhooks.release(order, deliveryIds);
	}

	/** Resolves when no delivery is queued or in flight (held ones and scheduled retries excepted). */
	idle(): Promise<void> {
		return this.webhooks.idle();
	}

	/** Deliveries in flight at once per hook (1 = one at a time, in event order). */
	setWebhookConcurrency(concurrency: number): { concurrency: number } {
		if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('concurrency must be a whole number of at least 1');
		this.webhooks.settings.concurrency = concurrency;
		return { concurrency };
	}

	setWebhookTimeout(timeoutMs: number): { timeoutMs: number } {
		if (!(timeoutMs > 0)) throw new Error('timeoutMs must be positive');
		this.webhooks.settings.timeoutMs = timeoutMs;
		return { timeoutMs };
	}

	// ---- faults, quota, time ------------------------------------------------------------------

	addFault(spec: RequestFaultSpec): Json {
		return { ...this.faults.add(spec) };
	}

	/** Every delivery of the next `events` events (all, when omitted) is sent 1 + extraCopies times. */
	duplicateDeliveries(extraCopies = 1, events?: number): Json {
		this.faults.setDuplicates(extraCopies, events);
		return { duplicates: this.faults.duplicates };
	}

	listFaults(): Json {
		return this.faults.list() as unknown as Json;
	}

	clearFaults(): Json {
		this.faults.clear();
		return this.listFaults();
	}

	setRateLimit(settings: Partial<RateLimitSettings>): Json {
		this.rateLimiter.configure(settings);
		return this.rateLimit();
	}

	rateLimit(): Json {
		return this.rateLimiter.status();
	}

	setTimeScale(scale: number): Json {
		this.timeline.setScale(scale);
		return this.time();
	}

	/** Moves time forward: due webhook retries and cart abandonments run, rate windows pass, dates move. */
	advanceTime(ms: number): Json {
		if (!(ms >= 0)) throw new Error('ms must be a non-negative number');
		this.timeline.advance(ms);
		return this.time();
	}

	time(): Json {
		return { now: new Date(this.clock.nowMs()).toISOString(), timeScale: this.timeline.getScale() };
	}
}

/** Starts an emulator on 127.0.0.1 (a free port unless `port` is given). */
export async function startBigCommerceSandbox(options: BigCommerceSandboxOptions = {}): Promise<BigCommerceSandbox> {
	const sandbox = new BigCommerceSandbox(options);
	await sandbox.listen(options.port ?? 0);
	return sandbox;
}
