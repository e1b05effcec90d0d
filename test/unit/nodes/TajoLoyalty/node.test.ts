import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeOperationError, type IDataObject, type INodeProperties } from 'n8n-workflow';
import type { LedgerStore } from '../../../../nodes/core/ledger';
import { LedgerStoreCache, credentialKey, ledgerStores } from '../../../../nodes/core/loyalty-service';
import { operations } from '../../../../nodes/TajoLoyalty/resources';
import { takesErrorOutput } from '../support/error-output';
import { bigCommerceCustomer, bigCommerceOrder, STORE } from './support/fixtures';
import { useTempLedger } from './support/ledger';
import { node, runNode } from './support/run-node';

const ledger = useTempLedger();

describe('the node description', () => {
	const properties = node.description.properties;
	const operationProperties = properties.filter((p) => p.name === 'operation');

	it('is a usable-as-tool node with the database credential and its test', () => {
		expect(node.description).toEqual(expect.objectContaining({ name: 'tajoLoyalty', usableAsTool: true, version: 1 }));
		expect(node.description.credentials).toEqual([{ name: 'tajoLoyaltyDatabase', required: true, testedBy: 'tajoLoyaltyDatabaseTest' }]);
		expect(node.methods.credentialTest.tajoLoyaltyDatabaseTest).toEqual(expect.any(Function));
	});

	it('offers exactly the operations that are implemented, each with a description and an action', () => {
		const described: string[] = [];
		for (const p of operationProperties) {
			const resource = (p.displayOptions!.show!.resource as string[])[0];
			for (const o of p.options as Array<{ value: string; description?: string; action?: string }>) {
				expect(o.description).toBeTruthy();
				expect(o.action).toBeTruthy();
				described.push(`${resource}.${o.value}`);
			}
		}
		const implemented = Object.entries(operations).flatMap(([resource, ops]) => Object.keys(ops).map((op) => `${resource}.${op}`));
		expect(described.sort()).toEqual(implemented.sort());
		expect(implemented).toEqual(
			expect.arrayContaining([
				'program.upsert', 'program.get', 'program.list',
				'member.upsert', 'member.get', 'member.list', 'member.erase',
				'points.calculate', 'points.awardForOrder', 'points.awardBonus', 'points.redeem', 'points.reverse', 'points.adjust', 'points.history',
				'cart.track', 'cart.check', 'cart.markConverted', 'cart.recordMessage', 'cart.endSequence',
				'message.claim', 'message.markSent', 'message.release', 'message.schedule', 'message.getDue', 'message.pruneSent',
				'analytics.getDashboard', 'database.checkConnection',
			]),
		);
	});

	it('gives every parameter a display name, a default and (outside the selectors) a description', () => {
		const check = (p: INodeProperties) => {
			expect(p.displayName).toBeTruthy();
			expect(p).toHaveProperty('default');
			if (!['resource', 'operation'].includes(p.name)) expect(`${p.name}: ${p.description ?? ''}`).toMatch(/: \S/);
			for (const option of (p.options ?? []) as INodeProperties[]) if ('type' in option) check(option);
		};
		for (const p of properties) check(p);
	});
});

describe('execution', () => {
	beforeEach(() => ledger.seedPrograms());

	it('with Continue On Fail, a failing item becomes an error item and the others go on, each paired with its input', async () => {
		await ledger.one({ resource: 'member', operation: 'upsert', storeHash: STORE, customerGroupName: 'Retail' }, bigCommerceCustomer(1));
		const { items } = await ledger.run(
			{ resource: 'points', operation: 'awardForOrder', storeHash: STORE },
			[bigCommerceOrder(1, 1, '10.0000'), bigCommerceOrder(2, 1, '10.0000', { subtotal_ex_tax: 'lots' }), bigCommerceOrder(3, 1, '10.0000')],
			{ continueOnFail: true },
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toEqual(expect.objectContaining({ awarded: true, points: 10 }));
		expect(items[1].json).toEqual({
			error: expect.stringMatching(/^subtotal_ex_tax: "lots" is not a money amount/),
			details: { description: expect.stringContaining('decimal numbers'), code: 'INVALID_MONEY' },
		});
		expect(items[2].json).toEqual(expect.objectContaining({ awarded: true, points: 10 }));
		// With "Continue (using error output)", n8n sends only the failed item to the error output.
		expect(items.map(takesErrorOutput)).toEqual([false, true, false]);
	});

	it('without it, the first failure stops the node with a NodeOperationError naming the item', async () => {
		const error = (await ledger
			.run({ resource: 'member', operation: 'get', storeHash: STORE, customerId: '999' }, [{ customer_id: 999 }])
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.context.itemIndex).toBe(0);
		expect(error.description).toMatch(/Member → Upsert/);
	});

	it('names the parameter whose value is wrong', async () => {
		const run = (parameters: IDataObject, item?: IDataObject) => ledger.one(parameters, item, { continueOnFail: true });
		expect((await run({ resource: 'member', operation: 'get', storeHash: '  ' })).error).toMatch(/^Store Hash: is empty/);
		expect((await run({ resource: 'member', operation: 'get', storeHash: STORE, customerId: 'abc' })).error).toBe('Customer ID: must be a whole number (got "abc")');
		expect((await run({ resource: 'member', operation: 'get', storeHash: STORE, program: 'Not A Program' }, { customer_id: 1 })).error).toMatch(/^Program: must be a program id/);
		expect((await run({ resource: 'points', operation: 'redeem', storeHash: STORE, customerId: '1', points: 0, redemptionId: 'x' })).error).toBe('Points: must be 1 or more');
		expect((await run({ resource: 'member', operation: 'list', storeHash: STORE, filters: { modifiedSince: 'yesterday-ish' } })).error).toMatch(/^Filters → Modified Since: must be a date/);
		expect((await run({ resource: 'points', operation: 'awardForOrder', storeHash: STORE }, { id: 5, customer_id: 'x' })).error).toMatch(/^order\.customer_id: must be a whole number/);
	});

	it('opens the ledger once per credential and shares it between executions', async () => {
		await ledgerStores.closeAll();
		await ledger.run({ resource: 'program', operation: 'list', storeHash: STORE });
		await ledger.run({ resource: 'program', operation: 'list', storeHash: STORE });
		expect(ledgerStores.size).toBe(1);
		const other = ledger.credentials;
		ledger.fresh();
		await ledger.run({ resource: 'program', operation: 'list', storeHash: STORE });
		expect(ledgerStores.size).toBe(2);
		expect(credentialKey(other as never)).not.toBe(credentialKey(ledger.credentials as never));
	});

	it('Database → Check Connection works without opening the ledger', async () => {
		await ledgerStores.closeAll();
		const { json } = await ledger.run({ resource: 'database', operation: 'checkConnection' });
		expect(json[0]).toEqual(expect.objectContaining({ ok: true, driver: 'sqlite' }));
		expect(ledgerStores.size).toBe(0);
	});

	it('a database that cannot be opened is explained, and not cached', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'tajo-bad-'));
		try {
			writeFileSync(join(dir, 'file'), 'x');
			const credentials = { type: 'sqlite', sqlitePath: join(dir, 'file', 'ledger.sqlite') };
			const { json } = await runNode({ credentials, parameters: { resource: 'program', operation: 'list', storeHash: STORE }, continueOnFail: true });
			expect(json[0]).toEqual({ error: 'The loyalty database could not be opened', details: { description: expect.any(String), code: 'DATABASE_UNAVAILABLE' } });
			expect((json[0].details as IDataObject).description).toContain(join(dir, 'file', 'ledger.sqlite'));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('LedgerStoreCache', () => {
	const fakeStore = () => ({ close: jest.fn(async () => undefined) }) as unknown as LedgerStore & { close: jest.Mock };
	const sqlite = (file: string) => ({ type: 'sqlite', sqlitePath: `/tmp/${file}.sqlite` });

	it('concurrent first uses share one opening; leases given back close the idle store after the delay', async () => {
		const store = fakeStore();
		const open = jest.fn(async () => store);
		const cache = new LedgerStoreCache({ open, idleCloseMs: 20 });
		const [a, b] = await Promise.all([cache.acquire(sqlite('a')), cache.acquire(sqlite('a'))]);
		expect(open).toHaveBeenCalledTimes(1);
		expect(a.store).toBe(b.store);
		a.release();
		a.release(); // a second release does nothing
		await new Promise((r) => setTimeout(r, 40));
		expect(store.close).not.toHaveBeenCalled(); // b still holds it
		b.release();
		await new Promise((r) => setTimeout(r, 40));
		expect(store.close).toHaveBeenCalledTimes(1);
		expect(cache.size).toBe(0);
	});

	it('a store used again before the delay stays open', async () => {
		const store = fakeStore();
		const cache = new LedgerStoreCache({ open: async () => store, idleCloseMs: 30 });
		(await cache.acquire(sqlite('b'))).release();
		await new Promise((r) => setTimeout(r, 10));
		const again = await cache.acquire(sqlite('b'));
		await new Promise((r) => setTimeout(r, 40));
		expect(store.close).not.toHaveBeenCalled();
		again.release();
		await cache.closeAll();
		expect(store.close).toHaveBeenCalledTimes(1);
	});

	it('does not cache a failed opening', async () => {
		const open = jest.fn().mockRejectedValueOnce(new Error('database is down')).mockResolvedValue(fakeStore());
		const cache = new LedgerStoreCache({ open });
		await expect(cache.acquire(sqlite('c'))).rejects.toThrow('database is down');
		expect(cache.size).toBe(0);
		const lease = await cache.acquire(sqlite('c'));
		expect(open).toHaveBeenCalledTimes(2);
		lease.release();
		await cache.closeAll();
	});

	it('keys by the credential fields, never the fields themselves', () => {
		const pg = { type: 'postgres', host: 'db', port: 5432, database: 'tajo', user: 'u', password: 'secret-1', ssl: 'disable' } as const;
		expect(credentialKey(pg)).toMatch(/^[0-9a-f]{64}$/);
		expect(credentialKey(pg)).not.toContain('secret');
		expect(credentialKey({ ...pg, password: 'secret-2' })).not.toBe(credentialKey(pg));
		expect(credentialKey(pg)).toBe(credentialKey({ ssl: 'disable', password: 'secret-1', user: 'u', database: 'tajo', port: 5432, host: 'db', type: 'postgres' }));
	});
});
