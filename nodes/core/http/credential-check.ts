import { formatDuration } from './durations';
import type { RequestFunction } from './http-types';
import { classifyNetworkError, networkErrorText } from './network-errors';
import { normaliseBody } from './response-body';

/**
 * A credential test as one authenticated read: what the user must fix is said in their words —
 * the field to change and the address it holds — instead of a network code such as ECONNREFUSED.
 */
export interface CredentialCheck {
	/** The service as users name it: "BigCommerce". */
	service: string;
	/** The credential field holding the address, as the form labels it: "API Base URL". */
	urlField: string;
	/** What that field holds. */
	baseUrl: string;
	/** What to put in that field, e.g. "leave it at https://api.bigcommerce.com for a real store". */
	urlAdvice: string;
	/** The authenticated read. */
	url: string;
	headers: Record<string, string>;
	/** Messages for the HTTP statuses that say what is wrong with the credential. */
	statusMessages: Readonly<Record<number, string>>;
	/** Whether a 2xx body is what the service sends (a 200 from another web server is not a pass). */
	looksLikeService: (body: unknown) => boolean;
	timeoutMs?: number;
}

export type CredentialCheckResult = { ok: true } | { ok: false; message: string };

const DEFAULT_TIMEOUT_MS = 10_000;

/** The `http(s)://host[:port]` part, or undefined when `text` is no web address. */
function originOf(text: string): string | undefined {
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
	} catch {
		return undefined;
	}
}

function unreachable(check: CredentialCheck, origin: string, error: unknown): string {
	const field = `Check the ${check.urlField} ("${check.baseUrl}")`;
	switch (classifyNetworkError(error)) {
		case 'connection':
			return `Nothing answered at ${origin}: the connection was refused or dropped. ${field}: ${check.urlAdvice}.`;
		case 'host_not_found':
			return `The server ${new URL(origin).host} was not found. ${field} for typos: ${check.urlAdvice}.`;
		case 'timeout':
			return `${origin} did not answer within ${formatDuration(check.timeoutMs ?? DEFAULT_TIMEOUT_MS)}. ${field}, and that this n8n server may reach it (firewall, proxy): ${check.urlAdvice}.`;
		default:
			return `Could not reach ${origin} (${networkErrorText(error)}). ${field}: ${check.urlAdvice}.`;
	}
}

export async function checkCredential(request: RequestFunction, check: CredentialCheck): Promise<CredentialCheckResult> {
	const origin = originOf(check.baseUrl.trim());
	if (!origin) return { ok: false, message: `The ${check.urlField} "${check.baseUrl}" is not a web address (http:// or https://): ${check.urlAdvice}.` };
	let response;
	try {
		response = await request({ method: 'GET', url: check.url, headers: check.headers, timeoutMs: check.timeoutMs ?? DEFAULT_TIMEOUT_MS });
	} catch (error) {
		return { ok: false, message: unreachable(check, origin, error) };
	}
	const status = response.statusCode;
	if (status >= 200 && status < 300) {
		if (check.looksLikeService(normaliseBody(response.body))) return { ok: true };
		return { ok: false, message: `${origin} answered, but not as the ${check.service} API. Check the ${check.urlField} ("${check.baseUrl}"): ${check.urlAdvice}.` };
	}
	const known = check.statusMessages[status];
	if (known) return { ok: false, message: known };
	if (status >= 500) return { ok: false, message: `${check.service} could not answer just now (HTTP ${status}). Try the test again in a few minutes.` };
	return { ok: false, message: `${check.service} refused the test request (HTTP ${status}). Check every field of this credential.` };
}
