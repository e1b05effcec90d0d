import type { INodeProperties } from 'n8n-workflow';

export const databaseDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['database'] } },
		options: [
			{
				name: 'Check Connection',
				value: 'checkConnection',
				description: 'Connect to the loyalty database and check that its tables can be created and used',
				action: 'Check the loyalty database connection',
			},
		],
		default: 'checkConnection',
	},
];
