import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { productSchema, type BigCommerceClient, type QueryInput } from '../../../core/bigcommerce';
import { idList, readDate, readId, readLimit, v3Date } from '../../shared/parameters';
import type { OperationMap, OperationResult } from '../../shared/types';

function readInclude(context: IExecuteFunctions, itemIndex: number): string[] {
	return context.getNodeParameter('include', itemIndex, []) as string[];
}

async function get(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const id = readId(this, 'productId', itemIndex, 'Product ID');
	return [await client.v3('GET', `/catalog/products/${id}`, productSchema, { query: { include: readInclude(this, itemIndex) } })];
}

function productFilters(context: IExecuteFunctions, itemIndex: number): QueryInput {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: QueryInput = {};
	if (filters.keyword) query.keyword = String(filters.keyword).trim();
	if (filters.sku) query.sku = String(filters.sku).trim();
	if (filters.productIds) query['id:in'] = idList(context, filters.productIds, itemIndex, 'Product IDs');
	if (filters.categoryId) query['categories:in'] = Number(filters.categoryId);
	// Unticked means "visible or not", so only a ticked box filters.
	if (filters.visibleOnly === true) query.is_visible = true;
	if (filters.modifiedSince) query['date_modified:min'] = v3Date(readDate(context, filters.modifiedSince, itemIndex, 'Modified Since'));
	return query;
}

async function getAll(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const query = { ...productFilters(this, itemIndex), include: readInclude(this, itemIndex) };
	return client.listV3('/catalog/products', productSchema, { query }).getAll(readLimit(this, itemIndex));
}

export const productOperations: OperationMap = { get, getAll };
