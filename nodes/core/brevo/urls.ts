export type QueryValue = string | number | boolean | undefined;
export type QueryInput = Record<string, QueryValue>;

/** The credential's Base URL, e.g. `https://api.brevo.com/v3`, without a trailing slash. */
export function normaliseBaseUrl(baseUrl: string): string {
	return baseUrl.trim().replace(/\/+$/, '');
}

/** `{base}/contacts/jane%40example.com?identifierType=email_id`; empty query values are left out. */
export function buildUrl(baseUrl: string, path: string, query: QueryInput = {}): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === '') continue;
		params.set(key, String(value));
	}
	const search = params.toString();
	const withSlash = path.startsWith('/') ? path : `/${path}`;
	return `${normaliseBaseUrl(baseUrl)}${withSlash}${search ? `?${search}` : ''}`;
}

/** A path segment holding a user value (an email, a phone number with `+`, an ext_id). */
export function segment(value: string | number): string {
	return encodeURIComponent(String(value));
}

/** What messages show: the path as a person would write it (`/contacts/jane@example.com`). */
export function displayPath(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}
