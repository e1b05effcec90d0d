/**
 * BigCommerce renders dates differently per API; each helper here is named after the shape it
 * produces, and the resource views pick the one their spec shows.
 */

/** v2 orders and customers: RFC 2822 in UTC, e.g. "Tue, 20 Nov 2012 00:00:00 +0000". */
export function rfc2822(ms: number): string {
	return new Date(ms).toUTCString().replace('GMT', '+0000');
}

/** v3 customers and channels: ISO 8601 without milliseconds, e.g. "2019-10-24T13:56:07Z". */
export function isoSeconds(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** v3 catalog and promotions: ISO 8601 with an explicit offset, e.g. "2018-08-15T14:49:05+00:00". */
export function isoOffset(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** v3 carts and coupon codes: ISO 8601 with milliseconds, e.g. "2018-09-17T14:27:39.000Z". */
export function isoMillis(ms: number): string {
	return new Date(ms).toISOString();
}

/** Unix seconds, as webhooks and hooks use. */
export function unixSeconds(ms: number): number {
	return Math.floor(ms / 1000);
}

/**
 * Parses a date filter value the way BigCommerce accepts them: RFC 2822, ISO 8601 (a date, or a
 * date-time; without a zone it is UTC), or unix seconds. Returns undefined when it is none of those.
 */
export function parseDateFilter(value: string): number | undefined {
	const v = value.trim();
	if (/^\d{9,11}$/.test(v)) return Number(v) * 1000;
	const isoNoZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v);
	const ms = Date.parse(isoNoZone ? `${v}Z` : v);
	return Number.isNaN(ms) ? undefined : ms;
}

/** Dates are rendered to the second, so filters compare at the second too. */
export function toSecond(ms: number): number {
	return Math.floor(ms / 1000) * 1000;
}

/** v2 customer groups: "2023-07-17 06:30:41" (UTC), as customers.v2 shows them. */
export function sqlDateTime(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
