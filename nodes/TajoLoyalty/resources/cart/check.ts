import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { checkCart } from '../../../core/loyalty-service';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { unsubscribed } from './description';
import { sequenceTarget } from './params';

/** Cart → Check: proceed, or the reason to stop (converted, emptied, deleted, superseded, finished, unsubscribed). */
export async function check(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, { ...sequenceTarget, unsubscribed: param(unsubscribed, z.boolean()) });
	return checkCart(await store(), p);
}
