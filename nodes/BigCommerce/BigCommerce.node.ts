import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import type { BigCommerceClient } from '../core/bigcommerce';
import { operations, resourceProperties, resourceSelector } from './resources';
import { bigCommerceApiTest } from './shared/credential-test';
import { failedItem, toNodeError } from './shared/errors';
import { bigCommerceClient } from './shared/transport';

export class BigCommerce implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BigCommerce',
		name: 'bigCommerce',
		icon: 'file:bigcommerce.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read customers, orders, carts and products of a BigCommerce store, create coupon codes and switch webhooks back on',
		defaults: { name: 'BigCommerce' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'bigCommerceApi', required: true, testedBy: 'bigCommerceApiTest' }],
		properties: [resourceSelector, ...resourceProperties],
	};

	methods = { credentialTest: { bigCommerceApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		let client: BigCommerceClient | undefined;
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const run = operations[resource]?.[operation];
				if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}".`, { itemIndex });
				// One client for all items: its rate-limit pacer then sees every request of the run.
				client ??= await bigCommerceClient(this);
				const results = await run.call(this, client, itemIndex);
				for (const json of results) out.push({ json: json as IDataObject, pairedItem: { item: itemIndex } });
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, itemIndex);
				if (this.continueOnFail()) {
					out.push(failedItem(nodeError, error, itemIndex));
					continue;
				}
				throw nodeError;
			}
		}
		return [out];
	}
}
