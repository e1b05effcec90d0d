import { z, type ZodTypeAny } from 'zod';
import { parseQueryString, type QueryInput } from './query';
import { v3Collection } from './schemas/common';
import { parseAt } from '../http';

/** What the walkers need from the client: one GET of the collection, and how to fail. */
export interface PageSource {
	get(query: QueryInput): Promise<{ status: number; body: unknown }>;
	/** Builds the error for a page that does not have the documented shape. */
	unexpected(status: number, problem: string, body: unknown): Error;
}

/** Stops a walk that would never end (a server repeating the same page or cursor). */
const MAX_PAGES = 100_000;

/**
 * v3 offset pages: `?page=N&limit=L`, until `meta.pagination.current_page` reaches
 * `total_pages` (or a page comes back empty, or there is no pagination block).
 */
export async function* v3OffsetPages<S extends ZodTypeAny>(
	source: PageSource,
	query: QueryInput,
	pageSize: number,
	itemSchema: S,
): AsyncGenerator<Array<z.output<S>>, void, undefined> {
	const envelope = v3Collection(itemSchema);
	for (let page = 1; page <= MAX_PAGES; ) {
		const { status, body } = await source.get({ ...query, page, limit: pageSize });
		const parsed = parseAt(envelope, body);
		if (!parsed.ok) throw source.unexpected(status, parsed.problem, body);
		const items = parsed.value.data as Array<z.output<S>>;
		if (items.length > 0) yield items;
		const pagination = parsed.value.meta?.pagination;
		if (!pagination || items.length === 0 || pagination.current_page >= pagination.total_pages) return;
		page = Math.max(page + 1, pagination.current_page + 1);
	}
}

/**
 * v3 cursor pages (`meta.cursor_pagination`): the first page with `limit` only, then
 * `after=<end_cursor>` while BigCommerce gives a `links.next`.
 */
export async function* v3CursorPages<S extends ZodTypeAny>(
	source: PageSource,
	query: QueryInput,
	pageSize: number,
	itemSchema: S,
): AsyncGenerator<Array<z.output<S>>, void, undefined> {
	const envelope = v3Collection(itemSchema);
	let after: string | undefined;
	for (let page = 1; page <= MAX_PAGES; page++) {
		const { status, body } = await source.get({ ...query, limit: pageSize, after });
		const parsed = parseAt(envelope, body);
		if (!parsed.ok) throw source.unexpected(status, parsed.problem, body);
		const items = parsed.value.data as Array<z.output<S>>;
		if (items.length > 0) yield items;
		const cursor = parsed.value.meta?.cursor_pagination;
		const nextLink = cursor?.links?.next;
		if (!cursor || !nextLink || items.length === 0) return;
		const next = parseQueryString(nextLink).after ?? cursor.end_cursor;
		if (!next || next === after) return;
		after = next;
	}
}

/**
 * v2 pages: bare arrays, `?page=N&limit=L`, until a page is shorter than `limit`, empty, or
 * answered 204 No Content (which v2 lists send past the end).
 */
export async function* v2Pages<S extends ZodTypeAny>(
	source: PageSource,
	query: QueryInput,
	pageSize: number,
	itemSchema: S,
): AsyncGenerator<Array<z.output<S>>, void, undefined> {
	const list = z.array(itemSchema);
	for (let page = 1; page <= MAX_PAGES; page++) {
		const { status, body } = await source.get({ ...query, page, limit: pageSize });
		if (status === 204 || body === undefined) return;
		const parsed = parseAt(list, body, 'body');
		if (!parsed.ok) throw source.unexpected(status, parsed.problem, body);
		const items = parsed.value as Array<z.output<S>>;
		if (items.length > 0) yield items;
		if (items.length < pageSize) return;
	}
}
