import type { INodeProperties } from 'n8n-workflow';

const ensure = { resource: ['attribute'], operation: ['ensure'] };

export const attributeOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attribute'] } },
		options: [
			{
				name: 'Ensure',
				value: 'ensure',
				description: 'Create the contact attributes the flows write when they are missing; existing ones are left as they are',
				action: 'Ensure contact attributes exist',
			},
		],
		default: 'ensure',
	},
];

export const attributeFields: INodeProperties[] = [
	{
		displayName:
			'Brevo silently ignores values of contact attributes that do not exist in the account. Run this once (e.g. in the program setup workflow) before flows write loyalty data; running it again changes nothing.',
		name: 'ensureNotice',
		type: 'notice',
		displayOptions: { show: ensure },
		default: '',
	},
	{
		displayName: 'Include Tajo Loyalty Attributes',
		name: 'includeTajo',
		type: 'boolean',
		displayOptions: { show: ensure },
		default: true,
		description: 'Whether to ensure the attributes the Tajo templates write: LOYALTY_POINTS (number), LOYALTY_TIER (text), CUSTOMER_GROUP (text) and LAST_ORDER_DATE (date)',
	},
	{
		displayName: 'More Attributes',
		name: 'moreAttributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		displayOptions: { show: ensure },
		default: {},
		description: 'Other contact attributes your flows write',
		options: [
			{
				displayName: 'Attribute',
				name: 'values',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'FAVOURITE_STORE', description: 'Letters, digits and _; written in capitals' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Date', value: 'date' },
							{ name: 'Number', value: 'float' },
							{ name: 'Text', value: 'text' },
							{ name: 'True/False', value: 'boolean' },
						],
						default: 'text',
						description: 'What values the attribute holds; Brevo ignores values of another type',
					},
				],
			},
		],
	},
];
