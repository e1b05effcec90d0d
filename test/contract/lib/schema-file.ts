// Validating a value against a schema inside any spec file (e.g. a webhook callback model).
import { deref, getAtPointer, loadDocument, normaliseRel } from './documents';
import { validateAt } from './validator';

export interface SchemaCheck {
	ok: boolean;
	errors: string[];
}

/**
 * `pointer` is a JSON pointer into the file, with or without a leading '#' ('' = whole file),
 * e.g. validateAgainstSchemaFile('bigcommerce/current/docs/webhooks/callbacks/store_customer_created.yml',
 * '/properties/store~1customer~1created', payload).
 */
export function validateAgainstSchemaFile(relPath: string, pointer: string, value: unknown): SchemaCheck {
	const rel = normaliseRel(relPath);
	const at = pointer.replace(/^#/, '');
	const schema = getAtPointer(loadDocument(rel), at);
	if (schema === undefined) return { ok: false, errors: [`no schema at ${rel}#${at}`] };
	const errors = validateAt(deref({ rel, pointer: at, value: schema }), value);
	return { ok: errors.length === 0, errors };
}

export function expectMatchesSchemaFile(relPath: string, pointer: string, value: unknown): void {
	const check = validateAgainstSchemaFile(relPath, pointer, value);
	if (!check.ok) throw new Error(`value does not match ${relPath}#${pointer.replace(/^#/, '')}:\n${check.errors.map((e) => `  - ${e}`).join('\n')}`);
}

export const WEBHOOK_CALLBACKS_DIR = 'bigcommerce/current/docs/webhooks/callbacks';

/**
 * The callback model of a BigCommerce webhook scope: each file is an object whose one property
 * is the scope, e.g. 'store/cart/lineItem/created' -> store_cart_lineItem_created.yml,
 * '/properties/store~1cart~1lineItem~1created'.
 */
export function webhookCallbackModel(scope: string): { relPath: string; pointer: string } {
	return { relPath: `${WEBHOOK_CALLBACKS_DIR}/${scope.replace(/\//g, '_')}.yml`, pointer: `/properties/${scope.replace(/~/g, '~0').replace(/\//g, '~1')}` };
}

/** Validates a webhook delivery body (the whole JSON payload) against its scope's model. */
export function validateWebhookPayload(scope: string, payload: unknown): SchemaCheck {
	const { relPath, pointer } = webhookCallbackModel(scope);
	return validateAgainstSchemaFile(relPath, pointer, payload);
}
