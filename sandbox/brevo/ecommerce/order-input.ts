import { badRequest } from '../errors';
import type { OrderProduct, OrderRecord } from '../model';
import { isRecord, isValidEmail, optionalObject, optionalString, optionalStringArray } from '../request-checks';

export type OrderFields = Omit<OrderRecord, 'seq' | 'receivedAt' | 'source' | 'batchId' | 'historical' | 'contact_id'>;

/** The `order` model: id, createdAt, updatedAt, status, amount and products are required. */
export function readOrder(raw: unknown, where = ''): OrderFields {
	if (!isRecord(raw)) badRequest('invalid_parameter', `${where}order should be an object`);
	const body = raw as Record<string, unknown>;
	const id = required(body, 'id', where);
	const createdAt = readDate(body, 'createdAt', where);
	const updatedAt = readDate(body, 'updatedAt', where);
	const status = required(body, 'status', where);
	if (body.amount === undefined) badRequest('missing_parameter', `${where}amount is missing`);
	if (typeof body.amount !== 'number' || !Number.isFinite(body.amount)) badRequest('invalid_parameter', `${where}amount should be a number`);
	if (body.products === undefined) badRequest('missing_parameter', `${where}products is missing`);
	if (!Array.isArray(body.products)) badRequest('invalid_parameter', `${where}products should be an array`);
	const products = (body.products as unknown[]).map((p, i) => readProductLine(p, `${where}products[${i}].`));

	const identifiers = optionalObject(body, 'identifiers') as Record<string, string> | undefined;
	if (identifiers) {
		const bad = Object.entries(identifiers).find(([, v]) => typeof v !== 'string');
		if (bad) badRequest('invalid_parameter', `${where}identifiers.${bad[0]} should be a string`);
		if (identifiers.email_id !== undefined && !isValidEmail(identifiers.email_id)) badRequest('invalid_parameter', `${where}identifiers.email_id is not a valid email address`);
	}
	const order: OrderFields = { id, createdAt, updatedAt, status, amount: body.amount as number, products };
	const storeId = optionalString(body, 'storeId');
	if (storeId !== undefined) order.storeId = storeId;
	if (identifiers) order.identifiers = identifiers;
	const billing = optionalObject(body, 'billing');
	if (billing) order.billing = billing;
	const coupons = optionalStringArray(body, 'coupons');
	if (coupons) order.coupons = coupons;
	const metaInfo = optionalObject(body, 'metaInfo');
	if (metaInfo) order.metaInfo = metaInfo;
	return order;
}

function required(body: Record<string, unknown>, key: string, where: string): string {
	const value = body[key];
	if (value === undefined || value === null || value === '') badRequest('missing_parameter', `${where}${key} is missing`);
	if (typeof value !== 'string') badRequest('invalid_parameter', `${where}${key} should be a string`);
	return value as string;
}

function readDate(body: Record<string, unknown>, key: string, where: string): string {
	const value = required(body, key, where);
	if (Number.isNaN(Date.parse(value))) badRequest('invalid_parameter', `${where}${key} should be a UTC date-time (YYYY-MM-DDTHH:mm:ssZ)`);
	return value;
}

/** A product line needs productId and price, and quantity or quantityFloat. */
function readProductLine(raw: unknown, where: string): OrderProduct {
	if (!isRecord(raw)) badRequest('invalid_parameter', `${where.slice(0, -1)} should be an object`);
	const line = raw as Record<string, unknown>;
	const productId = required(line, 'productId', where);
	if (line.price === undefined) badRequest('missing_parameter', `${where}price is missing`);
	if (typeof line.price !== 'number' || !Number.isFinite(line.price)) badRequest('invalid_parameter', `${where}price should be a number`);
	const hasQuantity = line.quantity !== undefined && line.quantity !== null;
	const hasFloat = line.quantityFloat !== undefined && line.quantityFloat !== null;
	if (!hasQuantity && !hasFloat) badRequest('missing_parameter', `${where}quantity is missing`);
	if (hasQuantity && typeof line.quantity !== 'number') badRequest('invalid_parameter', `${where}quantity should be a number`);
	if (hasFloat && typeof line.quantityFloat !== 'number') badRequest('invalid_parameter', `${where}quantityFloat should be a number`);
	const variantId = optionalString(line, 'variantId');
	return {
		productId,
		price: line.price as number,
		...(hasQuantity ? { quantity: line.quantity as number } : {}),
		...(hasFloat ? { quantityFloat: line.quantityFloat as number } : {}),
		...(variantId !== undefined ? { variantId } : {}),
	};
}
