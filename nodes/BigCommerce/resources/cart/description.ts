import type { INodeProperties } from 'n8n-workflow';

const show = (operation: string[]) => ({ show: { resource: ['cart'], operation } });

export const cartDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cart'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a cart with its items, amounts and the links that take the shopper back to it',
				action: 'Get a cart',
			},
		],
		default: 'get',
	},
	{
		displayName: 'Cart ID',
		name: 'cartId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 09346904-4175-44fd-be53-f7e598531b6c',
		displayOptions: show(['get']),
		description: 'The cart’s ID, e.g. cart_id of a cart event',
	},
	{
		displayName: 'If the Cart No Longer Exists',
		name: 'ifMissing',
		type: 'options',
		default: 'returnItem',
		displayOptions: show(['get']),
		options: [
			{
				name: 'Return an Item With Exists = False',
				value: 'returnItem',
				description: 'Output {exists: false, cart_id}, so an IF node can branch on exists',
			},
			{ name: 'Stop With an Error', value: 'error', description: 'Fail, like any other error (or pass an error item with Continue On Fail)' },
		],
		description: 'What to do when BigCommerce no longer has the cart',
		hint: 'BigCommerce deletes a cart once it becomes an order or is emptied. A recovery flow usually wants an item it can branch on.',
	},
];
