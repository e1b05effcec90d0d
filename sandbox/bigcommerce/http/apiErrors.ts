import type { SandboxResponse } from '../../http/router';

/** Where BigCommerce links its error `type`. */
export const STATUS_CODES_DOC = '/api-docs/getting-started/api-status-codes';

export type ApiVersion = 'v2' | 'v3';

/** v3 error body: `{status, title, type}` plus `errors` for validation failures. */
export function v3Error(status: number, title: string, errors?: Record<string, string>): SandboxResponse {
	const body: Record<string, unknown> = { status, title, type: STATUS_CODES_DOC };
	if (errors) body.errors = errors;
	return { status, body };
}

/** v2 error body: a bare array of `{status, message}`. */
export function v2Error(status: number, message: string): SandboxResponse {
	return { status, body: [{ status, message }] };
}

/** The error in the format of the API version the request went to. */
export function apiError(version: ApiVersion, status: number, message: string, errors?: Record<string, string>): SandboxResponse {
	return version === 'v2' ? v2Error(status, message) : v3Error(status, message, errors);
}

/** Thrown by handlers to answer with an API error without threading responses through helpers. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly errors?: Record<string, string>,
	) {
		super(message);
	}
}

export const notFoundV2 = (): SandboxResponse => v2Error(404, 'The requested resource was not found.');
export const notFoundV3 = (title = 'The requested resource was not found.'): SandboxResponse => v3Error(404, title);
