import { z } from 'zod';

/**
 * Building blocks shared by the resource schemas. Objects are `.passthrough()`: BigCommerce adds
 * fields over time and nodes hand them on; only the fields the nodes read are checked.
 */

/** v2 money: a decimal string such as "69.8400" (never a float: the loyalty rules count in minor units). */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'Expected a decimal amount such as "69.8400"');

/** v2 fields documented as "Float, Float-As-String, Integer". */
export const decimalOrNumber = z.union([decimalString, z.number()]);

/** A date-time string; v3 uses ISO 8601, v2 uses RFC 2822 ("Tue, 20 Nov 2012 00:00:00 +0000"). */
export const dateText = z.string();

/** `{url, resource}` links v2 orders give instead of embedding their sub-resources. */
export const v2ResourceLink = z.object({ url: z.string(), resource: z.string() }).passthrough();

/** v3 `meta.pagination` (offset pages). */
export const offsetPagination = z
	.object({
		total: z.number().int(),
		count: z.number().int(),
		per_page: z.number().int(),
		current_page: z.number().int(),
		total_pages: z.number().int(),
		links: z.object({ previous: z.string().optional(), current: z.string().optional(), next: z.string().optional() }).passthrough().optional(),
	})
	.passthrough();

/** v3 `meta.cursor_pagination` (promotion codes, metafields). */
export const cursorPagination = z
	.object({
		count: z.number().int().optional(),
		per_page: z.number().int().optional(),
		start_cursor: z.string().optional(),
		end_cursor: z.string().optional(),
		links: z.object({ previous: z.string().optional(), current: z.string().optional(), next: z.string().optional() }).passthrough().optional(),
	})
	.passthrough();

export const v3ListMeta = z
	.object({ pagination: offsetPagination.optional(), cursor_pagination: cursorPagination.optional() })
	.passthrough();

export type OffsetPagination = z.infer<typeof offsetPagination>;
export type CursorPagination = z.infer<typeof cursorPagination>;
export type V3ListMeta = z.infer<typeof v3ListMeta>;

/** v3 single-resource envelope `{data, meta}`. */
export function v3Single<T extends z.ZodTypeAny>(data: T) {
	return z.object({ data, meta: z.unknown().optional() }).passthrough();
}

/** v3 collection envelope `{data: [...], meta: {pagination | cursor_pagination}}`. */
export function v3Collection<T extends z.ZodTypeAny>(item: T) {
	return z.object({ data: z.array(item), meta: v3ListMeta.optional() }).passthrough();
}
