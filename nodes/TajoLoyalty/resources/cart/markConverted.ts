import type { IExecuteFunctions } from 'n8n-workflow';
import { idText, markCartConverted, optionalText } from '../../../core/loyalty-service';
import { storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { cartId, cartStoreHash, convertedOrderId } from './description';

/** Cart → Mark Converted: by the cart's own event or by an order that names it in cart_id. */
export async function markConverted(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		storeHash: param(cartStoreHash, storeHashSchema),
		cartId: param(cartId, idText),
		orderId: param(convertedOrderId, optionalText),
	});
	return markCartConverted(await store(), p);
}
