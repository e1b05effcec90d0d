import type { IExecuteFunctions } from 'n8n-workflow';
import { findProgram, programView } from '../../../core/loyalty-service';
import { programSchema, storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { programName, programStoreHash } from './description';

/** Program → Get: the current version's rules, tiers and bonus actions. */
export async function get(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, { storeHash: param(programStoreHash, storeHashSchema), program: param(programName, programSchema) });
	return programView(await findProgram(await store(), p.storeHash, p.program));
}
