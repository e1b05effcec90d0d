import { toSecond } from '../../core/dates';
import { toCents } from '../../core/money';
import { ApiError, notFoundV2 } from '../../http/apiErrors';
import type { ApiRequest, ApiRoutes } from '../../http/apiRoutes';
import { noContent, v2List, v2Object } from '../../http/envelopes';
import { paginate } from '../../http/pagination';
import { dateParam, intParam, param } from '../../http/query';
import { zodErrors } from '../../http/validation';
import type { StoreContext } from '../../store/StoreContext';
import type { Order } from '../../store/types';
import type { ZodType } from 'zod';
import { orderCreateInput, orderUpdateInput } from './orderInput';
import { archiveOrder, createOrder, updateOrder } from './orderOps';
import { ORDER_STATUSES, orderStatusV2 } from './orderStatuses';
import { orderTotals } from './orderTotals';
import { orderCouponV2, orderProductV2, orderV2, shipmentV2, shippingAddressV2 } from './orderViews';

/** v2 answers a body it cannot accept with 400 and the first problem, e.g. "The field 'x' is invalid". */
function parseV2<T>(schema: ZodType<T>, body: unknown): T {
	const parsed = schema.safeParse(body ?? {});
	if (parsed.success) return parsed.data;
	const [field, problem] = Object.entries(zodErrors(parsed.error))[0];
	throw new ApiError(400, `The field '${field}' is invalid: ${problem}`);
}

const SORT_KEYS: Record<string, (o: Order) => number | string> = {
	id: (o) => o.id,
	customer_id: (o) => o.customer_id,
	date_created: (o) => o.dateCreated,
	date_modified: (o) => o.dateModified,
	status_id: (o) => o.status_id,
	channel_id: (o) => o.channel_id,
	external_id: () => '',
};

/** GET /v2/orders and /v2/orders/count filters (orders.v2 getOrders). */
function filterOrders(req: ApiRequest, all: Order[]): Order[] {
	const minId = intParam(req, 'min_id');
	const maxId = intParam(req, 'max_id');
	const minTotal = param(req, 'min_total');
	const maxTotal = param(req, 'max_total');
	const customerId = intParam(req, 'customer_id');
	const email = param(req, 'email')?.toLowerCase();
	const statusId = intParam(req, 'status_id');
	const cartId = param(req, 'cart_id');
	const paymentMethod = param(req, 'payment_method');
	const channelId = intParam(req, 'channel_id');
	const createdMin = dateParam(req, 'min_date_created');
	const createdMax = dateParam(req, 'max_date_created');
	const modifiedMin = dateParam(req, 'min_date_modified');
	const modifiedMax = dateParam(req, 'max_date_modified');
	const minTotalCents = minTotal !== undefined ? toCents(minTotal) : undefined;
	const maxTotalCents = maxTotal !== undefined ? toCents(maxTotal) : undefined;
	return all.filter((o) => {
		const total = orderTotals(o).totalIncTax;
		return (
			(minId === undefined || o.id >= minId) &&
			(maxId === undefined || o.id <= maxId) &&
			(minTotalCents === undefined || total >= minTotalCents) &&
			(maxTotalCents === undefined || total <= maxTotalCents) &&
			(customerId === undefined || o.customer_id === customerId) &&
			(email === undefined || o.billing_address.email.toLowerCase() === email) &&
			(statusId === undefined || o.status_id === statusId) &&
			(cartId === undefined || o.cart_id === cartId) &&
			(paymentMethod === undefined || o.payment_method === paymentMethod) &&
			(channelId === undefined || o.channel_id === channelId) &&
			(createdMin === undefined || toSecond(o.dateCreated) >= createdMin) &&
			(createdMax === undefined || toSecond(o.dateCreated) <= createdMax) &&
			(modifiedMin === undefined || toSecond(o.dateModified) >= modifiedMin) &&
			(modifiedMax === undefined || toSecond(o.dateModified) <= modifiedMax)
		);
	});
}

function sortOrders(req: ApiRequest, orders: Order[]): Order[] {
	const sort = param(req, 'sort');
	if (!sort) return orders.sort((a, b) => a.id - b.id);
	const [field, direction = 'asc'] = sort.split(':');
	const key = SORT_KEYS[field];
	if (!key || (direction !== 'asc' && direction !== 'desc')) throw new ApiError(400, `The sort '${sort}' is invalid.`);
	const sign = direction === 'desc' ? -1 : 1;
	return orders.sort((a, b) => {
		const x = key(a);
		const y = key(b);
		return (x < y ? -1 : x > y ? 1 : 0) * sign || a.id - b.id;
	});
}

export function registerOrdersV2Routes(api: ApiRoutes, ctx: StoreContext, apiBase: () => string): void {
	const visible = () => [...ctx.state.orders.values()].filter((o) => !o.is_deleted);
	const withOrder = (req: ApiRequest, then: (o: Order) => ReturnType<typeof v2Object>) => {
		const order = ctx.state.visibleOrder(Number(req.params.id));
		return order ? then(order) : notFoundV2();
	};

	api.get('/v2/orders', (req) => {
		const orders = sortOrders(req, filterOrders(req, visible()));
		return v2List(paginate(req, orders).items.map((o) => orderV2(o, apiBase())));
	});

	api.post('/v2/orders', (req) => {
		const input = parseV2(orderCreateInput, req.body);
		if (!input.billing_address) throw new ApiError(400, "The required field 'billing_address' was not supplied.");
		return v2Object(orderV2(createOrder(ctx, input), apiBase()));
	});

	api.get('/v2/orders/count', (req) => {
		const orders = filterOrders(req, visible());
		const statuses = ORDER_STATUSES.map((s) => ({
			id: s.id,
			name: s.name,
			system_label: s.name,
			custom_label: s.name,
			system_description: s.description,
			count: orders.filter((o) => o.status_id === s.id).length,
			sort_order: s.order,
		}));
		return v2Object({ statuses, count: orders.length });
	});

	api.get('/v2/orders/{id}', (req) => withOrder(req, (o) => v2Object(orderV2(o, apiBase()))));

	api.put('/v2/orders/{id}', (req) =>
		withOrder(req, (o) => v2Object(orderV2(updateOrder(ctx, o.id, parseV2(orderUpdateInput, req.body)), apiBase()))),
	);

	api.delete('/v2/orders/{id}', (req) =>
		withOrder(req, (o) => {
			archiveOrder(ctx, o.id);
			return noContent();
		}),
	);

	api.get('/v2/orders/{id}/products', (req) => withOrder(req, (o) => v2List(paginate(req, o.products).items.map((l) => orderProductV2(o, l)))));

	api.get('/v2/orders/{id}/products/{productId}', (req) =>
		withOrder(req, (o) => {
			const l = o.products.find((p) => p.id === Number(req.params.productId));
			return l ? v2Object(orderProductV2(o, l)) : notFoundV2();
		}),
	);

	api.get('/v2/orders/{id}/coupons', (req) => withOrder(req, (o) => v2List(paginate(req, o.coupons).items.map((c) => orderCouponV2(o, c)))));

	api.get('/v2/orders/{id}/shipments', (req) => withOrder(req, (o) => v2List(paginate(req, o.shipments).items.map((s) => shipmentV2(o, s)))));

	api.get('/v2/orders/{id}/shipments/count', (req) => withOrder(req, (o) => v2Object({ count: o.shipments.length })));

	api.get('/v2/orders/{id}/shipments/{shipmentId}', (req) =>
		withOrder(req, (o) => {
			const s = o.shipments.find((x) => x.id === Number(req.params.shipmentId));
			return s ? v2Object(shipmentV2(o, s)) : notFoundV2();
		}),
	);

	api.get('/v2/orders/{id}/shipping_addresses', (req) => withOrder(req, (o) => v2List([shippingAddressV2(o, apiBase())])));

	api.get('/v2/order_statuses', () => v2Object(ORDER_STATUSES.map(orderStatusV2)));

	api.get('/v2/order_statuses/{id}', (req) => {
		const status = ORDER_STATUSES.find((s) => s.id === Number(req.params.id));
		return status ? v2Object(orderStatusV2(status)) : notFoundV2();
	});
}
