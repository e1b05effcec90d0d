import type { INodeProperties } from 'n8n-workflow';
import { identifierTypeProperty, keyValueProperties } from '../../shared/fields';

const upsert = { resource: ['contact'], operation: ['upsert'] };
const lookup = { resource: ['contact'], operation: ['get', 'getConsent'] };
const consent = { resource: ['contact'], operation: ['getConsent'] };

export const contactOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a contact',
			},
			{ name: 'Get', value: 'get', description: 'Get a contact with its attributes and lists', action: 'Get a contact' },
			{
				name: 'Get Consent',
				value: 'getConsent',
				description: 'Whether the contact may get emails, SMS and WhatsApp messages: blacklists and unsubscribed lists, as true/false',
				action: 'Get the consent of a contact',
			},
		],
		default: 'upsert',
	},
];

export const contactFields: INodeProperties[] = [
	// Create or Update
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		displayOptions: { show: upsert },
		default: '',
		description: 'The contact’s email address; an existing contact with this email is updated',
		hint: 'Give the email, or an identifier under Other Identifiers',
	},
	{
		displayName: 'Other Identifiers',
		name: 'identifiers',
		type: 'collection',
		placeholder: 'Add Identifier',
		displayOptions: { show: upsert },
		default: {},
		description: 'Other identifiers to store on the contact, or to find it by when it has no email',
		options: [
			{ displayName: 'Ext ID', name: 'extId', type: 'string', default: '', description: 'Your own ID for the contact, e.g. the BigCommerce customer ID' },
			{ displayName: 'SMS Phone Number', name: 'sms', type: 'string', default: '', placeholder: '+33612345678', description: 'Mobile number with the country code (the SMS attribute)' },
			{ displayName: 'WhatsApp Number', name: 'whatsapp', type: 'string', default: '', placeholder: '+33612345678', description: 'With the country code (the WHATSAPP attribute)' },
		],
	},
	...keyValueProperties({
		name: 'attributes',
		displayName: 'Attributes',
		show: upsert,
		description: 'Contact attributes to set, e.g. FIRSTNAME, LOYALTY_POINTS, LOYALTY_TIER. Empty values are skipped, so a blank field never erases what Brevo has.',
		nameDescription: 'A contact attribute of your Brevo account.',
		namePlaceholder: 'LOYALTY_TIER',
		valuePlaceholder: 'Gold',
		jsonPlaceholder: '{"FIRSTNAME": "Jane", "LOYALTY_POINTS": 1200, "LOYALTY_TIER": "Gold"}',
		attributeNames: true,
	}),
	{
		displayName: 'Add to List Names or IDs',
		name: 'addToLists',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLists' },
		displayOptions: { show: upsert },
		default: [],
		description: 'Lists to add the contact to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Remove From List Names or IDs',
		name: 'removeFromLists',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLists' },
		displayOptions: { show: upsert },
		default: [],
		description: 'Lists to take the contact off. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Unknown Attributes',
		name: 'unknownAttributes',
		type: 'options',
		displayOptions: { show: upsert },
		options: [
			{ name: "Don't Check", value: 'skip', description: 'Send the values as they are; Brevo silently ignores values of unknown attributes' },
			{ name: 'Report in Output', value: 'warn', description: 'Send the values Brevo will keep, and list the others under ignoredAttributes' },
			{ name: 'Stop With an Error', value: 'error', description: 'Fail the item when a value would be ignored' },
		],
		default: 'warn',
		description: 'Brevo keeps only values of attributes that exist in the account and fit their type, and drops the others without an error. The node checks first (one lookup per run).',
		hint: 'Create missing attributes with Attribute → Ensure',
	},
	{
		displayName: 'If the Phone Number Belongs to Another Contact',
		name: 'sharedPhoneNumbers',
		type: 'options',
		displayOptions: { show: upsert },
		options: [
			{
				name: 'Save the Contact Without It',
				value: 'skip',
				description: 'Create or update the contact without that SMS or WhatsApp number, and list it under skippedFields in the output',
			},
			{ name: 'Stop With an Error', value: 'fail', description: 'Fail the item, as Brevo refuses the contact' },
		],
		default: 'skip',
		description:
			'Brevo keeps each SMS and WhatsApp number on one contact only and refuses a second contact with it (duplicate_parameter). People of one household often share a number: saving the contact without it keeps the sync going and never merges two people.',
	},
	// Get, Get Consent
	identifierTypeProperty(lookup),
	{
		displayName: 'Identifier',
		name: 'identifier',
		type: 'string',
		required: true,
		displayOptions: { show: lookup },
		default: '',
		placeholder: 'name@email.com',
		description: 'The contact’s email, ID, ext ID or phone number, as chosen above. Phone numbers need their country code, e.g. +33612345678; spaces, dots and dashes are fine.',
		hint: 'For an SMS-only contact, choose SMS Phone Number above',
	},
	{
		displayName: 'If Not Found',
		name: 'notFound',
		type: 'options',
		displayOptions: { show: { resource: ['contact'], operation: ['get'] } },
		options: [
			{ name: 'Return Found: False', value: 'empty', description: 'Output {found: false} so the flow can branch on it' },
			{ name: 'Stop With an Error', value: 'error' },
		],
		default: 'error',
		description: 'What to do when Brevo has no such contact',
	},
	{
		displayName: 'Also Check List Names or IDs',
		name: 'checkLists',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLists' },
		displayOptions: { show: consent },
		default: [],
		description: 'Lists whose unsubscription also means “no”, e.g. the newsletter list of a campaign. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Unknown Contacts',
		name: 'unknownContacts',
		type: 'options',
		displayOptions: { show: consent },
		options: [
			{ name: 'Treat as Reachable', value: 'reachable', description: 'No opt-out is on record, so canEmail, canSms and canWhatsapp are true' },
			{ name: 'Treat as Not Reachable', value: 'unreachable', description: 'The output says canEmail, canSms and canWhatsapp are false' },
		],
		default: 'reachable',
		description: 'How to answer for a contact Brevo does not know (found is false either way)',
	},
];
