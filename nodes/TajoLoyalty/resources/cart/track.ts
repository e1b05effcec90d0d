import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { optionalText, trackCart } from '../../../core/loyalty-service';
import { itemSchema, storeHashSchema } from '../../shared/fields';
import { param, readParams } from '../../shared/read';
import type { OperationContext } from '../../shared/types';
import { cartEvent, cartItem, cartOptions, cartStoreHash } from './description';

/** Cart → Track: keeps the cart current; says whether to start a recovery sequence and with which generation. */
export async function track(this: IExecuteFunctions, { itemIndex, store }: OperationContext) {
	const p = readParams(this, itemIndex, {
		storeHash: param(cartStoreHash, storeHashSchema),
		cart: param(cartItem, itemSchema),
		event: param(cartEvent, z.enum(['auto', 'updated', 'abandoned', 'deleted'])),
		more: param(cartOptions, z.object({ phone: optionalText })),
	});
	return trackCart(await store(), { storeHash: p.storeHash, cart: p.cart, event: p.event, phone: p.more.phone });
}
