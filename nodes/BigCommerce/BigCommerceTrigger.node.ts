import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { bigCommerceApiTest } from './shared/credential-test';
import { handleDelivery } from './trigger/delivery';
import { triggerProperties } from './trigger/description';
import { checkExists, create, remove } from './trigger/lifecycle';

export class BigCommerceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BigCommerce Trigger',
		name: 'bigCommerceTrigger',
		icon: 'file:bigcommerce.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when orders, carts, customers or products change in a BigCommerce store',
		defaults: { name: 'BigCommerce Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bigCommerceApi', required: true, testedBy: 'bigCommerceApiTest' }],
		// responseData '' (not n8n's default 'firstEntryJson'): n8n then answers with the node's
		// webhookResponse, read once the execution is stored (see trigger/delivery.ts).
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }],
		properties: triggerProperties,
	};

	// n8n may ask any node using the credential for its test, so the Trigger offers it too.
	methods = { credentialTest: { bigCommerceApiTest } };

	webhookMethods = {
		default: { checkExists, create, delete: remove },
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return handleDelivery(this);
	}
}
