import { q, type Router, type SandboxRequest, type SandboxResponse } from '../../http/router';
import type { BrevoContext } from '../context';
import { readProduct } from '../ecommerce/catalog-input';
import { productView, upsertProduct } from '../ecommerce/catalog-writes';
import { badRequest, notFound } from '../errors';
import type { ProductRecord } from '../model';
import { dateQuery, objectBody, optionalBoolean, pageQuery, paginate } from '../request-checks';

/** E-commerce catalog products: create/update (single, batch), list with filters, read one. */
export function registerProductRoutes(router: Router, ctx: BrevoContext): void {
	router.post('/v3/products/batch', (req) => batch(ctx, req));
	router.post('/v3/products', (req) => {
		const body = objectBody(req);
		const outcome = upsertProduct(ctx.state, readProduct(body), optionalBoolean(body, 'updateEnabled') ?? false, ctx.now(), false);
		return 'created' in outcome ? { status: 201, body: { id: outcome.created.internalId } } : { status: 204 };
	});
	router.get('/v3/products', (req) => list(ctx, req));
	router.get('/v3/products/{id}', (req) => {
		const product = ctx.state.products.get(req.params.id) ?? notFound("Product's id not found");
		return { status: 200, body: productView(product) };
	});
}

function batch(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const body = objectBody(req);
	const items = body.products;
	if (items === undefined) badRequest('missing_parameter', 'products is missing');
	if (!Array.isArray(items) || items.length === 0) badRequest('invalid_parameter', 'products should be a non-empty array');
	const fields = (items as unknown[]).map((item, i) => readProduct(item, `products[${i}].`));
	const updateEnabled = optionalBoolean(body, 'updateEnabled') ?? false;
	const now = ctx.now();
	let createdCount = 0;
	let updatedCount = 0;
	for (const product of fields) {
		const outcome = upsertProduct(ctx.state, product, updateEnabled, now, true);
		if ('created' in outcome) createdCount++;
		if ('updated' in outcome) updatedCount++;
	}
	return { status: 201, body: { createdCount, updatedCount } };
}

/** Filters of GET /products: ids, name (3+ characters), price[op], categories, dates, isDeleted. */
function list(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const page = pageQuery(req, { limit: 50, max: 1000 });
	const ids = splitList(req.query.ids);
	const categories = splitList(req.query.categories);
	const name = q(req, 'name');
	if (name !== undefined && name.length < 3) badRequest('invalid_parameter', 'name should have at least 3 characters');
	const modifiedSince = dateQuery(req, 'modifiedSince');
	const createdSince = dateQuery(req, 'createdSince');
	const isDeleted = q(req, 'isDeleted');
	const priceTests = priceFilters(req);

	const matching = [...ctx.state.products.values()].filter(
		(p: ProductRecord) =>
			(ids.length === 0 || ids.includes(p.id)) &&
			(categories.length === 0 || (p.categories ?? []).some((c) => categories.includes(c))) &&
			(name === undefined || p.name.toLowerCase().includes(name.toLowerCase())) &&
			(modifiedSince === undefined || Date.parse(p.modifiedAt) > modifiedSince) &&
			(createdSince === undefined || Date.parse(p.createdAt) > createdSince) &&
			(isDeleted === undefined || (p.isDeleted ?? false) === (isDeleted === 'true')) &&
			priceTests.every((test) => p.price !== undefined && test(p.price)),
	);
	const { items, count } = paginate(matching, page, (p) => p.createdAt);
	return { status: 200, body: { count, products: items.map(productView) } };
}

function splitList(values: string[] | undefined): string[] {
	return (values ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '');
}

const PRICE_OPERATORS: Record<string, (price: number, bound: number) => boolean> = {
	lte: (p, b) => p <= b,
	gte: (p, b) => p >= b,
	lt: (p, b) => p < b,
	gt: (p, b) => p > b,
	eq: (p, b) => p === b,
	ne: (p, b) => p !== b,
};

function priceFilters(req: SandboxRequest): Array<(price: number) => boolean> {
	const tests: Array<(price: number) => boolean> = [];
	for (const [op, compare] of Object.entries(PRICE_OPERATORS)) {
		const raw = q(req, `price[${op}]`);
		if (raw === undefined) continue;
		const bound = Number(raw);
		if (!Number.isFinite(bound)) badRequest('invalid_parameter', `price[${op}] should be a number`);
		tests.push((price) => compare(price, bound));
	}
	return tests;
}
