import type { HttpMethod as AnyHttpMethod, RequestFunction } from '../http';

/**
 * The request function is the shared one of `nodes/core/http`: the n8n nodes back it with
 * `httpRequestWithAuthentication` (which adds the X-Auth-Token), so the core never sees the token.
 * See `query.ts` for why the transport encodes the query string itself.
 */
export type { HttpRequest, HttpResponse, ResponseHeaders } from '../http';

/** The methods BigCommerce's REST API uses (it has no PATCH endpoints). */
export type HttpMethod = Exclude<AnyHttpMethod, 'PATCH'>;

export type BigCommerceRequest = RequestFunction;
