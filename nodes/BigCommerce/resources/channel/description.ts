import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../shared/parameters';

export const channelDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['channel'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the sales channels (storefronts) with their IDs; loyalty programs are chosen per channel',
				action: 'Get many channels',
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit('channel'),
];
