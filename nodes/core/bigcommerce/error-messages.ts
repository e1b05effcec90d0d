import { BigCommerceApiError, type BigCommerceFailure, type FailedRequest, type FieldError } from './api-error';
import { formatDurationInSeconds, type NetworkFailureKind } from '../http';
import { readErrorBody, type ErrorBodyDetails } from './error-body';
import { describeTarget, innermostNoun } from './resource-names';
import { isWebhookPath, scopeForPath } from './scopes';

/** What the retry loop knows when it gives up. */
export interface FailureContext {
	request: FailedRequest;
	attempts: number;
	elapsedMs: number;
	/** Whether the call was safe to repeat (reads); decides the "may have been saved" warning. */
	idempotent: boolean;
}

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	413: 'Payload Too Large',
	415: 'Unsupported Media Type',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
	507: 'Insufficient Storage',
};

const MAYBE_SAVED =
	'The change may or may not have been saved. It was not sent again automatically, so nothing is done twice: check in BigCommerce before running again.';
const QUOTA_HINT =
	"The store's API quota is shared by every app that uses the store and is used up right now. Run the workflow again later, or let it run less often or read fewer records.";

function statusLabel(status: number): string {
	const text = STATUS_TEXT[status];
	return text ? `${status} ${text}` : String(status);
}

function call(request: FailedRequest): string {
	return `${request.method} ${request.path}`;
}

function tries(context: FailureContext): string {
	return context.attempts > 1 ? `${context.attempts} attempts over ${formatDurationInSeconds(context.elapsedMs)}` : '';
}

/** ` BigCommerce said: "title" (detail). Fields: a: x; b: y.` — BigCommerce's own words. */
function bigCommerceSaid(details: ErrorBodyDetails, withFields: boolean): string {
	let text = '';
	const quote = details.title ?? details.detail;
	if (quote) {
		const detail = details.title && details.detail ? ` (${details.detail.replace(/\.$/, '')})` : '';
		const stop = detail || !/[.!?]$/.test(quote) ? '.' : '';
		text += ` BigCommerce said: "${quote}"${detail}${stop}`;
	}
	if (withFields && details.fieldErrors.length) text += ` Fields: ${formatFieldErrors(details.fieldErrors)}.`;
	return text;
}

export function formatFieldErrors(errors: FieldError[]): string {
	return errors.map((e) => (e.field ? `${e.field}: ${e.message.replace(/\.$/, '')}` : e.message.replace(/\.$/, ''))).join('; ');
}

function build(
	failure: BigCommerceFailure,
	summary: string,
	hint: string,
	context: FailureContext,
	extra: { status?: number; details?: ErrorBodyDetails; body?: unknown; cause?: unknown } = {},
): BigCommerceApiError {
	return new BigCommerceApiError({
		failure,
		summary,
		hint,
		request: context.request,
		status: extra.status,
		title: extra.details?.title,
		detail: extra.details?.detail,
		fieldErrors: extra.details?.fieldErrors,
		responseBody: extra.body,
		attempts: context.attempts,
		elapsedMs: context.elapsedMs,
		cause: extra.cause,
	});
}

function forbiddenHint(request: FailedRequest): string {
	if (isWebhookPath(request.path)) {
		return 'Webhooks need no scope of their own, but the API account must be allowed to read what each event is about (for example Orders for store/order/… events). Edit the store-level API account in the BigCommerce control panel and check its scopes.';
	}
	const need = scopeForPath(request.method, request.path);
	if (!need) return 'Edit the store-level API account in the BigCommerce control panel and check its scopes.';
	const level = need.permission === 'modify' ? 'modify' : 'read-only or modify';
	return `Edit the store-level API account in the BigCommerce control panel and set its "${need.scope}" scope to ${level}.`;
}

function notFound(context: FailureContext, details: ErrorBodyDetails, body: unknown): BigCommerceApiError {
	const { request } = context;
	const target = describeTarget(request.path);
	if (!target) {
		return build(
			'not_found',
			`BigCommerce found nothing at ${call(request)} (404 Not Found).`,
			'Check the Store Hash and the API Base URL in the BigCommerce API credential.',
			context,
			{ status: 404, details, body },
		);
	}
	const noun = innermostNoun(request.path) ?? 'record';
	const cartNote = noun === 'cart' ? ' BigCommerce deletes a cart once it has become an order.' : '';
	return build(
		'not_found',
		`BigCommerce found no ${target} (404 Not Found on ${call(request)}).`,
		`Check the ${noun} ID: it may be wrong, or the ${noun} may have been deleted.${cartNote}`,
		context,
		{ status: 404, details, body },
	);
}

/** An HTTP error status that will not be retried (any more). */
export function httpFailure(status: number, body: unknown, context: FailureContext): BigCommerceApiError {
	const details = readErrorBody(body);
	const { request } = context;
	const label = statusLabel(status);
	const extra = { status, details, body };
	switch (status) {
		case 400:
			return build('bad_request', `BigCommerce could not accept ${call(request)} (${label}).${bigCommerceSaid(details, true)}`, 'Check the values of the fields and filters (IDs, dates, email addresses) and run again.', context, extra);
		case 401:
			return build(
				'unauthorized',
				`BigCommerce rejected the access token (${label}) on ${call(request)}.`,
				"Check the Access Token and Store Hash in the BigCommerce API credential: copy the token again from the store's API account (BigCommerce shows it only once, when the account is created) and make sure both come from the same store.",
				context,
				extra,
			);
		case 403:
			return build('forbidden', `The access token is not allowed to do ${call(request)} (${label}).${bigCommerceSaid(details, false)}`, forbiddenHint(request), context, extra);
		case 404:
			return notFound(context, details, body);
		case 409:
			return build(
				'conflict',
				`BigCommerce refused ${call(request)} because it conflicts with existing data (${label}).${bigCommerceSaid(details, true)}`,
				'Usually the record already exists (for example a coupon code or an email address already in use) or was changed at the same moment. Change the value, or read the record again, and run again.',
				context,
				extra,
			);
		case 422:
			return build(
				'validation',
				`BigCommerce refused the data sent with ${call(request)} (${label}).${bigCommerceSaid(details, true)}`,
				details.fieldErrors.length
					? 'Correct the fields listed and run again.'
					: 'Check the values sent (required fields, formats, IDs that must exist) and run again.',
				context,
				extra,
			);
		case 429:
			return rateLimitExhausted(context, body);
		default:
			break;
	}
	if (status >= 500) return serverFailure(status, context, details, body);
	return build('http_error', `BigCommerce answered ${label} to ${call(request)}.${bigCommerceSaid(details, true)}`, 'Check the node\'s settings. If it keeps happening, report this message to the package maintainers.', context, extra);
}

function serverFailure(status: number, context: FailureContext, details: ErrorBodyDetails, body: unknown): BigCommerceApiError {
	const { request } = context;
	const attempts = tries(context);
	const summary = `BigCommerce had a server error (${statusLabel(status)}) on ${call(request)}${attempts ? ` and still failed after ${attempts}` : ''}.${bigCommerceSaid(details, true)}`;
	const hint = context.idempotent
		? "This is a problem on BigCommerce's side and usually passes. Run the workflow again later."
		: MAYBE_SAVED;
	return build('server_error', summary, hint, context, { status, details, body });
}

/** 429 until the attempts ran out. */
export function rateLimitExhausted(context: FailureContext, body?: unknown): BigCommerceApiError {
	const details = readErrorBody(body);
	const summary = `BigCommerce kept answering 429 (rate limit) for ${context.attempts} attempt${context.attempts === 1 ? '' : 's'} over ${formatDurationInSeconds(context.elapsedMs)} on ${call(context.request)}.`;
	return build('rate_limited', summary, QUOTA_HINT, context, { status: 429, details, body });
}

/** 429 asking for a wait longer than the time this call may still spend waiting. */
export function rateLimitWaitTooLong(context: FailureContext, requestedWaitMs: number, allowedWaitMs: number, body?: unknown): BigCommerceApiError {
	const details = readErrorBody(body);
	const after = tries(context);
	const summary = `BigCommerce answered 429 (rate limit) on ${call(context.request)} and asked to wait ${formatDurationInSeconds(requestedWaitMs)}, longer than the ${formatDurationInSeconds(allowedWaitMs)} this call may still wait${after ? ` (${after})` : ''}.`;
	return build('rate_limited', summary, QUOTA_HINT, context, { status: 429, details, body });
}

/** No HTTP status came back at all. */
export function networkFailure(kind: NetworkFailureKind, errorText: string, timeoutMs: number, context: FailureContext, cause: unknown): BigCommerceApiError {
	const { request } = context;
	const attempts = tries(context);
	const suffix = attempts ? `; ${attempts}` : '';
	if (kind === 'timeout') {
		return build(
			'timeout',
			`BigCommerce did not answer ${call(request)} in time (${formatDurationInSeconds(timeoutMs)} per attempt${suffix}).`,
			context.idempotent
				? 'BigCommerce may be slow or unreachable from the n8n server. Check the API Base URL in the BigCommerce API credential and run again later.'
				: MAYBE_SAVED,
			context,
			{ cause },
		);
	}
	if (kind === 'host_not_found') {
		return build(
			'network',
			`Could not find the server for ${call(request)} (${errorText}).`,
			'Check the API Base URL in the BigCommerce API credential (for a real store it is https://api.bigcommerce.com).',
			context,
			{ cause },
		);
	}
	return build(
		'network',
		`Could not reach BigCommerce for ${call(request)} (${errorText}${suffix}).`,
		context.idempotent
			? 'Check the API Base URL in the BigCommerce API credential and that the n8n server can reach it, then run again.'
			: MAYBE_SAVED,
		context,
		{ cause },
	);
}

/** A 2xx whose body is not what the API reference promises. */
export function unexpectedResponse(status: number, problem: string, body: unknown, context: FailureContext): BigCommerceApiError {
	return build(
		'unexpected_response',
		`BigCommerce's answer to ${call(context.request)} was not what this node expects: ${problem}.`,
		'Something between n8n and BigCommerce may have changed the answer, or BigCommerce changed its API. Report this message to the package maintainers.',
		context,
		{ status, body },
	);
}
