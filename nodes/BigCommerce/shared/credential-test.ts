import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { z } from 'zod';
import { runCredentialCheck } from '../../shared/credential-test';

export const BIGCOMMERCE_DEFAULT_BASE_URL = 'https://api.bigcommerce.com';

const credentialData = z.object({
	storeHash: z.string().default(''),
	accessToken: z.string().default(''),
	apiBaseUrl: z.string().default(BIGCOMMERCE_DEFAULT_BASE_URL),
});

/** The messages of the statuses that say what to fix (v3 GET /customers?limit=1). */
const STATUS_MESSAGES: Record<number, string> = {
	401: 'BigCommerce rejected the access token. Copy the access token of your store API account again (it is shown only once when the account is created).',
	403: 'The access token works but is not allowed to read customers. Edit the API account in BigCommerce and give it at least read-only access to Customers.',
	404: 'No store found with this store hash. Check the Store Hash: it is the code after /stores/ in your API path.',
	429: 'BigCommerce is rate-limiting this store right now. Wait a minute and test again.',
};

/**
 * Test of the BigCommerce API credential, shared by the BigCommerce node and Trigger (n8n asks
 * the first node using the credential that names a test): an authenticated read every API
 * account the package needs may do, one customer.
 */
export async function bigCommerceApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credentialData.safeParse(credential.data ?? {});
	if (!data.success) return { status: 'Error', message: 'Fill in Store Hash, Access Token and API Base URL as text.' };
	const storeHash = data.data.storeHash.trim();
	if (storeHash === '') return { status: 'Error', message: 'The Store Hash is empty. It is the code after /stores/ in your API path.' };
	const baseUrl = data.data.apiBaseUrl.trim().replace(/\/+$/, '');
	return await runCredentialCheck(this, {
		service: 'BigCommerce',
		urlField: 'API Base URL',
		baseUrl: data.data.apiBaseUrl,
		urlAdvice: `for a real store it is ${BIGCOMMERCE_DEFAULT_BASE_URL}; a test server such as the sandbox emulator must be running at the address given`,
		url: `${baseUrl}/stores/${encodeURIComponent(storeHash)}/v3/customers?limit=1`,
		headers: { 'X-Auth-Token': data.data.accessToken, Accept: 'application/json' },
		statusMessages: STATUS_MESSAGES,
		looksLikeService: (body) => typeof body === 'object' && body !== null && Array.isArray((body as { data?: unknown }).data),
	});
}
