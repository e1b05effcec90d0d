import type { BrevoClient } from './client';
import { isBrevoApiError } from './api-error';
import { attributesListSchema, type AttributeDefinition } from './responses';
import type { AttributeType, ContactAttributeValue, CreateAttributeBody } from './sdk-types';
import { segment } from './urls';
import { compactPhone, isValidPhone, toNumber, type ValidationProblem } from './validation';

/**
 * Contact attributes. Brevo keeps only values of attributes that exist in the account, and
 * ignores values that do not fit the attribute's type — silently ("These attributes must be
 * present in your Brevo account"; "Values that don't match the attribute type … will be
 * ignored"). So the node creates the attributes its flows write (Ensure) and checks values
 * before sending, to say which ones Brevo would have dropped.
 */

export interface WantedAttribute {
	name: string;
	type: Extract<AttributeType, 'text' | 'float' | 'date' | 'boolean'>;
}

/** What the Tajo templates write on contacts (points balance, tier, customer group, last order). */
export const TAJO_ATTRIBUTES: readonly WantedAttribute[] = [
	{ name: 'LOYALTY_POINTS', type: 'float' },
	{ name: 'LOYALTY_TIER', type: 'text' },
	{ name: 'CUSTOMER_GROUP', type: 'text' },
	{ name: 'LAST_ORDER_DATE', type: 'date' },
];

/** Phone attributes: Brevo refuses (400) an invalid number instead of ignoring it. */
const PHONE_ATTRIBUTES = new Set(['SMS', 'WHATSAPP', 'LANDLINE_NUMBER']);

/** Brevo writes attribute names in capitals and matches them exactly. */
export function attributeName(name: string): string {
	return name.trim().toUpperCase();
}

export async function listAttributes(client: BrevoClient): Promise<AttributeDefinition[]> {
	const body = await client.sendFor({ method: 'GET', path: '/contacts/attributes', action: 'list the contact attributes' }, attributesListSchema);
	return body.attributes;
}

export async function createAttribute(client: BrevoClient, wanted: WantedAttribute): Promise<void> {
	const name = attributeName(wanted.name);
	const body: CreateAttributeBody = { type: wanted.type };
	await client.send({
		method: 'POST',
		path: `/contacts/attributes/normal/${segment(name)}`,
		body,
		action: `create the contact attribute ${name}`,
		hints: { invalid: 'Attribute names may only hold letters, digits and "_", and start with a letter.' },
	});
}

export interface EnsureResult {
	created: string[];
	existing: string[];
	/** Exists with another type: values of the wanted type may be ignored. Brevo cannot change a type. */
	typeMismatches: Array<{ name: string; wantedType: string; actualType: string }>;
}

/** Creates the wanted attributes that are missing; never changes or deletes existing ones. */
export async function ensureAttributes(client: BrevoClient, wanted: readonly WantedAttribute[]): Promise<EnsureResult> {
	const existing = new Map((await listAttributes(client)).map((a) => [attributeName(a.name), a]));
	const result: EnsureResult = { created: [], existing: [], typeMismatches: [] };
	for (const attribute of wanted) {
		const name = attributeName(attribute.name);
		const found = existing.get(name);
		if (found) {
			const actualType = found.type ?? found.category;
			if (actualType === attribute.type) result.existing.push(name);
			else result.typeMismatches.push({ name, wantedType: attribute.type, actualType });
			continue;
		}
		try {
			await createAttribute(client, attribute);
			result.created.push(name);
		} catch (error) {
			// Created in the meantime by another execution: that is what we wanted.
			if (isBrevoApiError(error) && error.failure === 'duplicate') result.existing.push(name);
			else throw error;
		}
		existing.set(name, { name, category: 'normal', type: attribute.type });
	}
	return result;
}

export interface IgnoredAttribute {
	name: string;
	value: unknown;
	reason: string;
}

export interface CheckedAttributes {
	/** Values Brevo will keep, converted to the attribute's type (e.g. "120" → 120 for a number). */
	values: Record<string, ContactAttributeValue>;
	/** Values Brevo would drop silently: unknown attributes, or values that do not fit the type. */
	ignored: IgnoredAttribute[];
	/** Values Brevo refuses outright (a 400 for the whole request). */
	problems: ValidationProblem[];
}

/**
 * Converts values to what Brevo keeps for each attribute, as the API does: numbers for `float`,
 * true/false for `boolean`, YYYY-MM-DD for `date`, known options for multiple-choice and category
 * attributes. Empty values are left out, so that a blank field never erases what Brevo has.
 * Without `definitions` (check turned off), names are still capitalised and empties left out.
 */
export function checkAttributeValues(input: Record<string, unknown>, definitions?: readonly AttributeDefinition[]): CheckedAttributes {
	const byName = definitions ? new Map(definitions.map((d) => [attributeName(d.name), d])) : undefined;
	const result: CheckedAttributes = { values: {}, ignored: [], problems: [] };
	for (const [rawName, raw] of Object.entries(input)) {
		const name = attributeName(rawName);
		if (name === '' || raw === undefined || raw === null || raw === '') continue;
		if (PHONE_ATTRIBUTES.has(name)) {
			const phone = String(raw);
			if (isValidPhone(phone)) result.values[name] = compactPhone(phone);
			else result.problems.push({ field: `attributes.${name}`, message: `"${phone}" is not a phone number with its country code (e.g. +33612345678)` });
			continue;
		}
		if (!byName) {
			const loose = looseValue(raw);
			if (loose === undefined) result.ignored.push({ name, value: raw, reason: 'is not text, a number, true/false or a list of texts' });
			else result.values[name] = loose;
			continue;
		}
		const definition = byName.get(name);
		if (!definition) {
			result.ignored.push({ name, value: raw, reason: 'no such attribute in this Brevo account (Brevo ignores its value; create it with Attribute → Ensure, or in Brevo under Contacts → Settings)' });
			continue;
		}
		const converted = convert(definition, raw);
		if ('value' in converted) result.values[name] = converted.value;
		else result.ignored.push({ name, value: raw, reason: converted.reason });
	}
	return result;
}

type Conversion = { value: ContactAttributeValue } | { reason: string };

function convert(definition: AttributeDefinition, raw: unknown): Conversion {
	switch (definition.type) {
		case 'float': {
			const number = toNumber(raw);
			return number === undefined ? { reason: `is a number attribute; "${String(raw)}" is not a number` } : { value: number };
		}
		case 'boolean': {
			if (typeof raw === 'boolean') return { value: raw };
			const text = String(raw).trim().toLowerCase();
			return text === 'true' || text === 'false' ? { value: text === 'true' } : { reason: `is a true/false attribute; "${String(raw)}" is neither` };
		}
		case 'date': {
			const date = dateOnly(raw);
			return date === undefined ? { reason: `is a date attribute; "${String(raw)}" is not a date (e.g. 2024-01-24)` } : { value: date };
		}
		case 'multiple-choice': {
			const options = definition.multiCategoryOptions ?? [];
			const chosen = (Array.isArray(raw) ? raw : String(raw).split(',')).map((v) => String(v).trim()).filter((v) => v !== '');
			const unknown = chosen.filter((v) => !options.includes(v));
			return unknown.length ? { reason: `is a multiple-choice attribute without the option(s) ${unknown.join(', ')} (options: ${options.join(', ')})` } : { value: chosen };
		}
		default:
			if (definition.category === 'category') return categoryValue(definition, raw);
			if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return { value: String(raw) };
			return { reason: 'is a text attribute; the value is not text' };
	}
}

/** A category attribute takes one of its enumeration values, given by value or by label. */
function categoryValue(definition: AttributeDefinition, raw: unknown): Conversion {
	const options = definition.enumeration ?? [];
	const hit = options.find((o) => o.value === toNumber(raw) || o.label === String(raw).trim());
	return hit ? { value: hit.value } : { reason: `is a category attribute; "${String(raw)}" is none of ${options.map((o) => o.label).join(', ')}` };
}

/** Brevo stores dates as YYYY-MM-DD; a full date-time keeps the date as written. */
function dateOnly(raw: unknown): string | undefined {
	if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString().slice(0, 10);
	if (typeof raw !== 'string') return undefined;
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
	if (match) {
		const date = new Date(`${match[0]}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === match[0] ? match[0] : undefined;
	}
	const parsed = Date.parse(raw);
	return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}

function looseValue(raw: unknown): ContactAttributeValue | undefined {
	if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
	if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) return raw as string[];
	return undefined;
}
