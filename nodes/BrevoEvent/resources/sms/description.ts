import type { INodeProperties } from 'n8n-workflow';
import { consentProperties } from '../../shared/consent-check';

const send = { resource: ['sms'], operation: ['send'] };

export const smsOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [{ name: 'Send', value: 'send', description: 'Send a transactional SMS, once per input item', action: 'Send an SMS' }],
		default: 'send',
	},
];

export const smsFields: INodeProperties[] = [
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'string',
		required: true,
		displayOptions: { show: send },
		default: '',
		placeholder: 'MyShop',
		description: 'The name the SMS comes from: up to 11 letters and digits without spaces, or a number of up to 15 digits',
		hint: 'Some countries only accept senders registered with Brevo',
	},
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		displayOptions: { show: send },
		default: '',
		placeholder: '+33612345678',
		description: 'Mobile number with its country code',
	},
	{
		displayName: 'Message',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		displayOptions: { show: send },
		default: '',
		description: 'The text; more than 160 characters (70 with emoji or accents) is sent, and billed, as several SMS',
	},
	...consentProperties(send, 'sms'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: send },
		default: {},
		description: 'How the SMS is labelled and encoded',
		options: [
			{
				displayName: 'Organisation Prefix',
				name: 'organisationPrefix',
				type: 'string',
				default: '',
				description: 'Your brand name, put before the text (recommended by US carriers)',
			},
			{ displayName: 'Tag', name: 'tag', type: 'string', default: '', description: 'A tag to find these messages in Brevo’s statistics' },
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Marketing', value: 'marketing', description: 'Promotional content' },
					{ name: 'Transactional', value: 'transactional', description: 'Triggered by what the customer did: order, shipping, points' },
				],
				default: 'transactional',
				description: 'What kind of message this is, as carriers distinguish them',
			},
			{ displayName: 'Unicode', name: 'unicodeEnabled', type: 'boolean', default: false, description: 'Whether the text holds characters outside the basic SMS alphabet (emoji, many accents)' },
		],
	},
];
