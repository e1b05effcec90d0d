import { formatDuration, type NetworkFailureKind } from '../http';
import { BrevoApiError, type BrevoFailure, type FailedRequest } from './api-error';
import { duplicateIdentifiers, readErrorBody, type BrevoErrorBody } from './error-body';

/** What the retry loop knows when it gives up. */
export interface FailureContext {
	request: FailedRequest;
	attempts: number;
	elapsedMs: number;
	/** Whether the call is safe to repeat; decides the "may have been applied" warning. */
	repeatable: boolean;
	/** An attempt got no clear answer (timeout, 5xx), so Brevo may have carried the call out. */
	uncertain: boolean;
}

/** Operation-specific advice, used instead of the generic hints where given. */
export interface ErrorHints {
	/** For a 404, e.g. "Check the email address, or create the contact first." */
	notFound?: string;
	/** For a 400 invalid_parameter / missing_parameter / out_of_range. */
	invalid?: string;
	/** For a 400 duplicate_parameter / duplicate_request. */
	duplicate?: string;
}

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	402: 'Payment Required',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	406: 'Not Acceptable',
	409: 'Conflict',
	413: 'Payload Too Large',
	415: 'Unsupported Media Type',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

const MAYBE_APPLIED =
	'Brevo may or may not have carried it out. It was not sent again automatically, so that nothing is done twice: check in Brevo before running the workflow again.';
const QUOTA_HINT =
	"Brevo limits how many requests an account may send per second or hour, and this limit is used up right now (other workflows or apps using the same API key count too). Run the workflow again later, or send fewer items at once.";
const MAINTAINERS = 'If it keeps happening, report this message to the package maintainers.';

function statusLabel(status: number, code?: string): string {
	const text = STATUS_TEXT[status];
	const base = text ? `${status} ${text}` : String(status);
	return code ? `${base}, ${code}` : base;
}

function call(request: FailedRequest): string {
	return `${request.method} ${request.path}`;
}

/** ` Brevo said: "Invalid phone number".` — Brevo's own words. */
function brevoSaid(details: BrevoErrorBody): string {
	if (!details.message) return '';
	const stop = /[.!?]$/.test(details.message) ? '' : '.';
	return ` Brevo said: "${details.message}"${stop}`;
}

function tries(context: FailureContext): string {
	return context.attempts > 1 ? `${context.attempts} attempts over ${formatDuration(context.elapsedMs)}` : '';
}

function build(failure: BrevoFailure, summary: string, hint: string, context: FailureContext, extra: { status?: number; details?: BrevoErrorBody; body?: unknown; cause?: unknown; detail?: string } = {}): BrevoApiError {
	return new BrevoApiError({
		failure,
		summary,
		hint,
		request: context.request,
		status: extra.status,
		code: extra.details?.code,
		brevoMessage: extra.details?.message,
		detail: extra.detail,
		metadata: extra.details?.metadata,
		responseBody: extra.body,
		attempts: context.attempts,
		elapsedMs: context.elapsedMs,
		uncertain: context.uncertain,
		cause: extra.cause,
	});
}

function refused(context: FailureContext, status: number, details: BrevoErrorBody): string {
	return `Brevo refused to ${context.request.action} (${statusLabel(status, details.code)} on ${call(context.request)}).${brevoSaid(details)}`;
}

/** An HTTP error status that will not be retried (any more). */
export function httpFailure(status: number, body: unknown, context: FailureContext, hints: ErrorHints = {}): BrevoApiError {
	const details = readErrorBody(body);
	const extra = { status, details, body };
	const { request } = context;

	if (details.code === 'account_under_validation') {
		return build('forbidden', refused(context, status, details), 'Brevo is still validating your account and blocks sending until it is done. Finish the validation steps Brevo asked for, or contact Brevo support.', context, extra);
	}
	if (details.code === 'duplicate_parameter' || details.code === 'duplicate_request') {
		return build('duplicate', refused(context, status, details), hints.duplicate ?? duplicateHint(details), context, extra);
	}
	switch (status) {
		case 400:
		case 422:
			return build('invalid_request', refused(context, status, details), hints.invalid ?? 'Correct the value Brevo names and run again.', context, extra);
		case 401:
			return build(
				'unauthorized',
				`Brevo did not accept the API key (${statusLabel(status, details.code)}) when trying to ${request.action}.${brevoSaid(details)}`,
				'Check the API Key in the Brevo API credential: generate a new key in Brevo (SMTP & API → API Keys) and paste it whole; an SMTP key does not work. If your Brevo account only accepts API keys from known IP addresses, allow the address of this n8n server (Security → Authorised IPs).',
				context,
				extra,
			);
		case 402:
			return build(
				'no_credits',
				`Brevo could not ${request.action}: the account has no credits left for it (${statusLabel(status, details.code)}).${brevoSaid(details)}`,
				'Buy more credits in Brevo (for SMS: your plan → SMS credits), then run the workflow again.',
				context,
				extra,
			);
		case 403:
			return build(
				'forbidden',
				`Brevo does not allow this API key to ${request.action} (${statusLabel(status, details.code)}).${brevoSaid(details)}`,
				'Your Brevo plan may not include this feature, or the API key may be restricted. Check the feature in Brevo, or use a key of an account that has it.',
				context,
				extra,
			);
		case 404:
			return build(
				'not_found',
				`Brevo could not ${request.action}: nothing found at ${call(request)} (404 Not Found).${brevoSaid(details)}`,
				hints.notFound ?? 'Check the ID or identifier. If every call fails this way, check the Base URL in the Brevo API credential (for a real account it is https://api.brevo.com/v3).',
				context,
				extra,
			);
		case 429:
			return rateLimitExhausted(context, body);
		default:
			break;
	}
	if (status >= 500) return serverFailure(status, context, details, body);
	return build('http_error', `Brevo answered ${statusLabel(status, details.code)} when trying to ${request.action} (${call(request)}).${brevoSaid(details)}`, `Check the node's settings. ${MAINTAINERS}`, context, extra);
}

function duplicateHint(details: BrevoErrorBody): string {
	const fields = duplicateIdentifiers(details.metadata);
	if (fields.length) {
		return `Another Brevo contact already has this ${fields.join(' / ')}. Each email address, phone number and ext_id can belong to one contact only: use the existing contact's identifier, or remove the value from the other contact.`;
	}
	return 'Brevo already has this, or received the same request a moment ago. Check in Brevo; change the value if it must be new.';
}

function serverFailure(status: number, context: FailureContext, details: BrevoErrorBody, body: unknown): BrevoApiError {
	const attempts = tries(context);
	const summary = `Brevo had a server error (${statusLabel(status, details.code)}) when trying to ${context.request.action}${attempts ? `, and still failed after ${attempts}` : ''}.${brevoSaid(details)}`;
	const hint = context.repeatable ? "This is a problem on Brevo's side and usually passes. Run the workflow again later." : MAYBE_APPLIED;
	return build('server_error', summary, hint, context, { status, details, body });
}

/** 429 until the attempts or the wait budget ran out. */
export function rateLimitExhausted(context: FailureContext, body?: unknown): BrevoApiError {
	const details = readErrorBody(body);
	const summary = `Brevo kept answering 429 (rate limit) for ${context.attempts} attempt${context.attempts === 1 ? '' : 's'} over ${formatDuration(context.elapsedMs)} when trying to ${context.request.action}.`;
	return build('rate_limited', summary, QUOTA_HINT, context, { status: 429, details, body });
}

/** The quota resets later than this call may wait (e.g. an hourly limit is spent). */
export function rateLimitWaitTooLong(context: FailureContext, requestedWaitMs: number, allowedWaitMs: number, body?: unknown): BrevoApiError {
	const details = readErrorBody(body);
	const summary = `Brevo's rate limit for ${call(context.request)} is used up and resets in ${formatDuration(requestedWaitMs)}, longer than the ${formatDuration(allowedWaitMs)} this node may wait, so it could not ${context.request.action}.`;
	return build('rate_limited', summary, QUOTA_HINT, context, { status: body === undefined ? undefined : 429, details, body });
}

/** No HTTP status came back at all. The error's text (with codes like ECONNRESET) goes in `detail`. */
export function networkFailure(kind: NetworkFailureKind, errorText: string, timeoutMs: number, context: FailureContext, cause: unknown): BrevoApiError {
	const { request } = context;
	const attempts = tries(context);
	const extra = { cause, detail: errorText };
	if (kind === 'timeout') {
		return build(
			'timeout',
			`Brevo did not answer in time when trying to ${request.action} (${formatDuration(timeoutMs)} per attempt${attempts ? `; ${attempts}` : ''}).`,
			context.repeatable ? 'Brevo may be slow or unreachable from the n8n server. Check the Base URL in the Brevo API credential and run again later.' : MAYBE_APPLIED,
			context,
			extra,
		);
	}
	if (kind === 'host_not_found') {
		return build('network', `Could not find the Brevo server to ${request.action}.`, 'Check the Base URL in the Brevo API credential (for a real account it is https://api.brevo.com/v3).', context, extra);
	}
	return build(
		'network',
		`Could not reach Brevo to ${request.action}${attempts ? ` (${attempts})` : ''}.`,
		context.repeatable ? 'Check the Base URL in the Brevo API credential and that the n8n server can reach it, then run again.' : MAYBE_APPLIED,
		context,
		extra,
	);
}

/** A 2xx whose body is not what Brevo's API reference promises. */
export function unexpectedResponse(status: number, problem: string, body: unknown, context: FailureContext): BrevoApiError {
	return build(
		'unexpected_response',
		`Brevo's answer when trying to ${context.request.action} (${call(context.request)}) was not what this node expects: ${problem}.`,
		`Something between n8n and Brevo may have changed the answer, or Brevo changed its API. ${MAINTAINERS}`,
		context,
		{ status, body },
	);
}
