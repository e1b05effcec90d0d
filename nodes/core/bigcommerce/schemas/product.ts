import { z } from 'zod';
import { dateText } from './common';

/** v3 `/catalog/products` (products_catalog.v3.yml), with what `include=variants,images,custom_fields` adds. */

export const productVariantSchema = z
	.object({
		id: z.number().int(),
		product_id: z.number().int(),
		sku: z.string(),
		price: z.number().nullable().optional(),
		sale_price: z.number().nullable().optional(),
		retail_price: z.number().nullable().optional(),
		calculated_price: z.number().optional(),
		inventory_level: z.number().int().nullable().optional(),
		image_url: z.string().optional(),
		purchasing_disabled: z.boolean().optional(),
		option_values: z.array(
			z.object({ id: z.number().int(), label: z.string(), option_id: z.number().int(), option_display_name: z.string() }).passthrough(),
		),
	})
	.passthrough();

export const productImageSchema = z
	.object({
		id: z.number().int(),
		product_id: z.number().int(),
		// Optional in products_catalog.v3 `productImage_Full`: a URL given on upload, not always echoed back.
		image_url: z.string().optional(),
		is_thumbnail: z.boolean(),
		sort_order: z.number().int().optional(),
		description: z.string().optional(),
		url_zoom: z.string().optional(),
		url_standard: z.string().optional(),
		url_thumbnail: z.string().optional(),
		url_tiny: z.string().optional(),
		date_modified: dateText.optional(),
	})
	.passthrough();

export const productCustomFieldSchema = z
	.object({ id: z.number().int().optional(), name: z.string(), value: z.string() })
	.passthrough();

export const productSchema = z
	.object({
		id: z.number().int(),
		name: z.string(),
		type: z.string(),
		sku: z.string(),
		description: z.string().optional(),
		price: z.number(),
		sale_price: z.number().optional(),
		retail_price: z.number().optional(),
		cost_price: z.number().optional(),
		calculated_price: z.number().optional(),
		categories: z.array(z.number().int()),
		brand_id: z.number().int().optional(),
		inventory_level: z.number().int().optional(),
		inventory_tracking: z.string().optional(),
		is_visible: z.boolean(),
		availability: z.string().optional(),
		total_sold: z.number().int().optional(),
		custom_url: z.object({ url: z.string() }).passthrough().optional(),
		date_created: dateText,
		date_modified: dateText,
		variants: z.array(productVariantSchema).optional(),
		images: z.array(productImageSchema).optional(),
		custom_fields: z.array(productCustomFieldSchema).optional(),
	})
	.passthrough();

export type BigCommerceProduct = z.infer<typeof productSchema>;
export type BigCommerceProductVariant = z.infer<typeof productVariantSchema>;
export type BigCommerceProductImage = z.infer<typeof productImageSchema>;
export type BigCommerceProductCustomField = z.infer<typeof productCustomFieldSchema>;
