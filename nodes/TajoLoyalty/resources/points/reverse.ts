import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { optionalText, reverseOrder } from '../../../core/loyalty-service';
import { itemSchema, optionalProgramSchema, storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { pointsProgramByChannel, pointsStoreHash, refundAmount, refundAmountIs, refundId, reversalType, reverseOrderItem } from './description';

/**
 * Points → Reverse: full or pro rata; never more than the order was granted; once per refund. A
 * partial refund's amount is this refund's, or the order's refunded total so far.
 */
export async function reverse(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		storeHash: param(pointsStoreHash, storeHashSchema),
		program: param(pointsProgramByChannel, optionalProgramSchema),
		order: param(reverseOrderItem, itemSchema),
		type: param(reversalType, z.enum(['full', 'partial'])),
		refundId: param(refundId, optionalText),
		refundAmount: param(refundAmount, optionalText),
		amountIs: param(refundAmountIs, z.enum(['thisRefund', 'refundedTotal']).default('thisRefund')),
	});
	return reverseOrder(await store(), p);
}
