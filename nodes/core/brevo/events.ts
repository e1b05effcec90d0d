import type { BrevoClient } from './client';
import { batchEventsSchema } from './responses';
import type { BatchEventItem, EventBody, EventIdentifiers } from './sdk-types';
import { compactPhone, isIsoDateTime, isPlainObject, isValidEmail, isValidPhone, Problems } from './validation';

type EventPropertyValue = NonNullable<EventBody['event_properties']>[string];

/**
 * Custom events (POST /events, POST /events/batch), checked as Brevo checks them: the event name
 * and property keys are at most 255 characters of letters, digits, `-` and `_`; at least one
 * identifier; event properties at most 50 KB; contact properties strings or numbers.
 */
export const EVENT_NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;
export const MAX_EVENT_PROPERTIES_BYTES = 50 * 1024;

export interface EventIdentifiersInput {
	email?: string;
	extId?: string;
	phone?: string;
	whatsapp?: string;
	landline?: string;
	contactId?: number | string;
}

export interface EventInput {
	eventName: string;
	identifiers: EventIdentifiersInput;
	/** Contact attributes to set with the event, e.g. `{ LOYALTY_TIER: 'Gold' }`. */
	contactProperties?: Record<string, unknown>;
	eventProperties?: Record<string, unknown>;
	/** When it happened; Brevo uses the time it receives the event when left out. */
	eventDate?: string | Date;
}

const HINT = 'Correct the event fields named and run again.';

/** Builds the body of POST /events (and an item of /events/batch), or throws BrevoValidationError. */
export function buildEvent(input: EventInput, where = ''): EventBody {
	const problems = new Problems(where);
	const name = typeof input.eventName === 'string' ? input.eventName.trim() : '';
	if (name === '') problems.add('event_name', 'is required');
	else if (!EVENT_NAME_PATTERN.test(name)) problems.add('event_name', `"${truncate(name)}" may only hold letters, digits, "-" and "_" (at most 255), e.g. order_shipped`);

	const event: EventBody = { event_name: name, identifiers: readIdentifiers(input.identifiers ?? {}, problems) };
	const date = readDate(input.eventDate, problems);
	if (date !== undefined) event.event_date = date;
	const contactProperties = readContactProperties(input.contactProperties, problems);
	if (contactProperties) event.contact_properties = contactProperties;
	const eventProperties = readEventProperties(input.eventProperties, problems);
	if (eventProperties) event.event_properties = eventProperties;

	problems.throwIfAny(`The event${name ? ` "${truncate(name)}"` : ''} cannot be sent to Brevo:`, HINT);
	return event;
}

/**
 * An item of POST /events/batch. The SDK's batch model has no booleans among top-level property
 * values (the single-event model has), so those go as "true"/"false"; nested values are kept.
 */
export function toBatchItem(event: EventBody): BatchEventItem {
	const { contact_properties, event_properties, ...rest } = event;
	const item: BatchEventItem = { ...rest };
	if (contact_properties) item.contact_properties = mapValues(contact_properties, (v) => (typeof v === 'boolean' ? String(v) : v));
	if (event_properties) item.event_properties = mapValues(event_properties, (v) => (typeof v === 'boolean' ? String(v) : v));
	return item;
}

function mapValues<V, W>(record: Record<string, V>, fn: (value: V) => W): Record<string, W> {
	return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}

export async function trackEvent(client: BrevoClient, event: EventBody): Promise<void> {
	await client.send({
		method: 'POST',
		path: '/events',
		body: event,
		action: `track the event "${event.event_name}"`,
		hints: { invalid: 'Check the event name, identifiers and properties against what Brevo names, and run again.' },
	});
}

/**
 * POST /events/batch with a bare array (see `sdk-types.ts`). Brevo answers 202 with the number of
 * events it queued; invalid items would be skipped silently, which is why they are checked here
 * first. Returns that number when Brevo gives it.
 */
export async function trackEvents(client: BrevoClient, events: BatchEventItem[]): Promise<{ queued?: number }> {
	const body = await client.sendFor(
		{ method: 'POST', path: '/events/batch', body: events, action: `track a batch of ${events.length} events` },
		batchEventsSchema,
	);
	return { queued: body?.count };
}

function readIdentifiers(input: EventIdentifiersInput, problems: Problems): EventIdentifiers {
	const identifiers: EventIdentifiers = {};
	const text = (value: unknown): string | undefined => (value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim());

	const email = text(input.email);
	if (email !== undefined) {
		if (isValidEmail(email)) identifiers.email_id = email;
		else problems.add('identifiers.email_id', `"${truncate(email)}" is not a valid email address`);
	}
	const extId = text(input.extId);
	if (extId !== undefined) identifiers.ext_id = extId;
	for (const [key, raw] of [
		['phone_id', input.phone],
		['whatsapp_id', input.whatsapp],
		['landline_number_id', input.landline],
	] as const) {
		const value = text(raw);
		if (value === undefined) continue;
		if (isValidPhone(value)) identifiers[key] = compactPhone(value);
		else problems.add(`identifiers.${key}`, `"${truncate(value)}" is not a phone number with its country code (6 to 15 digits, e.g. +33612345678)`);
	}
	const contactId = text(input.contactId);
	if (contactId !== undefined) {
		const id = Number(contactId);
		if (Number.isInteger(id) && id > 0) identifiers.contact_id = id;
		else problems.add('identifiers.contact_id', `"${truncate(contactId)}" is not a Brevo contact ID (a positive whole number)`);
	}
	if (Object.keys(identifiers).length === 0 && problems.empty) {
		problems.add('identifiers', 'at least one is required: email, ext_id, phone (SMS), WhatsApp, landline number or contact ID');
	}
	return identifiers;
}

function readDate(value: string | Date | undefined, problems: Problems): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date) {
		if (!Number.isNaN(value.getTime())) return value.toISOString();
	} else if (typeof value === 'string' && isIsoDateTime(value.trim())) {
		return value.trim();
	}
	problems.add('event_date', `"${truncate(String(value))}" is not a date-time with a time zone, e.g. 2024-01-24T17:39:57+01:00`);
	return undefined;
}

/**
 * Contact properties set contact attributes, whose names Brevo writes in capitals. Every source
 * (2025 spec, SDK, sandbox) accepts strings and numbers; booleans only some, so they are sent as
 * "true"/"false", which Brevo's boolean attributes take too.
 */
function readContactProperties(input: Record<string, unknown> | undefined, problems: Problems): Record<string, string | number> | undefined {
	if (input === undefined || input === null) return undefined;
	if (!isPlainObject(input)) {
		problems.add('contact_properties', 'should be an object of attribute names and values');
		return undefined;
	}
	const result: Record<string, string | number> = {};
	for (const [rawKey, value] of Object.entries(input)) {
		const key = rawKey.trim().toUpperCase();
		if (value === undefined || value === null || key === '') continue;
		if (typeof value === 'string') result[key] = value;
		else if (typeof value === 'number' && Number.isFinite(value)) result[key] = value;
		else if (typeof value === 'boolean') result[key] = String(value);
		else problems.add(`contact_properties.${key}`, 'should be text or a number');
	}
	return Object.keys(result).length ? result : undefined;
}

/** Top-level values: text, numbers, true/false, objects and lists (Brevo's model); empty ones are left out. */
function readEventProperties(input: Record<string, unknown> | undefined, problems: Problems): Record<string, EventPropertyValue> | undefined {
	if (input === undefined || input === null) return undefined;
	if (!isPlainObject(input)) {
		problems.add('event_properties', 'should be an object of property names and values');
		return undefined;
	}
	const result: Record<string, EventPropertyValue> = {};
	for (const [key, value] of Object.entries(input)) {
		if (value === undefined || value === null) continue;
		if (value instanceof Date) result[key] = value.toISOString();
		else if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) result[key] = value;
		else if (Array.isArray(value)) result[key] = value;
		else if (isPlainObject(value)) result[key] = value;
		else problems.add(`event_properties.${key}`, 'should be text, a number, true/false, an object or a list');
	}
	if (Object.keys(result).length === 0) return undefined;
	checkKeys(result, 'event_properties', problems, 0);
	const size = Buffer.byteLength(JSON.stringify(result), 'utf8');
	if (size > MAX_EVENT_PROPERTIES_BYTES) problems.add('event_properties', `is ${Math.ceil(size / 1024)} KB; Brevo takes at most 50 KB. Send fewer or shorter properties`);
	return result;
}

/** Keys at every level follow the event-name rule ("Keys are limited to 255 characters, alphanumerical characters and - _ only"). */
function checkKeys(value: unknown, path: string, problems: Problems, depth: number): void {
	if (depth > 20) return;
	if (Array.isArray(value)) {
		value.forEach((item, i) => checkKeys(item, `${path}[${i}]`, problems, depth + 1));
		return;
	}
	if (!isPlainObject(value)) return;
	for (const [key, inner] of Object.entries(value)) {
		if (!EVENT_NAME_PATTERN.test(key)) problems.add(`${path}`, `the key "${truncate(key)}" may only hold letters, digits, "-" and "_"`);
		checkKeys(inner, `${path}.${key}`, problems, depth + 1);
	}
}

function truncate(text: string, max = 60): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
