import { q, type Router, type SandboxRequest, type SandboxResponse } from '../../http/router';
import { resolveContact } from '../contacts/contact-lookup';
import { contactDetails, extendedContactDetails } from '../contacts/contact-view';
import { applyChanges, conflicts, hasIdentifier, hasKeyIdentifier, insertContact, isPhoneField, prepareChanges, type ContactChanges } from '../contacts/contact-writes';
import type { BrevoContext } from '../context';
import { badRequest } from '../errors';
import type { ContactRecord } from '../model';
import {
	dateQuery,
	integerQuery,
	objectBody,
	optionalBoolean,
	optionalIntegerArray,
	optionalObject,
	optionalString,
	optionalStringArray,
	pageQuery,
	paginate,
} from '../request-checks';

/** POST/GET /contacts and GET/PUT/DELETE /contacts/{identifier}. */
export function registerContactRoutes(router: Router, ctx: BrevoContext): void {
	router.post('/v3/contacts', (req) => createContact(ctx, req));
	router.get('/v3/contacts', (req) => listContacts(ctx, req));
	router.get('/v3/contacts/{identifier}', (req) => {
		const contact = resolveContact(ctx.state, req.params.identifier, q(req, 'identifierType'), { phoneWithoutType: true });
		return { status: 200, body: extendedContactDetails(contact) };
	});
	router.put('/v3/contacts/{identifier}', (req) => updateContact(ctx, req));
	router.delete('/v3/contacts/{identifier}', (req) => {
		const contact = resolveContact(ctx.state, req.params.identifier, q(req, 'identifierType'), { phoneWithoutType: false });
		ctx.state.contacts.delete(contact.id);
		return { status: 204 };
	});
}

function readChanges(body: Record<string, unknown>): ContactChanges {
	return {
		email: optionalString(body, 'email'),
		extId: optionalString(body, 'ext_id'),
		attributes: optionalObject(body, 'attributes'),
		emailBlacklisted: optionalBoolean(body, 'emailBlacklisted'),
		smsBlacklisted: optionalBoolean(body, 'smsBlacklisted'),
		// whatsappBlacklisted is read-only here: neither the spec nor the SDK lets a client set it
		// (the control API's consent route does, to simulate an opt-out).
		listIds: optionalIntegerArray(body, 'listIds'),
		unlinkListIds: optionalIntegerArray(body, 'unlinkListIds'),
		smtpBlacklistSender: optionalStringArray(body, 'smtpBlacklistSender'),
	};
}

/**
 * 201 `{id}` for a new contact; with `updateEnabled: true` an existing contact is updated and the
 * answer is 204; without it, 400 `duplicate_parameter`. The contact to update is the one the
 * email or ext_id names (the phone numbers only when neither is given). An identifier that another
 * contact holds is a 400 `duplicate_parameter` naming it in `metadata.duplicate_identifiers`: Brevo
 * keeps each email, ext_id and phone number on one contact, and merges two contacts only when
 * asked (`forceMerge`, "When false (default), a 4xx error is returned on identifier conflict").
 * So two customers sharing a phone number (a household) cannot both have it as SMS.
 */
function createContact(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const body = objectBody(req);
	const updateEnabled = optionalBoolean(body, 'updateEnabled') ?? false;
	const changes = readChanges(body);
	delete changes.unlinkListIds;
	const prepared = prepareChanges(ctx.state, changes);
	if (!hasIdentifier(prepared)) badRequest('missing_parameter', 'email, ext_id or attributes.SMS is required to create a contact');

	const existing = conflicts(ctx.state, prepared);
	if (existing.length === 0) {
		const contact = insertContact(ctx.state, prepared, ctx.now());
		return { status: 201, body: { id: contact.id } };
	}
	const fieldsOf = (list: typeof existing) => [...new Set(list.map((c) => c.field))];
	if (!updateEnabled) {
		const fields = fieldsOf(existing);
		badRequest('duplicate_parameter', `Unable to create contact, ${fields.join(', ')} is already associated with another Contact`, { duplicate_identifiers: fields });
	}
	const naming = hasKeyIdentifier(prepared) ? existing.filter((c) => !isPhoneField(c.field)) : existing;
	const targets = [...new Set(naming.map((c) => c.contact))];
	if (targets.length > 1) {
		const fields = fieldsOf(naming);
		badRequest('duplicate_parameter', `Unable to update contact, ${fields.join(', ')} belong to different contacts`, { duplicate_identifiers: fields });
	}
	const target = targets[0];
	const clash = existing.filter((c) => c.contact !== target);
	if (clash.length > 0) {
		const fields = fieldsOf(clash);
		const verb = target ? 'update' : 'create';
		badRequest('duplicate_parameter', `Unable to ${verb} contact, ${fields.join(', ')} is already associated with another Contact`, { duplicate_identifiers: fields });
	}
	// Every holder of the given identifiers is the target here (the clash check above).
	applyChanges(target as ContactRecord, prepared, ctx.now());
	return { status: 204 };
}

function updateContact(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const contact = resolveContact(ctx.state, req.params.identifier, q(req, 'identifierType'), { phoneWithoutType: false });
	const changes = readChanges(objectBody(req));
	// updateContact has no `email` field; Brevo changes the email only through attributes.EMAIL.
	delete changes.email;
	const prepared = prepareChanges(ctx.state, changes);
	const clash = conflicts(ctx.state, prepared, contact.id);
	if (clash.length > 0) {
		const fields = [...new Set(clash.map((c) => c.field))];
		badRequest('duplicate_parameter', `Unable to update contact, ${fields.join(', ')} is already associated with another Contact`, {
			duplicate_identifiers: fields,
		});
	}
	applyChanges(contact, prepared, ctx.now());
	return { status: 204 };
}

/** GET /contacts: paginated (limit <= 1000), filtered by dates, lists and `equals(ATTR,"value")`. */
function listContacts(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const page = pageQuery(req, { limit: 50, max: 1000 });
	const modifiedSince = dateQuery(req, 'modifiedSince');
	const createdSince = dateQuery(req, 'createdSince');
	const listIds = (req.query.listIds ?? []).flatMap((v) => v.split(',')).filter(Boolean).map(Number);
	if (listIds.some((id) => !Number.isInteger(id))) badRequest('invalid_parameter', 'listIds should be integers');
	if (integerQuery(req, 'segmentId') !== undefined) {
		// Segments are not emulated; answering all contacts instead would hide the gap.
		if (listIds.length > 0) badRequest('invalid_parameter', 'Either listIds or segmentId can be passed');
		badRequest('invalid_parameter', 'segmentId is not supported by the Brevo sandbox');
	}
	const filter = parseFilter(q(req, 'filter'));

	const matching = [...ctx.state.contacts.values()].filter(
		(c) =>
			(modifiedSince === undefined || Date.parse(c.modifiedAt) > modifiedSince) &&
			(createdSince === undefined || Date.parse(c.createdAt) > createdSince) &&
			(listIds.length === 0 || listIds.some((id) => c.listIds.includes(id))) &&
			(filter === undefined || matchesFilter(c, filter)),
	);
	const { items, count } = paginate(matching, page, (c) => c.createdAt);
	return { status: 200, body: { contacts: items.map(contactDetails), count } };
}

function parseFilter(raw: string | undefined): { attribute: string; value: string } | undefined {
	if (raw === undefined || raw === '') return undefined;
	const match = /^equals\(\s*([A-Za-z0-9_]+)\s*,\s*"?([^")]*)"?\s*\)$/.exec(raw.trim());
	if (!match) badRequest('invalid_parameter', 'filter should look like equals(ATTRIBUTE,"value")');
	return { attribute: match![1], value: match![2] };
}

function matchesFilter(contact: ContactRecord, filter: { attribute: string; value: string }): boolean {
	const value = filter.attribute === 'EMAIL' ? contact.email : contact.attributes[filter.attribute];
	return value !== undefined && String(value) === filter.value;
}
