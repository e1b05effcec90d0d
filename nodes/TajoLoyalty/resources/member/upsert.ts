import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { enrolCustomer, optionalText } from '../../../core/loyalty-service';
import { itemSchema, optionalProgramSchema, storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { customerGroupName, customerItem, memberAdditionalFields, memberProgramByChannel, memberStoreHash } from './description';

/** Member → Upsert: enrols the BigCommerce customer (or updates them) with the group mapping applied. */
export async function upsert(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		storeHash: param(memberStoreHash, storeHashSchema),
		program: param(memberProgramByChannel, optionalProgramSchema),
		customer: param(customerItem, itemSchema),
		group: param(customerGroupName, optionalText),
		more: param(memberAdditionalFields, z.object({ birthday: optionalText })),
	});
	return enrolCustomer(await store(), {
		storeHash: p.storeHash,
		program: p.program,
		customer: p.customer,
		customerGroupName: p.group ?? null,
		birthday: p.more.birthday,
	});
}
