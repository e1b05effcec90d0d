import { badRequest } from '../errors';
import type { CategoryRecord, ProductRecord } from '../model';
import { isRecord, optionalBoolean, optionalNumber, optionalObject, optionalString, optionalStringArray } from '../request-checks';

/** Product and category fields of createUpdateProduct(s) / createUpdateCategory(ies), validated. */

export type ProductFields = Partial<Omit<ProductRecord, 'internalId' | 'createdAt' | 'modifiedAt'>> & { id: string };
export type CategoryFields = Partial<Omit<CategoryRecord, 'internalId' | 'createdAt' | 'modifiedAt'>> & { id: string };

/**
 * metaInfo values are strings or numbers; the 2026 API caps the whole object at 20,000 characters
 * (the 2025 spec's "1000 KB" and "maximum length ... 20" were replaced by that rule).
 */
const MAX_META_CHARACTERS = 20_000;

export function readProduct(raw: unknown, where = ''): ProductFields {
	if (!isRecord(raw)) badRequest('invalid_parameter', `${where}product should be an object`);
	const body = raw as Record<string, unknown>;
	const id = readId(body, where);
	const metaInfo = optionalObject(body, 'metaInfo');
	if (metaInfo) {
		const bad = Object.entries(metaInfo).find(([, v]) => typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v)));
		if (bad) badRequest('invalid_parameter', `${where}metaInfo.${bad[0]} should be a string or a number`);
		if (JSON.stringify(metaInfo).length > MAX_META_CHARACTERS) badRequest('invalid_parameter', `${where}metaInfo exceeds ${MAX_META_CHARACTERS} characters`);
	}
	const price = optionalNumber(body, 'price');
	if (price !== undefined && price < 0) badRequest('invalid_parameter', `${where}price should not be negative`);
	const stock = optionalNumber(body, 'stock');
	return defined({
		id,
		name: optionalString(body, 'name'),
		url: optionalString(body, 'url'),
		imageUrl: optionalString(body, 'imageUrl'),
		sku: optionalString(body, 'sku'),
		price,
		categories: optionalStringArray(body, 'categories'),
		parentId: optionalString(body, 'parentId'),
		metaInfo,
		brand: optionalString(body, 'brand'),
		description: optionalString(body, 'description'),
		stock,
		isDeleted: optionalBoolean(body, 'isDeleted'),
		deletedAt: readDate(body, 'deletedAt', where),
	});
}

export function readCategory(raw: unknown, where = ''): CategoryFields {
	if (!isRecord(raw)) badRequest('invalid_parameter', `${where}category should be an object`);
	const body = raw as Record<string, unknown>;
	return defined({
		id: readId(body, where),
		name: optionalString(body, 'name'),
		url: optionalString(body, 'url'),
		isDeleted: optionalBoolean(body, 'isDeleted'),
		deletedAt: readDate(body, 'deletedAt', where),
	});
}

function readId(body: Record<string, unknown>, where: string): string {
	const id = body.id;
	if (id === undefined || id === null || id === '') badRequest('missing_parameter', `${where}id is missing`);
	if (typeof id !== 'string') badRequest('invalid_parameter', `${where}id should be a string`);
	return id as string;
}

function readDate(body: Record<string, unknown>, key: string, where: string): string | undefined {
	const value = optionalString(body, key);
	if (value !== undefined && Number.isNaN(Date.parse(value))) badRequest('invalid_parameter', `${where}${key} should be a UTC date-time (YYYY-MM-DDTHH:mm:ss.SSSZ)`);
	return value;
}

function defined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
