import type { IExecuteFunctions } from 'n8n-workflow';
import { customerGroupSchema, type BigCommerceClient } from '../../../core/bigcommerce';
import { readLimit } from '../../shared/parameters';
import type { OperationMap, OperationResult } from '../../shared/types';

/** Customer groups are a v2 resource (`/v2/customer_groups`). */
async function getAll(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	return client.listV2('/customer_groups', customerGroupSchema).getAll(readLimit(this, itemIndex));
}

export const customerGroupOperations: OperationMap = { getAll };
