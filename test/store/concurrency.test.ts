import type { DatabaseConfig } from '../../nodes/core/ledger/database-config';
import { InsufficientPoints } from '../../nodes/core/ledger/errors';
import type { LedgerStore } from '../../nodes/core/ledger/ledger-store';
import { runProcesses, runWorkers } from './support/run-workers';
import { award, programWithMember, STORE } from './support/seed-data';
import { ENGINES, useStoreEngine } from './support/store-engines';

/**
 * Exactly once under concurrency. Several stores on one database stand for several n8n
 * processes: on SQLite each has its own `DatabaseSync` connection to the file, on PostgreSQL its
 * own pool. The worker-thread cases add real parallelism (separate threads and event loops).
 */
describe.each(ENGINES)('ledger concurrency on %s', (engine) => {
	const db = useStoreEngine(engine);
	let config: DatabaseConfig;
	let stores: LedgerStore[];
	let programId: string;

	beforeEach(async () => {
		const fresh = await db.fresh();
		config = fresh.config;
		stores = [fresh.store, ...(await Promise.all([1, 2, 3, 4].map(() => db.open(config, { poolSize: 5 }))))];
		programId = (await programWithMember(stores[0])).program.id;
	});

	const count = async (where: string) => Number((await db.sql(config, `SELECT count(*) AS n FROM tajo_ledger_entries WHERE ${where}`))[0].n);
	const settled = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);

	it('50 concurrent duplicate awards for one order write exactly one entry', async () => {
		const results = await Promise.all(Array.from({ length: 50 }, (_, i) => award(stores[i % stores.length], programId, 1, 100, 123_456)));
		expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
		expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
		expect(await count("order_id = '100'")).toBe(1);
		const member = await stores[0].getMember(programId, { customerId: 1 });
		expect(member.points.balance).toBe(1234);
		expect(member.stats.ordersCount).toBe(1);
		expect((await stores[0].checkConsistency()).mismatches).toEqual([]);
	});

	it('30 concurrent awards of one order, each under its own key, write exactly one entry', async () => {
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				stores[i % stores.length].awardForOrder({
					programId,
					member: { customerId: 1 },
					idempotencyKey: `${STORE}:order:100:purchase:attempt-${i}`,
					order: { id: 100, totalMinor: 123_456 },
					compute: () => ({ points: 1234 }),
				}),
			),
		);
		expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
		expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
		expect(await count("order_id = '100'")).toBe(1);
		const member = await stores[0].getMember(programId, { customerId: 1 });
		expect(member.points.balance).toBe(1234);
		expect(member.stats.ordersCount).toBe(1);
		expect((await stores[0].checkConsistency()).mismatches).toEqual([]);
	});

	it('50 duplicate awards from 5 worker threads, each with its own connection, write exactly one entry', async () => {
		const reports = await runWorkers(
			Array.from({ length: 5 }, () => ({ task: 'award' as const, config, programId, customerId: 1, orderId: 200, totalMinor: 50_000, count: 10 })),
		);
		const results = reports.flatMap((r) => r.results);
		expect(results).toHaveLength(50);
		expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
		expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
		expect(await count("order_id = '200'")).toBe(1);
		expect((await stores[0].getMember(programId, { customerId: 1 })).points.balance).toBe(500);
	}, 120_000);

	it('50 duplicate awards from 5 separate processes write exactly one entry', async () => {
		const reports = await runProcesses(
			Array.from({ length: 5 }, () => ({ task: 'award' as const, config, programId, customerId: 1, orderId: 300, totalMinor: 70_000, count: 10 })),
		);
		const results = reports.flatMap((r) => r.results);
		expect(results).toHaveLength(50);
		expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
		expect(await count("order_id = '300'")).toBe(1);
		expect((await stores[0].getMember(programId, { customerId: 1 })).points.balance).toBe(700);
	}, 120_000);

	it('concurrent awards of different orders all land, and the cached totals add up', async () => {
		await Promise.all(Array.from({ length: 40 }, (_, i) => award(stores[i % stores.length], programId, 1, 1000 + i, 10_000)));
		const member = await stores[0].getMember(programId, { customerId: 1 });
		expect(member.points.balance).toBe(4000);
		expect(member.stats.ordersCount).toBe(40);
		expect((await stores[0].checkConsistency()).mismatches).toEqual([]);
	});

	it('concurrent redemptions that together exceed the balance: only those that fit succeed', async () => {
		await award(stores[0], programId, 1, 100, 100_000); // 1000 points
		const outcomes = await settled(
			Array.from({ length: 25 }, (_, i) =>
				stores[i % stores.length].redeem({ programId, member: { customerId: 1 }, idempotencyKey: `redeem-${i}`, points: 100 }),
			),
		);
		const ok = outcomes.filter((o) => o.status === 'fulfilled');
		const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
		expect(ok).toHaveLength(10);
		expect(refused).toHaveLength(15);
		for (const r of refused) expect(r.reason).toBeInstanceOf(InsufficientPoints);
		expect((await stores[0].getMember(programId, { customerId: 1 })).points.available).toBe(0);
		expect(await count("kind = 'redemption'")).toBe(10);
	});

	it('redemptions from 4 processes that together exceed the balance: only those that fit succeed', async () => {
		await award(stores[0], programId, 1, 100, 100_000); // 1000 points
		const reports = await runProcesses(
			Array.from({ length: 4 }, (_, p) => ({ task: 'redeem' as const, config, programId, customerId: 1, keyPrefix: `p${p}`, points: 100, count: 6 })),
		);
		expect(reports.flatMap((r) => r.results)).toHaveLength(10);
		expect(reports.flatMap((r) => r.refused)).toEqual(Array(14).fill('INSUFFICIENT_POINTS'));
		expect((await stores[0].getMember(programId, { customerId: 1 })).points.available).toBe(0);
		expect((await stores[0].checkConsistency()).mismatches).toEqual([]);
	}, 120_000);

	it('concurrent refunds of one order never reverse more than its grant', async () => {
		await award(stores[0], programId, 1, 100, 100_000); // 1000 points
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				stores[i % stores.length].reverse({ programId, idempotencyKey: `${STORE}:order:100:refund:${i}`, orderId: 100, refundId: i, points: 300 }),
			),
		);
		const applied = results.reduce((sum, r) => sum + (r.notAwarded ? 0 : r.appliedPoints), 0);
		expect(applied).toBe(1000);
		const rows = await db.sql(config, "SELECT sum(points) AS s FROM tajo_ledger_entries WHERE kind = 'reversal'");
		expect(Number(rows[0].s)).toBe(-1000);
		expect((await stores[0].getMember(programId, { customerId: 1 })).points).toMatchObject({ balance: 0, lifetime: 0 });
	});

	it('concurrent first upserts of one customer enrol one member', async () => {
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => stores[i % stores.length].upsertMember({ programId, customerId: 77, email: 'x@example.com' })),
		);
		expect(results.filter((r) => r.created)).toHaveLength(1);
		expect(new Set(results.map((r) => r.member.id)).size).toBe(1);
	});

	it('concurrent upserts of one changed program config write one new version', async () => {
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) => stores[i % stores.length].upsertProgram({ storeHash: STORE, name: 'default', config: { purchasePoints: { rate: 3 } } })),
		);
		expect(results.filter((r) => r.versionCreated)).toHaveLength(1);
		expect(new Set(results.map((r) => r.program.version))).toEqual(new Set([2]));
	});

	it('concurrent abandoned events of one cart start exactly one recovery sequence', async () => {
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				stores[i % stores.length].trackCart({
					storeHash: STORE,
					cartId: 'cart-1',
					event: 'abandoned',
					email: 'a@example.com',
					items: [{ productId: 1, quantity: 1 }],
					amountMinor: 1000,
				}),
			),
		);
		expect(results.filter((r) => r.startSequence)).toHaveLength(1);
		expect(new Set(results.map((r) => r.generation))).toEqual(new Set([1]));
	});
});
