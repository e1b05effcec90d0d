import type { INodeProperties } from 'n8n-workflow';
import { batchSizeProperty } from '../../shared/batch';

const both = { resource: ['order'], operation: ['send', 'sendMany'] };
const many = { resource: ['order'], operation: ['sendMany'] };

export const orderOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Send an order and its status to Brevo, so that revenue is attributed to campaigns and order automations run',
				action: 'Send an order',
			},
			{
				name: 'Send Many',
				value: 'sendMany',
				description: 'Send one order per input item, many per request (Brevo’s batch endpoint), e.g. to import past orders',
				action: 'Send many orders',
			},
		],
		default: 'send',
	},
];

export const orderFields: INodeProperties[] = [
	{ displayName: 'Order ID', name: 'orderId', type: 'string', required: true, displayOptions: { show: both }, default: '', placeholder: '100', description: 'The store’s order ID' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'string',
		required: true,
		displayOptions: { show: both },
		default: '',
		placeholder: 'completed',
		description: 'The order’s state, in your words: Brevo stores it as given, e.g. completed, shipped, refunded',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		displayOptions: { show: both },
		default: '',
		placeholder: '{{ $json.total_inc_tax }}',
		description: 'The order total with shipping and tax, as Brevo counts revenue; store amounts such as "69.8400" are accepted',
	},
	{
		displayName: 'Created At',
		name: 'createdAt',
		type: 'string',
		required: true,
		displayOptions: { show: both },
		default: '',
		placeholder: '{{ $json.date_created }}',
		description: 'When the order was placed; any date the store gives is converted to UTC',
	},
	{
		displayName: 'Updated At',
		name: 'updatedAt',
		type: 'string',
		displayOptions: { show: both },
		default: '',
		placeholder: '{{ $json.date_modified }}',
		description: 'When the status last changed; the creation date when empty',
	},
	{
		displayName: 'Customer Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		displayOptions: { show: both },
		default: '',
		description: 'Links the order to the Brevo contact with this email',
	},
	{
		displayName: 'Products (JSON)',
		name: 'products',
		type: 'json',
		required: true,
		displayOptions: { show: both },
		default: '[]',
		placeholder: '[{"productId": "77", "price": 29.99, "quantity": 2}]',
		description: 'The order lines: a list of {productId, price (per unit), quantity, variantId}. Map BigCommerce order products with an expression; their product_id, price_inc_tax and quantity are understood too.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show: both },
		default: {},
		description: 'Other ways to link the order to a contact, and more order details',
		options: [
			{ displayName: 'Coupons', name: 'coupons', type: 'string', default: '', description: 'Comma-separated coupon codes used on the order' },
			{ displayName: 'Ext ID', name: 'extId', type: 'string', default: '', description: 'Links the order to the contact with this ext ID, e.g. the BigCommerce customer ID' },
			{ displayName: 'Meta Info (JSON)', name: 'metaInfo', type: 'json', default: '{}', description: 'More details as names and values, e.g. {"channel": "Main Store"}' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'Links the order to the contact with this SMS number' },
			{ displayName: 'Store ID', name: 'storeId', type: 'string', default: '', description: 'Which store or channel the order comes from' },
		],
	},
	batchSizeProperty(many, 'orders'),
	{
		displayName: 'Historical Import',
		name: 'historical',
		type: 'boolean',
		displayOptions: { show: many },
		default: true,
		description: 'Whether these are past orders (e.g. a backfill): Brevo then starts no automations for them. Brevo’s own default is on.',
	},
];
