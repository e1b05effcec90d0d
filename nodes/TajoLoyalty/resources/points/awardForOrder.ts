import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { awardOrder } from '../../../core/loyalty-service';
import { itemSchema, optionalProgramSchema, storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { firstPurchaseBonus, orderItem, pointsProgramByChannel, pointsStoreHash } from './description';

/** Points → Award for Order: once per store and order; breakdown, balance and tier change. */
export async function awardForOrder(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		storeHash: param(pointsStoreHash, storeHashSchema),
		program: param(pointsProgramByChannel, optionalProgramSchema),
		order: param(orderItem, itemSchema),
		firstPurchaseBonus: param(firstPurchaseBonus, z.boolean()),
	});
	return awardOrder(await store(), p);
}
