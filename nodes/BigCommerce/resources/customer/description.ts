import type { INodeProperties } from 'n8n-workflow';
import { getManyFilters, returnAllAndLimit } from '../../shared/parameters';

const show = (operation: string[]) => ({ show: { resource: ['customer'], operation } });

export const customerDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one customer by ID', action: 'Get a customer' },
			{ name: 'Get Many', value: 'getAll', description: 'List customers, optionally filtered', action: 'Get many customers' },
			{
				name: 'Update Store Credit',
				value: 'updateStoreCredit',
				description: "Add to or set a customer's store credit balance",
				action: 'Update the store credit of a customer',
			},
		],
		default: 'get',
	},
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		displayOptions: show(['get', 'updateStoreCredit']),
		description: 'The ID BigCommerce gave the customer (Customers › View in the control panel, or resource_id of a customer event)',
	},
	{
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		default: [],
		displayOptions: show(['get', 'getAll']),
		options: [
			{ name: 'Addresses', value: 'addresses', description: 'The customer’s saved addresses' },
			{ name: 'Attributes', value: 'attributes', description: 'Values of the store’s custom customer attributes' },
			{ name: 'Store Credit', value: 'storecredit', description: 'The store credit balance (store_credit_amounts)' },
		],
		description: 'Extra data to read with each customer; each one makes the answer bigger, not the number of requests',
	},
	...returnAllAndLimit('customer'),
	...getManyFilters('customer', [
		{
			displayName: 'Created Since',
			name: 'createdSince',
			type: 'dateTime',
			default: '',
			description: 'Only customers created at or after this time (UTC unless the value has a time zone)',
		},
		{
			displayName: 'Customer Group IDs',
			name: 'customerGroupIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1,3',
			description: 'Only customers in these groups; comma-separated IDs (see Customer Group › Get Many)',
		},
		{
			displayName: 'Emails',
			name: 'emails',
			type: 'string',
			default: '',
			placeholder: 'e.g. name@email.com',
			description: 'Only customers with these email addresses; separate several with commas',
		},
		{
			displayName: 'Modified Since',
			name: 'modifiedSince',
			type: 'dateTime',
			default: '',
			description: 'Only customers changed at or after this time (UTC unless the value has a time zone); use it to sync only what changed since the last run',
		},
	]),
	{
		displayName: 'Change',
		name: 'storeCreditAction',
		type: 'options',
		default: 'add',
		displayOptions: show(['updateStoreCredit']),
		options: [
			{ name: 'Add to Balance', value: 'add', description: 'Add the amount to the current balance; a negative amount takes credit away' },
			{ name: 'Set Balance To', value: 'set', description: 'Replace the balance with the amount' },
		],
		description: 'How the amount changes the balance',
		hint: 'Add reads the balance, then writes the new one. Two runs for the same customer at the same moment can overwrite each other, so do not run it twice in parallel for one customer.',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 2 },
		displayOptions: show(['updateStoreCredit']),
		description: "Amount in the store's default currency, e.g. 5 for $5.00. The balance can never go below zero.",
	},
];
