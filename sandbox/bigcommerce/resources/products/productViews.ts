import { isoOffset } from '../../core/dates';
import { v3Money } from '../../core/money';
import type { Product, ProductImage, ProductVariant } from '../../store/types';

/** Images as BigCommerce's CDN names them; the emulator never serves them. */
function imageUrl(storeHash: string, img: ProductImage, size: string): string {
	const file = img.image_url.split('/').pop() ?? `image-${img.id}.jpg`;
	return `https://cdn11.bigcommerce.com/s-${storeHash}/images/stencil/${size}/products/${img.product_id}/${img.id}/${file}`;
}

export function imageV3(storeHash: string, img: ProductImage): Record<string, unknown> {
	return {
		id: img.id,
		product_id: img.product_id,
		is_thumbnail: img.is_thumbnail,
		sort_order: img.sort_order,
		description: img.description,
		image_file: img.image_url.split('/').pop() ?? '',
		url_zoom: imageUrl(storeHash, img, '1280x1280'),
		url_standard: imageUrl(storeHash, img, '500x659'),
		url_thumbnail: imageUrl(storeHash, img, '100x100'),
		url_tiny: imageUrl(storeHash, img, '44x58'),
		date_modified: isoOffset(img.dateModified),
	};
}

function effectivePrice(p: Product, v?: ProductVariant): number {
	const sale = v?.sale_price ?? p.sale_price;
	const price = v?.price ?? p.price;
	return sale > 0 ? sale : price;
}

/** A v3 variant (product-variants catalog `productVariant_Full`). */
export function variantV3(p: Product, v: ProductVariant): Record<string, unknown> {
	const nullableMoney = (c: number | null) => (c === null ? null : v3Money(c));
	return {
		id: v.id,
		product_id: p.id,
		sku: v.sku,
		sku_id: v.sku_id,
		price: nullableMoney(v.price),
		calculated_price: v3Money(effectivePrice(p, v)),
		sale_price: nullableMoney(v.sale_price),
		retail_price: nullableMoney(v.retail_price),
		map_price: 0,
		weight: v.weight,
		calculated_weight: v.weight ?? p.weight,
		width: null,
		height: null,
		depth: null,
		is_free_shipping: false,
		fixed_cost_shipping_price: null,
		purchasing_disabled: v.purchasing_disabled,
		purchasing_disabled_message: '',
		image_url: v.image_url,
		cost_price: nullableMoney(v.cost_price),
		upc: v.upc,
		mpn: v.mpn,
		gtin: v.gtin,
		inventory_level: v.inventory_level,
		inventory_warning_level: 0,
		bin_picking_number: '',
		option_values: v.option_values.map((o) => ({ ...o })),
	};
}

export function customFieldV3(f: Product['custom_fields'][number]): Record<string, unknown> {
	return { id: f.id, name: f.name, value: f.value };
}

/** A v3 product (products catalog `product_Full`); sub-resources only when `include` asks for them. */
export function productV3(p: Product, include: ReadonlySet<string>, storeHash: string): Record<string, unknown> {
	const isSimple = p.variants.length === 1 && p.variants[0].option_values.length === 0;
	const view: Record<string, unknown> = {
		id: p.id,
		name: p.name,
		type: p.type,
		sku: p.sku,
		description: p.description,
		weight: p.weight,
		width: 0,
		depth: 0,
		height: 0,
		price: v3Money(p.price),
		cost_price: v3Money(p.cost_price),
		retail_price: v3Money(p.retail_price),
		sale_price: v3Money(p.sale_price),
		map_price: 0,
		tax_class_id: 0,
		product_tax_code: '',
		calculated_price: v3Money(effectivePrice(p)),
		categories: [...p.categories],
		brand_id: p.brand_id,
		option_set_id: 0,
		option_set_display: 'right',
		inventory_level: p.inventory_tracking === 'variant' ? p.variants.reduce((s, v) => s + v.inventory_level, 0) : p.inventory_level,
		inventory_warning_level: 0,
		inventory_tracking: p.inventory_tracking,
		reviews_rating_sum: 0,
		reviews_count: 0,
		total_sold: p.total_sold,
		fixed_cost_shipping_price: 0,
		is_free_shipping: false,
		is_visible: p.is_visible,
		is_featured: p.is_featured,
		related_products: [-1],
		warranty: '',
		bin_picking_number: '',
		layout_file: 'product.html',
		upc: '',
		mpn: '',
		gtin: '',
		date_last_imported: '',
		search_keywords: '',
		availability: p.availability,
		availability_description: '',
		gift_wrapping_options_type: 'any',
		gift_wrapping_options_list: [],
		sort_order: 0,
		condition: 'New',
		is_condition_shown: false,
		order_quantity_minimum: 0,
		order_quantity_maximum: 0,
		page_title: '',
		meta_keywords: [],
		meta_description: '',
		date_created: isoOffset(p.dateCreated),
		date_modified: isoOffset(p.dateModified),
		view_count: 0,
		preorder_release_date: null,
		preorder_message: '',
		is_preorder_only: false,
		is_price_hidden: false,
		price_hidden_label: '',
		custom_url: { url: p.custom_url, is_customized: false, create_redirect: false },
		open_graph_type: 'product',
		open_graph_title: '',
		open_graph_description: '',
		open_graph_use_meta_description: true,
		open_graph_use_product_name: true,
		open_graph_use_image: true,
	};
	// BigCommerce documents base_variant_id as null for products with option variants, but the spec
	// types it as a plain integer; the emulator leaves it out for those products.
	if (isSimple) view.base_variant_id = p.variants[0].id;
	if (include.has('variants')) view.variants = p.variants.map((v) => variantV3(p, v));
	if (include.has('images')) view.images = p.images.map((img) => imageV3(storeHash, img));
	if (include.has('primary_image')) {
		const thumb = p.images.find((i) => i.is_thumbnail) ?? p.images[0];
		if (thumb) view.primary_image = imageV3(storeHash, thumb);
	}
	if (include.has('custom_fields')) view.custom_fields = p.custom_fields.map(customFieldV3);
	if (include.has('channels')) view.channels = [...p.channels];
	if (include.has('bulk_pricing_rules')) view.bulk_pricing_rules = [];
	if (include.has('videos')) view.videos = [];
	if (include.has('options')) view.options = [];
	if (include.has('modifiers')) view.modifiers = [];
	if (include.has('parent_relations')) view.parent_relations = [];
	if (include.has('reviews')) view.reviews = [];
	return view;
}

/** Applies `include_fields` / `exclude_fields` (the id always stays). */
export function pickFields(view: Record<string, unknown>, includeFields?: string[], excludeFields?: string[]): Record<string, unknown> {
	let entries = Object.entries(view);
	if (includeFields?.length) {
		const keep = new Set([...includeFields, 'id', 'variants', 'images', 'primary_image', 'custom_fields', 'channels']);
		entries = entries.filter(([k]) => keep.has(k));
	}
	if (excludeFields?.length) entries = entries.filter(([k]) => k === 'id' || !excludeFields.includes(k));
	return Object.fromEntries(entries);
}
