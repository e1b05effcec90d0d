import type { z } from 'zod';
import type { BrevoClient } from './client';
import { BrevoApiError, isBrevoApiError, isNotFoundError } from './api-error';
import { duplicateIdentifiers } from './error-body';
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

/**
 * What to do when Brevo refuses the contact because its SMS or WhatsApp number already belongs to
 * another contact (400 `duplicate_parameter`, `metadata.duplicate_identifiers: ['SMS']`; Brevo keeps
 * each identifier on one contact only and, unless `forceMerge` is sent, answers this error rather
 * than merging): `skip` sends the contact again without that number and reports it; `fail` throws.
 */
export type SharedPhoneNumbers = 'skip' | 'fail';

export interface UpsertOptions {
	/** Default `fail`, Brevo's own behaviour. */
	sharedPhoneNumbers?: SharedPhoneNumbers;
}

/** A phone attribute left out because another contact holds the number. */
export interface SkippedField {
	field: 'SMS' | 'WHATSAPP';
	value: string;
	reason: string;
}

export interface UpsertResult {
	/** True when Brevo created the contact, false when it updated an existing one. */
	created: boolean;
	/** Brevo's ID, when it gives one (on creation). */
	id?: number;
	/** How the contact was named for the list removal, when there was one. */
	identifier: ContactIdentifier;
	/** Phone attributes not saved because another contact holds the number (`sharedPhoneNumbers: 'skip'`). */
	skippedFields: SkippedField[];
}

const PHONE_FIELDS = ['SMS', 'WHATSAPP'] as const;

/**
 * The phone attributes a duplicate error names: Brevo's `metadata.duplicate_identifiers`, or, when
 * it gives none, its message ("SMS is already associated with another Contact").
 */
export function duplicatePhoneFields(error: unknown): Array<SkippedField['field']> {
	if (!isBrevoApiError(error) || error.failure !== 'duplicate') return [];
	const named = duplicateIdentifiers(error.metadata).map((f) => f.toUpperCase());
	const fromMessage = named.length ? [] : [...(error.brevoMessage ?? '').matchAll(/\b(SMS|WHATSAPP)\b/gi)].map((m) => m[1].toUpperCase());
	const fields = named.length ? named : fromMessage;
	// Another identifier (email, ext_id) held by someone else is not a shared household number.
	if (fields.length === 0 || fields.some((f) => !(PHONE_FIELDS as readonly string[]).includes(f))) return [];
	return PHONE_FIELDS.filter((f) => fields.includes(f));
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
export async function upsertContact(client: BrevoClient, input: ContactInput, options: UpsertOptions = {}): Promise<UpsertResult> {
	let body = buildUpsertContact(input);
	const identifier = primaryIdentifier(input)!;
	const skippedFields: SkippedField[] = [];
	let created: z.output<typeof createContactSchema>;
	for (;;) {
		try {
			created = await client.sendFor(
				{ method: 'POST', path: '/contacts', body, action: `create or update the contact ${identifier.value}`, repeatable: true },
				createContactSchema,
			);
			break;
		} catch (error) {
			const attributes = { ...(body.attributes ?? {}) };
			const fields = duplicatePhoneFields(error).filter((f) => attributes[f] !== undefined);
			// The number that names the contact cannot be left out: there would be nothing to find it by.
			if (fields.length === 0 || fields.some((f) => PRIMARY_PHONE[f] === identifier.kind)) throw error;
			if ((options.sharedPhoneNumbers ?? 'fail') === 'fail') throw withSharedNumberHint(error as BrevoApiError);
			for (const field of fields) {
				skippedFields.push({ field, value: String(attributes[field]), reason: `another Brevo contact already has this ${field === 'SMS' ? 'SMS' : 'WhatsApp'} number` });
				delete attributes[field];
			}
			// Sent again without the numbers: each round leaves out at least one, so this ends.
			body = compact({ ...body, attributes: Object.keys(attributes).length ? attributes : undefined });
		}
	}
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
	return { created: id !== undefined, id, identifier, skippedFields };
}

const PRIMARY_PHONE: Record<SkippedField['field'], ContactIdentifierKind> = { SMS: 'phone_id', WHATSAPP: 'whatsapp_id' };

/** The duplicate error, with what to do when two people share a number. */
function withSharedNumberHint(error: BrevoApiError): BrevoApiError {
	const { failure, summary, request, status, code, brevoMessage, detail, metadata, responseBody, attempts, elapsedMs, uncertain } = error;
	return new BrevoApiError({
		failure,
		summary,
		request,
		status,
		code,
		brevoMessage,
		detail,
		metadata,
		responseBody,
		attempts,
		elapsedMs,
		uncertain,
		hint: `${error.hint} If two people share the number (e.g. a household), set "If the Phone Number Belongs to Another Contact" to "Save the Contact Without It".`,
		cause: error,
	});
}

const PHONE_KINDS: ReadonlySet<ContactIdentifierKind> = new Set(['phone_id', 'whatsapp_id', 'landline_number_id']);

/**
 * The identifier as a lookup sends it, checked first: an empty value would turn the call into
 * GET /contacts (every contact); a phone number is written as Brevo stores it, `+` and digits
 * (`+33 6 12-34-56-78` and `0033612345678` → `+33612345678`). A number without its country code
 * is refused rather than looked up: Brevo would not find it, and "unknown contact" must not be
 * read as "no opt-out on record".
 */
export function lookupIdentifier(identifier: ContactIdentifier): ContactIdentifier {
	const label = IDENTIFIER_LABELS[identifier.kind] ?? identifier.kind;
	const value = identifier.value?.trim() ?? '';
	const problems = new Problems();
	let hint = 'Give the identifier, e.g. map the email with an expression such as {{ $json.email }}.';
	if (!value) problems.add('identifier', `the contact's ${label} is empty`);
	else if (identifier.kind === 'contact_id' && !/^\d+$/.test(value)) problems.add('identifier', `"${value}" is not a Brevo contact ID (a whole number)`);
	else if (PHONE_KINDS.has(identifier.kind)) {
		const phone = compactPhone(value);
		hint = 'Write the number in international form, with + and the country code, e.g. +33612345678 (spaces, dots, dashes and brackets are fine).';
		if (/^0(?!0)/.test(phone)) problems.add('identifier', `"${value}" has no country code (it starts with a single 0, a national number)`);
		else if (!isValidPhone(phone)) problems.add('identifier', `"${value}" is not a ${label} with its country code (6 to 15 digits, optionally after + or 00)`);
		else return { kind: identifier.kind, value: phone.startsWith('+') ? phone : `+${phone}` };
	}
	problems.throwIfAny('The contact cannot be looked up in Brevo:', hint);
	return { kind: identifier.kind, value };
}

/** GET /contacts/{identifier}: the contact, or a `not_found` BrevoApiError. */
export async function getContact(client: BrevoClient, given: ContactIdentifier): Promise<ContactDetails> {
	const identifier = lookupIdentifier(given);
	const label = IDENTIFIER_LABELS[identifier.kind] ?? identifier.kind;
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
