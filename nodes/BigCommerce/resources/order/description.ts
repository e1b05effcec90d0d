import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { ORDER_STATUSES } from '../../../core/bigcommerce';
import { getManyFilters, returnAllAndLimit } from '../../shared/parameters';

const show = (operation: string[]) => ({ show: { resource: ['order'], operation } });

/** BigCommerce's fixed statuses, alphabetically, with the ID flows compare against. */
const statusOptions: INodePropertyOptions[] = [...ORDER_STATUSES]
	.sort((a, b) => a.name.localeCompare(b.name))
	.map((status) => ({ name: `${status.name} (${status.id})`, value: status.id }));

/** The order's number, text so that an expression such as {{ $json.order_id }} can fill it. */
const orderId = { displayName: 'Order ID', name: 'orderId', type: 'string', required: true, default: '', placeholder: 'e.g. 100' } as const;

export const orderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one order by ID, optionally with its products, shipments and coupons', action: 'Get an order' },
			{ name: 'Get Many', value: 'getAll', description: 'List orders, optionally filtered', action: 'Get many orders' },
			{
				name: 'Get Refunds',
				value: 'getRefunds',
				description: 'List the refunds of one order: ID, time, amount (also in minor units), refunded items',
				action: 'Get the refunds of an order',
			},
		],
		default: 'get',
	},
	{
		...orderId,
		displayOptions: show(['get']),
		description: 'The order number, e.g. resource_id or order_id of an order event',
	},
	{
		...orderId,
		displayOptions: show(['getRefunds']),
		description: 'The order number, e.g. order_id of an Order Refund Created event, or the ID of an order from Get Many',
		hint: 'One item per refund, oldest first; none when the order has no refunds. Each carries total_amount_minor and order_refunded_total (this refund and the earlier ones), for Tajo Loyalty › Points › Reverse.',
	},
	{
		displayName: 'Options',
		name: 'refundOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['getRefunds']),
		options: [
			{
				displayName: 'Order Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'e.g. USD',
				description:
					"The order's currency code (currency_code), for the amounts in minor units. Leave it out and the order is read for it: one more request to BigCommerce.",
			},
		],
	},
	{
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		default: [],
		displayOptions: show(['get']),
		options: [
			{ name: 'Coupons', value: 'coupons', description: 'Coupon codes used on the order and what each took off' },
			{ name: 'Products', value: 'products', description: 'The order lines: product, variant, quantity, prices' },
			{ name: 'Shipments', value: 'shipments', description: 'Shipments with tracking number and carrier' },
		],
		description: 'Details to read with the order. Each one is one more request to BigCommerce.',
	},
	...returnAllAndLimit('order'),
	...getManyFilters('order', [
		{
			displayName: 'Cart ID',
			name: 'cartId',
			type: 'string',
			default: '',
			description: 'Only the order placed from this cart; tells a cart-recovery flow that the cart was bought',
		},
		{
			displayName: 'Channel ID',
			name: 'channelId',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1 },
			description: 'Only orders from this sales channel (storefront); see Channel › Get Many',
		},
		{
			displayName: 'Created Since',
			name: 'createdSince',
			type: 'dateTime',
			default: '',
			description: 'Only orders placed at or after this time (UTC unless the value has a time zone)',
		},
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			default: '',
			description: 'Only orders of this customer',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Only orders with this billing email address (also finds guest orders)',
		},
		{
			displayName: 'Modified Since',
			name: 'modifiedSince',
			type: 'dateTime',
			default: '',
			description: 'Only orders changed at or after this time (UTC unless the value has a time zone)',
		},
		{
			displayName: 'Status',
			name: 'statusId',
			type: 'options',
			default: 10,
			options: statusOptions,
			description: 'Only orders in this status',
		},
	]),
	{
		displayName: 'Add Status Name',
		name: 'addStatusName',
		type: 'boolean',
		default: true,
		displayOptions: show(['get', 'getAll']),
		description:
			'Whether to add status_name: BigCommerce’s fixed name of the status (e.g. Completed). Unlike the status field it stays the same when the store renames its statuses, so flows can rely on it.',
	},
];
