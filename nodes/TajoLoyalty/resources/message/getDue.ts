import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { listDueSends, optionalText, wholeNumber } from '../../../core/loyalty-service';
import { storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { messageStoreHash } from './description';
import { optionalInstantSchema } from './params';
import { messageDueAfter, messageDueBefore, messageDueListFields, messageKeyEndsWith } from './schedule-description';

const [returnAllField, limitField] = messageDueListFields;

/** Message → Get Due: one item per scheduled message that is due and that a Claim would win now. */
export async function getDue(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		storeHash: param(messageStoreHash, storeHashSchema),
		keyEndsWith: param(messageKeyEndsWith, optionalText),
		dueBefore: param(messageDueBefore, optionalInstantSchema),
		dueAfter: param(messageDueAfter, optionalInstantSchema),
		returnAll: param(returnAllField, z.boolean()),
	});
	const limit = p.returnAll ? undefined : readParams(this, itemIndex, { limit: param(limitField, wholeNumber(1)) }).limit;
	return listDueSends(await store(), { storeHash: p.storeHash, keyEndsWith: p.keyEndsWith ?? undefined, dueBefore: p.dueBefore, dueAfter: p.dueAfter, limit });
}
