import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * A BigCommerce store API account (Settings → Store-level API accounts). Requests go to
 * `{apiBaseUrl}/stores/{storeHash}/v2|v3/…` with the `X-Auth-Token` header.
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

	// An authenticated read the seed's scopes always allow: one customer.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiBaseUrl.endsWith("/") ? $credentials.apiBaseUrl.slice(0, -1) : $credentials.apiBaseUrl}}/stores/{{$credentials.storeHash.trim()}}',
			url: '/v3/customers',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'BigCommerce rejected the access token. Copy the access token of your store API account again (it is shown only once when the account is created).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The access token works but is not allowed to read customers. Edit the API account in BigCommerce and give it at least read-only access to Customers.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No store found with this store hash. Check the Store Hash: it is the code after /stores/ in your API path.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message:
						'BigCommerce is rate-limiting this store right now. Wait a minute and test again.',
				},
			},
		],
	};
}
