import { badRequest, notFound } from '../errors';
import type { ContactRecord } from '../model';
import type { BrevoState } from '../state/brevo-state';
import { phoneDigits } from './phone-numbers';

/** The `identifierType` values of GET/PUT/DELETE /contacts/{identifier} and of event identifiers. */
export const IDENTIFIER_TYPES = ['email_id', 'contact_id', 'ext_id', 'phone_id', 'whatsapp_id', 'landline_number_id'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

const PHONE_ATTRIBUTE: Partial<Record<IdentifierType, string>> = {
	phone_id: 'SMS',
	whatsapp_id: 'WHATSAPP',
	landline_number_id: 'LANDLINE_NUMBER',
};

export function findContact(state: BrevoState, type: IdentifierType, value: string | number): ContactRecord | undefined {
	const text = String(value);
	switch (type) {
		case 'contact_id':
			return /^\d+$/.test(text) ? state.contacts.get(Number(text)) : undefined;
		case 'email_id': {
			const email = text.toLowerCase();
			return [...state.contacts.values()].find((c) => c.email === email);
		}
		case 'ext_id':
			return [...state.contacts.values()].find((c) => c.attributes.EXT_ID === text);
		default: {
			const attribute = PHONE_ATTRIBUTE[type] as string;
			const digits = phoneDigits(text);
			return [...state.contacts.values()].find((c) => typeof c.attributes[attribute] === 'string' && phoneDigits(c.attributes[attribute] as string) === digits);
		}
	}
}

/**
 * Resolves the path identifier as Brevo documents it: with `identifierType` any identifier works;
 * without it only an email, a contact id and (for GET) a phone number are recognised.
 */
export function resolveContact(
	state: BrevoState,
	identifier: string,
	identifierType: string | undefined,
	options: { phoneWithoutType: boolean },
): ContactRecord {
	if (identifierType !== undefined) {
		if (!(IDENTIFIER_TYPES as readonly string[]).includes(identifierType)) {
			badRequest('invalid_parameter', `identifierType should be one of ${IDENTIFIER_TYPES.join(', ')}`);
		}
		if (identifierType === 'contact_id' && !/^\d+$/.test(identifier)) badRequest('invalid_parameter', 'identifier should be a contact id (integer) for identifierType contact_id');
		return findContact(state, identifierType as IdentifierType, identifier) ?? notFound('Contact does not exist');
	}
	if (identifier.includes('@')) return findContact(state, 'email_id', identifier) ?? notFound('Contact does not exist');
	if (/^\d+$/.test(identifier)) {
		const byId = findContact(state, 'contact_id', identifier);
		if (byId) return byId;
		if (options.phoneWithoutType) return findContact(state, 'phone_id', identifier) ?? notFound('Contact does not exist');
		return notFound('Contact does not exist');
	}
	if (options.phoneWithoutType && /^(\+|00)\d+$/.test(identifier)) return findContact(state, 'phone_id', identifier) ?? notFound('Contact does not exist');
	return notFound('Contact does not exist');
}
