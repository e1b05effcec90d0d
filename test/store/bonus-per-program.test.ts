import type { DatabaseConfig } from '../../nodes/core/ledger/database-config';
import type { LedgerStore } from '../../nodes/core/ledger/ledger-store';
import { awardBonusAction, awardOrder, saveProgram, seedProgramConfig, type ResolvedProgram } from '../../nodes/core/loyalty-service';
import { bigCommerceOrder } from '../unit/nodes/TajoLoyalty/support/fixtures';
import { STORE, tierFor } from './support/seed-data';
import { ENGINES, useStoreEngine } from './support/store-engines';
import { TestClock } from './support/test-clock';

const BONUS = 200; // the seed's first-purchase bonus, in both programs

/** A BigCommerce v2 order for the customer: channel 1 is the default program's, 2 the B2B program's. */
const bcOrder = (id: number, customerId: number, channel: number) => bigCommerceOrder(id, customerId, '10.0000', { channel_id: channel });

/** The first-purchase bonus key before the program was in it, as versions before it wrote it. */
const formerFirstPurchaseKey = (customerId: number) => `${STORE}:customer:${customerId}:bonus:firstPurchase`;

/**
 * Once-per-member bonuses are once per member of a program: a customer who is a member of two
 * programs of the store (default and the B2B program) gets each program's bonus. Bonuses given
 * under the keys of versions before the program was in them still count, in their own program.
 */
describe.each(ENGINES)('bonuses per member of a program on %s', (engine) => {
	const db = useStoreEngine(engine);
	let store: LedgerStore;
	let config: DatabaseConfig;
	let main: ResolvedProgram;
	let b2b: ResolvedProgram;

	beforeEach(async () => {
		({ store, config } = await db.fresh({ clock: new TestClock().now }));
		main = await saveProgram(store, STORE, seedProgramConfig('default'));
		b2b = await saveProgram(store, STORE, seedProgramConfig('b2b_program'));
	});

	const award = async (s: LedgerStore, id: number, customerId: number, channel: number) => {
		const out = await awardOrder(s, { storeHash: STORE, order: bcOrder(id, customerId, channel) });
		if (!('firstPurchaseBonus' in out)) throw new Error(`order ${id} was not awarded: ${out.reason}`);
		return out;
	};
	/** [program name, kind, points, key] of every entry, in order. */
	const entries = async () =>
		(await db.sql(config, 'SELECT p.name, e.kind, e.points, e.idempotency_key FROM tajo_ledger_entries e JOIN tajo_programs p ON p.id = e.program_id ORDER BY e.id')).map((r) => [
			String(r.name),
			String(r.kind),
			Number(r.points),
			String(r.idempotency_key),
		]);
	const bonuses = async () => (await entries()).filter(([, kind]) => kind === 'bonus').map(([program, , points, key]) => [program, points, key]);
	const newKey = (p: ResolvedProgram, customerId: number, action = 'firstPurchase') => `${STORE}:program:${p.program.id}:customer:${customerId}:bonus:${action}`;

	it('gives a member of two programs the first-purchase bonus once in each; a retried first order in either adds nothing', async () => {
		const first = await award(store, 1, 7, 1);
		expect(first).toMatchObject({ duplicate: false, program: 'default', points: 10, firstPurchaseBonus: { points: BONUS, duplicate: false } });
		// The same customer's first order in the B2B program: its own bonus (it was refused as a key conflict).
		const firstB2b = await award(store, 2, 7, 2);
		expect(firstB2b).toMatchObject({ duplicate: false, program: 'b2b_program', firstPurchaseBonus: { points: BONUS, duplicate: false } });

		for (const [id, channel] of [
			[1, 1],
			[2, 2],
		]) {
			const again = await award(store, id, 7, channel);
			expect(again).toMatchObject({ duplicate: true, firstPurchaseBonus: { points: BONUS, duplicate: true } });
		}
		// Second orders bring no bonus in either program.
		expect((await award(store, 3, 7, 1)).firstPurchaseBonus).toBeNull();
		expect((await award(store, 4, 7, 2)).firstPurchaseBonus).toBeNull();

		expect(await bonuses()).toEqual([
			['default', BONUS, newKey(main, 7)],
			['b2b_program', BONUS, newKey(b2b, 7)],
		]);
		expect((await store.getMember(main.program.id, { customerId: 7 })).points.balance).toBe(10 + BONUS + 10);
		expect((await store.checkConsistency()).mismatches).toEqual([]);
	});

	it('gives the other once-per-member bonuses (account creation, newsletter, birthday per year, referral) once per member of each program', async () => {
		const bonus = (program: string, action: string, extra: { ref?: string; date?: string } = {}) =>
			awardBonusAction(store, { storeHash: STORE, program, customerId: 8, action, ...extra });
		await store.upsertMember({ programId: main.program.id, customerId: 8 });
		await store.upsertMember({ programId: b2b.program.id, customerId: 8 });
		const awards: Array<[string, { ref?: string; date?: string }]> = [
			['accountCreation', {}],
			['newsletterSignup', {}],
			['birthdayBonus', { date: '2025-04-23' }],
			['referralMade', { ref: '99' }],
		];
		for (const program of ['default', 'b2b_program']) {
			for (const [action, extra] of awards) expect(await bonus(program, action, extra)).toMatchObject({ duplicate: false, action });
		}
		for (const program of ['default', 'b2b_program']) {
			for (const [action, extra] of awards) expect(await bonus(program, action, extra)).toMatchObject({ duplicate: true, action });
		}
		const given = await bonuses();
		expect(given).toHaveLength(8);
		expect(given.filter(([program]) => program === 'default')).toHaveLength(4);
		expect(given.map(([, , key]) => key)).toContain(`${STORE}:program:${b2b.program.id}:customer:8:bonus:birthdayBonus:2025`);
		expect((await store.checkConsistency()).mismatches).toEqual([]);
	});

	describe('a bonus given under the former key (without the program)', () => {
		/** What versions before the fix wrote: the first order with its bonus, under the former key, in the default program. */
		async function awardedBeforeTheUpgrade(customerId: number, orderId: number) {
			await store.upsertMember({ programId: main.program.id, customerId });
			await store.awardForOrder({
				programId: main.program.id,
				member: { customerId },
				idempotencyKey: `${STORE}:order:${orderId}:purchase`,
				order: { id: orderId, totalMinor: 1000 },
				compute: () => ({ points: 10, breakdown: { firstOrder: true }, bonus: { points: BONUS } }),
				bonus: { idempotencyKey: formerFirstPurchaseKey(customerId), action: 'firstPurchase' },
				tierFor,
			});
		}

		it('still counts in its program: a retried first order adds nothing; the other program gives its own', async () => {
			await awardedBeforeTheUpgrade(7, 1);
			const again = await award(store, 1, 7, 1);
			expect(again).toMatchObject({ duplicate: true, firstPurchaseBonus: { points: BONUS, duplicate: true } });
			expect((await award(store, 1, 7, 1)).firstPurchaseBonus).toEqual({ points: BONUS, duplicate: true });
			expect(await bonuses()).toEqual([['default', BONUS, formerFirstPurchaseKey(7)]]);

			// The former key is the default program's entry: the B2B program's first order gets its bonus.
			expect((await award(store, 2, 7, 2)).firstPurchaseBonus).toEqual({ points: BONUS, duplicate: false });
			expect((await award(store, 2, 7, 2)).firstPurchaseBonus).toEqual({ points: BONUS, duplicate: true });
			expect(await bonuses()).toEqual([
				['default', BONUS, formerFirstPurchaseKey(7)],
				['b2b_program', BONUS, newKey(b2b, 7)],
			]);
			expect((await store.getMember(main.program.id, { customerId: 7 })).points.balance).toBe(10 + BONUS);
			expect((await store.checkConsistency()).mismatches).toEqual([]);
		});

		it('given on its own before the first order (a version that wrote it separately): the first order brings no second', async () => {
			await store.upsertMember({ programId: main.program.id, customerId: 9 });
			await store.awardBonus({ programId: main.program.id, member: { customerId: 9 }, idempotencyKey: formerFirstPurchaseKey(9), action: 'firstPurchase', points: BONUS, tierFor });
			const first = await award(store, 5, 9, 1);
			expect(first).toMatchObject({ duplicate: false, points: 10, firstPurchaseBonus: { points: BONUS, duplicate: true } });
			expect(await bonuses()).toEqual([['default', BONUS, formerFirstPurchaseKey(9)]]);
			expect((await store.getMember(main.program.id, { customerId: 9 })).points.balance).toBe(BONUS + 10);
		});

		it('counts for Award Bonus too, also when this process has seen the member (PostgreSQL: no one-trip write past it)', async () => {
			await store.upsertMember({ programId: main.program.id, customerId: 10 });
			await store.upsertMember({ programId: b2b.program.id, customerId: 10 });
			// Written by another process of the older version.
			const other = await db.open(config);
			for (const action of ['accountCreation', 'birthdayBonus:2025']) {
				await other.awardBonus({ programId: main.program.id, member: { customerId: 10 }, idempotencyKey: `${STORE}:customer:10:bonus:${action}`, action: action.split(':')[0], points: 100 });
			}
			await store.getMember(main.program.id, { customerId: 10 });
			const bonus = (program: string, action: string) => awardBonusAction(store, { storeHash: STORE, program, customerId: 10, action, date: '2025-04-23' });
			expect(await bonus('default', 'accountCreation')).toMatchObject({ duplicate: true, entry: expect.objectContaining({ idempotencyKey: `${STORE}:customer:10:bonus:accountCreation` }) });
			expect(await bonus('default', 'birthdayBonus')).toMatchObject({ duplicate: true });
			expect(await bonus('b2b_program', 'accountCreation')).toMatchObject({ duplicate: false });
			expect(await bonus('b2b_program', 'birthdayBonus')).toMatchObject({ duplicate: false });
			expect((await bonuses()).map(([program]) => program)).toEqual(['default', 'default', 'b2b_program', 'b2b_program']);
			expect((await store.getMember(main.program.id, { customerId: 10 })).points.balance).toBe(200);
		});

		it('under another member of the same program is a conflict, as the key itself would be', async () => {
			await store.upsertMember({ programId: main.program.id, customerId: 11 });
			await store.upsertMember({ programId: main.program.id, customerId: 12 });
			await store.awardBonus({ programId: main.program.id, member: { customerId: 11 }, idempotencyKey: 'former', action: 'accountCreation', points: 100 });
			await expect(
				store.awardBonus({ programId: main.program.id, member: { customerId: 12 }, idempotencyKey: 'new', formerKey: 'former', action: 'accountCreation', points: 100 }),
			).rejects.toThrow(/former/);
		});
	});

	it('20 concurrent first orders of one customer in two programs, each sent twice: exactly one bonus per program', async () => {
		const stores = [store, ...(await Promise.all([1, 2, 3].map(() => db.open(config, { poolSize: 4 }))))];
		// Orders 100–104 in the default program, 105–109 in the B2B one; the customer is a member of neither yet.
		const results = await Promise.all(Array.from({ length: 20 }, (_, i) => award(stores[i % stores.length], 100 + (i % 10), 13, i % 10 < 5 ? 1 : 2)));
		expect(results.filter((r) => !r.duplicate)).toHaveLength(10);
		const given = results.filter((r) => r.firstPurchaseBonus && !r.firstPurchaseBonus.duplicate);
		expect(given.map((r) => r.program).sort()).toEqual(['b2b_program', 'default']);
		expect(await bonuses()).toEqual(
			expect.arrayContaining([
				['default', BONUS, newKey(main, 13)],
				['b2b_program', BONUS, newKey(b2b, 13)],
			]),
		);
		expect(await bonuses()).toHaveLength(2);
		expect((await entries()).filter(([, kind]) => kind === 'purchase')).toHaveLength(10);
		expect((await store.checkConsistency()).mismatches).toEqual([]);
	});
});
