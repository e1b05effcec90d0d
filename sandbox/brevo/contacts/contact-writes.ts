import { badRequest } from '../errors';
import type { AttributeValue, ContactRecord } from '../model';
import { isValidEmail } from '../request-checks';
import type { BrevoState } from '../state/brevo-state';
import { coerceAttributes } from './attribute-values';
import { phoneDigits } from './phone-numbers';

/** What a create or update asks to change, in Brevo's request vocabulary. */
export interface ContactChanges {
	email?: string;
	extId?: string;
	attributes?: Record<string, unknown>;
	emailBlacklisted?: boolean;
	smsBlacklisted?: boolean;
	whatsappBlacklisted?: boolean;
	listIds?: number[];
	unlinkListIds?: number[];
	smtpBlacklistSender?: string[];
}

/** Changes after validation: attribute values typed, unknown ones dropped, email lower-cased. */
export interface PreparedChanges extends Omit<ContactChanges, 'attributes' | 'extId'> {
	attributes: Record<string, AttributeValue | null>;
	droppedAttributes: string[];
}

/** Identifier fields that must be unique across contacts, with their names in Brevo's duplicate errors. */
const UNIQUE_FIELDS: Array<{ label: string; attribute?: string; phone?: boolean }> = [
	{ label: 'email' },
	{ label: 'ext_id', attribute: 'EXT_ID' },
	{ label: 'SMS', attribute: 'SMS', phone: true },
	{ label: 'WHATSAPP', attribute: 'WHATSAPP', phone: true },
	{ label: 'LANDLINE_NUMBER', attribute: 'LANDLINE_NUMBER', phone: true },
];

export function prepareChanges(state: BrevoState, changes: ContactChanges): PreparedChanges {
	const attributesInput: Record<string, unknown> = { ...(changes.attributes ?? {}) };
	let email = changes.email;
	// PUT /contacts/{id} changes the email through the EMAIL attribute, as Brevo documents.
	if (typeof attributesInput.EMAIL === 'string') email = attributesInput.EMAIL as string;
	delete attributesInput.EMAIL;
	if (changes.extId !== undefined) attributesInput.EXT_ID = changes.extId;

	if (email !== undefined) {
		if (!isValidEmail(email)) badRequest('invalid_parameter', 'Invalid email address');
		email = email.toLowerCase();
	}
	for (const listId of [...(changes.listIds ?? []), ...(changes.unlinkListIds ?? [])]) {
		if (!state.lists.has(listId)) badRequest('invalid_parameter', `Invalid list id: ${listId}`);
	}
	const coerced = coerceAttributes(state.attributes, attributesInput);
	return {
		email,
		attributes: coerced.values,
		droppedAttributes: coerced.dropped,
		emailBlacklisted: changes.emailBlacklisted,
		smsBlacklisted: changes.smsBlacklisted,
		whatsappBlacklisted: changes.whatsappBlacklisted,
		listIds: changes.listIds,
		unlinkListIds: changes.unlinkListIds,
		smtpBlacklistSender: changes.smtpBlacklistSender,
	};
}

/** Other contacts already holding one of the identifiers the changes would set. */
export function conflicts(state: BrevoState, prepared: PreparedChanges, selfId?: number): Array<{ field: string; contact: ContactRecord }> {
	const found: Array<{ field: string; contact: ContactRecord }> = [];
	for (const field of UNIQUE_FIELDS) {
		const wanted = field.attribute ? prepared.attributes[field.attribute] : prepared.email;
		if (wanted === undefined || wanted === null) continue;
		const key = field.phone ? phoneDigits(String(wanted)) : String(wanted);
		for (const contact of state.contacts.values()) {
			if (contact.id === selfId) continue;
			const held = field.attribute ? contact.attributes[field.attribute] : contact.email;
			if (held === undefined) continue;
			if ((field.phone ? phoneDigits(String(held)) : String(held)) === key) found.push({ field: field.label, contact });
		}
	}
	return found;
}

export function insertContact(state: BrevoState, prepared: PreparedChanges, now: string): ContactRecord {
	const contact: ContactRecord = {
		id: state.nextContactId(),
		attributes: {},
		emailBlacklisted: false,
		smsBlacklisted: false,
		whatsappBlacklisted: false,
		listIds: [],
		listUnsubscribed: [],
		smtpBlacklistSender: [],
		createdAt: now,
		modifiedAt: now,
	};
	applyChanges(contact, prepared, now);
	state.contacts.set(contact.id, contact);
	return contact;
}

export function applyChanges(contact: ContactRecord, prepared: PreparedChanges, now: string): void {
	if (prepared.email !== undefined) contact.email = prepared.email;
	for (const [name, value] of Object.entries(prepared.attributes)) {
		if (value === null) delete contact.attributes[name];
		else contact.attributes[name] = value;
	}
	if (prepared.emailBlacklisted !== undefined) contact.emailBlacklisted = prepared.emailBlacklisted;
	if (prepared.smsBlacklisted !== undefined) contact.smsBlacklisted = prepared.smsBlacklisted;
	if (prepared.whatsappBlacklisted !== undefined) contact.whatsappBlacklisted = prepared.whatsappBlacklisted;
	for (const listId of prepared.listIds ?? []) if (!contact.listIds.includes(listId)) contact.listIds.push(listId);
	if (prepared.unlinkListIds) contact.listIds = contact.listIds.filter((id) => !prepared.unlinkListIds?.includes(id));
	if (prepared.smtpBlacklistSender) contact.smtpBlacklistSender = [...prepared.smtpBlacklistSender];
	contact.modifiedAt = now;
}

/** Whether the changes name at least one way to identify a new contact (email, ext_id, SMS, WhatsApp, landline). */
export function hasIdentifier(prepared: PreparedChanges): boolean {
	return (
		prepared.email !== undefined ||
		['EXT_ID', 'SMS', 'WHATSAPP', 'LANDLINE_NUMBER'].some((name) => prepared.attributes[name] !== undefined && prepared.attributes[name] !== null)
	);
}

/** Whether the changes name the contact by email or ext_id (then phone numbers do not pick the contact to update). */
export function hasKeyIdentifier(prepared: PreparedChanges): boolean {
	return prepared.email !== undefined || (prepared.attributes.EXT_ID !== undefined && prepared.attributes.EXT_ID !== null);
}

/** The phone identifiers' labels in duplicate errors (SMS, WHATSAPP, LANDLINE_NUMBER). */
export function isPhoneField(label: string): boolean {
	return UNIQUE_FIELDS.some((f) => f.label === label && f.phone === true);
}
