import type { INodeProperties } from 'n8n-workflow';
import { batchSizeProperty } from '../../shared/batch';
import { keyValueProperties } from '../../shared/fields';

const both = { resource: ['event'], operation: ['track', 'trackMany'] };

export const eventOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Track',
				value: 'track',
				description: 'Send one custom event per input item to Brevo, where it can start an automation',
				action: 'Track an event',
			},
			{
				name: 'Track Many',
				value: 'trackMany',
				description: 'Send one event per input item, many per request (Brevo’s batch endpoint): faster for large runs',
				action: 'Track many events',
			},
		],
		default: 'track',
	},
];

export const eventFields: INodeProperties[] = [
	{
		displayName:
			'To send an event later (the guide’s scheduleEvent with a delay, e.g. a review request 14 days after delivery), put n8n’s Wait node before this node. Brevo receives the event when the Wait node lets the item through.',
		name: 'waitNotice',
		type: 'notice',
		displayOptions: { show: both },
		default: '',
	},
	{
		displayName: 'Event Name',
		name: 'eventName',
		type: 'string',
		required: true,
		displayOptions: { show: both },
		default: '',
		placeholder: 'order_shipped',
		description: 'The name Brevo files the event under, and that automations start on. Letters, digits, - and _ only, at most 255 characters.',
		hint: 'E.g. order_shipped, review_request, cart_abandoned, points_awarded',
	},
	{
		displayName: 'Contact Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		displayOptions: { show: both },
		default: '',
		description: 'Email address of the contact the event is about. Brevo creates the contact if it does not exist.',
		hint: 'Give the email, or another identifier under Other Identifiers',
	},
	{
		displayName: 'Other Identifiers',
		name: 'identifiers',
		type: 'collection',
		placeholder: 'Add Identifier',
		displayOptions: { show: both },
		default: {},
		description: 'Other ways to name the contact, when there is no email or in addition to it',
		options: [
			{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '', description: 'Brevo’s own number for the contact; takes priority over the other identifiers' },
			{ displayName: 'Ext ID', name: 'extId', type: 'string', default: '', description: 'Your own ID stored on the contact, e.g. the BigCommerce customer ID' },
			{ displayName: 'Landline Number', name: 'landline', type: 'string', default: '', placeholder: '+33123456789', description: 'With the country code' },
			{ displayName: 'SMS Phone Number', name: 'phone', type: 'string', default: '', placeholder: '+33612345678', description: 'The contact’s mobile number, with the country code' },
			{ displayName: 'WhatsApp Number', name: 'whatsapp', type: 'string', default: '', placeholder: '+33612345678', description: 'With the country code' },
		],
	},
	...keyValueProperties({
		name: 'eventProperties',
		displayName: 'Event Properties',
		show: both,
		description: 'Details of the event that emails and automation conditions can use, e.g. orderId, trackingNumber, carrier. Names: letters, digits, - and _; at most 50 KB in all.',
		nameDescription: 'Letters, digits, - and _ only.',
		namePlaceholder: 'trackingNumber',
		valuePlaceholder: '1Z999AA10123456784',
		jsonPlaceholder: '{"orderId": 100, "trackingNumber": "1Z999", "carrier": "UPS"}',
	}),
	...keyValueProperties({
		name: 'contactProperties',
		displayName: 'Contact Attributes',
		show: both,
		description: 'Contact attributes to update with the event, e.g. LOYALTY_TIER. Names are written in capitals; values are text or numbers.',
		nameDescription: 'An existing contact attribute.',
		namePlaceholder: 'LOYALTY_TIER',
		valuePlaceholder: 'Gold',
		jsonPlaceholder: '{"LOYALTY_TIER": "Gold", "LOYALTY_POINTS": 1200}',
		attributeNames: true,
	}),
	{
		displayName: 'Event Date',
		name: 'eventDate',
		type: 'string',
		displayOptions: { show: both },
		default: '',
		placeholder: '2024-01-24T17:39:57+01:00',
		description: 'When the event happened, as an ISO date-time with a time zone. Leave empty for “now”.',
		hint: 'E.g. {{ $json.date_shipped }} or {{ $now.toISO() }}',
	},
	batchSizeProperty({ resource: ['event'], operation: ['trackMany'] }, 'events'),
];
