import type { SandboxRequest } from '../../http/router';
import { ApiError } from './apiErrors';
import { paginate, type Pagination } from './pagination';

export interface CursorPagination {
	count: number;
	per_page: number;
	start_cursor?: string;
	end_cursor?: string;
	links: { previous?: string; current?: string; next?: string };
}

/** BigCommerce's cursors are base64 of `{"id":"…"}`. */
export function encodeCursor(id: number): string {
	return Buffer.from(JSON.stringify({ id: String(id) })).toString('base64');
}

function decodeCursor(cursor: string): number {
	try {
		const id = Number((JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { id?: unknown }).id);
		if (Number.isInteger(id)) return id;
	} catch {
		// fall through
	}
	throw new ApiError(422, 'The cursor is invalid.', { cursor });
}

/**
 * Offset and cursor pagination as customers v3 and promotion codes do it: the first page carries
 * both `pagination` and `cursor_pagination`, a later `page` only `pagination`, and a request with
 * `before`/`after` only `cursor_pagination`.
 */
export function paginateWithCursor<T extends { id: number }>(req: SandboxRequest, all: T[], defaultLimit = 50, maxLimit = 250) {
	const after = req.query.after?.[0];
	const before = req.query.before?.[0];
	if (after === undefined && before === undefined) {
		const page = paginate(req, all, defaultLimit, maxLimit);
		const meta: { pagination: Pagination; cursor_pagination?: CursorPagination } = { pagination: page.pagination };
		if (page.page === 1) meta.cursor_pagination = cursorMeta(all, page.items, page.limit, 0);
		return { items: page.items, meta };
	}
	const limit = Math.min(Math.max(1, Number(req.query.limit?.[0]) || defaultLimit), maxLimit);
	let start: number;
	if (after !== undefined) {
		const id = decodeCursor(after);
		start = all.findIndex((x) => x.id === id) + 1;
	} else {
		const id = decodeCursor(before as string);
		const end = Math.max(0, all.findIndex((x) => x.id === id));
		start = Math.max(0, end - limit);
	}
	const items = all.slice(start, start + limit);
	return { items, meta: { cursor_pagination: cursorMeta(all, items, limit, start) } };
}

function cursorMeta<T extends { id: number }>(all: T[], items: T[], limit: number, start: number): CursorPagination {
	const meta: CursorPagination = { count: items.length, per_page: limit, links: {} };
	if (items.length === 0) return meta;
	meta.start_cursor = encodeCursor(items[0].id);
	meta.end_cursor = encodeCursor(items[items.length - 1].id);
	if (start > 0) meta.links.previous = `?limit=${limit}&before=${meta.start_cursor}`;
	if (start + items.length < all.length) meta.links.next = `?limit=${limit}&after=${meta.end_cursor}`;
	return meta;
}
