import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { customerSchema, type BigCommerceClient, type BigCommerceCustomer, type QueryInput } from '../../../core/bigcommerce';
import { notFound } from '../../shared/not-found';
import { idList, readDate, readId, readLimit, splitList, v3Date } from '../../shared/parameters';
import type { OperationMap, OperationResult } from '../../shared/types';

/**
 * Customers live in v3 (`/v3/customers`), which has no "get one" endpoint: a customer is read
 * through the list with `id:in`.
 */
export async function fetchCustomer(client: BigCommerceClient, id: number, include: string[]): Promise<BigCommerceCustomer> {
	const [customer] = await client.listV3('/customers', customerSchema, { query: { 'id:in': id, include } }).getAll(1);
	if (!customer) throw notFound('customer', id, 'v3', '/customers');
	return customer;
}

function readInclude(context: IExecuteFunctions, itemIndex: number): string[] {
	return context.getNodeParameter('include', itemIndex, []) as string[];
}

async function get(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const id = readId(this, 'customerId', itemIndex, 'Customer ID');
	return [await fetchCustomer(client, id, readInclude(this, itemIndex))];
}

function customerFilters(context: IExecuteFunctions, itemIndex: number): QueryInput {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: QueryInput = {};
	if (filters.emails) query['email:in'] = splitList(filters.emails);
	if (filters.customerGroupIds) query['customer_group_id:in'] = idList(context, filters.customerGroupIds, itemIndex, 'Customer Group IDs');
	if (filters.modifiedSince) query['date_modified:min'] = v3Date(readDate(context, filters.modifiedSince, itemIndex, 'Modified Since'));
	if (filters.createdSince) query['date_created:min'] = v3Date(readDate(context, filters.createdSince, itemIndex, 'Created Since'));
	return query;
}

async function getAll(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const query = { ...customerFilters(this, itemIndex), include: readInclude(this, itemIndex) };
	return client.listV3('/customers', customerSchema, { query }).getAll(readLimit(this, itemIndex));
}

/** Money in whole cents, so that 0.1 + 0.2 stays 0.30 (DESIGN: never add floats). */
const cents = (amount: number) => Math.round(amount * 100);

function currentCredit(customer: BigCommerceCustomer): number {
	return customer.store_credit_amounts?.[0]?.amount ?? 0;
}

async function updateStoreCredit(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const id = readId(this, 'customerId', itemIndex, 'Customer ID');
	const action = this.getNodeParameter('storeCreditAction', itemIndex) as 'add' | 'set';
	const amount = Number(this.getNodeParameter('amount', itemIndex));
	if (!Number.isFinite(amount)) throw new NodeOperationError(this.getNode(), 'Amount is not a number.', { itemIndex });

	const previous = action === 'add' ? currentCredit(await fetchCustomer(client, id, ['storecredit'])) : undefined;
	const newCents = (previous === undefined ? 0 : cents(previous)) + cents(amount);
	if (newCents < 0) {
		const balance = previous === undefined ? '' : ` The balance is ${previous.toFixed(2)}.`;
		throw new NodeOperationError(this.getNode(), `The store credit of customer ${id} cannot go below zero.${balance}`, {
			itemIndex,
			description: 'Nothing was changed. Use a smaller amount to take away, or check the amount field.',
		});
	}
	const balance = newCents / 100;
	// Absolute values: sending this twice gives the same result, so the transport may retry it.
	const [updated] = await client.v3('PUT', '/customers', z.array(customerSchema), {
		body: [{ id, store_credit_amounts: [{ amount: balance }] }],
		idempotent: true,
	});
	return [{ ...updated, store_credit: balance, previous_store_credit: previous ?? null }];
}

export const customerOperations: OperationMap = { get, getAll, updateStoreCredit };
