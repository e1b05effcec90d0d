import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { orderSchema, type BigCommerceClient } from '../../../core/bigcommerce';
import { getOrderRefunds } from '../../../core/bigcommerce/refunds';
import { notFound } from '../../shared/not-found';
import { readId } from '../../shared/parameters';
import type { OperationResult } from '../../shared/types';

/**
 * Order › Get Refunds: one item per refund of the order, oldest first (none when it has none),
 * with its amounts in minor units of the order's currency and the order's refunded total once
 * it is counted. The currency comes from Options › Order Currency, or else from the order (one
 * more request).
 */
export async function getRefunds(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const id = readId(this, 'orderId', itemIndex, 'Order ID');
	const options = this.getNodeParameter('refundOptions', itemIndex, {}) as IDataObject;
	let currency = String(options.currency ?? '').trim().toUpperCase();
	if (currency !== '' && !/^[A-Z]{3}$/.test(currency)) {
		throw new NodeOperationError(this.getNode(), `Order Currency must be a three-letter currency code such as USD, but it is "${currency}".`, {
			itemIndex,
			description: "Leave it empty to use the order's own currency, or give the order's default_currency_code (the currency it was paid in).",
		});
	}
	if (currency === '') {
		const order = await client.v2('GET', `/orders/${id}`, orderSchema);
		if (!order) throw notFound('order', id, 'v2', `/orders/${id}`);
		// The currency the amounts are in (the ledger reads orders the same way); currency_code is the display currency.
		currency = order.default_currency_code || order.currency_code;
	}
	return await getOrderRefunds(client, id, currency);
}
