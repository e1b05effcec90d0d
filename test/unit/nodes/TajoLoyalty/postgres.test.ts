import type { IDataObject } from 'n8n-workflow';
import { Client } from 'pg';
import { ledgerStores } from '../../../../nodes/core/loyalty-service';
import { startTestPostgres, type TestPostgres } from '../../../support/postgres-server';
import { bigCommerceCart, bigCommerceCustomer, bigCommerceOrder, STORE } from './support/fixtures';
import { runNode, runOne } from './support/run-node';

/**
 * The node on the PostgreSQL credential (queue mode's store). The driver sends statements as
 * prepared EXECUTEs with the values written as escaped literals: text with quotes, backslashes,
 * question marks and non-ASCII must come back exactly as it went in.
 */
let pg: TestPostgres;
let credentials: IDataObject;

beforeAll(async () => {
	pg = await startTestPostgres();
	const admin = new Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: 'postgres' });
	await admin.connect();
	await admin.query('CREATE DATABASE tajo_node_test');
	await admin.end();
	credentials = { type: 'postgres', host: pg.host, port: pg.port, database: 'tajo_node_test', user: pg.user, password: pg.password, ssl: 'disable' };
}, 120_000);

afterAll(async () => {
	await ledgerStores.closeAll();
	await pg?.stop();
}, 60_000);

const one = (parameters: IDataObject, item?: IDataObject, continueOnFail = false) =>
	runOne({ credentials, parameters, items: item ? [item] : undefined, continueOnFail });

const AWKWARD = `O'Brien \\ "the ? mark" -- ; DROP TABLE tajo_members; 🎁 Zoë`;

it('enrols, awards, redeems and tracks carts with awkward text intact', async () => {
	await one({ resource: 'program', operation: 'upsert', storeHash: STORE, configSource: 'seed', seedProgram: 'default' });
	const enrolled = await one(
		{ resource: 'member', operation: 'upsert', storeHash: STORE, customerGroupName: 'VIP', additionalFields: { birthday: '--04-23' } },
		bigCommerceCustomer(1, { first_name: AWKWARD, last_name: "d'Arc", email: "o'brien+?@example.com" }),
	);
	expect(enrolled.member).toEqual(expect.objectContaining({ first_name: AWKWARD, last_name: "d'Arc", email: "o'brien+?@example.com", birthday: '--04-23', tier: 'Gold' }));

	const order = bigCommerceOrder(10, 1, '69.8400');
	const awarded = await one({ resource: 'points', operation: 'awardForOrder', storeHash: STORE }, order);
	expect(awarded).toEqual(expect.objectContaining({ duplicate: false, points: 157, firstPurchaseBonus: { points: 200, duplicate: false } }));
	const again = await one({ resource: 'points', operation: 'awardForOrder', storeHash: STORE }, order);
	expect(again).toEqual(expect.objectContaining({ duplicate: true, entryId: awarded.entryId, breakdown: awarded.breakdown }));

	const redeemed = await one({ resource: 'points', operation: 'redeem', storeHash: STORE, customerId: '1', points: 100, redemptionId: AWKWARD, additionalFields: { reason: AWKWARD } });
	expect(redeemed).toEqual(expect.objectContaining({ redeemed: 100, balance: expect.objectContaining({ available: 257 }) }));
	expect((redeemed.entry as IDataObject).reason).toBe(AWKWARD);
	const tooMuch = await one({ resource: 'points', operation: 'redeem', storeHash: STORE, customerId: '1', points: 258, redemptionId: 'x' }, undefined, true);
	expect(tooMuch.details).toEqual(expect.objectContaining({ code: 'INSUFFICIENT_POINTS' }));

	const { json: history } = await runNode({ credentials, parameters: { resource: 'points', operation: 'history', storeHash: STORE, customerId: '1', returnAll: true } });
	expect(history.map((e) => [e.kind, e.points])).toEqual([
		['redemption', -100],
		['bonus', 200],
		['purchase', 157],
	]);

	const tracked = await one({ resource: 'cart', operation: 'track', storeHash: STORE, event: 'abandoned' }, bigCommerceCart('c?1', { email: "o'brien@example.com" }));
	expect(tracked).toEqual(expect.objectContaining({ startSequence: true, generation: 1 }));
	const step = await one({ resource: 'cart', operation: 'recordMessage', storeHash: STORE, cartId: 'c?1', generation: 1, step: AWKWARD });
	expect(step.step).toBe(AWKWARD);
	expect((await one({ resource: 'cart', operation: 'check', storeHash: STORE, cartId: 'c?1', generation: 1 })).proceed).toBe(true);

	const dashboard = await one({ resource: 'analytics', operation: 'getDashboard', storeHash: STORE });
	expect(dashboard.loyalty).toEqual(expect.objectContaining({ members: 1, pointsIssued: 357, pointsRedeemed: 100 }));
}, 60_000);

it("reverses partial refunds given as the order's refunded total so far exactly, under concurrent calls", async () => {
	const points = (extra: IDataObject) => ({ resource: 'points', storeHash: STORE, ...extra });
	await one({ resource: 'member', operation: 'upsert', storeHash: STORE, customerGroupName: 'Retail' }, bigCommerceCustomer(2));
	await one(points({ operation: 'awardForOrder', firstPurchaseBonus: false }), bigCommerceOrder(20, 2, '1000.0000'));
	const byTotal = (refundId: string, refundedTotal: string) =>
		one(
			points({ operation: 'reverse', reversalType: 'partial', refundAmountIs: 'refundedTotal', refundId, refundAmount: refundedTotal }),
			bigCommerceOrder(20, 2, '1000.0000', { refunded_amount: refundedTotal }),
		);
	// Six refunds of 100.01 each; every workflow read the order at some moment after its own refund,
	// and some events came twice. All run at once, on several connections.
	const calls: Array<[string, string]> = [
		['r1', '100.0100'], ['r2', '300.0300'], ['r3', '300.0300'], ['r4', '400.0400'], ['r1', '600.0600'],
		['r5', '500.0500'], ['r6', '600.0600'], ['r2', '200.0200'], ['r6', '600.0600'], ['r3', '600.0600'],
	];
	const outs = await Promise.all(calls.map(([id, total]) => byTotal(id, total)));
	for (const out of outs) expect(out.reversed === true || out.nothingToReverse === true).toBe(true);

	const { json: entries } = await runNode({ credentials, parameters: { resource: 'points', operation: 'history', storeHash: STORE, customerId: '2', returnAll: true, filters: { kinds: ['reversal'] } } });
	expect(new Set(entries.map((e) => e.refundId)).size).toBe(entries.length);
	// floor(1000 × 600.06 / 1000.00) = 600 points in all, however the refunds were split between the calls.
	expect(entries.reduce((sum, e) => sum + (e.points as number), 0)).toBe(-600);
	const recorded = entries.reduce((sum, e) => sum + ((e.breakdown as IDataObject).refundAmountMinor as number), 0);
	expect(recorded).toBe(60006);
	const member = await one({ resource: 'member', operation: 'get', storeHash: STORE, customerId: '2' });
	expect(member.points).toEqual(expect.objectContaining({ available: 400, lifetime: 400 }));
	expect(member.total_spent).toBe(399.94);

	// The rest: the order is refunded in full; the reversals add up to exactly the grant.
	expect(await byTotal('r7', '1000.0000')).toEqual(expect.objectContaining({ points: -400, order: expect.objectContaining({ reversedPoints: 1000, refundedMinor: 100000 }) }));
}, 60_000);

it('falls back to plain statements when prepared ones vanish (a pooler such as PgBouncer in transaction mode)', async () => {
	const { openSqlDriver } = await import('../../../../nodes/core/ledger/open-ledger-store');
	const { SqlLedgerStore } = await import('../../../../nodes/core/ledger/sql-ledger-store');
	const { statement } = await import('../../../../nodes/core/ledger/sql/statement');
	const driver = await openSqlDriver(credentials, { poolSize: 1 });
	const store = new SqlLedgerStore(driver, () => new Date());
	try {
		const program = await store.getProgram({ storeHash: STORE, name: 'default' });
		const read = () => store.getMember(program.id, { customerId: 1 });
		expect((await read()).customerId).toBe(1);
		// What a transaction-mode pooler does to a client: its next transaction runs on a connection without them.
		await driver.write(function* () {
			yield statement('DEALLOCATE ALL', [], 'run');
		});
		expect((await read()).customerId).toBe(1);
		// The driver noticed (no such prepared statement), retried, and now sends plain statements.
		expect((driver as unknown as { prepareStatements: boolean }).prepareStatements).toBe(false);
		expect((await read()).customerId).toBe(1);
	} finally {
		await store.close();
	}
});
