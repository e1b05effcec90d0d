import { badRequest } from '../errors';
import type { AttributeDefinition, AttributeValue } from '../model';
import { PHONE_ATTRIBUTES } from '../state/account-defaults';
import { isValidPhone } from './phone-numbers';

export interface CoercedAttributes {
	/** Values to store; `null` means "clear this attribute". */
	values: Record<string, AttributeValue | null>;
	/** Names Brevo ignored: unknown attributes and values of the wrong type. */
	dropped: string[];
}

/**
 * Brevo keeps only values of attributes that exist in the account ("These attributes must be
 * present in your Brevo account") and ignores values that do not match the attribute's type;
 * neither is an error. An invalid phone number in SMS/WHATSAPP/LANDLINE_NUMBER is a 400.
 */
export function coerceAttributes(definitions: Map<string, AttributeDefinition>, input: Record<string, unknown>): CoercedAttributes {
	const result: CoercedAttributes = { values: {}, dropped: [] };
	for (const [name, raw] of Object.entries(input)) {
		const definition = definitions.get(name);
		if (!definition) {
			result.dropped.push(name);
			continue;
		}
		if (raw === null || raw === '') {
			result.values[name] = null;
			continue;
		}
		if (PHONE_ATTRIBUTES.has(name)) {
			if (typeof raw !== 'string' && typeof raw !== 'number') badRequest('invalid_parameter', `Invalid ${name} number`);
			if (!isValidPhone(String(raw))) badRequest('invalid_parameter', `Invalid phone number`);
			result.values[name] = String(raw);
			continue;
		}
		const value = coerceValue(definition, raw);
		if (value === undefined) result.dropped.push(name);
		else result.values[name] = value;
	}
	return result;
}

function coerceValue(definition: AttributeDefinition, raw: unknown): AttributeValue | undefined {
	switch (definition.type) {
		case 'float':
			if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
			if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
			return undefined;
		case 'boolean':
			if (typeof raw === 'boolean') return raw;
			if (raw === 'true' || raw === 'false') return raw === 'true';
			return undefined;
		case 'date':
			return typeof raw === 'string' ? dateOnly(raw) : undefined;
		case 'multiple-choice': {
			const options = definition.multiCategoryOptions ?? [];
			if (!Array.isArray(raw)) return undefined;
			const chosen = raw.filter((v): v is string => typeof v === 'string' && options.includes(v));
			return chosen.length > 0 ? chosen : undefined;
		}
		case 'category':
			return categoryValue(definition, raw);
		default:
			if (definition.category === 'category') return categoryValue(definition, raw);
			if (typeof raw === 'string') return raw;
			if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
			return undefined;
	}
}

/** Dates are stored as YYYY-MM-DD; a full date-time is cut to its date, anything else is ignored. */
function dateOnly(raw: string): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
	if (!match) return undefined;
	const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0]) return undefined;
	return match[0];
}

/** A category attribute takes one of its enumeration values, by value or by label. */
function categoryValue(definition: AttributeDefinition, raw: unknown): AttributeValue | undefined {
	const options = definition.enumeration ?? [];
	const hit = options.find((o) => o.value === Number(raw) || o.label === raw);
	return hit ? hit.value : undefined;
}
