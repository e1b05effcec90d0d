import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import {
	orderCouponSchema,
	orderProductSchema,
	orderSchema,
	orderShipmentSchema,
	orderStatusName,
	type BigCommerceClient,
	type BigCommerceOrder,
	type QueryInput,
} from '../../../core/bigcommerce';
import { notFound } from '../../shared/not-found';
import { readDate, readId, readLimit, v2Date } from '../../shared/parameters';
import type { OperationMap, OperationResult } from '../../shared/types';
import { getRefunds } from './getRefunds';

/** Orders are v2: the order itself links to its products, shipments and coupons, read one call each. */

function withStatusName(context: IExecuteFunctions, itemIndex: number, order: BigCommerceOrder): Record<string, unknown> {
	if (!(context.getNodeParameter('addStatusName', itemIndex, true) as boolean)) return order;
	return { ...order, status_name: orderStatusName(order.status_id) ?? null };
}

async function get(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const id = readId(this, 'orderId', itemIndex, 'Order ID');
	const order = await client.v2('GET', `/orders/${id}`, orderSchema);
	if (!order) throw notFound('order', id, 'v2', `/orders/${id}`);
	const include = this.getNodeParameter('include', itemIndex, []) as string[];
	const result = withStatusName(this, itemIndex, order);
	// The sub-resources replace the {url, resource} links v2 puts in their place.
	if (include.includes('products')) result.products = await client.listV2(`/orders/${id}/products`, orderProductSchema).getAll();
	if (include.includes('shipments')) result.shipments = await client.listV2(`/orders/${id}/shipments`, orderShipmentSchema).getAll();
	if (include.includes('coupons')) result.coupons = await client.listV2(`/orders/${id}/coupons`, orderCouponSchema).getAll();
	return [result];
}

function orderFilters(context: IExecuteFunctions, itemIndex: number): QueryInput {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: QueryInput = {};
	if (filters.statusId !== undefined && filters.statusId !== '') query.status_id = Number(filters.statusId);
	if (filters.customerId) query.customer_id = String(filters.customerId).trim();
	if (filters.channelId) query.channel_id = Number(filters.channelId);
	if (filters.cartId) query.cart_id = String(filters.cartId).trim();
	if (filters.email) query.email = String(filters.email).trim();
	if (filters.modifiedSince) query.min_date_modified = v2Date(readDate(context, filters.modifiedSince, itemIndex, 'Modified Since'));
	if (filters.createdSince) query.min_date_created = v2Date(readDate(context, filters.createdSince, itemIndex, 'Created Since'));
	return query;
}

async function getAll(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const orders = await client.listV2('/orders', orderSchema, { query: orderFilters(this, itemIndex) }).getAll(readLimit(this, itemIndex));
	return orders.map((order) => withStatusName(this, itemIndex, order));
}

export const orderOperations: OperationMap = { get, getAll, getRefunds };
