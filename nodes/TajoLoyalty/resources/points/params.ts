import { customerIdSchema, programSchema, storeHashSchema } from '../../shared/fields';
import { param } from '../../shared/read';
import { pointsCustomerId, pointsProgram, pointsStoreHash } from './description';

/** Store, program and customer: the member that Award Bonus, Redeem, Adjust and History work on. */
export const memberTarget = {
	storeHash: param(pointsStoreHash, storeHashSchema),
	program: param(pointsProgram, programSchema),
	customerId: param(pointsCustomerId, customerIdSchema),
};
