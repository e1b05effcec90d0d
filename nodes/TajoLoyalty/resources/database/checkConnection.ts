import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { checkDatabase } from '../../core/ledger/database-check';
import { parseDatabaseConfig } from '../../core/ledger/database-config';

export const databaseOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['database'] } },
		options: [
			{
				name: 'Check Connection',
				value: 'checkConnection',
				description: 'Connect to the loyalty database and check that its tables can be created and used',
				action: 'Check the loyalty database connection',
			},
		],
		default: 'checkConnection',
	},
];

/** Database → Check Connection: where the ledger is and which engine answers. */
export async function checkConnection(this: IExecuteFunctions): Promise<IDataObject> {
	const credentials = await this.getCredentials('tajoLoyaltyDatabase');
	const result = await checkDatabase(parseDatabaseConfig(credentials));
	return { ok: true, ...result };
}
