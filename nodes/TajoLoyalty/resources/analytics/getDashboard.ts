import type { IExecuteFunctions } from 'n8n-workflow';
import { dashboard, wholeNumber } from '../../../core/loyalty-service';
import { optionalProgramSchema, storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { activeDays, analyticsProgram, analyticsStoreHash } from './description';

/** Analytics → Get Dashboard: the seed's step 7 metrics in one item. */
export async function getDashboard(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		storeHash: param(analyticsStoreHash, storeHashSchema),
		program: param(analyticsProgram, optionalProgramSchema),
		activeDays: param(activeDays, wholeNumber(1)),
	});
	return dashboard(await store(), p);
}
