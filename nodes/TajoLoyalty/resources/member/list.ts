import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { listMembers, optionalText, wholeNumber } from '../../../core/loyalty-service';
import { programSchema, storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { memberFilters, memberListFields, memberProgram, memberStoreHash } from './description';

const [returnAllField, limitField] = memberListFields;

const points = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.number().int('must be a whole number').optional());
const filtersSchema = z.object({
	customerGroup: optionalText,
	tier: optionalText,
	minPoints: points,
	maxPoints: points,
	modifiedSince: z.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		z
			.string()
			.refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date and time such as 2025-03-01T00:00:00Z')
			.optional(),
	),
	includeErased: z.boolean().optional(),
});

/** Member → List: members with their stats, one item each (feeds Segment Evaluator and reports). */
export async function list(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		storeHash: param(memberStoreHash, storeHashSchema),
		program: param(memberProgram, programSchema),
		returnAll: param(returnAllField, z.boolean()),
		filters: param(memberFilters, filtersSchema),
	});
	const limit = p.returnAll ? undefined : readParams(this, itemIndex, { limit: param(limitField, wholeNumber(1)) }).limit;
	return listMembers(await store(), { storeHash: p.storeHash, program: p.program, limit, ...p.filters });
}
