import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../shared/parameters';

export const customerGroupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customerGroup'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the customer groups (e.g. Retail, VIP, Wholesale) with their IDs',
				action: 'Get many customer groups',
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit('customerGroup'),
];
