import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../shared/types';
import { analyticsDescription, analyticsOperations } from './analytics';
import { cartDescription, cartOperations } from './cart';
import { databaseDescription, databaseOperations } from './database';
import { memberDescription, memberOperations } from './member';
import { messageDescription, messageOperations } from './message';
import { pointsDescription, pointsOperations } from './points';
import { programDescription, programOperations } from './program';

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Analytics', value: 'analytics', description: "The seed's dashboard metrics" },
		{ name: 'Cart', value: 'cart', description: 'Tracked carts for abandoned-cart recovery' },
		{ name: 'Database', value: 'database', description: 'The loyalty database itself' },
		{ name: 'Member', value: 'member', description: 'Customers enrolled in a program' },
		{ name: 'Message', value: 'message', description: 'Send-once log for Brevo messages and other side effects' },
		{ name: 'Point', value: 'points', description: 'Award, redeem, reverse and adjust points' },
		{ name: 'Program', value: 'program', description: 'Loyalty rules: rates, bonuses, multipliers, tiers' },
	],
	default: 'points',
};

export const resourceProperties: INodeProperties[] = [
	...programDescription,
	...memberDescription,
	...pointsDescription,
	...cartDescription,
	...messageDescription,
	...analyticsDescription,
	...databaseDescription,
];

/** resource → operation → the function that runs it. */
export const operations: Record<string, OperationMap> = {
	program: programOperations,
	member: memberOperations,
	points: pointsOperations,
	cart: cartOperations,
	message: messageOperations,
	analytics: analyticsOperations,
	database: databaseOperations,
};
