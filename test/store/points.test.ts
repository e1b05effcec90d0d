import type { RuleContext } from '../../nodes/core/ledger/entry-types';
import { IdempotencyKeyConflict, InsufficientPoints, InvalidLedgerInput } from '../../nodes/core/ledger/errors';
import type { LedgerStore } from '../../nodes/core/ledger/ledger-store';
import type { DatabaseConfig } from '../../nodes/core/ledger/database-config';
import { ENGINES, useStoreEngine } from './support/store-engines';
import { award, pointsPerUnit, programWithMember, STORE, tierFor } from './support/seed-data';
import { TestClock } from './support/test-clock';

describe.each(ENGINES)('ledger points on %s', (engine) => {
	const db = useStoreEngine(engine);
	let clock: TestClock;
	let store: LedgerStore;
	let config: DatabaseConfig;
	let programId: string;
	const member = { customerId: 1 };

	beforeEach(async () => {
		clock = new TestClock();
		({ store, config } = await db.fresh({ clock: clock.now }));
		programId = (await programWithMember(store)).program.id;
	});

	const points = () => store.getMember(programId, member).then((m) => m.points);
	const redeem = (key: string, amount: number) => store.redeem({ programId, member, idempotencyKey: key, points: amount });
	const entryCount = async () => Number((await db.sql(config, 'SELECT count(*) AS n FROM tajo_ledger_entries'))[0].n);

	describe('award for an order', () => {
		it('awards once: a repeat returns the first result, with duplicate: true, and changes nothing', async () => {
			const first = await award(store, programId, 1, 100, 123_456);
			expect(first).toMatchObject({ duplicate: false, tierBefore: 'Bronze', tierAfter: 'Silver', tierChanged: true });
			expect(first.entry).toMatchObject({ kind: 'purchase', points: 1234, lifetimeDelta: 1234, orderId: '100', status: 'available', balanceAfter: 1234 });
			expect(first.entry.breakdown).toEqual({ basisMinor: 123_456, rate: 1, rounding: 'floor' });

			const again = await store.awardForOrder({
				programId,
				member,
				idempotencyKey: `${STORE}:order:100:purchase`,
				order: { id: 100, totalMinor: 999_999 },
				compute: () => ({ points: 9999 }),
			});
			expect(again.duplicate).toBe(true);
			expect(again.entry).toEqual(first.entry);
			expect(again.member.points).toEqual({ available: 1234, pending: 0, balance: 1234, lifetime: 1234 });
			expect(again.member.stats).toMatchObject({ ordersCount: 1, totalSpentMinor: 123_456 });
			expect(await entryCount()).toBe(1);
		});

		it('awards an order once even under another key', async () => {
			const first = await award(store, programId, 1, 100, 50_000);
			const other = await store.awardForOrder({
				programId, member, idempotencyKey: 'another-key-for-order-100', order: { id: '100', totalMinor: 50_000 }, compute: pointsPerUnit(50_000),
			});
			expect(other.duplicate).toBe(true);
			expect(other.entry.id).toBe(first.entry.id);
			expect(await entryCount()).toBe(1);
		});

		it('refuses a key already used by a different operation', async () => {
			await award(store, programId, 1, 100, 50_000);
			await expect(redeem(`${STORE}:order:100:purchase`, 10)).rejects.toBeInstanceOf(IdempotencyKeyConflict);
			await store.upsertMember({ programId, customerId: 2 });
			await expect(award(store, programId, 2, 100, 50_000)).rejects.toThrow(/already used for a purchase entry/);
		});

		it('gives the rule the locked member state and the program version in force', async () => {
			// The rule may run more than once per award (on PostgreSQL first on the state this process last
			// saw, then again on the locked row when that moved): the call whose result is written is the last.
			let last: RuleContext | undefined;
			const compute = (ctx: RuleContext) => ((last = ctx), { points: 10 * (ctx.member.ordersCount + 1) });
			await store.awardForOrder({ programId, member, idempotencyKey: 'k1', order: { id: 1, totalMinor: 1000 }, compute, tierFor });
			const first = last!;
			await store.upsertProgram({ storeHash: STORE, name: 'default', config: { purchasePoints: { rate: 2 } } });
			const second = await store.awardForOrder({ programId, member, idempotencyKey: 'k2', order: { id: 2, totalMinor: 1000 }, compute, tierFor });
			expect([first, last!].map((c) => [c.member.ordersCount, c.member.lifetimePoints, c.member.tier, c.program.version])).toEqual([
				[0, 0, 'Bronze', 1],
				[1, 10, 'Bronze', 2],
			]);
			expect(last!.program.config).toEqual({ purchasePoints: { rate: 2 } });
			expect(second.entry).toMatchObject({ points: 20, programVersion: 2 });
		});

		it('updates order stats once per order', async () => {
			clock.set('2025-01-10T10:00:00Z');
			await store.awardForOrder({ programId, member, idempotencyKey: 'a', order: { id: 1, totalMinor: 10_000, placedAt: '2025-01-09T08:00:00Z' }, compute: pointsPerUnit(10_000) });
			await store.awardForOrder({ programId, member, idempotencyKey: 'b', order: { id: 2, totalMinor: 2_550, placedAt: '2024-12-24T08:00:00+02:00' }, compute: pointsPerUnit(2_550) });
			await store.awardForOrder({ programId, member, idempotencyKey: 'b', order: { id: 2, totalMinor: 2_550 }, compute: pointsPerUnit(2_550) });
			const m = await store.getMember(programId, member);
			expect(m.stats).toEqual({
				ordersCount: 2,
				totalSpentMinor: 12_550,
				firstOrderAt: '2024-12-24T06:00:00.000Z',
				lastOrderAt: '2025-01-09T08:00:00.000Z',
				lastActivityAt: '2025-01-10T10:00:00.000Z',
			});
		});

		it('refuses a rule result that is not whole non-negative points, writing nothing', async () => {
			const bad = (value: number) =>
				store.awardForOrder({ programId, member, idempotencyKey: `bad-${value}`, order: { id: 7, totalMinor: 100 }, compute: () => ({ points: value }) });
			await expect(bad(1.5)).rejects.toBeInstanceOf(InvalidLedgerInput);
			await expect(bad(-1)).rejects.toThrow(/compute\(\).points: must be at least 0/);
			expect(await entryCount()).toBe(0);
			expect((await store.getMember(programId, member)).stats.ordersCount).toBe(0);
		});
	});

	it('awards a bonus once per natural key', async () => {
		const bonus = (key: string) => store.awardBonus({ programId, member, idempotencyKey: key, action: 'birthdayBonus', points: 100, tierFor });
		expect((await bonus(`${STORE}:customer:1:bonus:birthdayBonus:2025`)).duplicate).toBe(false);
		expect((await bonus(`${STORE}:customer:1:bonus:birthdayBonus:2025`)).duplicate).toBe(true);
		const next = await bonus(`${STORE}:customer:1:bonus:birthdayBonus:2026`);
		expect(next.entry).toMatchObject({ kind: 'bonus', action: 'birthdayBonus', points: 100 });
		expect(await points()).toEqual({ available: 200, pending: 0, balance: 200, lifetime: 200 });
	});

	describe('redeem', () => {
		beforeEach(() => award(store, programId, 1, 100, 50_000));

		it('spends available points without lowering lifetime points or the tier', async () => {
			await store.adjust({ programId, member, idempotencyKey: 'adj', points: 600, reason: 'goodwill', tierFor });
			const r = await redeem('r1', 300);
			expect(r.entry).toMatchObject({ kind: 'redemption', points: -300, lifetimeDelta: 0 });
			expect(r.member.points).toEqual({ available: 800, pending: 0, balance: 800, lifetime: 1100 });
			expect(r.member.tier).toBe('Silver');
		});

		it('refuses more than available with InsufficientPoints and changes nothing', async () => {
			const before = await store.getMember(programId, member);
			const error = await redeem('too-much', 501).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(InsufficientPoints);
			expect(error).toMatchObject({ code: 'INSUFFICIENT_POINTS', available: 500, requested: 501 });
			expect(await store.getMember(programId, member)).toEqual(before);
			expect(await entryCount()).toBe(1);
			// The refused key stays free: the same request succeeds once there are points.
			await award(store, programId, 1, 101, 100);
			expect((await redeem('too-much', 501)).duplicate).toBe(false);
		});

		it('returns the first result for a repeated key, even when the balance no longer covers it', async () => {
			const first = await redeem('r1', 500);
			const again = await redeem('r1', 500);
			expect(again).toMatchObject({ duplicate: true, entry: first.entry });
			expect(await points()).toMatchObject({ available: 0, balance: 0 });
		});
	});

	describe('reverse', () => {
		const prorata = (refundedMinor: number) => (ctx: RuleContext & { order: import('../../nodes/core/ledger/entry-types').AwardedOrder }) => {
			const { order } = ctx;
			const target = Math.floor((order.grantedPoints * (order.refundedMinor + refundedMinor)) / order.totalMinor);
			return { points: target - order.reversedPoints, breakdown: { target } };
		};
		const refund = (refundId: number, amount: number, extra: object = {}) =>
			store.reverse({
				programId,
				idempotencyKey: `${STORE}:order:100:refund:${refundId}`,
				orderId: 100,
				refundId,
				refundAmountMinor: amount,
				compute: prorata(amount),
				tierFor,
				...extra,
			});

		it('partial then full refund: reversals sum to the grant and never more', async () => {
			await award(store, programId, 1, 100, 100_000); // 1000 points
			const partial = await refund(1, 30_000);
			expect(partial).toMatchObject({ notAwarded: false, requestedPoints: 300, appliedPoints: 300, cappedPoints: 0 });
			expect(partial.notAwarded === false && partial.order).toMatchObject({ grantedPoints: 1000, reversedPoints: 300, remainingPoints: 700, refundedMinor: 30_000 });

			// A "full" rule asks for the whole grant; the store takes only what is left of it.
			const full = await store.reverse({ programId, idempotencyKey: `${STORE}:order:100:cancel`, orderId: 100, compute: (ctx) => ({ points: ctx.order.grantedPoints }), refundAmountMinor: 70_000 });
			expect(full).toMatchObject({ requestedPoints: 1000, appliedPoints: 700, cappedPoints: 300 });
			const extra = await refund(3, 10_000);
			expect(extra).toMatchObject({ appliedPoints: 0, duplicate: false });
			expect(extra.notAwarded === false && extra.entry.points).toBe(0);
			expect((await refund(1, 30_000)).duplicate).toBe(true);

			const rows = await db.sql(config, "SELECT sum(points) AS s FROM tajo_ledger_entries WHERE kind = 'reversal' AND order_id = '100'");
			expect(Number(rows[0].s)).toBe(-1000);
			const m = await store.getMember(programId, member);
			expect(m.points).toEqual({ available: 0, pending: 0, balance: 0, lifetime: 0 });
			expect(m.stats.totalSpentMinor).toBe(0);
		});

		it('moves the tier up on award and down on reversal; lifetime falls on reversal only', async () => {
			const up = await award(store, programId, 1, 100, 100_000);
			expect(up).toMatchObject({ tierBefore: 'Bronze', tierAfter: 'Silver', tierChanged: true });
			await redeem('r1', 900);
			expect((await store.getMember(programId, member)).tier).toBe('Silver');
			const down = await refund(1, 50_000);
			expect(down).toMatchObject({ tierBefore: 'Silver', tierAfter: 'Bronze', tierChanged: true });
			expect(down.notAwarded === false && down.member.points).toEqual({ available: -400, pending: 0, balance: -400, lifetime: 500 });
			expect(down.notAwarded === false && down.entry.lifetimeAfter).toBe(500);
		});

		it('clamp never takes the available balance below zero and records what it could not take', async () => {
			await award(store, programId, 1, 100, 100_000);
			await redeem('r1', 800);
			const clamped = await store.reverse({ programId, idempotencyKey: 'rev', orderId: 100, points: 500, negativeBalance: 'clamp', tierFor });
			expect(clamped).toMatchObject({ appliedPoints: 500, clampedPoints: 300 });
			expect(clamped.notAwarded === false && clamped.entry).toMatchObject({ points: -200, clampedPoints: 300, lifetimeDelta: -500 });
			expect(await points()).toEqual({ available: 0, pending: 0, balance: 0, lifetime: 500 });
			// The clamped part still counts against the grant.
			const rest = await store.reverse({ programId, idempotencyKey: 'rev2', orderId: 100, points: 1000, negativeBalance: 'clamp' });
			expect(rest).toMatchObject({ appliedPoints: 500, cappedPoints: 500, clampedPoints: 500 });
			expect((await store.checkConsistency()).mismatches).toEqual([]);
		});

		it('allow takes the balance negative', async () => {
			await award(store, programId, 1, 100, 100_000);
			await redeem('r1', 800);
			const allowed = await store.reverse({ programId, idempotencyKey: 'rev', orderId: 100, points: 500, negativeBalance: 'allow' });
			expect(allowed.notAwarded === false && allowed.entry).toMatchObject({ points: -500, clampedPoints: 0 });
			expect(await points()).toEqual({ available: -300, pending: 0, balance: -300, lifetime: 500 });
			await expect(redeem('r2', 1)).rejects.toMatchObject({ available: 0, requested: 1 });
		});

		it('reports an order that never got points, writing nothing', async () => {
			const result = await store.reverse({ programId, idempotencyKey: 'x', orderId: 999, points: 10 });
			expect(result).toEqual({ notAwarded: true, duplicate: false, orderId: '999' });
			expect(await entryCount()).toBe(0);
		});

		it('refuses a member that does not own the order', async () => {
			await award(store, programId, 1, 100, 100_000);
			await store.upsertMember({ programId, customerId: 2 });
			await expect(store.reverse({ programId, member: { customerId: 2 }, idempotencyKey: 'x', orderId: 100, points: 10 })).rejects.toThrow(/belongs to another customer/);
		});
	});

	describe('pending period', () => {
		it('points become available once available_at has passed', async () => {
			const awarded = await award(store, programId, 1, 100, 50_000, 30);
			expect(awarded.entry).toMatchObject({ status: 'pending', availableAt: '2025-04-14T12:00:00.000Z' });
			expect(awarded.member.points).toEqual({ available: 0, pending: 500, balance: 500, lifetime: 500 });
			await expect(redeem('r1', 1)).rejects.toBeInstanceOf(InsufficientPoints);

			clock.advanceDays(29);
			expect(await points()).toMatchObject({ available: 0, pending: 500 });
			clock.advanceDays(1);
			expect(await points()).toEqual({ available: 500, pending: 0, balance: 500, lifetime: 500 });
			const history = await store.history({ programId, member });
			expect(history.items[0].status).toBe('available');

			// The stored status follows: per member on its next write, for everyone by releaseDuePoints.
			const stored = async () => (await db.sql(config, 'SELECT status FROM tajo_ledger_entries'))[0].status;
			expect(await stored()).toBe('pending');
			expect(await store.releaseDuePoints()).toEqual({ released: 1 });
			expect(await stored()).toBe('available');
			expect((await redeem('r1', 500)).member.points.available).toBe(0);
		});

		it('a reversal of a grant still pending comes out of the pending points', async () => {
			await award(store, programId, 1, 100, 50_000, 30);
			await award(store, programId, 1, 101, 20_000);
			const reversed = await store.reverse({ programId, idempotencyKey: 'rev', orderId: 100, points: 500, negativeBalance: 'clamp' });
			expect(reversed.notAwarded === false && reversed.entry).toMatchObject({ points: -500, clampedPoints: 0, status: 'pending' });
			expect(await points()).toEqual({ available: 200, pending: 0, balance: 200, lifetime: 200 });
			clock.advanceDays(31);
			expect(await points()).toEqual({ available: 200, pending: 0, balance: 200, lifetime: 200 });
		});
	});

	it('adjust needs a reason, does not overdraw unless allowed, and may leave lifetime alone', async () => {
		await award(store, programId, 1, 100, 10_000);
		await expect(store.adjust({ programId, member, idempotencyKey: 'a0', points: 5, reason: ' ' })).rejects.toThrow(/reason: must be a non-empty text/);
		await expect(store.adjust({ programId, member, idempotencyKey: 'a1', points: -101, reason: 'fix' })).rejects.toBeInstanceOf(InsufficientPoints);
		const fix = await store.adjust({ programId, member, idempotencyKey: 'a2', points: -101, reason: 'fix', allowNegative: true });
		expect(fix.entry).toMatchObject({ kind: 'adjustment', reason: 'fix', lifetimeDelta: -101 });
		await store.adjust({ programId, member, idempotencyKey: 'a3', points: 50, reason: 'promo', affectsLifetime: false });
		expect(await points()).toEqual({ available: 49, pending: 0, balance: 49, lifetime: -1 });
	});

	it('history pages newest first and filters by kind', async () => {
		for (let i = 1; i <= 5; i++) await award(store, programId, 1, i, 10_000);
		await redeem('r1', 50);
		const page1 = await store.history({ programId, member, limit: 4 });
		expect(page1.items.map((e) => e.kind)).toEqual(['redemption', 'purchase', 'purchase', 'purchase']);
		const page2 = await store.history({ programId, member, limit: 4, cursor: page1.nextCursor });
		expect(page2.items.map((e) => e.orderId)).toEqual(['2', '1']);
		expect(page2.nextCursor).toBeNull();
		expect((await store.history({ programId, member, kinds: ['redemption'] })).items).toHaveLength(1);
		expect(page1.items[0].balanceAfter).toBe(450);
	});

	describe('expiry after inactivity', () => {
		it('expires available points once per inactive spell; new activity starts a new spell', async () => {
			await award(store, programId, 1, 100, 50_000);
			await store.upsertMember({ programId, customerId: 2 });
			await award(store, programId, 2, 200, 10_000);
			clock.advanceDays(200);
			await award(store, programId, 2, 201, 10_000); // customer 2 stays active

			clock.advanceDays(170); // customer 1: 370 days without activity
			const run = await store.expireInactive({ programId, inactiveDays: 365 });
			expect(run).toMatchObject({ totalPoints: 500, more: false });
			expect(run.expired).toEqual([expect.objectContaining({ customerId: 1, points: 500 })]);
			expect(await points()).toEqual({ available: 0, pending: 0, balance: 0, lifetime: 500 });
			expect((await store.expireInactive({ programId, inactiveDays: 365 })).expired).toEqual([]);

			await store.awardBonus({ programId, member, idempotencyKey: 'bonus', action: 'reviewSubmitted', points: 50 });
			clock.advanceDays(366);
			const later = await store.expireInactive({ programId, inactiveDays: 365 });
			expect(later.expired.map((e) => [e.customerId, e.points])).toEqual(expect.arrayContaining([[1, 50], [2, 200]]));
			const kinds = (await store.history({ programId, member })).items.map((e) => e.kind);
			expect(kinds).toEqual(['expiry', 'bonus', 'expiry', 'purchase']);
		});
	});

	describe('consistency check', () => {
		it('finds nothing on an untouched ledger', async () => {
			await award(store, programId, 1, 100, 50_000);
			await redeem('r1', 100);
			await store.reverse({ programId, idempotencyKey: 'rev', orderId: 100, points: 100 });
			expect(await store.checkConsistency({ programId })).toEqual({ checkedMembers: 1, checkedOrders: 1, mismatches: [], repaired: false });
		});

		it('detects a tampered cached total and repairs it on request', async () => {
			const { member: m } = await award(store, programId, 1, 100, 50_000);
			await db.sql(config, 'UPDATE tajo_members SET balance_points = balance_points + 1000, orders_count = 7');
			await db.sql(config, 'UPDATE tajo_orders SET reversed_points = 3');
			const report = await store.checkConsistency();
			expect(report.mismatches).toEqual(
				expect.arrayContaining([
					{ memberId: m.id, field: 'balance_points', cached: 1500, computed: 500 },
					{ memberId: m.id, field: 'orders_count', cached: 7, computed: 1 },
					{ memberId: m.id, orderId: '100', field: 'order_reversed_points', cached: 3, computed: 0 },
				]),
			);
			expect(report.mismatches).toHaveLength(3);
			expect((await store.checkConsistency({ repair: true })).repaired).toBe(true);
			expect((await store.checkConsistency()).mismatches).toEqual([]);
			expect(await points()).toMatchObject({ balance: 500 });
		});
	});
});
