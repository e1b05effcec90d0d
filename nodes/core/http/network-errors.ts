/**
 * Classifies what a request function threw (it throws only when no HTTP status came back).
 * Codes come from Node's net/dns errors, undici and axios (which n8n's request helpers use); they
 * may sit on the error itself or on its `cause`.
 */
export type NetworkFailureKind = 'timeout' | 'connection' | 'host_not_found' | 'other';

interface ErrorLike {
	code?: unknown;
	name?: unknown;
	message?: unknown;
	cause?: unknown;
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
const HOST_NOT_FOUND_CODES = new Set(['ENOTFOUND']);

function chain(error: unknown): ErrorLike[] {
	const list: ErrorLike[] = [];
	let current: unknown = error;
	while (typeof current === 'object' && current !== null && list.length < 5) {
		list.push(current as ErrorLike);
		current = (current as ErrorLike).cause;
	}
	return list;
}

export function classifyNetworkError(error: unknown): NetworkFailureKind {
	const links = chain(error);
	for (const link of links) {
		const code = typeof link.code === 'string' ? link.code : '';
		if (TIMEOUT_CODES.has(code) || link.name === 'TimeoutError' || link.name === 'AbortError') return 'timeout';
		if (HOST_NOT_FOUND_CODES.has(code)) return 'host_not_found';
		if (CONNECTION_CODES.has(code)) return 'connection';
	}
	const message = links.map((l) => (typeof l.message === 'string' ? l.message : '')).join(' ');
	if (/time(d)?\s?out/i.test(message)) return 'timeout';
	if (/socket hang up|ECONNRESET|ECONNREFUSED/i.test(message)) return 'connection';
	return 'other';
}

/** `ECONNRESET: socket hang up` — the code and message of the outermost error, for messages. */
export function networkErrorText(error: unknown): string {
	const first = chain(error)[0];
	const message = first && typeof first.message === 'string' ? first.message : String(error);
	const code = first && typeof first.code === 'string' ? first.code : undefined;
	return code && !message.includes(code) ? `${code}: ${message}` : message;
}
