import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { optionalText, redeemPoints, wholeNumber } from '../../../core/loyalty-service';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { redeemOptions, redeemPointsField, redemptionId } from './description';
import { memberTarget } from './params';

/** Points → Redeem: once per redemption ID; more than available fails and changes nothing. */
export async function redeem(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		...memberTarget,
		points: param(redeemPointsField, wholeNumber(1)),
		redemptionId: param(redemptionId, z.string().trim().min(1, 'is required: a unique ID for this redemption')),
		more: param(redeemOptions, z.object({ reason: optionalText, orderId: optionalText })),
	});
	return redeemPoints(await store(), { ...p, reason: p.more.reason, orderId: p.more.orderId });
}
