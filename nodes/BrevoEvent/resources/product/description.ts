import type { INodeProperties } from 'n8n-workflow';
import { batchSizeProperty } from '../../shared/batch';

const both = { resource: ['product'], operation: ['upsert', 'upsertMany'] };

export const productOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a product',
			},
			{
				name: 'Create or Update Many',
				value: 'upsertMany',
				description: 'Create or update one catalog product per input item, many per request (Brevo’s batch endpoint)',
				action: 'Create or update many products',
			},
		],
		default: 'upsert',
	},
];

export const productFields: INodeProperties[] = [
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		required: true,
		displayOptions: { show: both },
		default: '',
		placeholder: '77',
		description: 'The store’s product ID; a product already in Brevo’s catalog with this ID is updated',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		displayOptions: { show: both },
		default: '',
		description: 'The product name as shown in emails',
	},
	{
		displayName: 'Product URL',
		name: 'url',
		type: 'string',
		displayOptions: { show: both },
		default: '',
		placeholder: 'https://shop.example.com/blue-shirt/',
		description: 'Full address of the product page',
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		displayOptions: { show: both },
		default: '',
		placeholder: 'https://cdn.example.com/blue-shirt.jpg',
		description: 'Full address of the product’s main image',
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		displayOptions: { show: both },
		default: '',
		description: 'The product’s SKU in the store',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'string',
		displayOptions: { show: both },
		default: '',
		placeholder: '29.99',
		description: 'A number; store prices such as "29.9900" are accepted',
	},
	{
		displayName: 'Categories',
		name: 'categories',
		type: 'string',
		displayOptions: { show: both },
		default: '',
		placeholder: '18, 23',
		description: 'Comma-separated category IDs (or a list from an expression)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show: both },
		default: {},
		description: 'More product details for emails and recommendations',
		options: [
			{ displayName: 'Brand', name: 'brand', type: 'string', default: '', description: 'The product’s brand' },
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'A description to show in emails' },
			{
				displayName: 'Meta Info (JSON)',
				name: 'metaInfo',
				type: 'json',
				default: '{}',
				description: 'More details as names and text or number values, e.g. {"vendor": "Acme"}; at most 20,000 characters',
			},
			{ displayName: 'Parent Product ID', name: 'parentId', type: 'string', default: '', description: 'For a variant: the ID of its main product' },
			{ displayName: 'Stock', name: 'stock', type: 'number', default: 0, description: 'Units in stock' },
		],
	},
	batchSizeProperty({ resource: ['product'], operation: ['upsertMany'] }, 'products'),
];
