import type { SandboxRequest, SandboxResponse, Router } from '../http/router';
import type { ReceivedLog } from './control/received-log';
import { brevoError, BrevoRequestError } from './errors';
import { familyOf, type EndpointFamily } from './limits/endpoint-families';
import type { FaultInjector } from './limits/fault-injector';
import type { RateLimiter } from './limits/rate-limiter';

export interface ApiHandlerParts {
	router: Router;
	apiKey: () => string;
	limiter: RateLimiter;
	faults: FaultInjector;
	log: ReceivedLog;
	now: () => string;
}

/**
 * Answers one `/v3` request the way Brevo's gateway does, in this order: authentication (401
 * without rate-limit headers), injected faults, the family's rate limit (429), routing (404/405),
 * then the route. Every answer after authentication carries `x-sib-ratelimit-*`, and every
 * request is recorded in the received log.
 */
export function createApiHandler(parts: ApiHandlerParts): (req: SandboxRequest) => Promise<SandboxResponse> {
	return async (req) => {
		const family = familyOf(req.method, req.path);
		const { response, fault } = answer(parts, req, family);
		parts.log.record({
			at: parts.now(),
			method: req.method,
			path: req.path,
			query: req.query,
			body: req.body ?? (req.rawBody === '' ? undefined : req.rawBody),
			status: response.status,
			family,
			...(fault ? { fault } : {}),
		});
		return response;
	};
}

function answer(parts: ApiHandlerParts, req: SandboxRequest, family: EndpointFamily): { response: SandboxResponse; fault?: 'rateLimit' | 'serverError' } {
	const key = req.headers['api-key'];
	if (typeof key !== 'string' || key !== parts.apiKey()) {
		return { response: brevoError(401, 'unauthorized', 'Key not found') };
	}
	const effect = parts.faults.apply(family);
	const withDelay = (response: SandboxResponse): SandboxResponse => (effect.delayMs ? { ...response, delayMs: effect.delayMs } : response);

	if (effect.rateLimited) {
		const response = brevoError(429, 'too_many_requests', 'The expected rate limit is exceeded.');
		return { response: withDelay({ ...response, headers: parts.limiter.exhaustedHeaders(family) }), fault: 'rateLimit' };
	}
	if (effect.serverError !== undefined) {
		const response = brevoError(effect.serverError, 'internal_error', 'Internal server error (sandbox fault injection)');
		return { response: withDelay(response), fault: 'serverError' };
	}
	const decision = parts.limiter.take(family);
	if (!decision.allowed) {
		return { response: withDelay({ ...brevoError(429, 'too_many_requests', 'The expected rate limit is exceeded.'), headers: decision.headers }) };
	}
	const response = route(parts.router, req);
	return { response: withDelay({ ...response, headers: { ...decision.headers, ...(response.headers ?? {}) } }) };
}

function route(router: Router, req: SandboxRequest): SandboxResponse {
	let match: ReturnType<Router['match']>;
	try {
		match = router.match(req.method, req.path);
	} catch {
		// A path parameter that is not valid percent-encoding (decodeURIComponent throws).
		return brevoError(400, 'bad_request', 'Invalid URL encoding in the path');
	}
	if (!('handler' in match)) {
		if (match.methodMismatch) return brevoError(405, 'method_not_allowed', `${req.method} Method is not allowed on this path`);
		return brevoError(404, 'document_not_found', `Invalid path ${req.path} (not emulated by the Brevo sandbox)`);
	}
	if (req.rawBody.trim() !== '' && req.body === undefined) return brevoError(400, 'bad_request', 'Input must be a valid JSON object');
	try {
		const result = match.handler({ ...req, params: match.params });
		if (result instanceof Promise) throw new Error('Brevo routes are synchronous');
		return result;
	} catch (error) {
		if (error instanceof BrevoRequestError) return error.response;
		return brevoError(500, 'internal_error', `Sandbox error: ${error instanceof Error ? error.message : String(error)}`);
	}
}
