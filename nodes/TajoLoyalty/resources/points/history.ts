import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { pointsHistory, wholeNumber } from '../../../core/loyalty-service';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { historyFilters, historyListFields } from './description';
import { memberTarget } from './params';

const [returnAllField, limitField] = historyListFields;
const kinds = z.array(z.enum(['purchase', 'bonus', 'redemption', 'reversal', 'adjustment', 'expiry'])).optional();

/** Points → History: the member's ledger entries, newest first, one item each. */
export async function history(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		...memberTarget,
		returnAll: param(returnAllField, z.boolean()),
		filters: param(historyFilters, z.object({ kinds })),
	});
	const limit = p.returnAll ? undefined : readParams(this, itemIndex, { limit: param(limitField, wholeNumber(1)) }).limit;
	return pointsHistory(await store(), { storeHash: p.storeHash, program: p.program, customerId: p.customerId, kinds: p.filters.kinds, limit });
}
