import type { INodeProperties } from 'n8n-workflow';

const getAll = { resource: ['list'], operation: ['getAll'] };
const create = { resource: ['list'], operation: ['create'] };

export const listOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['list'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a contact list, or return the one that already has this name',
				action: 'Create a list',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the contact lists with their IDs, folders and subscriber counts',
				action: 'Get many lists',
			},
		],
		default: 'getAll',
	},
];

/** Empty: the account's first folder (every Brevo account has one). */
function folderProperty(show: Record<string, string[]>, description: string): INodeProperties {
	return {
		displayName: 'Folder Name or ID',
		name: 'folderId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFolders' },
		displayOptions: { show },
		default: '',
		description: `${description} Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
	};
}

export const listFields: INodeProperties[] = [
	// Create
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		displayOptions: { show: create },
		default: '',
		placeholder: 'vip_exclusive',
		description: 'The list’s name, as marketers see it in Brevo under Contacts → Lists',
	},
	folderProperty(create, 'The folder the new list goes in. Leave empty for the account’s first folder.'),
	{
		displayName: 'If a List With This Name Exists',
		name: 'ifNameExists',
		type: 'options',
		displayOptions: { show: create },
		options: [
			{
				name: 'Return the Existing List',
				value: 'reuse',
				description: 'Create nothing and output the list that has the name (in any folder; case and surrounding spaces ignored), so a setup flow can run again',
			},
			{ name: 'Create Another List', value: 'create', description: 'Brevo accepts several lists with the same name' },
		],
		default: 'reuse',
		description: 'Brevo does not refuse a second list with the same name; the output says created: true or false',
		hint: 'Map the output’s ID into the flows that add contacts to the list',
	},
	// Get Many
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show: getAll },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		displayOptions: { show: { ...getAll, returnAll: [false] } },
		default: 50,
		description: 'Max number of results to return',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show: getAll },
		default: {},
		description: 'Narrow the lists down, e.g. to one folder',
		options: [
			{
				displayName: 'Folder Name or ID',
				name: 'folderId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getFolders' },
				default: '',
				description: 'Only the lists of this folder. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];
