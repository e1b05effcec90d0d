import { isoSeconds, rfc2822 } from '../../core/dates';
import { v2Money, v3Money } from '../../core/money';
import type { Order, OrderCoupon, OrderLine, Refund, Shipment } from '../../store/types';
import { paymentStatusFor, statusName } from './orderStatuses';
import { orderTotals } from './orderTotals';

const ZERO = v2Money(0);

function resource(apiBase: string, path: string) {
	return { url: `${apiBase}${path}`, resource: path };
}

/** A v2 order (orders.v2 `order_Resp`): money as 4-decimal strings, dates in RFC 2822. */
export function orderV2(o: Order, apiBase: string): Record<string, unknown> {
	const t = orderTotals(o);
	const refundStatus = o.status_id === 4 ? 'refunded' : o.status_id === 14 ? 'partially refunded' : undefined;
	return {
		id: o.id,
		customer_id: o.customer_id,
		date_created: rfc2822(o.dateCreated),
		date_modified: rfc2822(o.dateModified),
		date_shipped: o.dateShipped === null ? '' : rfc2822(o.dateShipped),
		status_id: o.status_id,
		status: statusName(o.status_id),
		subtotal_ex_tax: v2Money(t.subtotalExTax),
		subtotal_inc_tax: v2Money(t.subtotalIncTax),
		subtotal_tax: v2Money(t.subtotalTax),
		base_shipping_cost: v2Money(o.shippingIncTax),
		shipping_cost_ex_tax: v2Money(o.shippingExTax),
		shipping_cost_inc_tax: v2Money(o.shippingIncTax),
		shipping_cost_tax: v2Money(o.shippingIncTax - o.shippingExTax),
		shipping_cost_tax_class_id: 0,
		base_handling_cost: ZERO,
		handling_cost_ex_tax: ZERO,
		handling_cost_inc_tax: ZERO,
		handling_cost_tax: ZERO,
		handling_cost_tax_class_id: 0,
		base_wrapping_cost: ZERO,
		wrapping_cost_ex_tax: ZERO,
		wrapping_cost_inc_tax: ZERO,
		wrapping_cost_tax: ZERO,
		wrapping_cost_tax_class_id: 0,
		total_ex_tax: v2Money(t.totalExTax),
		total_inc_tax: v2Money(t.totalIncTax),
		total_tax: v2Money(t.totalTax),
		is_tax_inclusive_pricing: false,
		items_total: t.itemsTotal,
		items_shipped: t.itemsShipped,
		payment_method: o.payment_method,
		payment_provider_id: '',
		payment_status: refundStatus ?? paymentStatusFor(o.status_id),
		refunded_amount: v2Money(t.refunded),
		order_is_digital: o.products.every((l) => l.type === 'digital'),
		store_credit_amount: ZERO,
		gift_certificate_amount: ZERO,
		ip_address: o.ip_address,
		ip_address_v6: '',
		geoip_country: '',
		geoip_country_iso2: '',
		currency_id: 1,
		currency_code: o.currency_code,
		currency_exchange_rate: '1.0000000000',
		default_currency_id: 1,
		default_currency_code: o.currency_code,
		store_default_currency_code: o.currency_code,
		store_default_to_transactional_exchange_rate: '1.0000000000',
		staff_notes: o.staff_notes,
		customer_message: o.customer_message,
		discount_amount: v2Money(t.discount),
		coupon_discount: v2Money(t.couponDiscount),
		shipping_address_count: 1,
		is_deleted: o.is_deleted,
		ebay_order_id: '0',
		cart_id: o.cart_id,
		billing_address: { ...o.billing_address, form_fields: [] },
		is_email_opt_in: o.is_email_opt_in,
		credit_card_type: null,
		order_source: o.order_source,
		channel_id: o.channel_id,
		external_source: o.external_source,
		consignments: resource(apiBase, `/orders/${o.id}/consignments`),
		products: resource(apiBase, `/orders/${o.id}/products`),
		shipping_addresses: resource(apiBase, `/orders/${o.id}/shipping_addresses`),
		coupons: resource(apiBase, `/orders/${o.id}/coupons`),
		external_id: null,
		external_merchant_id: null,
		tax_provider_id: 'BasicTaxProvider',
		customer_locale: o.customer_locale,
		external_order_id: '',
		fees: resource(apiBase, `/orders/${o.id}/fees`),
	};
}

/** A v2 order product (orders.v2 `orderProducts`; the schema is closed, so only its fields). */
export function orderProductV2(o: Order, l: OrderLine): Record<string, unknown> {
	return {
		id: l.id,
		order_id: o.id,
		product_id: l.product_id,
		variant_id: l.variant_id,
		order_pickup_method_id: 0,
		order_address_id: o.shippingAddressId,
		name: l.name,
		name_customer: l.name,
		name_merchant: l.name,
		sku: l.sku,
		upc: '',
		type: l.type,
		base_price: v2Money(l.basePrice),
		price_ex_tax: v2Money(l.priceExTax),
		price_inc_tax: v2Money(l.priceIncTax),
		price_tax: v2Money(l.priceIncTax - l.priceExTax),
		base_total: v2Money(l.basePrice * l.quantity),
		total_ex_tax: v2Money(l.priceExTax * l.quantity),
		total_inc_tax: v2Money(l.priceIncTax * l.quantity),
		total_tax: v2Money((l.priceIncTax - l.priceExTax) * l.quantity),
		weight: '0.0000',
		width: '0.0000',
		height: '0.0000',
		depth: '0.0000',
		quantity: l.quantity,
		base_cost_price: ZERO,
		cost_price_inc_tax: ZERO,
		cost_price_ex_tax: ZERO,
		cost_price_tax: ZERO,
		is_refunded: l.quantity_refunded >= l.quantity,
		quantity_refunded: l.quantity_refunded,
		refund_amount: v2Money(l.refunded),
		return_id: 0,
		wrapping_id: 0,
		wrapping_name: '',
		base_wrapping_cost: ZERO,
		wrapping_cost_ex_tax: ZERO,
		wrapping_cost_inc_tax: ZERO,
		wrapping_cost_tax: ZERO,
		wrapping_message: '',
		quantity_shipped: l.quantity_shipped,
		event_name: null,
		event_date: null,
		fixed_shipping_cost: ZERO,
		ebay_item_id: '',
		ebay_transaction_id: '',
		option_set_id: null,
		parent_order_product_id: null,
		is_bundled_product: false,
		bin_picking_number: '',
		external_id: null,
		brand: l.brand,
		applied_discounts: [],
		product_options: l.options.map((opt, i) => ({
			id: l.id * 100 + i,
			option_id: i + 1,
			order_product_id: l.id,
			product_option_id: i + 1,
			display_name: opt.display_name,
			display_name_customer: opt.display_name,
			display_name_merchant: opt.display_name,
			display_value: opt.display_value,
			display_value_customer: opt.display_value,
			display_value_merchant: opt.display_value,
			value: opt.display_value,
			type: 'Multiple choice',
			name: opt.display_name,
			display_style: '',
		})),
		configurable_fields: [],
		gift_certificate_id: null,
		discounted_total_inc_tax: v2Money(l.priceIncTax * l.quantity),
	};
}

/** A v2 order coupon line (orders.v2 `orderCoupons_Base`): `amount` and `discount` are numbers there. */
export function orderCouponV2(o: Order, c: OrderCoupon): Record<string, unknown> {
	return { id: c.id, coupon_id: c.coupon_id, order_id: o.id, code: c.code, amount: c.amount, type: c.type, discount: c.discount / 100 };
}

/** A v2 shipment (orders.v2 `orderShipment`). */
export function shipmentV2(o: Order, s: Shipment): Record<string, unknown> {
	return {
		id: s.id,
		order_id: s.order_id,
		customer_id: s.customer_id,
		order_address_id: s.order_address_id,
		date_created: rfc2822(s.dateCreated),
		tracking_number: s.tracking_number,
		merchant_shipping_cost: v2Money(s.merchantShippingCost),
		shipping_method: s.shipping_method,
		comments: s.comments,
		shipping_provider: s.shipping_provider,
		tracking_carrier: s.tracking_carrier,
		tracking_link: s.tracking_link,
		billing_address: { ...o.billing_address },
		shipping_address: { ...o.shipping_address },
		items: s.items.map((i) => ({ ...i })),
		shipping_provider_display_name: s.shipping_provider.toUpperCase(),
		generated_tracking_link: '',
	};
}

/** The order's single v2 shipping address (orders.v2 `orderShippingAddress`). */
export function shippingAddressV2(o: Order, apiBase: string): Record<string, unknown> {
	const t = orderTotals(o);
	return {
		id: o.shippingAddressId,
		order_id: o.id,
		...o.shipping_address,
		items_total: t.itemsTotal,
		items_shipped: t.itemsShipped,
		shipping_method: o.shipments[0]?.shipping_method ?? 'Flat Rate',
		base_cost: v2Money(o.shippingIncTax),
		cost_ex_tax: v2Money(o.shippingExTax),
		cost_inc_tax: v2Money(o.shippingIncTax),
		cost_tax: v2Money(o.shippingIncTax - o.shippingExTax),
		cost_tax_class_id: 2,
		base_handling_cost: ZERO,
		handling_cost_ex_tax: ZERO,
		handling_cost_inc_tax: ZERO,
		handling_cost_tax: ZERO,
		handling_cost_tax_class_id: 2,
		shipping_zone_id: 1,
		shipping_zone_name: 'United States',
		form_fields: [],
		shipping_quotes: resource(apiBase, `/orders/${o.id}/shipping_addresses/${o.shippingAddressId}/shipping_quotes`),
	};
}

/**
 * A v3 refund (orders.v3 payment_actions/refunds): money as numbers, except that the single-refund
 * operation (getOrderRefund) types an item's `requested_amount` as a string, while the list
 * operations type it as a number; `itemAmountsAsStrings` follows the former.
 */
export function refundV3(r: Refund, itemAmountsAsStrings = false): Record<string, unknown> {
	const itemAmount = (cents: number) => (itemAmountsAsStrings ? (cents / 100).toFixed(2) : v3Money(cents));
	return {
		id: r.id,
		order_id: r.order_id,
		user_id: 0,
		created: isoSeconds(r.dateCreated),
		reason: r.reason,
		total_amount: v3Money(r.amount),
		total_tax: 0,
		uses_merchant_override_values: false,
		items: r.items.length
			? r.items.map((i) => ({ item_type: 'PRODUCT', item_id: i.order_product_id, quantity: i.quantity, requested_amount: itemAmount(i.amount), reason: r.reason }))
			: [{ item_type: 'ORDER', item_id: r.order_id, requested_amount: itemAmount(r.amount), reason: r.reason }],
		payments: [{ id: r.id, provider_id: 'custom', amount: v3Money(r.amount), offline: true, is_declined: false, declined_message: '' }],
	};
}
