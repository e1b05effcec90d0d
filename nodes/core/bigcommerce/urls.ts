import { buildQueryString, type QueryInput } from './query';

export type ApiVersion = 'v2' | 'v3';

/** Where a store's API lives: `{baseUrl}/stores/{storeHash}`. */
export interface StoreAddress {
	/** e.g. https://api.bigcommerce.com, or the sandbox emulator's URL. */
	baseUrl: string;
	storeHash: string;
}

/** Normalises an API path: leading slash, no version prefix (`/customers`, not `/v3/customers`). */
export function normalisePath(path: string): string {
	const withSlash = path.startsWith('/') ? path : `/${path}`;
	return withSlash.replace(/^\/v[23](?=\/)/, '');
}

/** `/v3/customers` — what errors show: the path without host, store hash or token. */
export function displayPath(version: ApiVersion, path: string): string {
	return `/${version}${normalisePath(path)}`;
}

export function buildApiUrl(store: StoreAddress, version: ApiVersion, path: string, query?: QueryInput): string {
	const base = store.baseUrl.trim().replace(/\/+$/, '');
	const hash = encodeURIComponent(store.storeHash.trim());
	const queryString = buildQueryString(query);
	return `${base}/stores/${hash}${displayPath(version, path)}${queryString ? `?${queryString}` : ''}`;
}
