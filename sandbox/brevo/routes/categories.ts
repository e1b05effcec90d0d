import { q, type Router, type SandboxRequest, type SandboxResponse } from '../../http/router';
import type { BrevoContext } from '../context';
import { readCategory } from '../ecommerce/catalog-input';
import { categoryView, upsertCategory } from '../ecommerce/catalog-writes';
import { badRequest, notFound } from '../errors';
import { dateQuery, objectBody, optionalBoolean, pageQuery, paginate } from '../request-checks';

/** E-commerce catalog categories: create/update (single, batch), list, read one. */
export function registerCategoryRoutes(router: Router, ctx: BrevoContext): void {
	router.post('/v3/categories/batch', (req) => batch(ctx, req));
	router.post('/v3/categories', (req) => {
		const body = objectBody(req);
		const outcome = upsertCategory(ctx.state, readCategory(body), optionalBoolean(body, 'updateEnabled') ?? false, ctx.now(), false);
		return 'created' in outcome ? { status: 201, body: { id: outcome.created.internalId } } : { status: 204 };
	});
	router.get('/v3/categories', (req) => list(ctx, req));
	router.get('/v3/categories/{id}', (req) => {
		const category = ctx.state.categories.get(req.params.id) ?? notFound("Category's id not found");
		return { status: 200, body: categoryView(category) };
	});
}

function batch(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const body = objectBody(req);
	const items = body.categories;
	if (items === undefined) badRequest('missing_parameter', 'categories is missing');
	if (!Array.isArray(items) || items.length === 0) badRequest('invalid_parameter', 'categories should be a non-empty array');
	const fields = (items as unknown[]).map((item, i) => readCategory(item, `categories[${i}].`));
	const updateEnabled = optionalBoolean(body, 'updateEnabled') ?? false;
	const now = ctx.now();
	let createdCount = 0;
	let updatedCount = 0;
	for (const category of fields) {
		const outcome = upsertCategory(ctx.state, category, updateEnabled, now, true);
		if ('created' in outcome) createdCount++;
		if ('updated' in outcome) updatedCount++;
	}
	return { status: 201, body: { createdCount, updatedCount } };
}

function list(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const page = pageQuery(req, { limit: 50, max: 100 });
	const ids = (req.query.ids ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '');
	const name = q(req, 'name');
	const modifiedSince = dateQuery(req, 'modifiedSince');
	const createdSince = dateQuery(req, 'createdSince');
	const isDeleted = q(req, 'isDeleted');
	const matching = [...ctx.state.categories.values()].filter(
		(c) =>
			(ids.length === 0 || ids.includes(c.id)) &&
			(name === undefined || c.name.toLowerCase().includes(name.toLowerCase())) &&
			(modifiedSince === undefined || Date.parse(c.modifiedAt) > modifiedSince) &&
			(createdSince === undefined || Date.parse(c.createdAt) > createdSince) &&
			(isDeleted === undefined || (c.isDeleted ?? false) === (isDeleted === 'true')),
	);
	const { items, count } = paginate(matching, page, (c) => c.createdAt);
	return { status: 200, body: { count, categories: items.map(categoryView) } };
}
