import type { INodeProperties } from 'n8n-workflow';
import { getManyFilters, returnAllAndLimit } from '../../shared/parameters';

const show = (operation: string[], extra: Record<string, string[]> = {}) => ({ show: { resource: ['webhook'], operation, ...extra } });

export const webhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the webhooks of this credential’s API account, e.g. to see which ones BigCommerce switched off',
				action: 'Get many webhooks',
			},
			{
				name: 'Reactivate',
				value: 'reactivate',
				description: 'Switch webhooks BigCommerce deactivated back on, so that events reach the workflows again',
				action: 'Reactivate webhooks',
			},
		],
		default: 'getAll',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'all',
		displayOptions: show(['getAll']),
		options: [
			{ name: 'All', value: 'all', description: 'Active and inactive webhooks' },
			{ name: 'Active', value: 'active', description: 'Only webhooks BigCommerce delivers to' },
			{ name: 'Inactive', value: 'inactive', description: 'Only webhooks that are switched off' },
		],
		description: 'Which webhooks to list by whether BigCommerce delivers to them',
	},
	...returnAllAndLimit('webhook'),
	...getManyFilters('webhook', [
		{
			displayName: 'Destination',
			name: 'destination',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/1f0c…/webhook',
			description: 'Only webhooks that deliver to exactly this URL, e.g. the production URL of a BigCommerce Trigger',
		},
		{
			displayName: 'Scope Contains',
			name: 'scopeContains',
			type: 'string',
			default: '',
			placeholder: 'e.g. order',
			description: 'Only webhooks whose event scope contains this text (any case), e.g. "order" for store/order/created and store/order/statusUpdated',
		},
	]),
	{
		displayName: 'Webhooks to Reactivate',
		name: 'webhooks',
		type: 'options',
		default: 'allInactive',
		displayOptions: show(['reactivate']),
		options: [
			{
				name: 'All Inactive Webhooks',
				value: 'allInactive',
				description: 'Every webhook of this credential’s API account that is switched off; outputs one item per webhook switched on',
			},
			{ name: 'One Webhook by ID', value: 'one', description: 'One webhook; outputs it, with reactivated = false if it was on already' },
		],
		description: 'Which webhooks to switch back on',
		hint: 'BigCommerce switches a webhook off after 48 hours of failed deliveries (e.g. while n8n was down). It shows each API account only its own webhooks: use the credential of the BigCommerce Triggers.',
	},
	{
		displayName: 'Webhook ID',
		name: 'webhookId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 22561593',
		displayOptions: show(['reactivate'], { webhooks: ['one'] }),
		description: 'The webhook’s ID, e.g. the ID from Webhook › Get Many',
	},
];
