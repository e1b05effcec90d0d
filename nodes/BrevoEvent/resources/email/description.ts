import type { INodeProperties } from 'n8n-workflow';
import { keyValueProperties } from '../../shared/fields';

const send = { resource: ['email'], operation: ['sendTemplate'] };

export const emailOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['email'] } },
		options: [
			{
				name: 'Send by Template',
				value: 'sendTemplate',
				description: 'Send a transactional email made from a Brevo template, once per input item',
				action: 'Send an email by template',
			},
		],
		default: 'sendTemplate',
	},
];

export const emailFields: INodeProperties[] = [
	{
		displayName: 'Template Name or ID',
		name: 'templateId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTemplates' },
		required: true,
		displayOptions: { show: send },
		default: '',
		description: 'The Brevo email template (Campaigns → Templates) to send. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Recipient Email',
		name: 'toEmail',
		type: 'string',
		required: true,
		placeholder: 'name@email.com',
		displayOptions: { show: send },
		default: '',
		description: 'Who gets the email',
	},
	{
		displayName: 'Recipient Name',
		name: 'toName',
		type: 'string',
		displayOptions: { show: send },
		default: '',
		description: 'Shown next to the address in the recipient’s mailbox (at most 70 characters)',
	},
	...keyValueProperties({
		name: 'params',
		displayName: 'Template Parameters',
		show: send,
		description: 'Values the template shows with {{ params.name }}, e.g. orderId, trackingUrl, points',
		nameDescription: 'As written in the template after params.',
		namePlaceholder: 'orderId',
		valuePlaceholder: '100',
		jsonPlaceholder: '{"orderId": 100, "points": 250}',
	}),
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		displayOptions: { show: send },
		default: '',
		placeholder: 'order_shipped, loyalty',
		description: 'Comma-separated tags to find these emails in Brevo’s statistics and logs',
	},
	{
		displayName: 'Duplicate Protection',
		name: 'idempotency',
		type: 'options',
		displayOptions: { show: send },
		options: [
			{
				name: 'Automatic',
				value: 'auto',
				description: 'A key made from the template, recipients and parameters: running the same item again sends nothing new',
			},
			{ name: 'Custom Key', value: 'custom', description: 'A key you choose that names this one email, e.g. built from the order ID and the event' },
			{ name: 'Off', value: 'none', description: 'Every run sends the email' },
		],
		default: 'auto',
		description: 'Brevo sends an email only once per idempotency key within 30 minutes, so a retried or re-run execution does not email the customer twice',
		hint: 'The same key within 30 minutes is reported as duplicate: true, and nothing is sent',
	},
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		displayOptions: { show: { ...send, idempotency: ['custom'] } },
		default: '',
		placeholder: 'order-100-shipped',
		description: 'Any text that names this one email; it is turned into the UUID Brevo expects',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: send },
		default: {},
		description: 'More recipients and where replies go',
		options: [
			{ displayName: 'BCC', name: 'bcc', type: 'string', default: '', description: 'Comma-separated addresses that get a blind copy' },
			{ displayName: 'CC', name: 'cc', type: 'string', default: '', description: 'Comma-separated addresses that get a copy' },
			{ displayName: 'Reply-To Email', name: 'replyToEmail', type: 'string', placeholder: 'name@email.com', default: '', description: 'Where replies go, instead of the template’s sender' },
		],
	},
];
