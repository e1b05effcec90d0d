import type { BrevoClient } from './client';
import { isNotFoundError } from './api-error';
import { contactDetailsSchema, createContactSchema, type ContactDetails } from './responses';
import type { ContactAttributeValue, ContactIdentifierType, CreateContactBody, UpdateContactBody } from './sdk-types';
import { segment } from './urls';
import { compact, compactPhone, isValidEmail, isValidPhone, Problems } from './validation';

/** How a contact is named in a request: Brevo's `identifierType` values (getContactInfo). */
export type ContactIdentifierKind = ContactIdentifierType;

export interface ContactIdentifier {
	kind: ContactIdentifierKind;
	value: string;
}

export const IDENTIFIER_LABELS: Record<ContactIdentifierKind, string> = {
	email_id: 'email address',
	ext_id: 'ext_id',
	phone_id: 'SMS phone number',
	whatsapp_id: 'WhatsApp number',
	landline_number_id: 'landline number',
	contact_id: 'contact ID',
};

export interface ContactInput {
	email?: string;
	extId?: string;
	/** The SMS attribute (a mobile number with its country code). */
	sms?: string;
	whatsapp?: string;
	/** Attribute values, names in capitals, already checked against the account's definitions. */
	attributes?: Record<string, ContactAttributeValue>;
	addToListIds?: number[];
	removeFromListIds?: number[];
}

export interface UpsertResult {
	/** True when Brevo created the contact, false when it updated an existing one. */
	created: boolean;
	/** Brevo's ID, when it gives one (on creation). */
	id?: number;
	/** How the contact was named for the list removal, when there was one. */
	identifier: ContactIdentifier;
}

const HINT = 'Correct the contact fields named and run again.';

/** The identifier an upsert names its contact by: email, else ext_id, else SMS, else WhatsApp. */
export function primaryIdentifier(input: ContactInput): ContactIdentifier | undefined {
	if (input.email) return { kind: 'email_id', value: input.email.trim() };
	if (input.extId) return { kind: 'ext_id', value: input.extId.trim() };
	if (input.sms) return { kind: 'phone_id', value: compactPhone(input.sms) };
	if (input.whatsapp) return { kind: 'whatsapp_id', value: compactPhone(input.whatsapp) };
	return undefined;
}

/** Body of POST /contacts with `updateEnabled`: creates the contact, or updates it if it exists. */
export function buildUpsertContact(input: ContactInput): CreateContactBody {
	const problems = new Problems();
	const email = input.email?.trim() || undefined;
	if (email !== undefined && !isValidEmail(email)) problems.add('email', `"${email}" is not a valid email address`);
	const attributes: Record<string, ContactAttributeValue> = { ...(input.attributes ?? {}) };
	for (const [field, value] of [
		['SMS', input.sms],
		['WHATSAPP', input.whatsapp],
	] as const) {
		const phone = value?.trim();
		if (!phone) continue;
		if (isValidPhone(phone)) attributes[field] = compactPhone(phone);
		else problems.add(`attributes.${field}`, `"${phone}" is not a phone number with its country code (e.g. +33612345678)`);
	}
	if (!primaryIdentifier(input)) problems.add('email', 'an email address, ext_id, SMS or WhatsApp number is required to find or create the contact');
	for (const id of [...(input.addToListIds ?? []), ...(input.removeFromListIds ?? [])]) {
		if (!Number.isInteger(id) || id <= 0) problems.add('listIds', `${id} is not a Brevo list ID (a positive whole number)`);
	}
	problems.throwIfAny('The contact cannot be sent to Brevo:', HINT);

	return compact({
		email,
		ext_id: input.extId?.trim() || undefined,
		attributes: Object.keys(attributes).length ? attributes : undefined,
		listIds: input.addToListIds?.length ? input.addToListIds : undefined,
		updateEnabled: true,
	});
}

/**
 * Creates or updates a contact, then takes it off the lists to leave (POST /contacts has no
 * field for that; PUT /contacts/{identifier} has `unlinkListIds`). Both calls set absolute values,
 * so they are retried on 5xx and timeouts.
 */
export async function upsertContact(client: BrevoClient, input: ContactInput): Promise<UpsertResult> {
	const body = buildUpsertContact(input);
	const identifier = primaryIdentifier(input)!;
	const created = await client.sendFor(
		{ method: 'POST', path: '/contacts', body, action: `create or update the contact ${identifier.value}`, repeatable: true },
		createContactSchema,
	);
	const id = created?.id;
	const removeFrom = input.removeFromListIds ?? [];
	if (removeFrom.length) {
		const target: ContactIdentifier = id !== undefined ? { kind: 'contact_id', value: String(id) } : identifier;
		const update: UpdateContactBody = { unlinkListIds: removeFrom };
		await client.send({
			method: 'PUT',
			path: `/contacts/${segment(target.value)}`,
			query: { identifierType: target.kind },
			body: update,
			action: `remove the contact ${identifier.value} from lists ${removeFrom.join(', ')}`,
			repeatable: true,
		});
	}
	return { created: id !== undefined, id, identifier };
}

/** GET /contacts/{identifier}: the contact, or a `not_found` BrevoApiError. */
export async function getContact(client: BrevoClient, identifier: ContactIdentifier): Promise<ContactDetails> {
	const label = IDENTIFIER_LABELS[identifier.kind] ?? identifier.kind;
	const problems = new Problems();
	// An empty identifier would turn the lookup into GET /contacts, the list of all contacts.
	if (!identifier.value?.trim()) problems.add('identifier', `the contact's ${label} is empty`);
	else if (identifier.kind === 'contact_id' && !/^\d+$/.test(identifier.value.trim())) problems.add('identifier', `"${identifier.value}" is not a Brevo contact ID (a whole number)`);
	problems.throwIfAny('The contact cannot be looked up in Brevo:', 'Give the identifier, e.g. map the email with an expression such as {{ $json.email }}.');
	return client.sendFor(
		{
			method: 'GET',
			path: `/contacts/${segment(identifier.value)}`,
			query: { identifierType: identifier.kind },
			action: `find the contact with ${label} ${identifier.value}`,
			hints: { notFound: `No Brevo contact has the ${label} ${identifier.value}. Check the value and the "Identify Contact By" setting, or create the contact first (Contact → Create or Update).` },
		},
		contactDetailsSchema,
	);
}

/** Like getContact, but an unknown contact is `undefined` instead of an error. */
export async function findContact(client: BrevoClient, identifier: ContactIdentifier): Promise<ContactDetails | undefined> {
	try {
		return await getContact(client, identifier);
	} catch (error) {
		if (isNotFoundError(error)) return undefined;
		throw error;
	}
}
