import type { HttpRequest, HttpResponse, RequestFunction, ResponseHeaders } from '../../../../../nodes/core/http';

/**
 * A request function over Node's fetch, adding the `api-key` header as the credential does in
 * n8n: what the node's httpRequestWithAuthentication does, without n8n. Used against the sandbox.
 */
export function fetchRequest(apiKey: string): RequestFunction {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const response = await fetch(request.url, {
			method: request.method,
			headers: { ...(request.headers ?? {}), 'api-key': apiKey },
			body: request.body === undefined ? undefined : JSON.stringify(request.body),
			signal: request.timeoutMs ? AbortSignal.timeout(request.timeoutMs) : undefined,
		});
		const headers: ResponseHeaders = {};
		response.headers.forEach((value, name) => {
			headers[name] = value;
		});
		return { statusCode: response.status, headers, body: await response.text() };
	};
}
