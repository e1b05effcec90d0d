import type { SandboxResponse } from '../http/router';

/** Error codes Brevo answers with (errorModel / contactErrorModel in the v3 spec). */
export type BrevoErrorCode =
	| 'invalid_parameter'
	| 'missing_parameter'
	| 'out_of_range'
	| 'document_not_found'
	| 'not_enough_credits'
	| 'permission_denied'
	| 'duplicate_parameter'
	| 'duplicate_request'
	| 'method_not_allowed'
	| 'unauthorized'
	| 'bad_request'
	| 'internal_error'
	| 'too_many_requests';

/** Every Brevo error body is `{code, message}`, sometimes with `metadata` (contact duplicates). */
export function brevoError(
	status: number,
	code: BrevoErrorCode,
	message: string,
	metadata?: Record<string, unknown>,
): SandboxResponse {
	return { status, body: metadata ? { code, message, metadata } : { code, message } };
}

/** Thrown inside handlers so deeply nested validation can stop a request with Brevo's error. */
export class BrevoRequestError extends Error {
	constructor(readonly response: SandboxResponse) {
		super(String((response.body as { message?: string } | undefined)?.message ?? 'Brevo error'));
	}
}

export function fail(status: number, code: BrevoErrorCode, message: string, metadata?: Record<string, unknown>): never {
	throw new BrevoRequestError(brevoError(status, code, message, metadata));
}

export function badRequest(code: BrevoErrorCode, message: string, metadata?: Record<string, unknown>): never {
	return fail(400, code, message, metadata);
}

export function notFound(message: string): never {
	return fail(404, 'document_not_found', message);
}
