import type { IExecuteFunctions } from 'n8n-workflow';
import { listPrograms, programView } from '../../../core/loyalty-service';
import { storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { programStoreHash } from './description';

/** Program → List: one item per program of the store. */
export async function list(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, { storeHash: param(programStoreHash, storeHashSchema) });
	return (await listPrograms(await store(), p.storeHash)).map(programView);
}
