import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { calculateOrder, optionalText } from '../../../core/loyalty-service';
import { itemSchema, optionalProgramSchema, storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { calculateGroup, orderItem, pointsProgramByChannel, pointsStoreHash, useMember } from './description';

/** Points → Calculate: a dry run with the full breakdown; nothing is written. */
export async function calculate(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		storeHash: param(pointsStoreHash, storeHashSchema),
		program: param(pointsProgramByChannel, optionalProgramSchema),
		order: param(orderItem, itemSchema),
		useMember: param(useMember, z.boolean()),
		group: param(calculateGroup, optionalText),
	});
	return calculateOrder(await store(), { storeHash: p.storeHash, program: p.program, order: p.order, useMember: p.useMember, customerGroupName: p.group });
}
