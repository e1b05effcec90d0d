import type { IExecuteFunctions } from 'n8n-workflow';
import { releaseSend } from '../../../core/loyalty-service';
import { readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { sendTarget } from './params';

/** Message → Release: the send failed; the next claim of the key is granted at once. */
export async function release(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	return releaseSend(await store(), readParams(this, itemIndex, sendTarget));
}
