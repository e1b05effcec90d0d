import type { BrevoClient } from './client';
import { orderBatchSchema } from './responses';
import type { OrderBatchBody, OrderBody } from './sdk-types';
import { compact, compactPhone, isPlainObject, isValidEmail, toNumber, toUtcDateTime, Problems } from './validation';

export interface OrderLineInput {
	productId: string | number;
	/** Unit price. */
	price: number | string;
	quantity: number | string;
	variantId?: string | number;
}

export interface OrderInput {
	id: string | number;
	/** Brevo's free-text order state, e.g. `completed`, `shipped`, `refunded`. */
	status: string;
	/** Total with shipping and tax (Brevo: "including all shipping expenses, tax and the price of items"). */
	amount: number | string;
	createdAt: unknown;
	updatedAt: unknown;
	products: OrderLineInput[];
	email?: string;
	extId?: string;
	phone?: string;
	storeId?: string | number;
	coupons?: string[];
	metaInfo?: Record<string, unknown>;
}

const HINT = 'Correct the order fields named and run again.';

/** One order, as POST /orders/status and each item of /orders/status/batch take it. */
export function buildOrder(input: OrderInput, where = ''): OrderBody {
	const problems = new Problems(where);
	const text = (v: unknown) => (v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim());
	const id = text(input.id);
	if (id === undefined) problems.add('id', 'the order ID is required');
	const status = text(input.status);
	if (status === undefined) problems.add('status', 'the order status is required (e.g. completed)');
	const amount = toNumber(input.amount);
	if (amount === undefined) problems.add('amount', `"${String(input.amount ?? '')}" is not a number`);
	const createdAt = toUtcDateTime(input.createdAt);
	if (createdAt === undefined) problems.add('createdAt', `"${String(input.createdAt ?? '')}" is not a date`);
	const updatedAt = toUtcDateTime(input.updatedAt ?? input.createdAt);
	if (updatedAt === undefined) problems.add('updatedAt', `"${String(input.updatedAt ?? '')}" is not a date`);
	const products = (input.products ?? []).map((line, i) => readLine(line, `products[${i}].`, problems));

	const email = text(input.email);
	if (email !== undefined && !isValidEmail(email)) problems.add('identifiers.email_id', `"${email}" is not a valid email address`);
	const identifiers = compact({ email_id: email, ext_id: text(input.extId), phone_id: text(input.phone) ? compactPhone(text(input.phone)!) : undefined });
	if (input.metaInfo !== undefined && !isPlainObject(input.metaInfo)) problems.add('metaInfo', 'should be an object of names and values');
	problems.throwIfAny(`The order${id ? ` ${id}` : ''} cannot be sent to Brevo:`, HINT);

	const coupons = (input.coupons ?? []).map((c) => c.trim()).filter((c) => c !== '');
	return compact({
		id: id!,
		status: status!,
		amount: amount!,
		createdAt: createdAt!,
		updatedAt: updatedAt!,
		products,
		identifiers: Object.keys(identifiers).length ? identifiers : undefined,
		storeId: text(input.storeId),
		coupons: coupons.length ? coupons : undefined,
		metaInfo: input.metaInfo && Object.keys(input.metaInfo).length ? metaInfoValues(input.metaInfo) : undefined,
	});
}

/**
 * POST /orders/status (204). Not repeated after a timeout or 5xx: an order update can start
 * Brevo automations, which must not run twice.
 */
export async function sendOrder(client: BrevoClient, order: OrderBody): Promise<void> {
	await client.send({ method: 'POST', path: '/orders/status', body: order, action: `send the order ${order.id} (${order.status})` });
}

export interface OrderBatchOptions {
	/** Past orders: Brevo starts no automations for them. Brevo's default is true. */
	historical: boolean;
	notifyUrl?: string;
}

/** POST /orders/status/batch: 202 with Brevo's batch ID and count. */
export async function sendOrders(client: BrevoClient, orders: OrderBody[], options: OrderBatchOptions): Promise<{ batchId?: number | string; count?: number }> {
	const body: OrderBatchBody = compact({ orders, historical: options.historical, notifyUrl: options.notifyUrl?.trim() || undefined });
	const answer = await client.sendFor(
		{ method: 'POST', path: '/orders/status/batch', body, action: `send a batch of ${orders.length} orders` },
		orderBatchSchema,
	);
	const batchId = answer?.batchId ?? answer?.batch_id ?? undefined;
	return compact({ batchId: batchId === null ? undefined : batchId, count: answer?.count });
}

function readLine(line: OrderLineInput, where: string, problems: Problems): OrderBody['products'][number] {
	const productId = line?.productId === undefined || line.productId === null ? '' : String(line.productId).trim();
	if (productId === '') problems.add(`${where}productId`, 'is required');
	const price = toNumber(line?.price);
	if (price === undefined) problems.add(`${where}price`, `"${String(line?.price ?? '')}" is not a number`);
	const quantity = toNumber(line?.quantity);
	if (quantity === undefined || quantity < 0) problems.add(`${where}quantity`, `"${String(line?.quantity ?? '')}" is not a quantity`);
	const variantId = line?.variantId === undefined || line.variantId === null || line.variantId === '' ? undefined : String(line.variantId);
	// Whole quantities go in `quantity`; Brevo takes fractional ones (weights) in `quantityFloat`.
	const amount = quantity !== undefined && Number.isInteger(quantity) ? { quantity } : { quantityFloat: quantity };
	return compact({ productId, price: price ?? 0, ...amount, variantId });
}

function metaInfoValues(input: Record<string, unknown>): Record<string, string | number | boolean> {
	const result: Record<string, string | number | boolean> = {};
	for (const [key, value] of Object.entries(input)) {
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') result[key] = value;
		else if (value !== undefined && value !== null) result[key] = JSON.stringify(value);
	}
	return result;
}
