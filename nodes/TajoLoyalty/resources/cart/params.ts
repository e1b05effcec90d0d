import { idText, wholeNumber } from '../../../core/loyalty-service';
import { storeHashSchema } from '../../shared/fields';
import { param } from '../../shared/read';
import { cartId, cartStoreHash, generation } from './description';

/** The cart and the recovery sequence (generation) Check, Record Message Sent and End Sequence work on. */
export const sequenceTarget = {
	storeHash: param(cartStoreHash, storeHashSchema),
	cartId: param(cartId, idText),
	generation: param(generation, wholeNumber(1)),
};
