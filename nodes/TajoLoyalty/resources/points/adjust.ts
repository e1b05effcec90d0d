import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { adjustPoints } from '../../../core/loyalty-service';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { adjustmentId, adjustOptions, adjustPointsField, adjustReason } from './description';
import { memberTarget } from './params';

/** Points → Adjust: a manual change with its reason, once per adjustment ID. */
export async function adjust(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		...memberTarget,
		points: param(adjustPointsField, z.number().int('must be a whole number').refine((n) => n !== 0, 'must not be 0: give the points to add (positive) or take away (negative)')),
		reason: param(adjustReason, z.string().trim().min(1, 'is required: say why the balance is changed by hand')),
		adjustmentId: param(adjustmentId, z.string().trim().min(1, 'is required: a unique ID for this change, e.g. a ticket number')),
		options: param(adjustOptions, z.object({ affectsTier: z.boolean().optional(), allowNegative: z.boolean().optional() })),
	});
	return adjustPoints(await store(), { ...p, affectsTier: p.options.affectsTier, allowNegative: p.options.allowNegative });
}
