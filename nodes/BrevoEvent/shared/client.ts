import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';
import { createBrevoClient, sharedBrevoPacer, type BrevoClient, type BrevoRetrySettings } from '../../core/brevo';
import type { HttpRequest, HttpResponse, RequestFunction } from '../../core/http';

export const CREDENTIAL = 'brevoApi';
const DEFAULT_BASE_URL = 'https://api.brevo.com/v3';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * The transport's request function, backed by n8n's helper so that the credential adds the
 * `api-key` header and n8n's proxy settings apply. Every status resolves (the transport decides
 * about errors and retries); only network failures reject.
 */
export function n8nRequest(context: Context): RequestFunction {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL, {
			method: request.method as IHttpRequestMethods,
			url: request.url,
			headers: request.headers,
			body: request.body as IDataObject | IDataObject[] | undefined,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: request.timeoutMs,
		})) as { statusCode: number; headers?: HttpResponse['headers']; body: unknown };
		return { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body };
	};
}

/**
 * Overrides of the transport's retry bounds. n8n never sets them; tests shorten the waits here so
 * that a 429 storm is not minutes of real time.
 */
export const transportOverrides: { retry?: Partial<BrevoRetrySettings> } = {};

/** A Brevo client for this execution; pacing is shared by every execution using the same key. */
export async function brevoClient(context: Context): Promise<BrevoClient> {
	const credentials = await context.getCredentials(CREDENTIAL);
	const baseUrl = typeof credentials.baseUrl === 'string' && credentials.baseUrl.trim() !== '' ? credentials.baseUrl.trim() : DEFAULT_BASE_URL;
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	return createBrevoClient({ baseUrl, request: n8nRequest(context), pacer: sharedBrevoPacer(baseUrl, apiKey), retry: transportOverrides.retry });
}
