import { countryName } from '../../core/countries';
import { parseDateFilter } from '../../core/dates';
import { percentOf, toCents, type Cents } from '../../core/money';
import { nowSecond, type StoreContext } from '../../store/StoreContext';
import type { Order, OrderAddress, OrderCoupon, OrderLine } from '../../store/types';
import { orderEvent } from '../../webhooks/events';
import { couponLineFor, findCouponCode, recordCouponUse } from '../promotions/couponRedemption';
import { applyStatus, invalid, requireOrder } from './orderChanges';
import type { OrderCreateInput, OrderUpdateInput } from './orderInput';
import { STATUS } from './orderStatuses';

function address(input: Partial<OrderAddress> | undefined, fallback: Partial<OrderAddress>): OrderAddress {
	const a = { ...fallback, ...(input ?? {}) };
	const iso2 = (a.country_iso2 ?? 'US').toUpperCase();
	return {
		first_name: a.first_name ?? '',
		last_name: a.last_name ?? '',
		company: a.company ?? '',
		street_1: a.street_1 ?? '',
		street_2: a.street_2 ?? '',
		city: a.city ?? '',
		state: a.state ?? '',
		zip: a.zip ?? '',
		country: a.country ?? countryName(iso2),
		country_iso2: iso2,
		phone: a.phone ?? '',
		email: a.email ?? '',
	};
}

/** The customer's first address as an order address, so orders of registered customers look complete. */
function customerDefaults(ctx: StoreContext, customerId: number): Partial<OrderAddress> {
	const c = ctx.state.customers.get(customerId);
	if (!c) return {};
	const a = c.addresses[0];
	return {
		first_name: c.first_name,
		last_name: c.last_name,
		company: c.company,
		phone: c.phone,
		email: c.email,
		...(a ? { street_1: a.address1, street_2: a.address2, city: a.city, state: a.state_or_province, zip: a.postal_code, country: a.country, country_iso2: a.country_code } : {}),
	};
}

function withTax(exTax: Cents, ratePercent: number): Cents {
	return exTax + percentOf(exTax, ratePercent);
}

function line(ctx: StoreContext, input: OrderCreateInput['products'][number], taxRate: number, index: number): OrderLine {
	let name = input.name;
	let sku = input.sku ?? '';
	let price: Cents | undefined = input.price_ex_tax !== undefined ? toCents(input.price_ex_tax) : undefined;
	let variantId = input.variant_id ?? 0;
	let brand = '';
	let type: OrderLine['type'] = 'physical';
	if (input.product_id !== undefined && input.product_id !== 0) {
		const product = ctx.state.products.get(input.product_id);
		if (!product) throw invalid(`products.${index}.product_id`, `product ${input.product_id} does not exist`);
		const variant = input.variant_id !== undefined ? product.variants.find((v) => v.id === input.variant_id) : product.variants[0];
		if (input.variant_id !== undefined && !variant) throw invalid(`products.${index}.variant_id`, `variant ${input.variant_id} does not exist`);
		name ??= product.name;
		sku = input.sku ?? variant?.sku ?? product.sku;
		variantId = variant?.id ?? 0;
		brand = product.brand;
		type = product.type;
		const variantPrice = variant?.sale_price || variant?.price || null;
		price ??= variantPrice ?? (product.sale_price || product.price);
	}
	if (!name) throw invalid(`products.${index}.name`, 'a custom product needs a name');
	if (price === undefined) throw invalid(`products.${index}.price_ex_tax`, 'a custom product needs a price');
	const incTax = input.price_inc_tax !== undefined ? toCents(input.price_inc_tax) : withTax(price, taxRate);
	return {
		id: ctx.state.ids.orderProduct.take(),
		product_id: input.product_id ?? 0,
		variant_id: variantId,
		name,
		sku,
		type,
		brand,
		quantity: input.quantity,
		basePrice: price,
		priceExTax: price,
		priceIncTax: incTax,
		quantity_shipped: 0,
		quantity_refunded: 0,
		refunded: 0,
		options: input.product_options ?? [],
	};
}

function couponLines(ctx: StoreContext, input: OrderCreateInput['coupons'], merchandise: Cents): OrderCoupon[] {
	return (input ?? []).map((c, i) => {
		const found = findCouponCode(ctx, c.code);
		if (found && c.type === undefined && c.discount === undefined) {
			const figures = couponLineFor(found.promotion, merchandise);
			recordCouponUse(found);
			return { id: ctx.state.ids.orderCoupon.take(), coupon_id: found.promotion.id, code: found.code.code, ...figures };
		}
		const type = (c.type ?? 2) as OrderCoupon['type'];
		const amount = c.amount ?? 0;
		let discount: Cents;
		if (c.discount !== undefined) discount = toCents(c.discount);
		else if (type === 1) discount = percentOf(merchandise, amount);
		else if (type === 0 || type === 2) discount = Math.min(toCents(amount), merchandise);
		else throw invalid(`coupons.${i}.discount`, 'give the discount for this coupon type');
		if (found) recordCouponUse(found);
		return { id: ctx.state.ids.orderCoupon.take(), coupon_id: found?.promotion.id ?? 0, code: c.code, type, amount, discount };
	});
}

/** Creates an order and fires store/order/created. */
export function createOrder(ctx: StoreContext, input: OrderCreateInput): Order {
	const customerId = input.customer_id ?? 0;
	if (customerId !== 0 && !ctx.state.customers.has(customerId)) throw invalid('customer_id', `customer ${customerId} does not exist`);
	const channelId = input.channel_id ?? 1;
	if (!ctx.state.channels.has(channelId)) throw invalid('channel_id', `channel ${channelId} does not exist`);
	const created = input.date_created !== undefined ? parseDateFilter(input.date_created) : nowSecond(ctx);
	if (created === undefined) throw invalid('date_created', 'not a date');
	const taxRate = input.tax_rate ?? 0;
	const products = input.products.map((p, i) => line(ctx, p, taxRate, i));
	const merchandise = products.reduce((sum, l) => sum + l.priceExTax * l.quantity, 0);
	const billing = address(input.billing_address, customerDefaults(ctx, customerId));
	const shippingEx = input.shipping_cost_ex_tax !== undefined ? toCents(input.shipping_cost_ex_tax) : 0;
	const id = ctx.state.ids.order.take();
	const order: Order = {
		id,
		customer_id: customerId,
		channel_id: channelId,
		cart_id: input.cart_id ?? '',
		status_id: input.status_id ?? STATUS.PENDING,
		dateCreated: created,
		dateModified: created,
		dateShipped: null,
		billing_address: billing,
		shipping_address: address(input.shipping_addresses?.[0], billing),
		shippingAddressId: ctx.state.ids.orderAddress.take(),
		products,
		coupons: couponLines(ctx, input.coupons, merchandise),
		shipments: [],
		refunds: [],
		shippingExTax: shippingEx,
		shippingIncTax: input.shipping_cost_inc_tax !== undefined ? toCents(input.shipping_cost_inc_tax) : withTax(shippingEx, taxRate),
		otherDiscount: input.discount_amount !== undefined ? toCents(input.discount_amount) : 0,
		payment_method: input.payment_method ?? 'Manual',
		currency_code: input.currency_code ?? 'USD',
		staff_notes: input.staff_notes ?? '',
		customer_message: input.customer_message ?? '',
		customer_locale: input.customer_locale ?? 'en',
		order_source: input.order_source ?? 'external',
		external_source: input.external_source ?? null,
		ip_address: input.ip_address ?? '',
		is_email_opt_in: input.is_email_opt_in ?? false,
		is_deleted: false,
	};
	ctx.state.orders.set(id, order);
	ctx.emit(orderEvent('created', id));
	return order;
}

/** Changes an order (PUT /v2/orders/{id} or the control API); fires store/order/updated. */
export function updateOrder(ctx: StoreContext, id: number, input: OrderUpdateInput): Order {
	const order = requireOrder(ctx, id);
	if (input.customer_id !== undefined && input.customer_id !== 0 && !ctx.state.customers.has(input.customer_id)) {
		throw invalid('customer_id', `customer ${input.customer_id} does not exist`);
	}
	if (input.customer_id !== undefined) order.customer_id = input.customer_id;
	if (input.billing_address) order.billing_address = address(input.billing_address, order.billing_address);
	if (input.staff_notes !== undefined) order.staff_notes = input.staff_notes;
	if (input.customer_message !== undefined) order.customer_message = input.customer_message;
	if (input.payment_method !== undefined) order.payment_method = input.payment_method;
	if (input.is_email_opt_in !== undefined) order.is_email_opt_in = input.is_email_opt_in;
	order.dateModified = nowSecond(ctx);
	if (input.status_id !== undefined) applyStatus(ctx, order, input.status_id);
	ctx.emit(orderEvent('updated', order.id));
	return order;
}

export function setOrderStatus(ctx: StoreContext, id: number, statusId: number): Order {
	return updateOrder(ctx, id, { status_id: statusId });
}

/** Archives an order (DELETE /v2/orders/{id}); fires store/order/archived. */
export function archiveOrder(ctx: StoreContext, id: number): void {
	const order = requireOrder(ctx, id);
	order.is_deleted = true;
	order.dateModified = nowSecond(ctx);
	ctx.emit(orderEvent('archived', id));
}
