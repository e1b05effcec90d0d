import type { Router, SandboxRequest, SandboxResponse } from '../../http/router';
import { findContact } from '../contacts/contact-lookup';
import type { BrevoContext } from '../context';
import { readOrder, type OrderFields } from '../ecommerce/order-input';
import { badRequest } from '../errors';
import type { OrderRecord } from '../model';
import { dateQuery, objectBody, optionalBoolean, optionalString, pageQuery, paginate } from '../request-checks';

/** Order status updates (single 204, batch 202 `{batchId, count}`) and GET /orders. */
export function registerOrderRoutes(router: Router, ctx: BrevoContext): void {
	router.post('/v3/orders/status/batch', (req) => batch(ctx, req));
	router.post('/v3/orders/status', (req) => {
		store(ctx, readOrder(objectBody(req)), { source: 'single' });
		return { status: 204 };
	});
	router.get('/v3/orders', (req) => list(ctx, req));
}

/** `historical` defaults to true: imported orders then start no automation (recorded for tests). */
function batch(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const body = objectBody(req);
	if (body.orders === undefined) badRequest('missing_parameter', 'orders is missing');
	if (!Array.isArray(body.orders) || body.orders.length === 0) badRequest('invalid_parameter', 'orders should be a non-empty array');
	const orders = (body.orders as unknown[]).map((o, i) => readOrder(o, `orders[${i}].`));
	optionalString(body, 'notifyUrl');
	const historical = optionalBoolean(body, 'historical') ?? true;
	const batchId = ctx.state.nextBatchId();
	for (const order of orders) store(ctx, order, { source: 'batch', batchId, historical });
	return { status: 202, body: { batchId, count: orders.length } };
}

function store(ctx: BrevoContext, order: OrderFields, origin: Pick<OrderRecord, 'source' | 'batchId' | 'historical'>): void {
	const ids = order.identifiers ?? {};
	const contact =
		(ids.email_id !== undefined ? findContact(ctx.state, 'email_id', ids.email_id) : undefined) ??
		(ids.ext_id !== undefined ? findContact(ctx.state, 'ext_id', ids.ext_id) : undefined) ??
		(ids.phone_id !== undefined ? findContact(ctx.state, 'phone_id', ids.phone_id) : undefined);
	const record: OrderRecord = {
		seq: ctx.state.nextSeq(),
		receivedAt: ctx.now(),
		...origin,
		...order,
		...(contact ? { contact_id: contact.id } : {}),
	};
	ctx.state.orderLog.push(record);
	ctx.state.orders.set(order.id, record);
}

function list(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const page = pageQuery(req, { limit: 50, max: 100 });
	const modifiedSince = dateQuery(req, 'modifiedSince');
	const createdSince = dateQuery(req, 'createdSince');
	const matching = [...ctx.state.orders.values()].filter(
		(o) =>
			(modifiedSince === undefined || Date.parse(o.updatedAt) > modifiedSince) && (createdSince === undefined || Date.parse(o.createdAt) > createdSince),
	);
	const { items, count } = paginate(matching, page, (o) => o.createdAt);
	return { status: 200, body: { count, orders: items.map(orderView) } };
}

function orderView(order: OrderRecord): Record<string, unknown> {
	const { seq: _seq, receivedAt: _received, source: _source, batchId: _batch, historical: _historical, ...fields } = order;
	return fields;
}
