import type { IExecuteFunctions } from 'n8n-workflow';
import type { BigCommerceClient } from '../../core/bigcommerce';

/**
 * One operation of the BigCommerce node: reads its parameters for one input item, makes the
 * calls, and returns the output items for it (several for "Get Many"). Items are BigCommerce's
 * JSON (plus a few fields of ours), typed as the transport's schemas give them.
 */
export type OperationResult = Array<Record<string, unknown>>;

export type OperationFunction = (this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number) => Promise<OperationResult>;

export type OperationMap = Record<string, OperationFunction>;
