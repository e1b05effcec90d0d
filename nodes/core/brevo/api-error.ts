import type { HttpMethod } from '../http';

/** What went wrong, in words a node can branch on (e.g. an unknown contact is `not_found`). */
export type BrevoFailure =
	| 'invalid_request'
	| 'duplicate'
	| 'unauthorized'
	| 'no_credits'
	| 'forbidden'
	| 'not_found'
	| 'rate_limited'
	| 'server_error'
	| 'http_error'
	| 'timeout'
	| 'network'
	| 'unexpected_response';

/** The request that failed, as shown to users: never the host or the API key. */
export interface FailedRequest {
	method: HttpMethod;
	/** e.g. `/contacts/jane@example.com` */
	path: string;
	/** What the call was for, e.g. `track the event "order_shipped"`. */
	action: string;
}

export interface BrevoApiErrorInit {
	failure: BrevoFailure;
	/** What failed, one sentence. */
	summary: string;
	/** What to check or do about it, for a marketer. */
	hint: string;
	request: FailedRequest;
	status?: number;
	/** Brevo's own `code` (errorModel), e.g. `invalid_parameter`. */
	code?: string;
	/** Brevo's own `message`. */
	brevoMessage?: string;
	/**
	 * Technical detail kept out of the summary, e.g. `ECONNRESET: socket hang up` (n8n replaces
	 * messages that contain such codes with generic texts).
	 */
	detail?: string;
	/** Brevo's `metadata`, e.g. `{duplicate_identifiers: ['SMS']}` on a contact conflict. */
	metadata?: Record<string, unknown>;
	responseBody?: unknown;
	attempts: number;
	elapsedMs: number;
	/** An earlier attempt of this call got no clear answer, so it may have been applied. */
	uncertain?: boolean;
	cause?: unknown;
}

/**
 * Every failure of a Brevo call. `message` is summary + hint, ready to show; the parts are kept
 * apart so that n8n nodes can put the hint in the error's description.
 */
export class BrevoApiError extends Error {
	readonly failure: BrevoFailure;
	readonly summary: string;
	readonly hint: string;
	readonly request: FailedRequest;
	readonly status?: number;
	readonly code?: string;
	readonly brevoMessage?: string;
	readonly detail?: string;
	readonly metadata?: Record<string, unknown>;
	readonly responseBody?: unknown;
	readonly attempts: number;
	readonly elapsedMs: number;
	readonly uncertain: boolean;

	constructor(init: BrevoApiErrorInit) {
		super(`${init.summary} ${init.hint}${init.detail ? ` Detail: ${init.detail}.` : ''}`.trim(), init.cause === undefined ? undefined : { cause: init.cause });
		this.name = 'BrevoApiError';
		this.failure = init.failure;
		this.summary = init.summary;
		this.hint = init.hint;
		this.request = init.request;
		this.status = init.status;
		this.code = init.code;
		this.brevoMessage = init.brevoMessage;
		this.detail = init.detail;
		this.metadata = init.metadata;
		this.responseBody = init.responseBody;
		this.attempts = init.attempts;
		this.elapsedMs = init.elapsedMs;
		this.uncertain = init.uncertain ?? false;
	}
}

export function isBrevoApiError(error: unknown): error is BrevoApiError {
	return error instanceof BrevoApiError;
}

/** A 404: lets operations turn "no such contact" into data instead of a failure. */
export function isNotFoundError(error: unknown): error is BrevoApiError {
	return isBrevoApiError(error) && error.failure === 'not_found';
}
