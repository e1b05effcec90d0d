import type { INodeProperties } from 'n8n-workflow';

type Show = Record<string, string[]>;

/**
 * Three parameters for names and values a marketer may give field by field or, for mapped data,
 * as JSON: `<name>Mode`, `<name>Fields` (rows of name and value) and `<name>Json`.
 */
export function keyValueProperties(options: {
	name: string;
	displayName: string;
	show: Show;
	description: string;
	nameDescription: string;
	namePlaceholder: string;
	valuePlaceholder: string;
	jsonPlaceholder: string;
	/** Offer the account's contact attributes as names. */
	attributeNames?: boolean;
}): INodeProperties[] {
	const { name, displayName, show } = options;
	return [
		{
			displayName: `${displayName}: Define`,
			name: `${name}Mode`,
			type: 'options',
			displayOptions: { show },
			options: [
				{ name: 'Field by Field', value: 'fields', description: 'Add one row per name and value' },
				{ name: 'As JSON', value: 'json', description: 'Give one JSON object, typed in or mapped with an expression' },
			],
			default: 'fields',
			description: `How to give the ${displayName.toLowerCase()}`,
		},
		{
			displayName,
			name: `${name}Fields`,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: `Add ${displayName.replace(/s$/, '')}`,
			displayOptions: { show: { ...show, [`${name}Mode`]: ['fields'] } },
			default: {},
			description: options.description,
			options: [
				{
					displayName: 'Value',
					name: 'values',
					values: [
						options.attributeNames
							? {
									displayName: 'Name or ID',
									name: 'name',
									type: 'options',
									typeOptions: { loadOptionsMethod: 'getAttributes' },
									default: '',
									description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
								}
							: { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: options.namePlaceholder, description: options.nameDescription },
						{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: options.valuePlaceholder, description: 'Text, or an expression for a number, true/false or a list' },
					],
				},
			],
		},
		{
			displayName: `${displayName} (JSON)`,
			name: `${name}Json`,
			type: 'json',
			displayOptions: { show: { ...show, [`${name}Mode`]: ['json'] } },
			default: '{}',
			placeholder: options.jsonPlaceholder,
			description: options.description,
		},
	];
}

/** The drop-down of identifier types Brevo looks contacts up by (`identifierType`). */
export function identifierTypeProperty(show: Show, defaultType = 'email_id'): INodeProperties {
	return {
		displayName: 'Identify Contact By',
		name: 'identifierType',
		type: 'options',
		displayOptions: { show },
		options: [
			{ name: 'Contact ID', value: 'contact_id', description: "Brevo's own number for the contact" },
			{ name: 'Email', value: 'email_id' },
			{ name: 'Ext ID', value: 'ext_id', description: 'Your own ID stored on the contact, e.g. the BigCommerce customer ID' },
			{ name: 'Landline Number', value: 'landline_number_id' },
			{ name: 'SMS Phone Number', value: 'phone_id', description: "The contact's mobile number (SMS attribute)" },
			{ name: 'WhatsApp Number', value: 'whatsapp_id' },
		],
		default: defaultType,
		description: 'Which of the contact’s identifiers the value below is',
	};
}
