import type { Router, SandboxRequest, SandboxResponse } from '../../http/router';
import { findContact } from '../contacts/contact-lookup';
import { contactDetails } from '../contacts/contact-view';
import type { BrevoContext } from '../context';
import { badRequest, notFound } from '../errors';
import type { ContactRecord, FolderRecord, ListRecord } from '../model';
import { dateQuery, idParam, isValidEmail, objectBody, optionalInteger, pageQuery, paginate, requiredString } from '../request-checks';
import type { BrevoState } from '../state/brevo-state';

/** Contact lists: list, create, read, delete, members, add and remove contacts; folders and their lists. */
export function registerListRoutes(router: Router, ctx: BrevoContext): void {
	router.get('/v3/contacts/folders', (req) => {
		const { items, count } = paginate([...ctx.state.folders.values()], pageQuery(req, { limit: 10, max: 50 }), (f) => String(f.id).padStart(12, '0'));
		return { status: 200, body: { folders: items.map((f) => folderSummary(ctx.state, f)), count } };
	});
	router.get('/v3/contacts/folders/{folderId}/lists', (req) => {
		const folder = ctx.state.folders.get(idParam(req.params.folderId, 'folderId')) ?? notFound('Folder ID does not exist');
		const inFolder = [...ctx.state.lists.values()].filter((l) => l.folderId === folder.id);
		const { items, count } = paginate(inFolder, pageQuery(req, { limit: 10, max: 50 }), (l) => l.createdAt);
		// getFolderLists: the lists without their folderId (the folder is the one asked for).
		const lists = items.map((l) => {
			const { folderId: _folder, ...summary } = listSummary(ctx.state, l);
			return summary;
		});
		return { status: 200, body: { lists, count } };
	});
	router.get('/v3/contacts/lists', (req) => {
		const { items, count } = paginate([...ctx.state.lists.values()], pageQuery(req, { limit: 10, max: 50 }), (l) => l.createdAt);
		return { status: 200, body: { lists: items.map((l) => listSummary(ctx.state, l)), count } };
	});
	router.post('/v3/contacts/lists', (req) => createList(ctx, req));
	router.get('/v3/contacts/lists/{listId}', (req) => {
		const list = requireList(ctx.state, req.params.listId);
		return { status: 200, body: { ...listSummary(ctx.state, list), createdAt: list.createdAt, campaignStats: [], dynamicList: false } };
	});
	router.delete('/v3/contacts/lists/{listId}', (req) => {
		const list = requireList(ctx.state, req.params.listId);
		ctx.state.lists.delete(list.id);
		for (const contact of ctx.state.contacts.values()) contact.listIds = contact.listIds.filter((id) => id !== list.id);
		return { status: 204 };
	});
	router.get('/v3/contacts/lists/{listId}/contacts', (req) => {
		const list = requireList(ctx.state, req.params.listId);
		const page = pageQuery(req, { limit: 50, max: 500 });
		const modifiedSince = dateQuery(req, 'modifiedSince');
		const members = [...ctx.state.contacts.values()].filter(
			(c) => c.listIds.includes(list.id) && (modifiedSince === undefined || Date.parse(c.modifiedAt) > modifiedSince),
		);
		const { items, count } = paginate(members, page, (c) => c.createdAt);
		return { status: 200, body: { contacts: items.map(contactDetails), count } };
	});
	router.post('/v3/contacts/lists/{listId}/contacts/add', (req) => changeMembership(ctx, req, 'add'));
	router.post('/v3/contacts/lists/{listId}/contacts/remove', (req) => changeMembership(ctx, req, 'remove'));
}

function requireList(state: BrevoState, raw: string): ListRecord {
	return state.lists.get(idParam(raw, 'listId')) ?? notFound('List ID does not exist');
}

/** getList fields; subscriber counts are computed from the contacts, as Brevo reports them. */
function listSummary(state: BrevoState, list: ListRecord): Record<string, unknown> {
	const members = [...state.contacts.values()].filter((c) => c.listIds.includes(list.id));
	const blacklisted = members.filter((c) => c.emailBlacklisted).length;
	return {
		id: list.id,
		name: list.name,
		totalBlacklisted: blacklisted,
		totalSubscribers: members.length - blacklisted,
		uniqueSubscribers: members.length,
		folderId: list.folderId,
	};
}

/** getFolder fields: the subscriber counts of the folder's lists together. */
function folderSummary(state: BrevoState, folder: FolderRecord): Record<string, unknown> {
	const listIds = new Set([...state.lists.values()].filter((l) => l.folderId === folder.id).map((l) => l.id));
	const members = [...state.contacts.values()].filter((c) => c.listIds.some((id) => listIds.has(id)));
	const blacklisted = members.filter((c) => c.emailBlacklisted).length;
	return { id: folder.id, name: folder.name, totalBlacklisted: blacklisted, totalSubscribers: members.length - blacklisted, uniqueSubscribers: members.length };
}

function createList(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const body = objectBody(req);
	const name = requiredString(body, 'name');
	const folderId = optionalInteger(body, 'folderId');
	if (folderId === undefined) badRequest('missing_parameter', 'folderId is missing');
	if (!ctx.state.folders.has(folderId as number)) badRequest('invalid_parameter', 'Folder ID does not exist');
	const list: ListRecord = { id: ctx.state.nextListId(), name, folderId: folderId as number, createdAt: ctx.now() };
	ctx.state.lists.set(list.id, list);
	return { status: 201, body: { id: list.id } };
}

type Selector = { key: 'emails' | 'ids' | 'extIds'; values: Array<string | number> };

/**
 * Adds or removes existing contacts by `emails`, `ids` or `extIds` (at most 150), or removes all
 * with `all: true`. Contacts that do not exist or are already in/out of the list are reported in
 * `failure`; when nothing succeeds Brevo answers 400 instead.
 */
function changeMembership(ctx: BrevoContext, req: SandboxRequest, action: 'add' | 'remove'): SandboxResponse {
	const list = requireList(ctx.state, req.params.listId);
	const body = objectBody(req);
	if (action === 'remove' && body.all === true) {
		const members = [...ctx.state.contacts.values()].filter((c) => c.listIds.includes(list.id));
		for (const contact of members) leave(contact, list.id, ctx.now());
		return { status: 201, body: { contacts: { total: members.length, processId: ctx.state.nextBatchId() } } };
	}
	const selector = readSelector(body, action);
	const success: Array<string | number> = [];
	const failure: Array<string | number> = [];
	for (const value of selector.values) {
		const contact = lookup(ctx.state, selector.key, value);
		const member = contact?.listIds.includes(list.id) ?? false;
		if (!contact || (action === 'add' ? member : !member)) {
			failure.push(value);
			continue;
		}
		if (action === 'add') join(contact, list.id, ctx.now());
		else leave(contact, list.id, ctx.now());
		success.push(value);
	}
	if (success.length === 0) {
		badRequest('invalid_parameter', action === 'add' ? 'Contact already in list and/or does not exist' : 'Contact already removed from list and/or does not exist');
	}
	return { status: 201, body: { contacts: { success, failure } } };
}

function readSelector(body: Record<string, unknown>, action: 'add' | 'remove'): Selector {
	const given = (['emails', 'ids', 'extIds'] as const).filter((key) => body[key] !== undefined);
	if (given.length === 0) badRequest('missing_parameter', action === 'add' ? 'emails, ids or extIds is required' : 'emails, ids, extIds or all is required');
	if (given.length > 1) badRequest('invalid_parameter', 'Pass only one of emails, ids or extIds');
	const key = given[0];
	const values = body[key];
	if (!Array.isArray(values) || values.length === 0) badRequest('invalid_parameter', `${key} should be a non-empty array`);
	const list = values as unknown[];
	if (list.length > 150) badRequest('out_of_range', `You can pass a maximum of 150 ${key} in one request`);
	const typeOk = key === 'ids' ? list.every((v) => Number.isInteger(v)) : list.every((v) => typeof v === 'string');
	if (!typeOk) badRequest('invalid_parameter', `${key} should be an array of ${key === 'ids' ? 'integers' : 'strings'}`);
	if (key === 'emails' && !list.every((v) => isValidEmail(v as string))) badRequest('invalid_parameter', 'Invalid email address in emails');
	return { key, values: list as Array<string | number> };
}

function lookup(state: BrevoState, key: Selector['key'], value: string | number): ContactRecord | undefined {
	if (key === 'emails') return findContact(state, 'email_id', value);
	if (key === 'ids') return findContact(state, 'contact_id', value);
	return findContact(state, 'ext_id', value);
}

function join(contact: ContactRecord, listId: number, now: string): void {
	contact.listIds.push(listId);
	contact.modifiedAt = now;
}

function leave(contact: ContactRecord, listId: number, now: string): void {
	contact.listIds = contact.listIds.filter((id) => id !== listId);
	contact.modifiedAt = now;
}
