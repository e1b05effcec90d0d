import { notFoundV3 } from '../../http/apiErrors';
import type { ApiRoutes } from '../../http/apiRoutes';
import { v3Data, v3List } from '../../http/envelopes';
import { paginate } from '../../http/pagination';
import { intListParam } from '../../http/query';
import type { StoreContext } from '../../store/StoreContext';
import type { Refund } from '../../store/types';
import { refundV3 } from './orderViews';

/**
 * Refunds as orders.v3 exposes them, so a client reacting to store/order/refund/created can read
 * the refunded amount (the webhook only carries the refund id).
 */
export function registerRefundsV3Routes(api: ApiRoutes, ctx: StoreContext): void {
	const allRefunds = (): Refund[] =>
		[...ctx.state.orders.values()].flatMap((o) => o.refunds).sort((a, b) => a.id - b.id);

	api.get('/v3/orders/{id}/payment_actions/refunds', (req) => {
		const order = ctx.state.visibleOrder(Number(req.params.id));
		if (!order) return notFoundV3('Order not found.');
		return v3Data(order.refunds.map((r) => refundV3(r)));
	});

	api.get('/v3/orders/payment_actions/refunds', (req) => {
		const orderIds = intListParam(req, 'order_id:in');
		const ids = intListParam(req, 'id:in');
		const matching = allRefunds().filter((r) => (!orderIds || orderIds.includes(r.order_id)) && (!ids || ids.includes(r.id)));
		const page = paginate(req, matching);
		return v3List(page.items.map((r) => refundV3(r)), { pagination: page.pagination });
	});

	api.get('/v3/orders/payment_actions/refunds/{refundId}', (req) => {
		const refund = allRefunds().find((r) => r.id === Number(req.params.refundId));
		return refund ? v3Data(refundV3(refund, true)) : notFoundV3('Refund not found.');
	});
}
