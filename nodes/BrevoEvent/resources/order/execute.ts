import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { buildOrder, sendOrder, sendOrders, type OrderInput, type OrderLineInput } from '../../../core/brevo';
import { runBatches } from '../../shared/batch';
import { jsonValue, list, optionalText, optionsOf, text } from '../../shared/params';
import type { ResourceOperations } from '../../shared/types';

/**
 * Order lines in Brevo's vocabulary, or as BigCommerce's order products come (product_id,
 * price_inc_tax, quantity, variant_id), so that templates can map them without a Code node.
 */
function orderLines(ctx: IExecuteFunctions, i: number): OrderLineInput[] {
	const value = jsonValue(ctx, 'products', i, 'Products');
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) {
		throw new NodeOperationError(ctx.getNode(), 'Products must be a JSON list of order lines', { itemIndex: i, description: 'Use the form [{"productId": "77", "price": 29.99, "quantity": 2}].' });
	}
	return value.map((line) => {
		const l = (line ?? {}) as Record<string, unknown>;
		return {
			productId: (l.productId ?? l.product_id) as string,
			price: (l.price ?? l.price_inc_tax ?? l.base_price) as string,
			quantity: (l.quantity ?? l.quantityFloat) as number,
			variantId: (l.variantId ?? l.variant_id) as string | undefined,
		};
	});
}

function metaInfo(value: unknown): Record<string, unknown> | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object') return value as Record<string, unknown>;
	try {
		return JSON.parse(String(value)) as Record<string, unknown>;
	} catch {
		return { note: String(value) };
	}
}

function orderInput(ctx: IExecuteFunctions, i: number): OrderInput {
	const extra = optionsOf(ctx, 'additionalFields', i);
	return {
		id: text(ctx, 'orderId', i),
		status: text(ctx, 'status', i),
		amount: text(ctx, 'amount', i),
		createdAt: text(ctx, 'createdAt', i),
		updatedAt: text(ctx, 'updatedAt', i) || undefined,
		products: orderLines(ctx, i),
		email: text(ctx, 'email', i) || undefined,
		extId: optionalText(extra.extId),
		phone: optionalText(extra.phone),
		storeId: optionalText(extra.storeId),
		coupons: list(extra.coupons),
		metaInfo: metaInfo(extra.metaInfo),
	};
}

export const orderOperations: ResourceOperations = {
	send: {
		kind: 'item',
		run: async ({ ctx, client }, i) => {
			const order = buildOrder(orderInput(ctx, i));
			await sendOrder(client, order);
			return { sent: true, id: order.id, status: order.status, amount: order.amount };
		},
	},
	sendMany: {
		kind: 'batch',
		run: async (run, itemIndexes) =>
			runBatches(run, itemIndexes, {
				batchSize: run.ctx.getNodeParameter('batchSize', 0, 100) as number,
				build: (i) => buildOrder(orderInput(run.ctx, i)),
				send: async (orders) => {
					const said = await sendOrders(run.client, orders, { historical: run.ctx.getNodeParameter('historical', 0, true) as boolean });
					return { ...said };
				},
				describe: (order) => ({ sent: true, id: order.id, status: order.status, amount: order.amount }),
			}),
	},
};
