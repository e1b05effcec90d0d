import type { INodeProperties } from 'n8n-workflow';
import { customerIdField, itemField, programByChannelField, programField, returnAllFields, storeHashField } from '../../shared/fields';

const show = (...operation: string[]) => ({ resource: ['member'], operation });

export const memberOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['member'] } },
	options: [
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Enrol or update a loyalty member',
		},
		{
			name: 'Erase',
			value: 'erase',
			description: "Remove a member's personal data (GDPR); points and history stay, anonymised",
			action: 'Erase the personal data of a member',
		},
		{ name: 'Get', value: 'get', description: "Get a member's balances, tier, next tier and stats", action: 'Get a loyalty member' },
		{ name: 'List', value: 'list', description: 'List members, e.g. for segments or a report', action: 'List loyalty members' },
	],
	default: 'upsert',
};

export const memberStoreHash = storeHashField(show('upsert', 'get', 'list', 'erase'));
export const memberProgramByChannel = programByChannelField(show('upsert'), 'customer');
export const memberProgram = programField(show('get', 'list', 'erase'));
export const memberCustomerId = customerIdField(show('get', 'erase'));

export const customerItem = itemField(
	show('upsert'),
	'Customer',
	'customer',
	'The BigCommerce customer (v3) as the BigCommerce node outputs it: id, email, first_name, last_name, phone, customer_group_id, date_created, origin_channel_id…',
	'By default the whole incoming item',
);

export const customerGroupName: INodeProperties = {
	displayName: 'Customer Group Name',
	name: 'customerGroupName',
	type: 'string',
	default: '={{ $json.customer_group_name || "" }}',
	placeholder: 'e.g. VIP',
	description:
		"The name of the customer's BigCommerce group (Retail, VIP, Wholesale…). It sets the group multiplier and, through the program's customer-group mapping, the segment, the starting tier and the Brevo list.",
	hint: "BigCommerce customers carry only customer_group_id: get the name with BigCommerce → Customer Group → Get and map it here. Empty: the member keeps the group stored (a new member has none), unless the customer's customer_group_id is 0 (no group), which clears it.",
	displayOptions: { show: show('upsert') },
};

export const memberAdditionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	description: 'More about the member',
	placeholder: 'Add Field',
	default: {},
	displayOptions: { show: show('upsert') },
	options: [
		{
			displayName: 'Birthday',
			name: 'birthday',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1990-04-23 or --04-23',
			description: 'For the birthday bonus. YYYY-MM-DD, or --MM-DD when the year is not known. BigCommerce has no birthday field; map it from a form field or attribute.',
		},
	],
};

const listShow = show('list');
export const memberListFields = returnAllFields(listShow, 'members');

export const memberFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	description: 'Only members that match all the filters added',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: { show: listShow },
	options: [
		{ displayName: 'Customer Group', name: 'customerGroup', type: 'string', default: '', placeholder: 'e.g. VIP', description: 'Only members of this BigCommerce customer group (exact name)' },
		{ displayName: 'Include Erased Members', name: 'includeErased', type: 'boolean', default: false, description: 'Whether to include members whose personal data was erased' },
		{ displayName: 'Max Available Points', name: 'maxPoints', type: 'number', default: 0, description: 'Only members with at most this many available points' },
		{ displayName: 'Min Available Points', name: 'minPoints', type: 'number', default: 0, description: 'Only members with at least this many available points' },
		{
			displayName: 'Modified Since',
			name: 'modifiedSince',
			type: 'dateTime',
			default: '',
			description: 'Only members whose profile, points or stats changed at or after this time (for incremental syncs)',
		},
		{ displayName: 'Tier', name: 'tier', type: 'string', default: '', placeholder: 'e.g. Gold', description: 'Only members whose stored tier is this one' },
	],
};

export const memberDescription: INodeProperties[] = [
	memberOperation,
	memberStoreHash,
	memberProgramByChannel,
	memberProgram,
	memberCustomerId,
	customerItem,
	customerGroupName,
	memberAdditionalFields,
	...memberListFields,
	memberFilters,
];
