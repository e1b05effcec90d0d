import type { IExecuteFunctions } from 'n8n-workflow';
import { checkDatabase } from '../../../core/ledger/database-check';
import { parseDatabaseConfig } from '../../../core/ledger/database-config';

/** Database → Check Connection: where the ledger is and which engine answers. */
export async function checkConnection(this: IExecuteFunctions) {
	const credentials = await this.getCredentials('tajoLoyaltyDatabase');
	const result = await checkDatabase(parseDatabaseConfig(credentials));
	return { ok: true, ...result };
}
