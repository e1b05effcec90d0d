import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A Brevo (ex-Sendinblue) API v3 key, sent in the `api-key` header. Tested by the Brevo Event node
 * (`testedBy: 'brevoApiTest'`, nodes/BrevoEvent/methods/credentialTest.ts), which names the field
 * to fix when nothing answers at the Base URL instead of n8n's raw network error.
 */
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
}
