import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { checkDatabase } from '../../core/ledger/database-check';
import { parseDatabaseConfig } from '../../core/ledger/database-config';

/** Credential test of the Tajo Loyalty Database: connect and prove the schema can be created. */
export async function tajoLoyaltyDatabaseTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		const result = await checkDatabase(parseDatabaseConfig(credential.data));
		return { status: 'OK', message: `Connected to ${result.serverVersion} at ${result.location}` };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
