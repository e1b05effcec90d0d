import type { ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { checkCredential, type CredentialCheck } from '../core/http/credential-check';
import type { RequestFunction } from '../core/http/http-types';

/**
 * A credential test function (a node's `methods.credentialTest`) gets only n8n's legacy request
 * helper, without the credential's `authenticate` applied: the check adds its own headers.
 * `simple: false` makes every HTTP status resolve, so only network failures throw.
 */
function legacyRequest(context: ICredentialTestFunctions): RequestFunction {
	return async (request) => {
		const response = (await context.helpers.request({
			method: request.method,
			uri: request.url,
			headers: request.headers,
			json: true,
			timeout: request.timeoutMs,
			simple: false,
			resolveWithFullResponse: true,
		})) as { statusCode: number; headers?: Record<string, string>; body?: unknown };
		return { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body };
	};
}

export async function runCredentialCheck(context: ICredentialTestFunctions, check: CredentialCheck): Promise<INodeCredentialTestResult> {
	const result = await checkCredential(legacyRequest(context), check);
	return result.ok ? { status: 'OK', message: 'Connection successful' } : { status: 'Error', message: result.message };
}
