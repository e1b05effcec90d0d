import { nowSecond, type StoreContext } from '../../store/StoreContext';
import type { Shipment } from '../../store/types';
import { ApiError } from '../../http/apiErrors';
import { orderEvent, shipmentEvent } from '../../webhooks/events';
import { shipmentInput, type ShipmentInput } from './orderInput';
import { applyStatus, invalid, requireOrder } from './orderChanges';
import { STATUS } from './orderStatuses';

/** Ships items (all unshipped ones by default); fires store/shipment/created and the status events. */
export function addShipment(ctx: StoreContext, id: number, rawInput: ShipmentInput): Shipment {
	const order = requireOrder(ctx, id);
	const input = shipmentInput.parse(rawInput);
	const wanted = input.items ?? order.products.filter((l) => l.quantity_shipped < l.quantity).map((l) => ({ order_product_id: l.id, quantity: l.quantity - l.quantity_shipped }));
	if (wanted.length === 0) throw new ApiError(400, 'All items of this order have been shipped already.');
	const items = wanted.map((w) => {
		const l = order.products.find((p) => p.id === w.order_product_id);
		if (!l) throw invalid('items', `order product ${w.order_product_id} is not in order ${id}`);
		if (l.quantity_shipped + w.quantity > l.quantity) throw invalid('items', `only ${l.quantity - l.quantity_shipped} of order product ${l.id} are left to ship`);
		return { line: l, quantity: w.quantity };
	});
	for (const { line: l, quantity } of items) l.quantity_shipped += quantity;
	const shipment: Shipment = {
		id: ctx.state.ids.shipment.take(),
		order_id: id,
		customer_id: order.customer_id,
		order_address_id: order.shippingAddressId,
		dateCreated: nowSecond(ctx),
		tracking_number: input.tracking_number,
		shipping_method: input.shipping_method,
		shipping_provider: input.shipping_provider,
		tracking_carrier: input.tracking_carrier,
		tracking_link: '',
		comments: input.comments,
		merchantShippingCost: 0,
		items: items.map(({ line: l, quantity }) => ({ order_product_id: l.id, product_id: l.product_id, quantity })),
	};
	order.shipments.push(shipment);
	order.dateShipped ??= nowSecond(ctx);
	order.dateModified = nowSecond(ctx);
	ctx.emit(shipmentEvent('created', shipment.id, id));
	if (input.update_status) {
		const all = order.products.every((l) => l.quantity_shipped >= l.quantity);
		if (applyStatus(ctx, order, all ? STATUS.SHIPPED : STATUS.PARTIALLY_SHIPPED)) ctx.emit(orderEvent('updated', id));
	}
	return shipment;
}
