import type { INodeProperties } from 'n8n-workflow';
import { consentProperties } from '../../shared/consent-check';
import { keyValueProperties } from '../../shared/fields';

const send = { resource: ['whatsapp'], operation: ['sendTemplate'] };

export const whatsappOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['whatsapp'] } },
		options: [
			{
				name: 'Send Template Message',
				value: 'sendTemplate',
				description: 'Send an approved WhatsApp template message, once per input item',
				action: 'Send a whats app template message',
			},
		],
		default: 'sendTemplate',
	},
];

export const whatsappFields: INodeProperties[] = [
	{
		displayName: 'Sender Number',
		name: 'senderNumber',
		type: 'string',
		required: true,
		displayOptions: { show: send },
		default: '',
		placeholder: '+919876543210',
		description: 'Your WhatsApp Business number connected to Brevo, with the country code',
	},
	{
		displayName: 'Recipient Number',
		name: 'contactNumber',
		type: 'string',
		required: true,
		displayOptions: { show: send },
		default: '',
		placeholder: '+33612345678',
		description: 'The customer’s WhatsApp number, with the country code',
	},
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'number',
		required: true,
		displayOptions: { show: send },
		default: 0,
		description: 'The ID of an approved WhatsApp template in Brevo (Campaigns → WhatsApp → Templates); the first message to a customer must be a template',
	},
	...keyValueProperties({
		name: 'params',
		displayName: 'Template Parameters',
		show: send,
		description: 'Values for the template’s placeholders, e.g. FNAME, ORDER_ID',
		nameDescription: 'As named in the template.',
		namePlaceholder: 'FNAME',
		valuePlaceholder: 'Jane',
		jsonPlaceholder: '{"FNAME": "Jane", "ORDER_ID": "100"}',
	}),
	...consentProperties(send, 'whatsapp'),
];
