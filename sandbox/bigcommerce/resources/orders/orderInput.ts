import { z } from 'zod';
import { moneyInput } from '../../core/moneyInput';

const money = moneyInput;

export const orderAddressInput = z
	.object({
		first_name: z.string(),
		last_name: z.string(),
		company: z.string(),
		street_1: z.string(),
		street_2: z.string(),
		city: z.string(),
		state: z.string(),
		zip: z.string(),
		country: z.string(),
		country_iso2: z.string(),
		phone: z.string(),
		email: z.string(),
	})
	.partial();

/** A line: a catalog product (`product_id`, optional `variant_id`) or a custom one (`name` and prices). */
export const orderProductInput = z.object({
	product_id: z.number().int().optional(),
	variant_id: z.number().int().optional(),
	name: z.string().optional(),
	sku: z.string().optional(),
	quantity: z.number().int().min(1),
	price_ex_tax: money.optional(),
	price_inc_tax: money.optional(),
	product_options: z.array(z.object({ display_name: z.string(), display_value: z.string() })).optional(),
});

/** A coupon line: a code of a promotion (discount worked out from it) or explicit figures. */
export const orderCouponInput = z.object({
	code: z.string().min(1),
	/** v2 coupon type: 0 per item, 1 percentage, 2 per total, 3 shipping, 4 free shipping, 5 promotion. */
	type: z.number().int().min(0).max(5).optional(),
	/** The coupon's figure: 10 for 10 % (type 1) or $10 (type 2). */
	amount: z.number().optional(),
	/** The money it took off the order; worked out from type and amount when omitted. */
	discount: money.optional(),
});

export const orderCreateInput = z.object({
	customer_id: z.number().int().min(0).optional(),
	channel_id: z.number().int().optional(),
	cart_id: z.string().optional(),
	status_id: z.number().int().min(0).max(14).optional(),
	billing_address: orderAddressInput.optional(),
	shipping_addresses: z.array(orderAddressInput).max(1).optional(),
	products: z.array(orderProductInput).min(1),
	coupons: z.array(orderCouponInput).optional(),
	discount_amount: money.optional(),
	shipping_cost_ex_tax: money.optional(),
	shipping_cost_inc_tax: money.optional(),
	/** Tax rate in percent applied to lines and shipping given without an inc-tax price. */
	tax_rate: z.number().min(0).max(100).optional(),
	payment_method: z.string().optional(),
	currency_code: z.string().length(3).optional(),
	staff_notes: z.string().optional(),
	customer_message: z.string().optional(),
	customer_locale: z.string().optional(),
	order_source: z.string().optional(),
	external_source: z.string().nullable().optional(),
	ip_address: z.string().optional(),
	is_email_opt_in: z.boolean().optional(),
	/** Back-dates the order (any date BigCommerce's filters accept). */
	date_created: z.string().optional(),
});

export type OrderCreateInput = z.infer<typeof orderCreateInput>;

export const orderUpdateInput = z.object({
	status_id: z.number().int().min(0).max(14).optional(),
	customer_id: z.number().int().min(0).optional(),
	billing_address: orderAddressInput.optional(),
	staff_notes: z.string().optional(),
	customer_message: z.string().optional(),
	payment_method: z.string().optional(),
	is_email_opt_in: z.boolean().optional(),
});

export type OrderUpdateInput = z.infer<typeof orderUpdateInput>;

export const refundInput = z.object({
	/** Amount in the store currency; a full refund of what is left when neither amount nor items is given. */
	amount: money.optional(),
	items: z.array(z.object({ order_product_id: z.number().int(), quantity: z.number().int().min(1) })).optional(),
	reason: z.string().optional(),
});

export type RefundInput = z.infer<typeof refundInput>;

export const shipmentInput = z.object({
	tracking_number: z.string().default(''),
	shipping_provider: z.string().default(''),
	tracking_carrier: z.string().default(''),
	shipping_method: z.string().default('Flat Rate'),
	comments: z.string().default(''),
	/** Lines to ship; every unshipped item when omitted. */
	items: z.array(z.object({ order_product_id: z.number().int(), quantity: z.number().int().min(1) })).optional(),
	/** Move the order to Shipped / Partially Shipped (default true). */
	update_status: z.boolean().default(true),
});

export type ShipmentInput = z.input<typeof shipmentInput>;
