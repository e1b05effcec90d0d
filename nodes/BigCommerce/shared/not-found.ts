import { BigCommerceApiError, type ApiVersion } from '../../core/bigcommerce';

/**
 * A lookup by ID through a list filter (`/v3/customers?id:in=42`) answers 200 with nothing in it
 * rather than 404; this gives it the same error a 404 gives, so Continue On Fail items carry
 * `failure: "not_found"` either way.
 */
export function notFound(noun: string, id: number | string, version: ApiVersion, path: string): BigCommerceApiError {
	return new BigCommerceApiError({
		failure: 'not_found',
		summary: `BigCommerce has no ${noun} with ID ${id}.`,
		hint: `Check the ${noun} ID: it may be wrong, or the ${noun} may have been deleted.`,
		request: { method: 'GET', version, path: `/${version}${path}` },
		attempts: 1,
		elapsedMs: 0,
	});
}
