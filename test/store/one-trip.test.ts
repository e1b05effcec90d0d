import { Pool, type PoolClient } from 'pg';
import type { DatabaseConfig } from '../../nodes/core/ledger/database-config';
import type { RuleContext } from '../../nodes/core/ledger/entry-types';
import { InsufficientPoints, MemberErased } from '../../nodes/core/ledger/errors';
import type { LedgerStore } from '../../nodes/core/ledger/ledger-store';
import { migrate } from '../../nodes/core/ledger/migrations/migrate';
import { PostgresDriver } from '../../nodes/core/ledger/sql/postgres-driver';
import { SqlLedgerStore } from '../../nodes/core/ledger/sql-ledger-store';
import { award, programWithMember, STORE, tierFor } from './support/seed-data';
import { ENGINES, useStoreEngine } from './support/store-engines';
import { TestClock } from './support/test-clock';

/**
 * Points writes planned on the state a process last saw for the member. On PostgreSQL a write
 * for a member seen before goes in one round trip, planned on that state and written only if the
 * locked row still has it (ops/one-trip-write.ts). Whatever another process did meanwhile, the
 * result must be the one planned on the locked row — on both engines.
 */
describe.each(ENGINES)('points writes after another process wrote, on %s', (engine) => {
	const db = useStoreEngine(engine);
	let clock: TestClock;
	let config: DatabaseConfig;
	let a: LedgerStore;
	let b: LedgerStore;
	let programId: string;
	const member = { customerId: 1 };

	beforeEach(async () => {
		clock = new TestClock();
		({ store: a, config } = await db.fresh({ clock: clock.now }));
		b = await db.open(config, { clock: clock.now });
		programId = (await programWithMember(a)).program.id;
	});

	const entries = async () => Number((await db.sql(config, 'SELECT count(*) AS n FROM tajo_ledger_entries'))[0].n);
	const redeem = (store: LedgerStore, key: string, points: number) => store.redeem({ programId, member, idempotencyKey: key, points });

	it('plans an award on the member as it is now, not as this process last saw it', async () => {
		await award(a, programId, 1, 1, 10_000);
		await award(b, programId, 1, 2, 20_000);
		let seen: RuleContext['member'] | undefined;
		const third = await a.awardForOrder({
			programId,
			member,
			idempotencyKey: `${STORE}:order:3:purchase`,
			order: { id: 3, totalMinor: 5_000 },
			compute: (ctx) => ((seen = ctx.member), { points: ctx.member.ordersCount * 10 }),
			tierFor,
		});
		expect(seen).toMatchObject({ ordersCount: 2, lifetimePoints: 300, availablePoints: 300 });
		expect(third.entry).toMatchObject({ points: 20, balanceAfter: 320, lifetimeAfter: 320 });
		expect(third.member.stats).toMatchObject({ ordersCount: 3, totalSpentMinor: 35_000 });
		expect((await a.checkConsistency()).mismatches).toEqual([]);
	});

	it('uses a customer group that another process changed since', async () => {
		const byGroup = (ctx: RuleContext) => ({ points: ctx.member.customerGroup === 'VIP' ? 150 : 100 });
		const first = await a.awardForOrder({ programId, member, idempotencyKey: 'k1', order: { id: 1, totalMinor: 100 }, compute: byGroup });
		await b.upsertMember({ programId, customerId: 1, customerGroup: 'VIP' });
		const second = await a.awardForOrder({ programId, member, idempotencyKey: 'k2', order: { id: 2, totalMinor: 100 }, compute: byGroup });
		expect([first.entry.points, second.entry.points]).toEqual([100, 150]);
		expect(second.member.customerGroup).toBe('VIP');
	});

	it('lets a redemption through that fits the balance now, though not the balance last seen here', async () => {
		await award(a, programId, 1, 1, 10_000); // 100 points, as a last saw them
		await award(b, programId, 1, 2, 50_000); // 600 now
		const spent = await redeem(a, 'r1', 300);
		expect(spent.member.points).toMatchObject({ available: 300, balance: 300 });
	});

	it('refuses a redemption that fit the balance last seen here but not the balance now, and changes nothing', async () => {
		await award(a, programId, 1, 1, 60_000); // 600, as a last saw them
		await redeem(b, 'r1', 550); // 50 now
		const before = await entries();
		const error = await redeem(a, 'r2', 100).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InsufficientPoints);
		expect(error).toMatchObject({ available: 50, requested: 100 });
		expect(await entries()).toBe(before);
		expect((await a.getMember(programId, member)).points).toMatchObject({ available: 50, balance: 50 });
	});

	it('counts points whose pending period ended since they were last seen as available', async () => {
		await award(a, programId, 1, 1, 10_000, 14); // 100 pending for 14 days
		clock.advanceDays(15);
		const later = await award(a, programId, 1, 2, 20_000);
		expect(later.member.points).toEqual({ available: 300, pending: 0, balance: 300, lifetime: 300 });
		expect(await redeem(a, 'r1', 300)).toMatchObject({ member: { points: { available: 0 } } });
		expect((await a.checkConsistency()).mismatches).toEqual([]);
	});

	it('refuses points for a member another process erased since', async () => {
		await award(a, programId, 1, 1, 10_000);
		await b.eraseMember(programId, member);
		await expect(award(a, programId, 1, 2, 10_000)).rejects.toBeInstanceOf(MemberErased);
		expect(await entries()).toBe(1);
	});

	it('with every process having seen the member: 50 concurrent duplicate awards write one entry, and redemptions never overspend', async () => {
		const stores = [a, b, ...(await Promise.all([1, 2, 3].map(() => db.open(config, { clock: clock.now }))))];
		for (const [i, store] of stores.entries()) await award(store, programId, 1, 10 + i, 10_000); // 500 points, every store has a hint
		const awards = await Promise.all(Array.from({ length: 50 }, (_, i) => award(stores[i % stores.length], programId, 1, 100, 50_000)));
		expect(awards.filter((r) => !r.duplicate)).toHaveLength(1);
		expect(new Set(awards.map((r) => r.entry.id)).size).toBe(1); // 1000 points now
		const redemptions = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => redeem(stores[i % stores.length], `r-${i}`, 100)));
		expect(redemptions.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
		for (const r of redemptions) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(InsufficientPoints);
		const now = await a.getMember(programId, member);
		expect(now.points).toMatchObject({ available: 0, balance: 0, lifetime: 1000 });
		expect(now.stats.ordersCount).toBe(6);
		expect((await a.checkConsistency()).mismatches).toEqual([]);
	});
});

describe('round trips per points write on postgres', () => {
	const db = useStoreEngine('postgres');

	/** A store whose pool counts the messages sent to the server (each `query` is one round trip). */
	async function countingStore(): Promise<{ store: LedgerStore; sent: string[]; config: DatabaseConfig }> {
		const config = await db.freshConfig();
		if (config.type !== 'postgres') throw new Error('postgres only');
		const pool = new Pool({ host: config.host, port: config.port, database: config.database, user: config.user, password: config.password, max: 2 });
		const sent: string[] = [];
		pool.on('connect', (client: PoolClient) => {
			const send = client.query.bind(client) as (...args: unknown[]) => unknown;
			(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
				const query = args[0] as string | { text: string };
				sent.push(typeof query === 'string' ? query : query.text);
				return send(...args);
			};
		});
		const driver = new PostgresDriver(pool);
		await migrate(driver, () => new Date());
		return { store: new SqlLedgerStore(driver, () => new Date()), sent, config };
	}

	it('takes two round trips for a member this process has not seen, then one for each write', async () => {
		const { store, sent, config } = await countingStore();
		try {
			const other = await db.open(config);
			await writesInTrips(store, other, sent);
		} finally {
			await store.close();
		}
	});

	async function writesInTrips(store: LedgerStore, other: LedgerStore, sent: string[]): Promise<void> {
		const { program } = await programWithMember(store); // customer 1, enrolled here
		await other.upsertMember({ programId: program.id, customerId: 2 }); // customer 2, enrolled by another process
		const trips = async (write: () => Promise<unknown>) => {
			const before = sent.length;
			await write();
			return sent.slice(before);
		};
		// The first write of the store also reads the program's config (then kept: versions never change).
		expect(await trips(() => award(store, program.id, 1, 1, 10_000))).toHaveLength(3);
		expect(await trips(() => award(store, program.id, 2, 2, 10_000))).toHaveLength(2);
		const again = await trips(() => award(store, program.id, 2, 3, 10_000));
		expect(again).toHaveLength(1);
		// One statement, its own transaction: no BEGIN and COMMIT around it.
		expect(again[0]).not.toMatch(/BEGIN|COMMIT/);
		expect(await trips(() => award(store, program.id, 2, 3, 10_000))).toHaveLength(1); // a repeat
		expect(await trips(() => store.redeem({ programId: program.id, member: { customerId: 2 }, idempotencyKey: 'r1', points: 50 }))).toHaveLength(1);
		expect(
			await trips(() => store.awardBonus({ programId: program.id, member: { customerId: 2 }, idempotencyKey: 'b1', action: 'reviewSubmitted', points: 50, tierFor })),
		).toHaveLength(1);
		// Enrolled (or read) here: this process has seen the member, so its first award goes in one trip too.
		await store.upsertMember({ programId: program.id, customerId: 3 });
		expect(await trips(() => award(store, program.id, 3, 4, 10_000))).toHaveLength(1);
		await store.getMember(program.id, { customerId: 2 });
		expect(await trips(() => award(store, program.id, 2, 5, 10_000))).toHaveLength(1);
		expect((await store.getMember(program.id, { customerId: 2 })).points).toMatchObject({ available: 300, lifetime: 350 });
		expect((await store.checkConsistency()).mismatches).toEqual([]);
	}
});
