/**
 * Query strings as BigCommerce writes them. The transport encodes the query itself instead of
 * handing an object to the HTTP helper, because (a) list filters such as `id:in=1,2,3` read best,
 * and match BigCommerce's own pagination links, with `:` and `,` left as they are, and (b) cursor
 * pagination follows the `links.next` query strings BigCommerce returns, verbatim.
 */

export type QueryScalar = string | number | boolean | Date;
export type QueryValue = QueryScalar | readonly QueryScalar[] | null | undefined;
export type QueryInput = Record<string, QueryValue>;

function scalarToString(value: QueryScalar): string {
	return value instanceof Date ? value.toISOString() : String(value);
}

function encode(text: string): string {
	return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

/**
 * `{ 'id:in': [1, 2, 3], limit: 50, email: undefined }` → `id:in=1,2,3&limit=50`.
 * Empty values (undefined, null, '', []) are left out so that optional filters can be passed as is.
 */
export function buildQueryString(query: QueryInput = {}): string {
	const parts: string[] = [];
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === null) continue;
		const text = Array.isArray(value) ? value.map(scalarToString).join(',') : scalarToString(value as QueryScalar);
		if (text === '') continue;
		parts.push(`${encode(key)}=${encode(text)}`);
	}
	return parts.join('&');
}

/** Merges a query string BigCommerce gave us (`?page=2&limit=50`) over our own parameters. */
export function parseQueryString(queryString: string): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [key, value] of new URLSearchParams(queryString.replace(/^\?/, ''))) result[key] = value;
	return result;
}
