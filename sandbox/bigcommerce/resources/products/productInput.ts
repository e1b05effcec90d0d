import { z } from 'zod';
import { moneyInput } from '../../core/moneyInput';

const money = moneyInput;

export const variantInput = z.object({
	sku: z.string().min(1),
	price: money.nullable().optional(),
	sale_price: money.nullable().optional(),
	retail_price: money.nullable().optional(),
	cost_price: money.nullable().optional(),
	weight: z.number().nullable().optional(),
	inventory_level: z.number().int().optional(),
	image_url: z.string().optional(),
	upc: z.string().optional(),
	purchasing_disabled: z.boolean().optional(),
	option_values: z.array(z.object({ label: z.string(), option_display_name: z.string() })).default([]),
});

export const productFields = z.object({
	name: z.string().min(1).max(250),
	type: z.enum(['physical', 'digital']).default('physical'),
	sku: z.string().default(''),
	description: z.string().default(''),
	price: money,
	sale_price: money.optional(),
	retail_price: money.optional(),
	cost_price: money.optional(),
	weight: z.number().default(0),
	categories: z.array(z.number().int()).default([]),
	brand_id: z.number().int().default(0),
	brand: z.string().default(''),
	inventory_level: z.number().int().default(0),
	inventory_tracking: z.enum(['none', 'product', 'variant']).default('none'),
	is_visible: z.boolean().default(true),
	is_featured: z.boolean().default(false),
	availability: z.enum(['available', 'disabled', 'preorder']).default('available'),
	total_sold: z.number().int().default(0),
	channels: z.array(z.number().int()).default([1]),
	variants: z.array(variantInput).optional(),
	images: z.array(z.object({ image_url: z.string(), is_thumbnail: z.boolean().optional(), description: z.string().optional() })).default([]),
	custom_fields: z.array(z.object({ name: z.string().min(1), value: z.string() })).default([]),
	/** Back-dates the product (control API only). */
	date_created: z.string().optional(),
});

export type ProductCreateInput = z.input<typeof productFields>;

/** Fields PUT /v3/catalog/products/{id} and the control API may change. */
export const productUpdateInput = z.object({
	name: z.string().min(1).max(250).optional(),
	type: z.enum(['physical', 'digital']).optional(),
	sku: z.string().optional(),
	description: z.string().optional(),
	price: money.optional(),
	sale_price: money.optional(),
	retail_price: money.optional(),
	cost_price: money.optional(),
	weight: z.number().optional(),
	categories: z.array(z.number().int()).optional(),
	brand_id: z.number().int().optional(),
	inventory_level: z.number().int().optional(),
	inventory_tracking: z.enum(['none', 'product', 'variant']).optional(),
	is_visible: z.boolean().optional(),
	is_featured: z.boolean().optional(),
	availability: z.enum(['available', 'disabled', 'preorder']).optional(),
	total_sold: z.number().int().optional(),
	custom_fields: z.array(z.object({ id: z.number().int().optional(), name: z.string().min(1), value: z.string() })).optional(),
});

export type ProductUpdateInput = z.infer<typeof productUpdateInput>;
