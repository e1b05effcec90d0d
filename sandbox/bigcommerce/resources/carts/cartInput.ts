import { z } from 'zod';

/** A catalog line (carts.v3 `CartCreatePostData.line_items`); list_price overrides the catalog price. */
export const cartLineInput = z.object({
	product_id: z.number().int(),
	variant_id: z.number().int().optional(),
	quantity: z.number().int().min(1),
	list_price: z.number().min(0).optional(),
	name: z.string().optional(),
});

export const customItemInput = z.object({
	sku: z.string().optional(),
	name: z.string().min(1),
	quantity: z.number().int().min(1),
	list_price: z.number().min(0),
	image_url: z.string().optional(),
});

export const cartCreateInput = z
	.object({
		customer_id: z.number().int().min(0).optional(),
		channel_id: z.number().int().optional(),
		currency: z.object({ code: z.string().length(3) }).optional(),
		locale: z.string().optional(),
		line_items: z.array(cartLineInput).default([]),
		custom_items: z.array(customItemInput).default([]),
		/** Control API only: a guest email, as a shopper enters it at checkout. */
		email: z.string().optional(),
	})
	.refine((c) => c.line_items.length + c.custom_items.length > 0, { message: 'A cart needs at least one line item', path: ['line_items'] });

export type CartCreateInput = z.input<typeof cartCreateInput>;

export const cartItemsInput = z
	.object({ line_items: z.array(cartLineInput).default([]), custom_items: z.array(customItemInput).default([]) })
	.refine((c) => c.line_items.length + c.custom_items.length > 0, { message: 'Give at least one line item', path: ['line_items'] });

export type CartItemsInput = z.input<typeof cartItemsInput>;

export const cartItemUpdateInput = z.object({
	line_item: z.object({
		quantity: z.number().int().min(0),
		list_price: z.number().min(0).optional(),
		product_id: z.number().int().optional(),
		variant_id: z.number().int().optional(),
	}),
	version: z.number().int().optional(),
});

export const cartUpdateInput = z.object({ customer_id: z.number().int().min(0), version: z.number().int().optional() });
