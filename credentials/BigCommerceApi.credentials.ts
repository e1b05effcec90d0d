import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A BigCommerce store API account (Settings → Store-level API accounts). Requests go to
 * `{apiBaseUrl}/stores/{storeHash}/v2|v3/…` with the `X-Auth-Token` header.
 *
 * Tested by the nodes (`testedBy: 'bigCommerceApiTest'`, nodes/BigCommerce/shared/credential-test.ts)
 * rather than by a declarative `test`: n8n shows a declarative test's network failure as its raw
 * error ("connect ECONNREFUSED 127.0.0.1:4010"), the node's test names the field to fix.
 */
export class BigCommerceApi implements ICredentialType {
	name = 'bigCommerceApi';

	displayName = 'BigCommerce API';

	icon = 'file:bigcommerce.svg' as const;

	documentationUrl = 'https://developer.bigcommerce.com/docs/start/authentication/api-accounts';

	properties: INodeProperties[] = [
		{
			displayName: 'Store Hash',
			name: 'storeHash',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'abc123xyz',
			description:
				'The short code of your store, found in the API path shown when you create an API account: https://api.bigcommerce.com/stores/<strong>{store hash}</strong>/v3/',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The access token of a store-level API account. It needs read access to Customers, Orders, Products, Carts and Channels, and read/write for Store Credit, Marketing (promotions) and Information & Settings (webhooks).',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.bigcommerce.com',
			required: true,
			description:
				'Leave as is for a real store. Change it only to point at a test server such as the sandbox emulator bundled with this package (e.g. http://127.0.0.1:4010).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-Auth-Token': '={{$credentials.accessToken}}',
				Accept: 'application/json',
			},
		},
	};
}
