import { z } from 'zod';
import { dateText } from './common';

/** v3 `/carts/{id}` (carts.v3.yml `Cart_Full`); amounts are numbers here, unlike v2 orders. */

export const cartRedirectUrlsSchema = z
	.object({
		cart_url: z.string(),
		checkout_url: z.string(),
		embedded_checkout_url: z.string().optional(),
	})
	.passthrough();

export const cartLineItemSchema = z
	.object({
		id: z.string(),
		parent_id: z.union([z.string(), z.number()]).nullish(),
		product_id: z.number().int(),
		variant_id: z.number().int(),
		sku: z.string().optional(),
		name: z.string(),
		url: z.string().optional(),
		image_url: z.string().optional(),
		quantity: z.number(),
		list_price: z.number(),
		sale_price: z.number(),
		original_price: z.number().optional(),
		extended_list_price: z.number().optional(),
		extended_sale_price: z.number(),
		discount_amount: z.number().optional(),
		coupon_amount: z.number().optional(),
	})
	.passthrough();

export const cartSchema = z
	.object({
		id: z.string(),
		/** 0 for a guest cart. */
		customer_id: z.number().int(),
		channel_id: z.number().int(),
		email: z.string().optional(),
		currency: z.object({ code: z.string() }).passthrough(),
		tax_included: z.boolean().optional(),
		base_amount: z.number(),
		discount_amount: z.number(),
		cart_amount: z.number(),
		coupons: z
			.array(z.object({ code: z.string(), id: z.union([z.string(), z.number()]).optional(), discounted_amount: z.number().optional() }).passthrough())
			.optional(),
		line_items: z
			.object({
				physical_items: z.array(cartLineItemSchema),
				digital_items: z.array(cartLineItemSchema),
				gift_certificates: z.array(z.object({}).passthrough()).optional(),
				custom_items: z.array(z.object({}).passthrough()).optional(),
			})
			.passthrough(),
		created_time: dateText,
		updated_time: dateText,
		locale: z.string().optional(),
		version: z.number().int().optional(),
		/** Present with `include=redirect_urls`. */
		redirect_urls: cartRedirectUrlsSchema.optional(),
	})
	.passthrough();

export type BigCommerceCart = z.infer<typeof cartSchema>;
export type BigCommerceCartLineItem = z.infer<typeof cartLineItemSchema>;
export type BigCommerceCartRedirectUrls = z.infer<typeof cartRedirectUrlsSchema>;
