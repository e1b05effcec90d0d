import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { markSent as markSendSent } from '../../../core/loyalty-service';
import { itemSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { messageSentOptions } from './description';
import { sendTarget } from './params';

/** Message → Mark Sent: the message for this key went out; no claim for it is granted again. */
export async function markSent(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		...sendTarget,
		more: param(messageSentOptions, z.object({ detail: itemSchema.optional() })),
	});
	const detail = p.more.detail && Object.keys(p.more.detail).length > 0 ? p.more.detail : undefined;
	return markSendSent(await store(), { storeHash: p.storeHash, key: p.key, detail });
}
