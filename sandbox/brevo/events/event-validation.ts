import { badRequest, BrevoRequestError } from '../errors';
import type { EventIdentifiers } from '../model';
import { isRecord, isValidEmail } from '../request-checks';
import { isValidPhone } from '../contacts/phone-numbers';

/** A custom event after validation, before it is attributed to a contact. */
export interface ValidEvent {
	event_name: string;
	event_date?: string;
	identifiers: EventIdentifiers;
	contact_properties?: Record<string, unknown>;
	event_properties?: Record<string, unknown>;
	object?: unknown;
}

const STRING_IDENTIFIERS = ['email_id', 'ext_id', 'phone_id', 'whatsapp_id', 'landline_number_id'] as const;
const PHONE_IDENTIFIERS = new Set(['phone_id', 'whatsapp_id', 'landline_number_id']);
/** Brevo: "Limited to 255 characters, alphanumerical characters and - _ only" (names and property keys). */
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;
/** Brevo: event_properties "Size is limited to 50Kb". */
const MAX_PROPERTIES_BYTES = 50 * 1024;

/**
 * Checks one event as POST /events does (and each item of /events/batch). `batch` allows boolean
 * contact properties, which only the batch model lists. Throws Brevo's 400 on the first problem.
 */
export function validateEvent(raw: unknown, batch = false): ValidEvent {
	if (!isRecord(raw)) badRequest('bad_request', 'Input must be a valid JSON object');
	const body = raw as Record<string, unknown>;

	if (body.event_name === undefined || body.event_name === null || body.event_name === '') badRequest('missing_parameter', 'event_name is required');
	if (typeof body.event_name !== 'string' || !NAME_PATTERN.test(body.event_name)) {
		badRequest('invalid_parameter', 'event_name is invalid: at most 255 characters, only alphanumerical characters, "-" and "_" are allowed');
	}
	const event: ValidEvent = { event_name: body.event_name as string, identifiers: readIdentifiers(body.identifiers) };

	if (body.event_date !== undefined) {
		if (typeof body.event_date !== 'string' || Number.isNaN(Date.parse(body.event_date))) {
			badRequest('invalid_parameter', 'event_date should be a valid timestamp, e.g. "2024-01-24T17:39:57+01:00"');
		}
		event.event_date = body.event_date as string;
	}
	if (body.contact_properties !== undefined) event.contact_properties = readContactProperties(body.contact_properties, batch);
	if (body.event_properties !== undefined) event.event_properties = readEventProperties(body.event_properties);
	if (body.object !== undefined) {
		if (!isRecord(body.object)) badRequest('invalid_parameter', 'object should be an object with type and identifiers');
		event.object = body.object;
	}
	return event;
}

/** Like validateEvent, but returns the error message instead of throwing (batch items). */
export function checkEvent(raw: unknown): { event: ValidEvent } | { error: string } {
	try {
		return { event: validateEvent(raw, true) };
	} catch (error) {
		if (error instanceof BrevoRequestError) return { error: error.message };
		throw error;
	}
}

function readIdentifiers(raw: unknown): EventIdentifiers {
	if (raw === undefined || raw === null) badRequest('missing_parameter', 'identifiers is required');
	if (!isRecord(raw)) badRequest('invalid_parameter', 'identifiers should be an object');
	const input = raw as Record<string, unknown>;
	const identifiers: EventIdentifiers = {};
	for (const key of STRING_IDENTIFIERS) {
		const value = input[key];
		if (value === undefined || value === null || value === '') continue;
		if (typeof value !== 'string') badRequest('invalid_parameter', `identifiers.${key} should be a string`);
		if (key === 'email_id' && !isValidEmail(value as string)) badRequest('invalid_parameter', 'identifiers.email_id is not a valid email address');
		if (PHONE_IDENTIFIERS.has(key) && !isValidPhone(value as string)) badRequest('invalid_parameter', `identifiers.${key} is not a valid phone number`);
		identifiers[key] = value as string;
	}
	if (input.contact_id !== undefined && input.contact_id !== null) {
		if (!Number.isInteger(input.contact_id) || (input.contact_id as number) <= 0) badRequest('invalid_parameter', 'identifiers.contact_id should be a positive integer');
		identifiers.contact_id = input.contact_id as number;
	}
	if (Object.keys(identifiers).length === 0) {
		badRequest('missing_parameter', 'identifiers should contain at least one of email_id, ext_id, phone_id, whatsapp_id, landline_number_id, contact_id');
	}
	return identifiers;
}

function readContactProperties(raw: unknown, batch: boolean): Record<string, unknown> {
	if (!isRecord(raw)) badRequest('invalid_parameter', 'contact_properties should be an object');
	for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
		const ok = typeof value === 'string' || typeof value === 'number' || (batch && typeof value === 'boolean');
		if (!ok) badRequest('invalid_parameter', `contact_properties.${key} should be a string or a number`);
	}
	return raw as Record<string, unknown>;
}

function readEventProperties(raw: unknown): Record<string, unknown> {
	if (!isRecord(raw)) badRequest('invalid_parameter', 'event_properties should be an object');
	const badKey = Object.keys(raw as Record<string, unknown>).find((key) => !NAME_PATTERN.test(key));
	if (badKey !== undefined) badRequest('invalid_parameter', `event_properties key "${badKey}" is invalid: only alphanumerical characters, "-" and "_" are allowed`);
	if (Buffer.byteLength(JSON.stringify(raw)) > MAX_PROPERTIES_BYTES) badRequest('invalid_parameter', 'event_properties is larger than 50Kb');
	return raw as Record<string, unknown>;
}
