import { findContact, type IdentifierType } from '../contacts/contact-lookup';
import { applyChanges, insertContact, prepareChanges } from '../contacts/contact-writes';
import type { ContactRecord, EventIdentifiers } from '../model';
import type { BrevoState } from '../state/brevo-state';

/** Identifier order for attribution: contact_id wins ("takes priority over all other identifiers"). */
const LOOKUP_ORDER: Array<[keyof EventIdentifiers, IdentifierType]> = [
	['contact_id', 'contact_id'],
	['email_id', 'email_id'],
	['ext_id', 'ext_id'],
	['phone_id', 'phone_id'],
	['whatsapp_id', 'whatsapp_id'],
	['landline_number_id', 'landline_number_id'],
];

/**
 * Attributes an event to a contact, creating the contact when none matches (Brevo creates contacts
 * from tracked events), and applies `contact_properties` to its attributes. Unknown attributes
 * are dropped like on any contact write. Returns the contact, or undefined when only an unknown
 * contact_id was given (a contact cannot be created with a chosen id).
 */
export function attributeEvent(
	state: BrevoState,
	identifiers: EventIdentifiers,
	contactProperties: Record<string, unknown> | undefined,
	now: string,
): ContactRecord | undefined {
	let contact: ContactRecord | undefined;
	for (const [key, type] of LOOKUP_ORDER) {
		const value = identifiers[key];
		if (value === undefined) continue;
		contact = findContact(state, type, value);
		if (contact) break;
	}
	const attributes: Record<string, unknown> = { ...(contactProperties ?? {}) };
	// The contact is found by the identifiers; a property must not re-key it to another email.
	delete attributes.EMAIL;
	if (!contact) {
		if (identifiers.ext_id !== undefined) attributes.EXT_ID = identifiers.ext_id;
		if (identifiers.phone_id !== undefined) attributes.SMS = identifiers.phone_id;
		if (identifiers.whatsapp_id !== undefined) attributes.WHATSAPP = identifiers.whatsapp_id;
		if (identifiers.landline_number_id !== undefined) attributes.LANDLINE_NUMBER = identifiers.landline_number_id;
		const prepared = prepareChanges(state, { email: identifiers.email_id, attributes });
		const creatable = identifiers.email_id !== undefined || Object.keys(attributes).some((k) => ['EXT_ID', 'SMS', 'WHATSAPP', 'LANDLINE_NUMBER'].includes(k));
		return creatable ? insertContact(state, prepared, now) : undefined;
	}
	if (contactProperties && Object.keys(contactProperties).length > 0) applyChanges(contact, prepareChanges(state, { attributes }), now);
	return contact;
}
