import { parseDateFilter } from '../../core/dates';
import { toCents } from '../../core/money';
import { ApiError } from '../../http/apiErrors';
import { nowSecond, type StoreContext } from '../../store/StoreContext';
import type { Product, ProductVariant } from '../../store/types';
import { productEvent } from '../../webhooks/events';
import { productFields, type ProductCreateInput, type ProductUpdateInput } from './productInput';

const optionalCents = (v: string | number | null | undefined) => (v === undefined || v === null ? null : toCents(v));

function slug(name: string): string {
	return `/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}/`;
}

/** Creates a product (with a base variant when none are given, as BigCommerce does); fires store/product/created. */
export function createProduct(ctx: StoreContext, raw: ProductCreateInput): Product {
	const parsed = productFields.safeParse(raw);
	if (!parsed.success) throw new ApiError(422, 'JSON data is missing or invalid', Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
	const input = parsed.data;
	const created = input.date_created !== undefined ? parseDateFilter(input.date_created) : nowSecond(ctx);
	if (created === undefined) throw new ApiError(422, 'JSON data is missing or invalid', { date_created: 'not a date' });
	const id = ctx.state.ids.product.take();
	const optionIds = new Map<string, number>();
	const variantsInput = input.variants?.length ? input.variants : [{ sku: input.sku, option_values: [] }];
	const variants: ProductVariant[] = variantsInput.map((v) => {
		const variantId = ctx.state.ids.variant.take();
		return {
			id: variantId,
			product_id: id,
			sku: v.sku,
			sku_id: variantId,
			price: optionalCents(v.price),
			sale_price: optionalCents(v.sale_price),
			retail_price: optionalCents(v.retail_price),
			cost_price: optionalCents(v.cost_price),
			weight: v.weight ?? null,
			inventory_level: v.inventory_level ?? 0,
			image_url: v.image_url ?? '',
			upc: v.upc ?? '',
			mpn: '',
			gtin: '',
			purchasing_disabled: v.purchasing_disabled ?? false,
			option_values: v.option_values.map((o, i) => {
				if (!optionIds.has(o.option_display_name)) optionIds.set(o.option_display_name, 100 + optionIds.size + 1);
				return { id: variantId * 10 + i, label: o.label, option_id: optionIds.get(o.option_display_name) as number, option_display_name: o.option_display_name };
			}),
		};
	});
	const product: Product = {
		id,
		name: input.name,
		type: input.type,
		sku: input.sku,
		description: input.description,
		price: toCents(input.price),
		sale_price: input.sale_price !== undefined ? toCents(input.sale_price) : 0,
		retail_price: input.retail_price !== undefined ? toCents(input.retail_price) : 0,
		cost_price: input.cost_price !== undefined ? toCents(input.cost_price) : 0,
		weight: input.weight,
		categories: input.categories,
		brand_id: input.brand_id,
		brand: input.brand,
		inventory_level: input.inventory_level,
		inventory_tracking: input.inventory_tracking,
		is_visible: input.is_visible,
		is_featured: input.is_featured,
		availability: input.availability,
		total_sold: input.total_sold,
		custom_url: slug(input.name),
		channels: input.channels,
		variants,
		images: input.images.map((img, i) => ({
			id: ctx.state.ids.image.take(),
			product_id: id,
			is_thumbnail: img.is_thumbnail ?? i === 0,
			sort_order: i,
			description: img.description ?? '',
			image_url: img.image_url,
			dateModified: created,
		})),
		custom_fields: input.custom_fields.map((f) => ({ id: ctx.state.ids.customField.take(), name: f.name, value: f.value })),
		dateCreated: created,
		dateModified: created,
	};
	ctx.state.products.set(id, product);
	ctx.emit(productEvent('created', id));
	return product;
}

/** Updates a product; fires store/product/updated. */
export function updateProduct(ctx: StoreContext, id: number, input: ProductUpdateInput): Product {
	const p = ctx.state.products.get(id);
	if (!p) throw new ApiError(404, 'The requested product was not found.');
	const plain = ['name', 'type', 'sku', 'description', 'weight', 'categories', 'brand_id', 'inventory_level', 'inventory_tracking', 'is_visible', 'is_featured', 'availability', 'total_sold'] as const;
	for (const key of plain) if (input[key] !== undefined) (p as unknown as Record<string, unknown>)[key] = input[key];
	for (const key of ['price', 'sale_price', 'retail_price', 'cost_price'] as const) {
		const v = input[key];
		if (v !== undefined) p[key] = toCents(v);
	}
	if (input.name !== undefined) p.custom_url = slug(input.name);
	if (input.custom_fields) {
		p.custom_fields = input.custom_fields.map((f) => ({ id: f.id ?? ctx.state.ids.customField.take(), name: f.name, value: f.value }));
	}
	p.dateModified = nowSecond(ctx);
	ctx.emit(productEvent('updated', id));
	return p;
}

/** Deletes a product; fires store/product/deleted. */
export function deleteProduct(ctx: StoreContext, id: number): boolean {
	if (!ctx.state.products.delete(id)) return false;
	ctx.emit(productEvent('deleted', id));
	return true;
}
