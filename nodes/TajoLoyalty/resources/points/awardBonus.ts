import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { LoyaltyInputError } from '../../../core/loyalty';
import { awardBonusAction, optionalText } from '../../../core/loyalty-service';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { bonusAction, bonusDate, bonusReference, customAction } from './description';
import { memberTarget } from './params';

/** Points → Award Bonus: the program's points for the action, once per its natural key. */
export async function awardBonus(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, { ...memberTarget, action: param(bonusAction, z.string().min(1)) });
	const more = readParams(this, itemIndex, {
		custom: param(customAction, optionalText),
		ref: param(bonusReference, optionalText),
		date: param(bonusDate, optionalText),
	});
	const action = p.action === 'custom' ? more.custom : p.action;
	if (!action) throw new LoyaltyInputError(customAction.displayName, "is required: the name of one of the program's customBonusActions");
	return awardBonusAction(await store(), { storeHash: p.storeHash, program: p.program, customerId: p.customerId, action, ref: more.ref, date: more.date });
}
