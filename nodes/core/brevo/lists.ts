import { z } from 'zod';
import type { BrevoClient } from './client';
import { segment } from './urls';
import { Problems } from './validation';

/**
 * Contact lists and their folders (API reference: getLists, getFolders, getFolderLists,
 * createList). Brevo lets two lists have the same name, so "create" can first look for one.
 */

/** A list as GET /contacts/lists gives it (getLists: `folderId` required there; absent per folder). */
const listSchema = z
	.object({
		id: z.number(),
		name: z.string(),
		totalSubscribers: z.number().optional(),
		totalBlacklisted: z.number().optional(),
		uniqueSubscribers: z.number().optional(),
		folderId: z.number().optional(),
	})
	.passthrough();
const listsPageSchema = z.object({ lists: z.array(listSchema).optional().default([]), count: z.number().optional() }).passthrough();
const foldersPageSchema = z.object({ folders: z.array(z.object({ id: z.number(), name: z.string() }).passthrough()).optional().default([]), count: z.number().optional() }).passthrough();
const createdSchema = z.object({ id: z.number() }).passthrough();

export interface ContactList {
	id: number;
	name: string;
	folderId?: number;
	/** The folder's name, when the folders were read. */
	folderName?: string;
	totalSubscribers?: number;
	totalBlacklisted?: number;
	uniqueSubscribers?: number;
}

export interface ContactFolder {
	id: number;
	name: string;
}

/** The API's page size maximum for lists and folders. */
const PAGE = 50;
/** 2,000 lists or folders: a broken `count` cannot loop forever. */
const MAX_PAGES = 40;

/**
 * Reads pages of `limit` (at most 50) from the oldest on, until `max` items, a short page, or
 * `count` says there are no more.
 */
async function readPages<T>(max: number, readPage: (limit: number, offset: number) => Promise<{ items: T[]; count?: number }>): Promise<T[]> {
	const all: T[] = [];
	for (let page = 0; page < MAX_PAGES && all.length < max; page++) {
		const limit = Math.min(PAGE, max - all.length);
		const { items, count } = await readPage(limit, page * PAGE);
		all.push(...items.slice(0, max - all.length));
		if (items.length < limit || (count !== undefined && page * PAGE + items.length >= count)) break;
		if (limit < PAGE) break;
	}
	return all;
}

/** GET /contacts/folders, every folder (oldest first). */
export async function listFolders(client: BrevoClient): Promise<ContactFolder[]> {
	return readPages(Number.POSITIVE_INFINITY, async (limit, offset) => {
		const body = await client.sendFor({ method: 'GET', path: '/contacts/folders', query: { limit, offset, sort: 'asc' }, action: 'list the contact folders' }, foldersPageSchema);
		return { items: body.folders.map((f) => ({ id: f.id, name: f.name })), count: body.count };
	});
}

export interface GetListsOptions {
	/** Only the lists of this folder (GET /contacts/folders/{folderId}/lists). */
	folderId?: number;
	/** At most this many (default: all). */
	limit?: number;
	/** Add each list's folder name (one more read of the folders). */
	withFolderNames?: boolean;
}

/** The account's contact lists, oldest first, each with its folder. */
export async function getLists(client: BrevoClient, options: GetListsOptions = {}): Promise<ContactList[]> {
	const problems = new Problems();
	const { folderId } = options;
	if (folderId !== undefined && (!Number.isInteger(folderId) || folderId <= 0)) problems.add('folderId', `${folderId} is not a Brevo folder ID (a positive whole number)`);
	if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1)) problems.add('limit', `${options.limit} is not a number of lists (1 or more)`);
	problems.throwIfAny('The lists cannot be read from Brevo:', 'Correct the fields named and run again.');

	const path = folderId === undefined ? '/contacts/lists' : `/contacts/folders/${segment(folderId)}/lists`;
	const action = folderId === undefined ? 'list the contact lists' : `list the contact lists of folder ${folderId}`;
	const lists = await readPages(options.limit ?? Number.POSITIVE_INFINITY, async (limit, offset) => {
		const body = await client.sendFor(
			{ method: 'GET', path, query: { limit, offset, sort: 'asc' }, action, hints: { notFound: `Brevo has no folder ${folderId}. Pick the folder from the list, or find its ID in Brevo under Contacts → Lists.` } },
			listsPageSchema,
		);
		return { items: body.lists, count: body.count };
	});
	const folders = options.withFolderNames ? new Map((await listFolders(client)).map((f) => [f.id, f.name])) : undefined;
	return lists.map((l) => {
		// The per-folder answer (getFolderLists) leaves the folder out: it is the one asked for.
		const inFolder = l.folderId ?? folderId;
		const list: ContactList = { id: l.id, name: l.name, folderId: inFolder };
		const folderName = inFolder === undefined ? undefined : folders?.get(inFolder);
		if (folderName !== undefined) list.folderName = folderName;
		for (const key of ['totalSubscribers', 'totalBlacklisted', 'uniqueSubscribers'] as const) if (l[key] !== undefined) list[key] = l[key];
		return list;
	});
}

export interface CreateListInput {
	name: string;
	folderId: number;
	/**
	 * `reuse` (default): when a list with this name exists (anywhere in the account, name compared
	 * without surrounding spaces and ignoring case), return it instead of creating another.
	 * `create`: always create; Brevo accepts a second list with the same name.
	 */
	ifNameExists?: 'reuse' | 'create';
}

export interface CreateListResult {
	/** True when a new list was made, false when an existing one was returned. */
	created: boolean;
	list: ContactList;
}

/** The comparison "a list with this name" uses. */
export function sameListName(a: string, b: string): boolean {
	return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/**
 * POST /contacts/lists (createList: `name` and `folderId` required; 201 `{id}`), by default only
 * when no list has the name yet, so that running a setup flow again creates nothing twice. Not
 * repeated after a timeout or 5xx (a second list could appear); with `reuse`, running the flow
 * again finds the list if the first call did create it.
 */
export async function createList(client: BrevoClient, input: CreateListInput): Promise<CreateListResult> {
	const problems = new Problems();
	const name = input.name?.trim() ?? '';
	if (!name) problems.add('name', 'the list name is required');
	if (!Number.isInteger(input.folderId) || input.folderId <= 0) problems.add('folderId', `${String(input.folderId)} is not a Brevo folder ID (a positive whole number)`);
	problems.throwIfAny('The list cannot be created in Brevo:', 'Give the list a name and pick its folder (Brevo under Contacts → Lists shows the folders).');

	if ((input.ifNameExists ?? 'reuse') === 'reuse') {
		const existing = (await getLists(client)).filter((l) => sameListName(l.name, name));
		// Brevo may already hold several (made by hand, or with "create" chosen): the oldest is the one setups made first.
		const exact = existing.find((l) => l.name === name) ?? existing[0];
		// The same fields as a new list, so that a flow reads both alike.
		if (exact) return { created: false, list: { id: exact.id, name: exact.name, folderId: exact.folderId } };
	}
	const answer = await client.sendFor(
		{
			method: 'POST',
			path: '/contacts/lists',
			body: { name, folderId: input.folderId },
			action: `create the list "${name}"`,
			hints: { invalid: 'Check the folder: it must exist in Brevo (Contacts → Lists → folders).' },
		},
		createdSchema,
	);
	return { created: true, list: { id: answer.id, name, folderId: input.folderId } };
}
