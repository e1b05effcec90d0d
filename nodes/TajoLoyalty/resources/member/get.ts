import type { IExecuteFunctions } from 'n8n-workflow';
import { getMember } from '../../../core/loyalty-service';
import { customerIdSchema, programSchema, storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { memberCustomerId, memberProgram, memberStoreHash } from './description';

/** Store, program and customer: which member Get and Erase work on. */
export const memberParams = {
	storeHash: param(memberStoreHash, storeHashSchema),
	program: param(memberProgram, programSchema),
	customerId: param(memberCustomerId, customerIdSchema),
};

/** Member → Get: available and pending balance, lifetime points, tier, next tier and stats. */
export async function get(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, memberParams);
	return getMember(await store(), p.storeHash, p.program, { customerId: p.customerId });
}
