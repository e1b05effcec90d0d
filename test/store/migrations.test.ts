import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SchemaTooNew } from '../../nodes/core/ledger/errors';
import { migrate } from '../../nodes/core/ledger/migrations/migrate';
import { LATEST_SCHEMA_VERSION } from '../../nodes/core/ledger/migrations/migrations';
import { openLedgerStore, openSqlDriver } from '../../nodes/core/ledger/open-ledger-store';
import { SqlLedgerStore } from '../../nodes/core/ledger/sql-ledger-store';
import { runWorkers } from './support/run-workers';
import { award, programWithMember, STORE } from './support/seed-data';
import { ENGINES, useStoreEngine } from './support/store-engines';
import { TestClock } from './support/test-clock';

describe.each(ENGINES)('schema migrations on %s', (engine) => {
	const db = useStoreEngine(engine);
	const clock = new TestClock();
	const versions = async (config: Parameters<typeof db.sql>[0]) =>
		(await db.sql(config, 'SELECT version, name FROM tajo_schema_migrations ORDER BY version')).map((r) => [Number(r.version), r.name]);

	it('is at version 6 (ledger, carts, lighter writes, one-trip points writes, send log, scheduled sends) today', () => {
		expect(LATEST_SCHEMA_VERSION).toBe(6);
	});

	it('creates the whole schema on an empty database, on first use', async () => {
		const { store, config } = await db.fresh({ clock: clock.now });
		expect(await store.schemaVersion()).toBe(6);
		expect(await versions(config)).toEqual([
			[1, 'ledger'],
			[2, 'carts'],
			[3, 'lighter writes'],
			[4, 'one-trip points writes'],
			[5, 'send log'],
			[6, 'scheduled sends'],
		]);
		// Opening again changes nothing.
		const applied = await db.sql(config, 'SELECT applied_at FROM tajo_schema_migrations ORDER BY version');
		clock.advanceDays(1);
		await db.open(config, { clock: clock.now });
		expect(await db.sql(config, 'SELECT applied_at FROM tajo_schema_migrations ORDER BY version')).toEqual(applied);
	});

	it('upgrades a database at an older version and keeps its data', async () => {
		const config = await db.freshConfig();
		const driver = await openSqlDriver(config);
		expect(await migrate(driver, clock.now, 1)).toEqual({ from: 0, to: 1, applied: [1] });
		const old = new SqlLedgerStore(driver, clock.now);
		const { program } = await programWithMember(old);
		await award(old, program.id, 1, 100, 50_000);
		await old.close();
		await expect(db.sql(config, 'SELECT count(*) AS n FROM tajo_carts')).rejects.toThrow(/tajo_carts/);

		const store = await db.open(config, { clock: clock.now });
		expect(await store.schemaVersion()).toBe(6);
		expect(await versions(config)).toEqual([
			[1, 'ledger'],
			[2, 'carts'],
			[3, 'lighter writes'],
			[4, 'one-trip points writes'],
			[5, 'send log'],
			[6, 'scheduled sends'],
		]);
		expect((await store.getMember(program.id, { customerId: 1 })).points.balance).toBe(500);
		expect((await award(store, program.id, 1, 100, 50_000)).duplicate).toBe(true);
		// The order rows came through (3 rebuilds tajo_orders on SQLite): the order is refused under another key too,
		// and its grant is what a refund may take back.
		const otherKey = await store.awardForOrder({
			programId: program.id,
			member: { customerId: 1 },
			idempotencyKey: `${STORE}:order:100:purchase:again`,
			order: { id: 100, totalMinor: 50_000 },
			compute: () => ({ points: 1 }),
		});
		expect(otherKey).toMatchObject({ duplicate: true, entry: { points: 500 } });
		expect(await store.reverse({ programId: program.id, idempotencyKey: `${STORE}:order:100:refund:1`, orderId: 100, points: 10_000 })).toMatchObject({
			appliedPoints: 500,
			cappedPoints: 9_500,
		});
		// After the full reversal above: awards for a member this store has seen go in one round trip on PostgreSQL (4 adds its function).
		expect((await award(store, program.id, 1, 101, 20_000)).member.points.balance).toBe(200);
		expect((await award(store, program.id, 1, 102, 30_000)).member.points).toMatchObject({ balance: 500, lifetime: 500 });
		expect((await store.checkConsistency()).mismatches).toEqual([]);
		expect((await store.trackCart({ storeHash: STORE, cartId: 'c', event: 'abandoned', email: 'a@example.com', items: [{ id: 1 }], amountMinor: 1 })).startSequence).toBe(true);
		// 5 adds the send-once log.
		expect((await store.claimSend({ storeHash: STORE, sendKey: 'order:100:points', leaseSeconds: 60 })).claimed).toBe(true);
		// 6 adds scheduled sends.
		expect((await store.scheduleSend({ storeHash: STORE, sendKey: 'order:100:review_request', dueAt: clock.iso(), payload: {} })).scheduled).toBe(true);
	});

	it('adds the send-once log to a database in use at version 4, keeping its data', async () => {
		const config = await db.freshConfig();
		const driver = await openSqlDriver(config);
		expect(await migrate(driver, clock.now, 4)).toEqual({ from: 0, to: 4, applied: [1, 2, 3, 4] });
		const old = new SqlLedgerStore(driver, clock.now);
		const { program } = await programWithMember(old);
		await award(old, program.id, 1, 100, 50_000);
		await old.close();
		await expect(db.sql(config, 'SELECT count(*) AS n FROM tajo_sends')).rejects.toThrow(/tajo_sends/);

		const store = await db.open(config, { clock: clock.now });
		expect(await store.schemaVersion()).toBe(6);
		expect((await store.getMember(program.id, { customerId: 1 })).points.balance).toBe(500);
		expect((await store.claimSend({ storeHash: STORE, sendKey: 'order:100:points', leaseSeconds: 60 })).claimed).toBe(true);
		expect((await store.markSent({ storeHash: STORE, sendKey: 'order:100:points' })).send.status).toBe('sent');
		expect((await store.claimSend({ storeHash: STORE, sendKey: 'order:100:points', leaseSeconds: 60 })).claimed).toBe(false);
	});

	it('is safe when several processes start on an empty database at once', async () => {
		const config = await db.freshConfig();
		const reports = await runWorkers(Array.from({ length: 4 }, () => ({ task: 'open' as const, config })));
		expect(reports.map((r) => r.schemaVersion)).toEqual([6, 6, 6, 6]);
		// And several stores of one process, too.
		const stores = await Promise.all(Array.from({ length: 6 }, () => db.open(config)));
		expect(stores).toHaveLength(6);
		expect(await versions(config)).toEqual([
			[1, 'ledger'],
			[2, 'carts'],
			[3, 'lighter writes'],
			[4, 'one-trip points writes'],
			[5, 'send log'],
			[6, 'scheduled sends'],
		]);
	}, 120_000);

	it('refuses a database written by a newer version of the package', async () => {
		const { config } = await db.fresh();
		await db.sql(config, "INSERT INTO tajo_schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')");
		const error = await openLedgerStore(config).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SchemaTooNew);
		expect(String(error)).toMatch(/schema version 99, but this version of the node knows only up to 6/);
	});

	it('says what to fix when the database cannot be reached', async () => {
		if (engine === 'sqlite') {
			const blocker = join(mkdtempSync(join(tmpdir(), 'tajo-blocked-')), 'a-file');
			writeFileSync(blocker, 'not a folder');
			await expect(openLedgerStore({ type: 'sqlite', sqlitePath: join(blocker, 'ledger.sqlite') })).rejects.toThrow(/cannot create or write the database file/);
			rmSync(dirname(blocker), { recursive: true, force: true });
		} else {
			const config = await db.freshConfig();
			await expect(openLedgerStore({ ...config, password: 'wrong' })).rejects.toThrow(/rejected user "postgres" with this password/);
		}
	});
});
