import type { SandboxRequest } from '../../http/router';

export interface Pagination {
	total: number;
	count: number;
	per_page: number;
	current_page: number;
	total_pages: number;
	links: { previous?: string; current: string; next?: string };
}

export interface PageMeta {
	pagination: Pagination;
}

export interface Page<T> {
	items: T[];
	page: number;
	limit: number;
	pagination: Pagination;
}

function positiveInt(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** `?page=N&limit=L` followed by the request's other query parameters, as BigCommerce's links read. */
function link(req: SandboxRequest, page: number, limit: number): string {
	const params = new URLSearchParams();
	params.set('page', String(page));
	params.set('limit', String(limit));
	for (const [key, values] of Object.entries(req.query)) {
		if (key === 'page' || key === 'limit') continue;
		for (const v of values) params.append(key, v);
	}
	return `?${params.toString().replace(/%3A/g, ':').replace(/%2C/g, ',')}`;
}

/**
 * Offset pagination with `page` and `limit` (default 50, at most 250, as BigCommerce's v2 and v3
 * collections use), and the v3 `meta.pagination` object describing the page.
 */
export function paginate<T>(req: SandboxRequest, all: T[], defaultLimit = 50, maxLimit = 250): Page<T> {
	const limit = Math.min(positiveInt(req.query.limit?.[0], defaultLimit), maxLimit);
	const page = positiveInt(req.query.page?.[0], 1);
	const items = all.slice((page - 1) * limit, page * limit);
	const totalPages = Math.ceil(all.length / limit);
	const links: Pagination['links'] = { current: link(req, page, limit) };
	if (page > 1) links.previous = link(req, page - 1, limit);
	if (page < totalPages) links.next = link(req, page + 1, limit);
	return {
		items,
		page,
		limit,
		pagination: { total: all.length, count: items.length, per_page: limit, current_page: page, total_pages: totalPages, links },
	};
}
