import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { ledgerStores } from '../../../../../nodes/core/loyalty-service';
import { runNode, runOne, type RunOptions } from './run-node';
import { STORE } from './fixtures';

/**
 * A temporary SQLite ledger per test file, used through the node exactly as n8n would: the
 * credential names the file, the node opens (and caches) the store itself.
 */
export function useTempLedger() {
	let dir = '';
	let n = 0;
	const ledger = {
		credentials: {} as IDataObject,
		/** A fresh database file for the next test(s). */
		fresh(): IDataObject {
			ledger.credentials = { type: 'sqlite', sqlitePath: join(dir, `ledger-${++n}.sqlite`) };
			return ledger.credentials;
		},
		run(parameters: RunOptions['parameters'], items?: IDataObject[], extra: Partial<RunOptions> = {}) {
			return runNode({ credentials: ledger.credentials, parameters, items, ...extra });
		},
		one(parameters: IDataObject, item?: IDataObject, extra: Partial<RunOptions> = {}) {
			return runOne({ credentials: ledger.credentials, parameters, items: item ? [item] : undefined, ...extra });
		},
		/** The seed's three programs in the store. */
		async seedPrograms() {
			for (const seedProgram of ['default', 'b2b_program', 'global_program']) {
				await ledger.one({ resource: 'program', operation: 'upsert', storeHash: STORE, configSource: 'seed', seedProgram });
			}
		},
	};
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'tajo-node-'));
	});
	beforeEach(() => {
		ledger.fresh();
	});
	afterAll(async () => {
		await ledgerStores.closeAll();
		rmSync(dir, { recursive: true, force: true });
	});
	return ledger;
}
