import type { IExecuteFunctions } from 'n8n-workflow';
import { endCartSequence } from '../../../core/loyalty-service';
import { readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { sequenceTarget } from './params';

/** Cart → End Sequence: this generation's sequence is over. */
export async function endSequence(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	return endCartSequence(await store(), readParams(this, itemIndex, sequenceTarget));
}
