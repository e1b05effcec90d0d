import type { BrevoClient } from './client';
import { productBatchSchema, upsertProductSchema } from './responses';
import type { ProductBatchBody, ProductBatchItem, ProductBody } from './sdk-types';
import { compact, isAbsoluteUrl, isPlainObject, toNumber, Problems } from './validation';

/** Brevo: "The total characters of cumulative metaInfo shall not exceed 20000 characters". */
export const MAX_META_INFO_CHARACTERS = 20_000;

export interface ProductInput {
	id: string | number;
	name: string;
	url?: string;
	imageUrl?: string;
	sku?: string;
	/** A number or a numeric string (BigCommerce sends money as `"69.8400"`). */
	price?: number | string;
	categories?: Array<string | number>;
	parentId?: string | number;
	brand?: string;
	description?: string;
	stock?: number | string;
	metaInfo?: Record<string, unknown>;
}

const HINT = 'Correct the product fields named and run again.';

/** One catalog product, as POST /products and each item of /products/batch take it. */
export function buildProduct(input: ProductInput, where = ''): ProductBatchItem {
	const problems = new Problems(where);
	const text = (v: unknown) => (v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim());
	const id = text(input.id);
	if (id === undefined) problems.add('id', 'the product ID is required (e.g. the BigCommerce product ID)');
	const name = text(input.name);
	if (name === undefined) problems.add('name', 'the product name is required');
	for (const field of ['url', 'imageUrl'] as const) {
		const value = text(input[field]);
		if (value !== undefined && !isAbsoluteUrl(value)) problems.add(field, `"${value}" is not an absolute URL (https://…)`);
	}
	const price = optionalNumber(input.price, 'price', problems);
	if (price !== undefined && price < 0) problems.add('price', 'should not be negative');
	const stock = optionalNumber(input.stock, 'stock', problems);
	const metaInfo = readMetaInfo(input.metaInfo, problems);
	problems.throwIfAny(`The product${id ? ` ${id}` : ''} cannot be sent to Brevo:`, HINT);

	const categories = (input.categories ?? []).map((c) => String(c).trim()).filter((c) => c !== '');
	return compact({
		id: id!,
		name: name!,
		url: text(input.url),
		imageUrl: text(input.imageUrl),
		sku: text(input.sku),
		price,
		categories: categories.length ? categories : undefined,
		parentId: text(input.parentId),
		brand: text(input.brand),
		description: text(input.description),
		stock,
		metaInfo,
	});
}

/** POST /products with `updateEnabled`: creates or updates. Absolute values, so retried on 5xx. */
export async function upsertProduct(client: BrevoClient, product: ProductBatchItem): Promise<{ created: boolean }> {
	const body: ProductBody = { ...product, updateEnabled: true };
	const answer = await client.sendFor(
		{ method: 'POST', path: '/products', body, action: `create or update the product ${product.id}`, repeatable: true },
		upsertProductSchema,
	);
	return { created: answer?.id !== undefined };
}

/** POST /products/batch with `updateEnabled`: Brevo answers how many it created and updated. */
export async function upsertProducts(client: BrevoClient, products: ProductBatchItem[]): Promise<{ createdCount?: number; updatedCount?: number }> {
	const body: ProductBatchBody = { products, updateEnabled: true };
	const answer = await client.sendFor(
		{ method: 'POST', path: '/products/batch', body, action: `create or update a batch of ${products.length} products`, repeatable: true },
		productBatchSchema,
	);
	return compact({ createdCount: answer?.createdCount, updatedCount: answer?.updatedCount });
}

function optionalNumber(value: unknown, field: string, problems: Problems): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = toNumber(value);
	if (number === undefined) problems.add(field, `"${String(value)}" is not a number`);
	return number;
}

/** metaInfo values are text or numbers (Brevo's model), 20,000 characters in all. */
function readMetaInfo(input: Record<string, unknown> | undefined, problems: Problems): Record<string, string | number> | undefined {
	if (input === undefined || input === null) return undefined;
	if (!isPlainObject(input)) {
		problems.add('metaInfo', 'should be an object of names and values');
		return undefined;
	}
	const result: Record<string, string | number> = {};
	for (const [key, value] of Object.entries(input)) {
		if (value === undefined || value === null) continue;
		if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) result[key] = value;
		else if (typeof value === 'boolean') result[key] = String(value);
		else problems.add(`metaInfo.${key}`, 'should be text or a number');
	}
	if (JSON.stringify(result).length > MAX_META_INFO_CHARACTERS) problems.add('metaInfo', `is longer than ${MAX_META_INFO_CHARACTERS} characters in all`);
	return Object.keys(result).length ? result : undefined;
}
