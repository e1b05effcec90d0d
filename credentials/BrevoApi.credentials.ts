import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** A Brevo (ex-Sendinblue) API v3 key, sent in the `api-key` header. */
export class BrevoApi implements ICredentialType {
	name = 'brevoApi';

	displayName = 'Brevo API';

	icon = 'file:brevo.svg' as const;

	documentationUrl = 'https://developers.brevo.com/docs/getting-started';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'xkeysib-…',
			description:
				'An API key from Brevo: your name (top right) → SMTP & API → API Keys → Generate a new API key. It starts with "xkeysib-".',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.brevo.com/v3',
			required: true,
			description:
				'Leave as is for your Brevo account. Change it only to point at a test server such as the sandbox emulator bundled with this package (e.g. http://127.0.0.1:4020/v3).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'api-key': '={{$credentials.apiKey}}',
				Accept: 'application/json',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.endsWith("/") ? $credentials.baseUrl.slice(0, -1) : $credentials.baseUrl}}',
			url: '/account',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Brevo did not accept this API key. Paste the whole key from Brevo (SMTP & API → API Keys; an SMTP key does not work here). If your Brevo account only accepts known IP addresses, also authorise the address of this n8n server (Security → Authorised IPs).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Brevo refused access with this API key. Check in Brevo that the key is active and that your plan includes API access.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Nothing answers at this Base URL as the Brevo API. Leave the Base URL at https://api.brevo.com/v3 unless you use a test server.',
				},
			},
		],
	};
}
