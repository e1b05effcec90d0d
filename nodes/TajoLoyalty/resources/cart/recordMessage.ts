import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { idText, optionalText, recordCartMessage } from '../../../core/loyalty-service';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { messageOptions, messageStep } from './description';
import { sequenceTarget } from './params';

/** Cart → Record Message Sent: once per cart, generation and step. */
export async function recordMessage(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		...sequenceTarget,
		step: param(messageStep, idText),
		more: param(messageOptions, z.object({ channel: optionalText, messageId: optionalText })),
	});
	return recordCartMessage(await store(), { storeHash: p.storeHash, cartId: p.cartId, generation: p.generation, step: p.step, ...p.more });
}
