import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../shared/types';
import { cartDescription } from './cart/description';
import { cartOperations } from './cart/operations';
import { channelDescription } from './channel/description';
import { channelOperations } from './channel/operations';
import { couponCodeDescription } from './couponCode/description';
import { couponCodeOperations } from './couponCode/operations';
import { customerDescription } from './customer/description';
import { customerOperations } from './customer/operations';
import { customerGroupDescription } from './customerGroup/description';
import { customerGroupOperations } from './customerGroup/operations';
import { orderDescription } from './order/description';
import { orderOperations } from './order/operations';
import { productDescription } from './product/description';
import { productOperations } from './product/operations';
import { webhookDescription } from './webhook/description';
import { webhookOperations } from './webhook/operations';

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Cart', value: 'cart' },
		{ name: 'Channel', value: 'channel' },
		{ name: 'Coupon Code', value: 'couponCode' },
		{ name: 'Customer', value: 'customer' },
		{ name: 'Customer Group', value: 'customerGroup' },
		{ name: 'Order', value: 'order' },
		{ name: 'Product', value: 'product' },
		{ name: 'Webhook', value: 'webhook' },
	],
	default: 'customer',
};

export const resourceProperties: INodeProperties[] = [
	...cartDescription,
	...channelDescription,
	...couponCodeDescription,
	...customerDescription,
	...customerGroupDescription,
	...orderDescription,
	...productDescription,
	...webhookDescription,
];

export const operations: Record<string, OperationMap> = {
	cart: cartOperations,
	channel: channelOperations,
	couponCode: couponCodeOperations,
	customer: customerOperations,
	customerGroup: customerGroupOperations,
	order: orderOperations,
	product: productOperations,
	webhook: webhookOperations,
};
