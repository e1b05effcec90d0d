import type { SandboxRequest, SandboxResponse } from '../../http/router';
import { ApiError, apiError, type ApiVersion, v3Error, STATUS_CODES_DOC } from './apiErrors';
import type { ApiRequest, ApiRoutes } from './apiRoutes';
import type { FaultInjector } from './faults';
import type { RateLimiter } from './rateLimiter';
import type { TokenRegistry } from './tokens';

export interface PipelineDeps {
	storeHash: string;
	tokens: TokenRegistry;
	rateLimiter: RateLimiter;
	faults: FaultInjector;
	routes: ApiRoutes;
}

const STORE_PATH = /^\/stores\/([^/]+)(\/.*)?$/;

/** The 429 body customers.v3 documents. */
const TOO_MANY = { status: 429, title: 'Too many requests', type: STATUS_CODES_DOC };

const SERVER_ERROR_TITLES: Record<number, string> = {
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

function withHeaders(response: SandboxResponse, headers: Record<string, string>): SandboxResponse {
	return { ...response, headers: { ...headers, ...(response.headers ?? {}) } };
}

/**
 * One API request, in BigCommerce's order: store, credentials, (injected faults), quota, route.
 * Every answer for the store carries the X-Rate-Limit-* headers.
 */
export async function handleApiRequest(deps: PipelineDeps, req: SandboxRequest): Promise<SandboxResponse> {
	const m = STORE_PATH.exec(req.path);
	const rest = m?.[2] ?? '';
	const version: ApiVersion = rest.startsWith('/v2') ? 'v2' : 'v3';
	if (!m || decodeURIComponent(m[1]) !== deps.storeHash) {
		return apiError(version, 404, 'Store not found.');
	}
	if (!/^\/v[23](\/|$)/.test(rest)) return apiError(version, 404, 'The requested resource was not found.');

	const token = req.headers['x-auth-token'];
	const clientId = deps.tokens.clientOf(Array.isArray(token) ? token[0] : token);
	if (clientId === undefined) {
		const message = 'Unauthorized - the X-Auth-Token is missing or is not a valid token for this store.';
		return withHeaders(apiError(version, 401, message), deps.rateLimiter.peek());
	}

	const response = await answer(deps, req, rest, version, clientId);
	// An injected slow answer delays whatever the store answers, errors included.
	const slow = deps.faults.take('slow', req.method, req.path);
	return slow ? { ...response, delayMs: slow.delayMs } : response;
}

async function answer(deps: PipelineDeps, req: SandboxRequest, rest: string, version: ApiVersion, clientId: string): Promise<SandboxResponse> {
	const storm = deps.faults.take('rate_limit', req.method, req.path);
	if (storm) {
		const response: SandboxResponse = { status: 429, body: TOO_MANY };
		return storm.withHeaders === false ? response : withHeaders(response, deps.rateLimiter.exhaustedHeaders());
	}
	const failure = deps.faults.take('server_error', req.method, req.path);
	if (failure) {
		const status = failure.status ?? 500;
		return withHeaders(apiError(version, status, SERVER_ERROR_TITLES[status] ?? 'Server Error'), deps.rateLimiter.peek());
	}

	const quota = deps.rateLimiter.take();
	if (!quota.allowed) return withHeaders({ status: 429, body: TOO_MANY }, quota.headers);
	return withHeaders(await route(deps, req, rest, version, clientId), quota.headers);
}

async function route(deps: PipelineDeps, req: SandboxRequest, path: string, version: ApiVersion, clientId: string): Promise<SandboxResponse> {
	if (req.rawBody.trim().length > 0 && req.body === undefined) {
		return version === 'v2' ? apiError('v2', 400, 'The request body is not valid JSON.') : v3Error(400, 'Input is invalid.');
	}
	const match = deps.routes.router.match(req.method, path);
	if (!('handler' in match)) {
		return match.methodMismatch ? apiError(version, 405, 'The requested method is not allowed for this resource.') : apiError(version, 404, 'The requested resource was not found.');
	}
	const apiReq: ApiRequest = { ...req, path, params: match.params, version, clientId };
	try {
		return await match.handler(apiReq);
	} catch (error) {
		// BigCommerce declares its 413 (batch too large) without a body.
		if (error instanceof ApiError && error.status === 413) return { status: 413 };
		if (error instanceof ApiError) return apiError(version, error.status, error.message, error.errors);
		throw error;
	}
}
