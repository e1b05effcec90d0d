import type { IExecuteFunctions } from 'n8n-workflow';
import { cartSchema, isNotFoundError, type BigCommerceClient } from '../../../core/bigcommerce';
import { readText } from '../../shared/parameters';
import type { OperationMap, OperationResult } from '../../shared/types';

/**
 * `include=redirect_urls` makes BigCommerce mint the cart and checkout links (carts.v3). They are
 * lifted to the top of the item, where an email step looks for them.
 */
async function get(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const cartId = readText(this, 'cartId', itemIndex, 'Cart ID');
	const ifMissing = this.getNodeParameter('ifMissing', itemIndex, 'returnItem') as 'returnItem' | 'error';
	try {
		const cart = await client.v3('GET', `/carts/${encodeURIComponent(cartId)}`, cartSchema, { query: { include: 'redirect_urls' } });
		const urls = cart.redirect_urls;
		return [
			{
				exists: true,
				cart_id: cart.id,
				checkout_url: urls?.checkout_url ?? null,
				cart_url: urls?.cart_url ?? null,
				embedded_checkout_url: urls?.embedded_checkout_url ?? null,
				...cart,
			},
		];
	} catch (error) {
		if (ifMissing === 'returnItem' && isNotFoundError(error)) return [{ exists: false, cart_id: cartId }];
		throw error;
	}
}

export const cartOperations: OperationMap = { get };
