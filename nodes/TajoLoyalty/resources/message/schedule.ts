import type { IExecuteFunctions } from 'n8n-workflow';
import { scheduleSend } from '../../../core/loyalty-service';
import { itemSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { instantSchema, sendTarget } from './params';
import { messageDueAt, messagePayload } from './schedule-description';

/**
 * Message → Schedule: the input item goes on with the schedule added (as Claim adds its claim), so
 * that the flow's Wait and the nodes after it read the data they read without it.
 */
export async function schedule(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		...sendTarget,
		dueAt: param(messageDueAt, instantSchema),
		payload: param(messagePayload, itemSchema),
	});
	const result = await scheduleSend(await store(), p);
	return { ...this.getInputData()[itemIndex].json, schedule: result };
}
