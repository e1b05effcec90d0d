import { toSecond } from '../../core/dates';
import { toCents } from '../../core/money';
import { ApiError, notFoundV3 } from '../../http/apiErrors';
import type { ApiRequest, ApiRoutes } from '../../http/apiRoutes';
import { v3Data, v3List } from '../../http/envelopes';
import { paginate } from '../../http/pagination';
import { boolParam, dateParam, includes, intListParam, intParam, listParam, param } from '../../http/query';
import { parseBody } from '../../http/validation';
import type { StoreContext } from '../../store/StoreContext';
import type { Product } from '../../store/types';
import { productUpdateInput } from './productInput';
import { updateProduct } from './productOps';
import { customFieldV3, imageV3, pickFields, productV3, variantV3 } from './productViews';

const SORT_KEYS: Record<string, (p: Product) => number | string> = {
	id: (p) => p.id,
	name: (p) => p.name.toLowerCase(),
	sku: (p) => p.sku,
	price: (p) => p.price,
	calculated_price: (p) => (p.sale_price > 0 ? p.sale_price : p.price),
	date_modified: (p) => p.dateModified,
	date_last_imported: () => 0,
	inventory_level: (p) => p.inventory_level,
	is_visible: (p) => (p.is_visible ? 1 : 0),
	total_sold: (p) => p.total_sold,
};

/** GET /v3/catalog/products filters (products catalog getProducts), the commonly used ones. */
function filterProducts(req: ApiRequest, all: Product[]): Product[] {
	const id = intParam(req, 'id');
	const idIn = intListParam(req, 'id:in');
	const idNotIn = intListParam(req, 'id:not_in');
	const idMin = intParam(req, 'id:min');
	const idMax = intParam(req, 'id:max');
	const idGreater = intParam(req, 'id:greater');
	const idLess = intParam(req, 'id:less');
	const name = param(req, 'name')?.toLowerCase();
	const sku = param(req, 'sku');
	const skuIn = listParam(req, 'sku:in');
	const type = param(req, 'type');
	const brandId = intParam(req, 'brand_id');
	const categoriesIn = intListParam(req, 'categories:in');
	const category = intParam(req, 'categories');
	const channelIn = intListParam(req, 'channel_id:in');
	const isVisible = boolParam(req, 'is_visible');
	const isFeatured = intParam(req, 'is_featured');
	const availability = param(req, 'availability');
	const keyword = param(req, 'keyword')?.toLowerCase();
	const modified = dateParam(req, 'date_modified');
	const modifiedMin = dateParam(req, 'date_modified:min');
	const modifiedMax = dateParam(req, 'date_modified:max');
	return all.filter((p) => {
		const dm = toSecond(p.dateModified);
		return (
			(id === undefined || p.id === id) &&
			(!idIn || idIn.includes(p.id)) &&
			(!idNotIn || !idNotIn.includes(p.id)) &&
			(idMin === undefined || p.id >= idMin) &&
			(idMax === undefined || p.id <= idMax) &&
			(idGreater === undefined || p.id > idGreater) &&
			(idLess === undefined || p.id < idLess) &&
			(name === undefined || p.name.toLowerCase() === name) &&
			(sku === undefined || p.sku === sku || p.variants.some((v) => v.sku === sku)) &&
			(!skuIn || skuIn.includes(p.sku)) &&
			(type === undefined || p.type === type) &&
			(brandId === undefined || p.brand_id === brandId) &&
			(!categoriesIn || p.categories.some((c) => categoriesIn.includes(c))) &&
			(category === undefined || p.categories.includes(category)) &&
			(!channelIn || p.channels.some((c) => channelIn.includes(c))) &&
			(isVisible === undefined || p.is_visible === isVisible) &&
			(isFeatured === undefined || p.is_featured === (isFeatured === 1)) &&
			(availability === undefined || p.availability === availability) &&
			(keyword === undefined || p.name.toLowerCase().includes(keyword) || p.sku.toLowerCase().includes(keyword) || p.description.toLowerCase().includes(keyword)) &&
			(modified === undefined || dm === toSecond(modified)) &&
			(modifiedMin === undefined || dm >= modifiedMin) &&
			(modifiedMax === undefined || dm <= modifiedMax)
		);
	});
}

function sortProducts(req: ApiRequest, products: Product[]): Product[] {
	const sort = param(req, 'sort') ?? 'id';
	const key = SORT_KEYS[sort];
	if (!key) throw new ApiError(422, 'The filter sort is invalid.', { sort: `'${sort}' is not a valid sort field` });
	const sign = param(req, 'direction') === 'desc' ? -1 : 1;
	return products.sort((a, b) => {
		const x = key(a);
		const y = key(b);
		return (x < y ? -1 : x > y ? 1 : 0) * sign || a.id - b.id;
	});
}

export function registerProductsV3Routes(api: ApiRoutes, ctx: StoreContext): void {
	const withProduct = (req: ApiRequest) => {
		const product = ctx.state.products.get(Number(req.params.id));
		if (!product) throw new ApiError(404, 'The requested product was not found.');
		return product;
	};
	const render = (req: ApiRequest, p: Product) =>
		pickFields(productV3(p, includes(req), ctx.storeHash), listParam(req, 'include_fields'), listParam(req, 'exclude_fields'));

	api.get('/v3/catalog/products', (req) => {
		// price filters compare in cents so "12.5" and 12.50 match alike
		const price = param(req, 'price');
		let products = filterProducts(req, [...ctx.state.products.values()]);
		if (price !== undefined) products = products.filter((p) => p.price === toCents(price));
		const page = paginate(req, sortProducts(req, products));
		return v3List(page.items.map((p) => render(req, p)), { pagination: page.pagination });
	});

	api.get('/v3/catalog/products/{id}', (req) => v3Data(render(req, withProduct(req))));

	api.put('/v3/catalog/products/{id}', (req) => {
		const product = withProduct(req);
		const input = parseBody(productUpdateInput, req.body ?? {});
		return v3Data(render(req, updateProduct(ctx, product.id, input)));
	});

	api.get('/v3/catalog/products/{id}/variants', (req) => {
		const p = withProduct(req);
		const page = paginate(req, p.variants);
		return v3List(page.items.map((v) => variantV3(p, v)), { pagination: page.pagination });
	});

	api.get('/v3/catalog/products/{id}/images', (req) => {
		const p = withProduct(req);
		const page = paginate(req, p.images);
		return v3List(page.items.map((img) => imageV3(ctx.storeHash, img)), { pagination: page.pagination });
	});

	api.get('/v3/catalog/products/{id}/custom-fields', (req) => {
		const p = withProduct(req);
		const page = paginate(req, p.custom_fields);
		return v3List(page.items.map(customFieldV3), { pagination: page.pagination });
	});

	api.get('/v3/catalog/products/{id}/custom-fields/{fieldId}', (req) => {
		const field = withProduct(req).custom_fields.find((f) => f.id === Number(req.params.fieldId));
		return field ? v3Data(customFieldV3(field)) : notFoundV3('The requested custom field was not found.');
	});
}
