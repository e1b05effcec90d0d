import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { buildProduct, upsertProduct, upsertProducts, type ProductInput } from '../../../core/brevo';
import { runBatches } from '../../shared/batch';
import { list, optionsOf, text } from '../../shared/params';
import type { ResourceOperations } from '../../shared/types';

function metaInfo(ctx: IExecuteFunctions, raw: unknown, i: number): Record<string, unknown> | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
	try {
		const parsed = JSON.parse(String(raw)) as unknown;
		if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
	} catch {
		// reported below
	}
	throw new NodeOperationError(ctx.getNode(), 'Meta Info is not a JSON object', { itemIndex: i, description: 'Write it as {"name": "value", …}.' });
}

function productInput(ctx: IExecuteFunctions, i: number): ProductInput {
	const extra = optionsOf(ctx, 'additionalFields', i);
	return {
		id: text(ctx, 'productId', i),
		name: text(ctx, 'name', i),
		url: text(ctx, 'url', i),
		imageUrl: text(ctx, 'imageUrl', i),
		sku: text(ctx, 'sku', i),
		price: text(ctx, 'price', i),
		categories: list(ctx.getNodeParameter('categories', i, '')),
		brand: extra.brand as string | undefined,
		description: extra.description as string | undefined,
		parentId: extra.parentId as string | undefined,
		stock: extra.stock as number | undefined,
		metaInfo: metaInfo(ctx, extra.metaInfo, i),
	};
}

export const productOperations: ResourceOperations = {
	upsert: {
		kind: 'item',
		run: async ({ ctx, client }, i) => {
			const product = buildProduct(productInput(ctx, i));
			const { created } = await upsertProduct(client, product);
			return { id: product.id, name: product.name, created };
		},
	},
	upsertMany: {
		kind: 'batch',
		run: async (run, itemIndexes) =>
			runBatches(run, itemIndexes, {
				batchSize: run.ctx.getNodeParameter('batchSize', 0, 100) as number,
				build: (i) => buildProduct(productInput(run.ctx, i)),
				send: async (products) => (await upsertProducts(run.client, products)) as IDataObject,
				describe: (product) => ({ id: product.id, name: product.name }),
			}),
	},
};
