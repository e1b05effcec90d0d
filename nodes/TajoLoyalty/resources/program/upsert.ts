import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { programView, saveProgram, seedProgramConfig } from '../../../core/loyalty-service';
import { storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { configSource, programStoreHash, seedProgram } from './description';

/** Program → Upsert: validates the rules and stores them as a new version when they changed. */
export async function upsert(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		storeHash: param(programStoreHash, storeHashSchema),
		source: param(configSource, z.enum(['json', 'seed'])),
	});
	const config =
		p.source === 'seed'
			? seedProgramConfig(readParams(this, itemIndex, { name: param(seedProgram, z.enum(['default', 'b2b_program', 'global_program'])) }).name)
			: // The JSON as entered (text or object); the rules engine validates it and names any bad field.
				this.getNodeParameter('programConfig', itemIndex);
	const saved = await saveProgram(await store(), p.storeHash, config);
	return { created: saved.created, versionCreated: saved.versionCreated, ...programView(saved) };
}
