import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { claimSend } from '../../../core/loyalty-service';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { messageLease, messageOutput } from './description';
import { sendTarget } from './params';

/**
 * Message → Claim: the input item goes on with the claim added — only when the claim was granted,
 * unless Output is All Items. Passing the item through (as Remove Duplicates does) lets the nodes
 * after it keep reading the data they would have read without the claim.
 */
export async function claim(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		...sendTarget,
		leaseMinutes: param(messageLease, z.number({ invalid_type_error: 'must be a number of minutes' }).positive('must be more than 0')),
		output: param(messageOutput, z.enum(['claimed', 'all'])),
	});
	const result = await claimSend(await store(), p);
	if (!result.claimed && p.output === 'claimed') return [];
	return { ...this.getInputData()[itemIndex].json, claim: result };
}
