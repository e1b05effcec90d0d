import type { HttpMethod } from './http-types';
import type { ApiVersion } from './urls';

/** What went wrong, in words a node can branch on (e.g. a missing cart is `not_found`). */
export type BigCommerceFailure =
	| 'bad_request'
	| 'unauthorized'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'validation'
	| 'rate_limited'
	| 'server_error'
	| 'http_error'
	| 'timeout'
	| 'network'
	| 'unexpected_response';

/** One problem BigCommerce reported, with the field it concerns when it names one. */
export interface FieldError {
	field?: string;
	message: string;
}

/** The request that failed, as shown to users: never the host, store hash or token. */
export interface FailedRequest {
	method: HttpMethod;
	version: ApiVersion;
	/** e.g. `/v3/customers/42` */
	path: string;
}

export interface BigCommerceApiErrorInit {
	failure: BigCommerceFailure;
	/** What failed, one sentence. */
	summary: string;
	/** What to check or do about it, for a marketer. */
	hint: string;
	request: FailedRequest;
	status?: number;
	/** BigCommerce's own `title` (v3) or joined `message`s (v2). */
	title?: string;
	/** BigCommerce's `detail` (v3) or `details` (v2). */
	detail?: string;
	fieldErrors?: FieldError[];
	responseBody?: unknown;
	attempts: number;
	elapsedMs: number;
	cause?: unknown;
}

/**
 * Every failure of a BigCommerce call. `message` is summary + hint, ready to show; the parts
 * are kept apart so that n8n nodes can put the hint in the error's description.
 */
export class BigCommerceApiError extends Error {
	readonly failure: BigCommerceFailure;
	readonly summary: string;
	readonly hint: string;
	readonly request: FailedRequest;
	readonly status?: number;
	readonly title?: string;
	readonly detail?: string;
	readonly fieldErrors: FieldError[];
	readonly responseBody?: unknown;
	readonly attempts: number;
	readonly elapsedMs: number;

	constructor(init: BigCommerceApiErrorInit) {
		super(`${init.summary} ${init.hint}`.trim(), init.cause === undefined ? undefined : { cause: init.cause });
		this.name = 'BigCommerceApiError';
		this.failure = init.failure;
		this.summary = init.summary;
		this.hint = init.hint;
		this.request = init.request;
		this.status = init.status;
		this.title = init.title;
		this.detail = init.detail;
		this.fieldErrors = init.fieldErrors ?? [];
		this.responseBody = init.responseBody;
		this.attempts = init.attempts;
		this.elapsedMs = init.elapsedMs;
	}
}

export function isBigCommerceApiError(error: unknown): error is BigCommerceApiError {
	return error instanceof BigCommerceApiError;
}

/** True for a 404: lets nodes turn "this cart no longer exists" into data instead of a failure. */
export function isNotFoundError(error: unknown): error is BigCommerceApiError {
	return isBigCommerceApiError(error) && error.failure === 'not_found';
}
