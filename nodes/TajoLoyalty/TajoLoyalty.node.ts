import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import type { LedgerStore } from '../core/ledger';
import { ledgerStores, type StoreLease } from '../core/loyalty-service';
import { tajoLoyaltyDatabaseTest } from './methods/credentialTest';
import { operations, resourceProperties, resourceSelector } from './resources';
import { failedItem, toNodeError } from './shared/errors';

/**
 * The loyalty engine for BigCommerce stores: programs, members, points, tracked carts and
 * analytics on the Tajo Loyalty Database. Each operation lives in
 * resources/<resource>/<operation>.ts and maps its parameters to one call of the loyalty
 * service (nodes/core/loyalty-service), which composes the rules engine and the ledger.
 */
export class TajoLoyalty implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tajo Loyalty',
		name: 'tajoLoyalty',
		icon: 'file:tajo.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Loyalty points, tiers, members and abandoned-cart tracking for BigCommerce stores',
		defaults: { name: 'Tajo Loyalty' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'tajoLoyaltyDatabase', required: true, testedBy: 'tajoLoyaltyDatabaseTest' }],
		properties: [resourceSelector, ...resourceProperties],
	};

	methods = { credentialTest: { tajoLoyaltyDatabaseTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		// The ledger is borrowed from the process-wide cache on first need and given back at the end.
		let lease: Promise<StoreLease> | undefined;
		const store = async (): Promise<LedgerStore> => {
			lease ??= this.getCredentials('tajoLoyaltyDatabase').then((credentials) => ledgerStores.acquire(credentials));
			return (await lease).store;
		};
		try {
			for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
				try {
					const resource = this.getNodeParameter('resource', itemIndex) as string;
					const operation = this.getNodeParameter('operation', itemIndex) as string;
					const run = operations[resource]?.[operation];
					if (!run) {
						throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`, {
							itemIndex,
							description: 'Choose a resource and an operation from the lists.',
						});
					}
					// Operations that do not use the ledger (Database → Check Connection) never call store().
					const result = await run.call(this, { itemIndex, store });
					for (const json of Array.isArray(result) ? result : [result]) out.push({ json: json as IDataObject, pairedItem: { item: itemIndex } });
				} catch (error) {
					if (this.continueOnFail()) {
						out.push(failedItem(error, itemIndex));
						continue;
					}
					throw toNodeError(this.getNode(), error, itemIndex);
				}
			}
		} finally {
			if (lease) (await lease.catch(() => undefined))?.release();
		}
		return [out];
	}
}
