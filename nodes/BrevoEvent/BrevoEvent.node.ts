import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { properties } from './description';
import { brevoApiTest } from './methods/credentialTest';
import { getAttributes, getFolders, getLists, getTemplates } from './methods/loadOptions';
import { operationFor } from './operations';
import { brevoClient } from './shared/client';
import { failedItem, toNodeError } from './shared/errors';
import type { RunContext } from './shared/types';

export class BrevoEvent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Brevo Event',
		name: 'brevoEvent',
		icon: 'file:brevo.svg',
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Track events, keep contacts, lists, catalog and orders current, and send email, SMS and WhatsApp with Brevo. To send later, put a Wait node before it.',
		defaults: { name: 'Brevo Event' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'brevoApi', required: true, testedBy: 'brevoApiTest' }],
		properties,
	};

	methods = { loadOptions: { getAttributes, getFolders, getLists, getTemplates }, credentialTest: { brevoApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const handler = operationFor(resource, operation);
		if (!handler) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`, {
				description: 'Pick the resource and operation again in the node; the workflow may come from a newer version of this package.',
			});
		}
		const run: RunContext = { ctx: this, client: await brevoClient(this), cache: {} };
		const out: INodeExecutionData[] = [];

		if (handler.kind === 'batch') {
			const results = await handler.run(run, items.map((_item, i) => i));
			for (const result of results) {
				out.push('error' in result ? failedItem(result.error, result.itemIndex) : { json: result.json, pairedItem: { item: result.itemIndex } });
			}
			return [out];
		}

		for (let i = 0; i < items.length; i++) {
			try {
				const result = handler.kind === 'many' ? await handler.run(run, i) : [await handler.run(run, i)];
				for (const json of result) out.push({ json, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push(failedItem(error, i));
					continue;
				}
				throw toNodeError(this.getNode(), error, i);
			}
		}
		return [out];
	}
}
