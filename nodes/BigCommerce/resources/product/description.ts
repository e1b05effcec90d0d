import type { INodeProperties } from 'n8n-workflow';
import { getManyFilters, returnAllAndLimit } from '../../shared/parameters';

const show = (operation: string[]) => ({ show: { resource: ['product'], operation } });

export const productDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one product by ID', action: 'Get a product' },
			{ name: 'Get Many', value: 'getAll', description: 'List products of the catalog, optionally filtered', action: 'Get many products' },
		],
		default: 'get',
	},
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 77',
		displayOptions: show(['get']),
		description: 'The product’s ID, e.g. product_id of an order line or resource_id of a product event',
	},
	{
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		default: [],
		displayOptions: show(['get', 'getAll']),
		options: [
			{ name: 'Custom Fields', value: 'custom_fields', description: 'The product’s custom fields (name and value)' },
			{ name: 'Images', value: 'images', description: 'Image URLs in every size' },
			{ name: 'Variants', value: 'variants', description: 'Variants with SKU, price, stock and option values' },
		],
		description: 'Extra data to read with each product, in the same request',
	},
	...returnAllAndLimit('product'),
	...getManyFilters('product', [
		{
			displayName: 'Category ID',
			name: 'categoryId',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Only products in this category',
		},
		{
			displayName: 'Keyword',
			name: 'keyword',
			type: 'string',
			default: '',
			description: 'Only products whose name, SKU or description contains this word',
		},
		{
			displayName: 'Modified Since',
			name: 'modifiedSince',
			type: 'dateTime',
			default: '',
			description: 'Only products changed at or after this time (UTC unless the value has a time zone); use it to sync only what changed',
		},
		{
			displayName: 'Product IDs',
			name: 'productIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 77,80,81',
			description: 'Only these products; comma-separated IDs',
		},
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '',
			description: 'Only the product with this SKU (a variant’s SKU also finds its product)',
		},
		{
			displayName: 'Visible Only',
			name: 'visibleOnly',
			type: 'boolean',
			default: true,
			description: 'Whether to return only products shown on the storefront',
		},
	]),
];
