import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { z } from 'zod';
import { runCredentialCheck } from '../../shared/credential-test';

const DEFAULT_BASE_URL = 'https://api.brevo.com/v3';

const credentialData = z.object({ apiKey: z.string().default(''), baseUrl: z.string().default(DEFAULT_BASE_URL) });

/** The messages of the statuses that say what to fix (GET /account). */
const STATUS_MESSAGES: Record<number, string> = {
	401: 'Brevo did not accept this API key. Paste the whole key from Brevo (SMTP & API → API Keys; an SMTP key does not work here). If your Brevo account only accepts known IP addresses, also authorise the address of this n8n server (Security → Authorised IPs).',
	403: 'Brevo refused access with this API key. Check in Brevo that the key is active and that your plan includes API access.',
	404: `Nothing answers at this Base URL as the Brevo API. Leave the Base URL at ${DEFAULT_BASE_URL} unless you use a test server.`,
	429: 'Brevo is rate-limiting this account right now. Wait a minute and test again.',
};

/** Test of the Brevo API credential: reads the account the key belongs to. */
export async function brevoApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credentialData.safeParse(credential.data ?? {});
	if (!data.success) return { status: 'Error', message: 'Fill in API Key and Base URL as text.' };
	return await runCredentialCheck(this, {
		service: 'Brevo',
		urlField: 'Base URL',
		baseUrl: data.data.baseUrl,
		urlAdvice: `for your Brevo account it is ${DEFAULT_BASE_URL}; a test server such as the sandbox emulator must be running at the address given`,
		url: `${data.data.baseUrl.trim().replace(/\/+$/, '')}/account`,
		headers: { 'api-key': data.data.apiKey, Accept: 'application/json' },
		statusMessages: STATUS_MESSAGES,
		looksLikeService: (body) => typeof body === 'object' && body !== null && typeof (body as { email?: unknown }).email === 'string',
	});
}
