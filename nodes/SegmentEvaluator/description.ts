import type { INodeProperties } from 'n8n-workflow';

/** The seed's five segments (integration guide, step 6), the JSON mode's default. */
export const SEED_SEGMENTS = [
	{ name: 'First-Time Buyers', conditions: { orders_count: 1 } },
	{ name: 'Repeat Customers', conditions: { orders_count: { $gte: 2 } } },
	{ name: 'High-Value Customers', conditions: { total_spent: { $gte: 1000 } } },
	{ name: 'Wholesale Accounts', conditions: { customer_group: 'Wholesale' } },
	{ name: 'At-Risk Customers', conditions: { last_order_date: { $lt: '-90 days' }, orders_count: { $gte: 2 } } },
];

const LANGUAGE_HINT =
	'Conditions are Mongo-style: a value means "equals"; operators $eq $ne $gt $gte $lt $lte $in $nin $exists $regex $size $elemMatch $not, and $and $or $nor; dotted paths such as "billing_address.country". Dates compare as dates, including relative ones: "-90 days", "+2 weeks", "today", "this_month", "last_month", "this_year".';

// Sorted by name, as n8n's lint and editor expect.
const rowOperators = [
	{ name: 'Does Not Equal', value: 'notEquals', description: 'The field does not equal the value' },
	{ name: 'Does Not Match Pattern', value: 'notRegex', description: 'The regular expression does not match' },
	{ name: 'Equals', value: 'equals', description: 'The field equals the value (for a list: one of its items does)' },
	{ name: 'Exists', value: 'exists', description: 'The field is present (even if empty)' },
	{ name: 'Has Number of Items', value: 'size', description: 'The field is a list with exactly this many items' },
	{ name: 'Is Greater Than (After)', value: 'gt', description: 'A number, a text, or a date such as 2024-01-31 or -90 days' },
	{ name: 'Is Greater Than or Equal (On or After)', value: 'gte', description: 'A number, a text, or a date such as this_month' },
	{ name: 'Is Less Than (Before)', value: 'lt', description: 'A number, a text, or a date such as -90 days' },
	{ name: 'Is Less Than or Equal (On or Before)', value: 'lte', description: 'A number, a text, or a date' },
	{ name: 'Is Missing', value: 'notExists', description: 'The field is not present' },
	{ name: 'Is Not One Of', value: 'notIn', description: 'The field equals none of the comma-separated values (or a JSON list)' },
	{ name: 'Is One Of', value: 'in', description: 'The field equals one of the comma-separated values (or a JSON list)' },
	{ name: 'Matches Pattern', value: 'regex', description: 'A regular expression, e.g. @example\\.com$ or /^vip/i' },
];

export const properties: INodeProperties[] = [
	{
		displayName: 'Define Segments As',
		name: 'definitionSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'JSON (Seed Format)', value: 'json', description: 'A list of { name, conditions } with Mongo-style conditions' },
			{ name: 'Rows', value: 'rows', description: 'Build each segment from field / operator / value rows, no code' },
		],
		default: 'json',
	},
	{
		displayName: 'Segments (JSON)',
		name: 'segmentsJson',
		type: 'json',
		typeOptions: { rows: 14 },
		displayOptions: { show: { definitionSource: ['json'] } },
		default: JSON.stringify(SEED_SEGMENTS, null, 2),
		description: `A list of segments: [{ "name": "…", "conditions": { … } }]. ${LANGUAGE_HINT} Definitions are read once per execution (for the first item).`,
	},
	{
		displayName: 'Segments',
		name: 'segmentsUi',
		placeholder: 'Add Segment',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		displayOptions: { show: { definitionSource: ['rows'] } },
		default: {},
		options: [
			{
				displayName: 'Segment',
				name: 'segment',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. Repeat Customers', description: 'The segment name used in tags, outputs and filters' },
					{
						displayName: 'Combine Conditions',
						name: 'combine',
						type: 'options',
						options: [
							{ name: 'All Must Match (AND)', value: 'and' },
							{ name: 'Any Must Match (OR)', value: 'or' },
						],
						default: 'and',
					},
					{
						displayName: 'Conditions',
						name: 'conditions',
						placeholder: 'Add Condition',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						default: {},
						options: [
							{
								displayName: 'Condition',
								name: 'condition',
								values: [
									{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'e.g. orders_count or billing_address.country', description: 'The profile field; use dots for nested fields' },
									{ displayName: 'Operator', name: 'operator', type: 'options', options: rowOperators, default: 'equals' },
									{
										displayName: 'Value',
										name: 'value',
										type: 'string',
										default: '',
										displayOptions: { hide: { operator: ['exists', 'notExists'] } },
										placeholder: 'e.g. 2, Wholesale, -90 days, this_month',
										description: 'Numbers, true/false and null are recognised by default (see Value Type); dates may be relative: -90 days, today, this_month, last_month, this_year',
									},
									{
										displayName: 'Value Type',
										name: 'valueType',
										type: 'options',
										displayOptions: { hide: { operator: ['exists', 'notExists', 'regex', 'notRegex'] } },
										options: [
											{ name: 'Automatic', value: 'auto', description: 'Numbers, true/false and null are recognised; anything else is text (or a date)' },
											{ name: 'Boolean', value: 'boolean' },
											{ name: 'JSON', value: 'json', description: 'Any JSON value, e.g. a list or an object' },
											{ name: 'Number', value: 'number' },
											{ name: 'Text', value: 'string', description: 'Always text, e.g. for postcodes such as 01234' },
										],
										default: 'auto',
									},
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Tag', value: 'tag', description: 'Add the names of the matching segments to each item' },
			{ name: 'Route', value: 'route', description: 'One output per segment, plus No Match' },
			{ name: 'Filter', value: 'filter', description: 'Keep only the items of one segment' },
		],
		default: 'tag',
	},
	{
		displayName: 'Items in Several Segments',
		name: 'multipleMatches',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { mode: ['route'] } },
		options: [
			{ name: 'Send to Every Matching Output', value: 'all' },
			{ name: 'Send to the First Matching Output Only', value: 'first', description: 'In the order of the segment list' },
		],
		default: 'all',
	},
	{
		displayName: 'Segment Name or ID',
		name: 'segmentName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSegmentNames', loadOptionsDependsOn: ['definitionSource', 'segmentsJson', 'segmentsUi'] },
		displayOptions: { show: { mode: ['filter'] } },
		default: '',
		required: true,
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Compare Number Texts as Numbers',
				name: 'numberStrings',
				type: 'boolean',
				default: true,
				description: 'Whether texts such as "69.8400" (how BigCommerce sends money) equal and compare with numbers. Off: strict Mongo rules (a text never equals a number).',
			},
			{
				displayName: 'Output Field',
				name: 'outputField',
				type: 'string',
				default: 'segments',
				displayOptions: { show: { '/mode': ['tag'] } },
				description: 'The field that receives the list of matching segment names',
			},
			{
				displayName: 'Reference Time',
				name: 'referenceTime',
				type: 'dateTime',
				default: '',
				description: 'The time relative dates are counted from ("-90 days", "today"). Empty: when the execution runs.',
			},
			{
				displayName: 'Time Zone',
				name: 'timeZone',
				type: 'string',
				default: '',
				placeholder: 'e.g. Europe/Paris',
				description: 'IANA time zone for "today", "this_month" and dates written without an offset. Empty: the workflow\'s time zone.',
			},
		],
	},
];
