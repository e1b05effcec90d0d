import { phoneDigits } from '../contacts/phone-numbers';
import type { ContactRecord, EmailRecord, EventRecord, OrderRecord, SmsRecord, WhatsappRecord } from '../model';

/** Filters of the control API's reads; every field is optional and they combine with AND. */

export interface ContactFilter {
	id?: number;
	email?: string;
	extId?: string;
	listId?: number;
}
export interface EventFilter {
	eventName?: string;
	email?: string;
	contactId?: number;
	extId?: string;
}
export interface EmailFilter {
	to?: string;
	templateId?: number;
	tag?: string;
}
export interface SmsFilter {
	recipient?: string;
	tag?: string;
}
export interface WhatsappFilter {
	contactNumber?: string;
	templateId?: number;
}
export interface OrderFilter {
	id?: string;
	status?: string;
	email?: string;
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

export function matchContact(c: ContactRecord, f: ContactFilter): boolean {
	return (
		(f.id === undefined || c.id === f.id) &&
		(f.email === undefined || same(c.email, f.email)) &&
		(f.extId === undefined || c.attributes.EXT_ID === f.extId) &&
		(f.listId === undefined || c.listIds.includes(f.listId))
	);
}

export function matchEvent(e: EventRecord, f: EventFilter): boolean {
	return (
		(f.eventName === undefined || e.event_name === f.eventName) &&
		(f.email === undefined || same(e.identifiers.email_id, f.email)) &&
		(f.contactId === undefined || e.contact_id === f.contactId) &&
		(f.extId === undefined || e.identifiers.ext_id === f.extId)
	);
}

export function matchEmail(e: EmailRecord, f: EmailFilter): boolean {
	const recipients = [...e.to, ...((e.messageVersions ?? []) as Array<{ to?: Array<{ email: string }> }>).flatMap((v) => v.to ?? [])];
	return (
		(f.to === undefined || recipients.some((r) => same(r.email, f.to as string))) &&
		(f.templateId === undefined || e.templateId === f.templateId) &&
		(f.tag === undefined || (e.tags ?? []).includes(f.tag))
	);
}

export function matchSms(s: SmsRecord, f: SmsFilter): boolean {
	const tags = Array.isArray(s.tag) ? s.tag : s.tag === undefined ? [] : [s.tag];
	return (f.recipient === undefined || phoneDigits(s.recipient) === phoneDigits(f.recipient)) && (f.tag === undefined || tags.includes(f.tag));
}

export function matchWhatsapp(w: WhatsappRecord, f: WhatsappFilter): boolean {
	return (
		(f.contactNumber === undefined || w.contactNumbers.some((n) => phoneDigits(n) === phoneDigits(f.contactNumber as string))) &&
		(f.templateId === undefined || w.templateId === f.templateId)
	);
}

export function matchOrder(o: OrderRecord, f: OrderFilter): boolean {
	return (
		(f.id === undefined || o.id === f.id) &&
		(f.status === undefined || o.status === f.status) &&
		(f.email === undefined || same(o.identifiers?.email_id, f.email))
	);
}
