import type { IExecuteFunctions } from 'n8n-workflow';
import { eraseMember } from '../../../core/loyalty-service';
import { readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { memberParams } from './get';

/** Member → Erase: personal data removed (also from tracked carts); the anonymised ledger stays. */
export async function erase(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, memberParams);
	return eraseMember(await store(), p.storeHash, p.program, { customerId: p.customerId });
}
