import type { IExecuteFunctions } from 'n8n-workflow';
import { pruneSentSends } from '../../../core/loyalty-service';
import { storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { messageStoreHash } from './description';
import { instantSchema } from './params';
import { messagePruneDueBefore } from './schedule-description';

/**
 * Message → Prune Sent: deletes the schedules of messages sent and due before the given time, so
 * the table holds what may still be sent and a recent window, not one row per order forever.
 * One item out per item in: how many were deleted.
 */
export async function pruneSent(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		storeHash: param(messageStoreHash, storeHashSchema),
		dueBefore: param(messagePruneDueBefore, instantSchema),
	});
	return pruneSentSends(await store(), p);
}
