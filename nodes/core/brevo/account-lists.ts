import { z } from 'zod';
import type { BrevoClient } from './client';
import { getLists } from './lists';

/**
 * The account's contact lists and email templates, read page by page, for the node's drop-downs.
 * Page sizes are the API's maxima (GET /contacts/lists: 50, see lists.ts; GET /smtp/templates: 1000).
 */
const templatesPage = z
	.object({ templates: z.array(z.object({ id: z.number(), name: z.string(), isActive: z.boolean().optional() }).passthrough()).optional().default([]), count: z.number().optional() })
	.passthrough();

/** Stops after this many pages: a drop-down does not need more, and a broken count cannot loop forever. */
const MAX_PAGES = 40;

export async function listContactLists(client: BrevoClient): Promise<Array<{ id: number; name: string }>> {
	return (await getLists(client)).map((l) => ({ id: l.id, name: l.name }));
}

export async function listEmailTemplates(client: BrevoClient): Promise<Array<{ id: number; name: string }>> {
	const all: Array<{ id: number; name: string }> = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const body = await client.sendFor(
			{ method: 'GET', path: '/smtp/templates', query: { templateStatus: true, limit: 1000, offset: page * 1000, sort: 'asc' }, action: 'list the email templates' },
			templatesPage,
		);
		all.push(...body.templates.map((t) => ({ id: t.id, name: t.name })));
		if (body.templates.length < 1000 || (body.count !== undefined && all.length >= body.count)) break;
	}
	return all;
}
