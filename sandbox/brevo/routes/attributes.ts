import type { Router, SandboxRequest, SandboxResponse } from '../../http/router';
import type { BrevoContext } from '../context';
import { badRequest, notFound } from '../errors';
import type { AttributeCategory, AttributeDefinition, AttributeType } from '../model';
import { objectBody, optionalString, optionalStringArray } from '../request-checks';

const CATEGORIES: AttributeCategory[] = ['normal', 'transactional', 'category', 'calculated', 'global'];
/** Types each category accepts (createAttribute `type` description in the spec). */
const TYPES_BY_CATEGORY: Record<AttributeCategory, AttributeType[]> = {
	normal: ['text', 'date', 'float', 'boolean', 'multiple-choice', 'user'],
	transactional: ['text', 'date', 'float', 'boolean', 'id'],
	category: ['category'],
	calculated: [],
	global: [],
};

/** GET /contacts/attributes, POST and DELETE /contacts/attributes/{attributeCategory}/{attributeName}. */
export function registerAttributeRoutes(router: Router, ctx: BrevoContext): void {
	router.get('/v3/contacts/attributes', () => ({
		status: 200,
		body: { attributes: [...ctx.state.attributes.values()].map((a) => ({ ...a })) },
	}));
	router.post('/v3/contacts/attributes/{attributeCategory}/{attributeName}', (req) => createAttribute(ctx, req));
	router.delete('/v3/contacts/attributes/{attributeCategory}/{attributeName}', (req) => {
		const name = req.params.attributeName.toUpperCase();
		const existing = ctx.state.attributes.get(name);
		if (!existing || existing.category !== req.params.attributeCategory) notFound('Attribute not found');
		ctx.state.attributes.delete(name);
		for (const contact of ctx.state.contacts.values()) delete contact.attributes[name];
		return { status: 204 };
	});
}

function createAttribute(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const category = req.params.attributeCategory as AttributeCategory;
	if (!CATEGORIES.includes(category)) badRequest('invalid_parameter', `attributeCategory should be one of ${CATEGORIES.join(', ')}`);
	const rawName = req.params.attributeName;
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(rawName)) badRequest('invalid_parameter', 'Attribute name should contain only letters, digits and underscores');
	// Brevo keys attributes by their upper-case name.
	const name = rawName.toUpperCase();
	if (ctx.state.attributes.has(name)) badRequest('duplicate_parameter', `Attribute ${name} already exists`);

	const body = req.rawBody.trim() === '' ? {} : objectBody(req);
	const definition: AttributeDefinition = { name, category };
	const type = optionalString(body, 'type') as AttributeType | undefined;
	if (category === 'calculated' || category === 'global') {
		const value = optionalString(body, 'value');
		if (!value) badRequest('missing_parameter', `value is required for ${category} attributes`);
		definition.calculatedValue = value;
	} else {
		const allowed = TYPES_BY_CATEGORY[category];
		const chosen = type ?? allowed[0];
		if (!allowed.includes(chosen)) badRequest('invalid_parameter', `type ${chosen} is not allowed for ${category} attributes`);
		definition.type = category === 'category' ? 'text' : chosen;
	}
	if (category === 'category') definition.enumeration = readEnumeration(body.enumeration);
	if (definition.type === 'multiple-choice') {
		const options = optionalStringArray(body, 'multiCategoryOptions');
		if (!options || options.length === 0) badRequest('missing_parameter', 'multiCategoryOptions is required for multiple-choice attributes');
		definition.multiCategoryOptions = options;
	}
	ctx.state.attributes.set(name, definition);
	return { status: 201 };
}

function readEnumeration(raw: unknown): Array<{ value: number; label: string }> {
	if (raw === undefined) badRequest('missing_parameter', 'enumeration is required for category attributes');
	const valid =
		Array.isArray(raw) &&
		raw.length > 0 &&
		raw.every((o) => typeof o === 'object' && o !== null && Number.isInteger((o as { value?: unknown }).value) && typeof (o as { label?: unknown }).label === 'string');
	if (!valid) badRequest('invalid_parameter', 'enumeration should be a list of {value (integer), label (string)}');
	return (raw as Array<{ value: number; label: string }>).map((o) => ({ value: o.value, label: o.label }));
}
