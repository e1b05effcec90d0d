import { deriveWebhookSecret } from '../../core/bigcommerce/webhook-secret';
import type { IExecuteFunctions, IHookFunctions, IHttpRequestOptions, IWebhookFunctions } from 'n8n-workflow';
import { createBigCommerceClient, sharedRateLimitPacer, type BigCommerceClient, type BigCommerceRequest, type ResponseHeaders } from '../../core/bigcommerce';

export const CREDENTIAL_NAME = 'bigCommerceApi';

type RequestContext = IExecuteFunctions | IHookFunctions;

export interface BigCommerceCredentials {
	storeHash?: string;
	accessToken?: string;
	apiBaseUrl?: string;
}

interface FullResponse {
	statusCode: number;
	headers?: ResponseHeaders;
	body?: unknown;
}

/**
 * The transport's request function backed by n8n's own helper, so that the credential adds the
 * token and n8n's proxy settings apply. Every HTTP status resolves: the transport decides what is
 * an error and whether to retry.
 */
export function n8nRequest(context: RequestContext): BigCommerceRequest {
	return async (request) => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			headers: request.headers,
			body: request.body as IHttpRequestOptions['body'],
			timeout: request.timeoutMs,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_NAME, options)) as FullResponse;
		return { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body };
	};
}

/** Store address from the credential (the token stays with n8n's helper). */
/** The delivery secret of the trigger whose URL is `destination` (see deriveWebhookSecret). */
export async function triggerSecret(context: IHookFunctions | IWebhookFunctions, destination: string): Promise<string> {
	const credentials = await context.getCredentials<BigCommerceCredentials>(CREDENTIAL_NAME);
	return deriveWebhookSecret(String(credentials.accessToken ?? ''), String(credentials.storeHash ?? '').trim(), destination);
}

export async function storeAddress(context: RequestContext): Promise<{ baseUrl: string; storeHash: string }> {
	const credentials = await context.getCredentials<BigCommerceCredentials>(CREDENTIAL_NAME);
	const baseUrl = String(credentials.apiBaseUrl ?? '').trim() || 'https://api.bigcommerce.com';
	const storeHash = String(credentials.storeHash ?? '').trim();
	return { baseUrl, storeHash };
}

/**
 * A client for the credential's store. Its rate-limit pacer is shared by every execution in this
 * n8n process that uses the same store, because the quota belongs to the store.
 */
export async function bigCommerceClient(context: RequestContext): Promise<BigCommerceClient> {
	const { baseUrl, storeHash } = await storeAddress(context);
	return createBigCommerceClient({ baseUrl, storeHash, request: n8nRequest(context), pacer: sharedRateLimitPacer(baseUrl, storeHash) });
}
