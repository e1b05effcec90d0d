import { z } from 'zod';
import { dateText, decimalOrNumber, decimalString, v2ResourceLink } from './common';

/** v2 `/orders` and its sub-resources (orders.v2.oas2.yml). Money is a decimal string. */

export const orderAddressSchema = z
	.object({
		first_name: z.string(),
		last_name: z.string(),
		company: z.string().optional(),
		street_1: z.string(),
		street_2: z.string().optional(),
		city: z.string(),
		state: z.string(),
		zip: z.string(),
		country: z.string(),
		country_iso2: z.string(),
		phone: z.string().optional(),
		email: z.string(),
	})
	.passthrough();

export const orderSchema = z
	.object({
		id: z.number().int(),
		/** 0 for a guest order. */
		customer_id: z.number().int(),
		channel_id: z.number().int(),
		status_id: z.number().int(),
		status: z.string(),
		cart_id: z.string().optional(),
		date_created: dateText,
		date_modified: dateText,
		date_shipped: z.string().optional(),
		subtotal_ex_tax: decimalString,
		subtotal_inc_tax: decimalString,
		subtotal_tax: decimalString.optional(),
		total_ex_tax: decimalString,
		total_inc_tax: decimalString,
		total_tax: decimalString.optional(),
		shipping_cost_ex_tax: decimalString.optional(),
		shipping_cost_inc_tax: decimalString.optional(),
		discount_amount: decimalString,
		coupon_discount: decimalString,
		refunded_amount: decimalString.optional(),
		store_credit_amount: decimalString.optional(),
		gift_certificate_amount: decimalString.optional(),
		currency_code: z.string(),
		default_currency_code: z.string().optional(),
		currency_exchange_rate: decimalString.optional(),
		payment_method: z.string().optional(),
		payment_status: z.string().optional(),
		items_total: z.number().optional(),
		items_shipped: z.number().optional(),
		is_deleted: z.boolean().optional(),
		is_email_opt_in: z.boolean().optional(),
		customer_message: z.string().optional(),
		staff_notes: z.string().optional(),
		order_source: z.string().optional(),
		external_source: z.string().nullish(),
		customer_locale: z.string().optional(),
		billing_address: orderAddressSchema,
		products: v2ResourceLink.optional(),
		shipping_addresses: v2ResourceLink.optional(),
		coupons: v2ResourceLink.optional(),
	})
	.passthrough();

export const orderProductSchema = z
	.object({
		id: z.number().int(),
		order_id: z.number().int(),
		product_id: z.number().int(),
		variant_id: z.number().int().optional(),
		order_address_id: z.number().int().optional(),
		name: z.string(),
		sku: z.string().optional(),
		type: z.string().optional(),
		brand: z.string().optional(),
		quantity: z.number().int(),
		base_price: decimalString,
		price_ex_tax: decimalString,
		price_inc_tax: decimalString,
		base_total: decimalString.optional(),
		total_ex_tax: decimalString,
		total_inc_tax: decimalString,
		is_refunded: z.boolean().optional(),
		quantity_refunded: z.number().optional(),
		refund_amount: decimalString.optional(),
		quantity_shipped: z.number().optional(),
		applied_discounts: z
			.array(
				z
					.object({
						id: z.union([z.string(), z.number()]),
						amount: decimalOrNumber,
						name: z.string().optional(),
						code: z.string().nullish(),
						target: z.string().optional(),
					})
					.passthrough(),
			)
			.optional(),
		product_options: z.array(z.object({}).passthrough()).optional(),
	})
	.passthrough();

export const orderShipmentSchema = z
	.object({
		id: z.number().int(),
		order_id: z.number().int(),
		customer_id: z.number().int().optional(),
		order_address_id: z.number().int().optional(),
		date_created: dateText,
		tracking_number: z.string(),
		shipping_method: z.string().optional(),
		shipping_provider: z.string().optional(),
		shipping_provider_display_name: z.string().optional(),
		tracking_carrier: z.string().optional(),
		tracking_link: z.string().optional(),
		generated_tracking_link: z.string().optional(),
		comments: z.string().optional(),
		items: z.array(
			z.object({ order_product_id: z.number().int(), product_id: z.number().int(), quantity: z.number() }).passthrough(),
		),
	})
	.passthrough();

export const orderCouponSchema = z
	.object({
		id: z.number().int(),
		coupon_id: z.number().int(),
		order_id: z.number().int(),
		code: z.string().nullable(),
		/** The coupon's own figure: 5 for 5 % or for $5 — read with `type`. */
		amount: decimalOrNumber,
		/** 0 per item, 1 percentage, 2 per total, 3 shipping, 4 free shipping, 5 promotion. */
		type: z.number().int().min(0).max(5),
		/** What it took off this order. */
		discount: decimalOrNumber,
	})
	.passthrough();

export type BigCommerceOrder = z.infer<typeof orderSchema>;
export type BigCommerceOrderAddress = z.infer<typeof orderAddressSchema>;
export type BigCommerceOrderProduct = z.infer<typeof orderProductSchema>;
export type BigCommerceOrderShipment = z.infer<typeof orderShipmentSchema>;
export type BigCommerceOrderCoupon = z.infer<typeof orderCouponSchema>;
