import type { INodeProperties } from 'n8n-workflow';
import { storeHashField } from '../../shared/fields';

const show = { resource: ['analytics'], operation: ['getDashboard'] };

export const analyticsOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['analytics'] } },
	options: [
		{
			name: 'Get Dashboard',
			value: 'getDashboard',
			description:
				'Customers (total, by channel, new this month), revenue (total, by channel, average order value) and loyalty figures (active members, points issued and redeemed, redemption rate, outstanding points, members per tier)',
			action: 'Get the loyalty dashboard',
		},
	],
	default: 'getDashboard',
};

export const analyticsStoreHash = storeHashField(show);

export const analyticsProgram: INodeProperties = {
	displayName: 'Program',
	name: 'program',
	type: 'string',
	default: '',
	placeholder: 'Leave empty for all programs',
	description: 'ID of one loyalty program; leave empty to count every program of the store',
	displayOptions: { show },
};

export const activeDays: INodeProperties = {
	displayName: 'Active Within Days',
	name: 'activeDays',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 90,
	description: 'A member counts as active with any points activity in this many days',
	displayOptions: { show },
};

export const analyticsDescription: INodeProperties[] = [analyticsOperation, analyticsStoreHash, analyticsProgram, activeDays];
