import { badRequest } from '../errors';
import type { CategoryRecord, ProductRecord } from '../model';
import type { BrevoState } from '../state/brevo-state';
import type { CategoryFields, ProductFields } from './catalog-input';

export type UpsertOutcome = { created: ProductRecord | CategoryRecord } | { updated: true } | { skipped: true };

/**
 * Create, or update when `updateEnabled` (Brevo's create/update semantics): a new id needs a name;
 * an existing id without `updateEnabled` is a duplicate (single call) or skipped (batch).
 */
export function upsertProduct(state: BrevoState, fields: ProductFields, updateEnabled: boolean, now: string, inBatch: boolean): UpsertOutcome {
	const existing = state.products.get(fields.id);
	if (existing) {
		if (!updateEnabled) return inBatch ? { skipped: true } : badRequest('duplicate_parameter', `Product with id ${fields.id} already exists`);
		Object.assign(existing, fields, { modifiedAt: now });
		return { updated: true };
	}
	if (!fields.name) badRequest('missing_parameter', `name is mandatory to create product ${fields.id}`);
	const product: ProductRecord = { ...fields, name: fields.name as string, internalId: state.nextProductInternalId(), createdAt: now, modifiedAt: now };
	state.products.set(product.id, product);
	return { created: product };
}

export function upsertCategory(state: BrevoState, fields: CategoryFields, updateEnabled: boolean, now: string, inBatch: boolean): UpsertOutcome {
	const existing = state.categories.get(fields.id);
	if (existing) {
		if (!updateEnabled) return inBatch ? { skipped: true } : badRequest('duplicate_parameter', `Category with id ${fields.id} already exists`);
		Object.assign(existing, fields, { modifiedAt: now });
		return { updated: true };
	}
	if (!fields.name) badRequest('missing_parameter', `name is mandatory to create category ${fields.id}`);
	const category: CategoryRecord = { ...fields, name: fields.name as string, internalId: state.nextCategoryInternalId(), createdAt: now, modifiedAt: now };
	state.categories.set(category.id, category);
	return { created: category };
}

/** getProductDetails: the s3 thumbnails are required fields; Brevo derives them from imageUrl. */
export function productView(product: ProductRecord): Record<string, unknown> {
	const { internalId: _internal, deletedAt: _deleted, ...fields } = product;
	const image = product.imageUrl ? `https://img-ecom.sandbox.brevo.invalid/${encodeURIComponent(product.id)}` : '';
	return {
		...fields,
		isDeleted: product.isDeleted ?? false,
		...(image ? { s3Original: `${image}/original.jpg` } : {}),
		s3ThumbAnalytics: image ? `${image}/analytics.jpg` : '',
		s3ThumbEditor: image ? `${image}/editor.jpg` : '',
	};
}

export function categoryView(category: CategoryRecord): Record<string, unknown> {
	const { internalId: _internal, deletedAt: _deleted, ...fields } = category;
	return { ...fields, isDeleted: category.isDeleted ?? false };
}
