import type { LedgerStore } from '../../nodes/core/ledger/ledger-store';
import { pointsPerUnit, STORE, tierFor } from './support/seed-data';
import { ENGINES, useStoreEngine } from './support/store-engines';
import { TestClock } from './support/test-clock';

/**
 * Seed step 7's dashboard on a small dataset whose figures are worked out by hand below.
 *
 * | member | program | channel | registered | activity                                                  |
 * |--------|---------|---------|------------|-----------------------------------------------------------|
 * | c1     | default | 1       | 2024-06-01 | 2024-11-01 order 101 USD 400.00 → 400 pts (inactive now)   |
 * | c2     | default | 1       | 2025-03-02 | orders 201 (ch 1) 1000.00, 202 (ch 2) 500.00; redeems 300   |
 * | c3     | default | 2       | (enrolled now) | bonus 100; order 301 (ch 2) 200.00, 30 days pending; refund 50.00 → reverses 50 |
 * | c4     | default | 3       | 2024-01-01 | order 401 (ch 3) 100.00, then erased                         |
 * | c1     | global (EUR) | 3  | 2023-01-01 | order 501 EUR 300.00; adjustment +20                       |
 * | c9     | other store  | 1  |            | order 901 — must not count                                  |
 */
describe.each(ENGINES)('analytics on %s', (engine) => {
	const db = useStoreEngine(engine);
	let clock: TestClock;
	let store: LedgerStore;
	let defaultId: string;

	beforeAll(async () => {
		clock = new TestClock('2024-11-01T09:00:00Z');
		({ store } = await db.fresh({ clock: clock.now }));
		defaultId = (await store.upsertProgram({ storeHash: STORE, name: 'default', config: { currency: 'USD' } })).program.id;
		const globalId = (await store.upsertProgram({ storeHash: STORE, name: 'global_program', config: { currency: 'EUR' } })).program.id;
		const otherId = (await store.upsertProgram({ storeHash: 'other', name: 'default', config: {} })).program.id;

		const enrol = (programId: string, customerId: number, channelId: number, registeredAt?: string) =>
			store.upsertMember({ programId, customerId, channelId, registeredAt, startingTier: 'Bronze', email: `c${customerId}@example.com` });
		const order = (programId: string, customerId: number, id: number, totalMinor: number, channelId: number, currency = 'USD', pendingDays = 0) =>
			store.awardForOrder({
				programId, member: { customerId }, idempotencyKey: `${programId}:order:${id}`, order: { id, totalMinor, channelId, currency },
				compute: pointsPerUnit(totalMinor, pendingDays), tierFor,
			});

		await enrol(defaultId, 1, 1, '2024-06-01T00:00:00Z');
		await order(defaultId, 1, 101, 40_000, 1);

		clock.set('2025-03-15T12:00:00Z');
		await enrol(defaultId, 2, 1, '2025-03-02T10:00:00Z');
		await order(defaultId, 2, 201, 100_000, 1);
		await order(defaultId, 2, 202, 50_000, 2);
		await store.redeem({ programId: defaultId, member: { customerId: 2 }, idempotencyKey: 'r-2', points: 300 });

		await enrol(defaultId, 3, 2);
		await store.awardBonus({ programId: defaultId, member: { customerId: 3 }, idempotencyKey: 'b-3', action: 'accountCreation', points: 100, tierFor });
		await order(defaultId, 3, 301, 20_000, 2, 'USD', 30);
		await store.reverse({ programId: defaultId, idempotencyKey: 'refund-301', orderId: 301, refundAmountMinor: 5_000, points: 50, tierFor });

		await enrol(defaultId, 4, 3, '2024-01-01T00:00:00Z');
		await order(defaultId, 4, 401, 10_000, 3);
		await store.eraseMember(defaultId, { customerId: 4 });

		await enrol(globalId, 1, 3, '2023-01-01T00:00:00Z');
		await order(globalId, 1, 501, 30_000, 3, 'EUR');
		await store.adjust({ programId: globalId, member: { customerId: 1 }, idempotencyKey: 'adj', points: 20, reason: 'welcome', tierFor });

		await enrol(otherId, 9, 1);
		await order(otherId, 9, 901, 99_900, 1);
	}, 120_000);

	it('computes the store-wide dashboard', async () => {
		expect(await store.analytics({ storeHash: STORE })).toEqual({
			generatedAt: '2025-03-15T12:00:00.000Z',
			monthStart: '2025-03-01T00:00:00.000Z',
			customers: {
				total: 4,
				byChannel: [
					{ channelId: 1, count: 2 },
					{ channelId: 2, count: 1 },
					{ channelId: 3, count: 1 },
				],
				newThisMonth: 2,
			},
			revenue: {
				byCurrency: [
					{ currency: 'EUR', orders: 1, totalMinor: 30_000, refundedMinor: 0, averageOrderValueMinor: 30_000 },
					{ currency: 'USD', orders: 5, totalMinor: 220_000, refundedMinor: 5_000, averageOrderValueMinor: 44_000 },
				],
				byChannel: [
					{ channelId: 1, currency: 'USD', orders: 2, totalMinor: 140_000 },
					{ channelId: 2, currency: 'USD', orders: 2, totalMinor: 70_000 },
					{ channelId: 3, currency: 'EUR', orders: 1, totalMinor: 30_000 },
					{ channelId: 3, currency: 'USD', orders: 1, totalMinor: 10_000 },
				],
			},
			loyalty: {
				members: 4,
				activeMembers: 3,
				pointsIssued: 2620,
				pointsRedeemed: 300,
				pointsReversed: 50,
				pointsExpired: 0,
				redemptionRate: 0.1145,
				outstanding: { available: 2020, pending: 150, total: 2170 },
				membersPerTier: [
					{ tier: 'Bronze', count: 3 },
					{ tier: 'Silver', count: 1 },
				],
			},
		});
	});

	it('narrows to one program', async () => {
		const one = await store.analytics({ storeHash: STORE, programId: defaultId, activeDays: 200 });
		expect(one.customers.total).toBe(3);
		expect(one.revenue.byCurrency.map((r) => r.currency)).toEqual(['USD']);
		expect(one.loyalty).toMatchObject({ activeMembers: 3, pointsIssued: 2300, outstanding: { available: 1700, pending: 150, total: 1850 } });
	});

	it('moves pending points into available as time passes, and the month with the clock', async () => {
		clock.set('2025-04-20T00:00:00Z');
		const later = await store.analytics({ storeHash: STORE });
		expect(later.monthStart).toBe('2025-04-01T00:00:00.000Z');
		expect(later.customers.newThisMonth).toBe(0);
		expect(later.loyalty.outstanding).toEqual({ available: 2170, pending: 0, total: 2170 });
	});
});
