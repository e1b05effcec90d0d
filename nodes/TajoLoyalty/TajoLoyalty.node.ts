import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { tajoLoyaltyDatabaseTest } from './methods/credentialTest';
import { checkConnection, databaseOperations } from './resources/database';

export class TajoLoyalty implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tajo Loyalty',
		name: 'tajoLoyalty',
		icon: 'file:tajo.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Loyalty points, tiers and members for BigCommerce stores',
		defaults: { name: 'Tajo Loyalty' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'tajoLoyaltyDatabase', required: true, testedBy: 'tajoLoyaltyDatabaseTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Database', value: 'database' }],
				default: 'database',
			},
			...databaseOperations,
		],
	};

	methods = { credentialTest: { tajoLoyaltyDatabaseTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const resource = this.getNodeParameter('resource', i) as string;
				const operation = this.getNodeParameter('operation', i) as string;
				if (resource === 'database' && operation === 'checkConnection') {
					out.push({ json: await checkConnection.call(this), pairedItem: { item: i } });
					continue;
				}
				throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}" for resource "${resource}"`, { itemIndex: i });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				if (error instanceof NodeOperationError) throw error;
				throw new NodeOperationError(this.getNode(), error as Error, {
					itemIndex: i,
					message: 'The loyalty database could not be used',
					description: (error as Error).message,
				});
			}
		}
		return [out];
	}
}
