import type { IExecuteFunctions } from 'n8n-workflow';
import { channelSchema, type BigCommerceClient } from '../../../core/bigcommerce';
import { readLimit } from '../../shared/parameters';
import type { OperationMap, OperationResult } from '../../shared/types';

async function getAll(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	return client.listV3('/channels', channelSchema).getAll(readLimit(this, itemIndex));
}

export const channelOperations: OperationMap = { getAll };
