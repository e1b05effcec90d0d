import type { DatabaseConfig } from '../../nodes/core/ledger/database-config';
import type { AwardForOrderInput, RuleContext } from '../../nodes/core/ledger/entry-types';
import { InvalidLedgerInput } from '../../nodes/core/ledger/errors';
import type { LedgerStore } from '../../nodes/core/ledger/ledger-store';
import { programWithMember, STORE, tierFor } from './support/seed-data';
import { ENGINES, useStoreEngine } from './support/store-engines';
import { TestClock } from './support/test-clock';

const BONUS = 200;
const BONUS_KEY = `${STORE}:customer:1:bonus:firstPurchase`;

/**
 * An award and the bonus its rule grants with it (the first-purchase bonus) are one write: a
 * process that dies after the award cannot leave the member without the bonus.
 */
describe.each(ENGINES)('an award with its bonus on %s', (engine) => {
	const db = useStoreEngine(engine);
	let store: LedgerStore;
	let config: DatabaseConfig;
	let programId: string;
	const member = { customerId: 1 };

	beforeEach(async () => {
		({ store, config } = await db.fresh({ clock: new TestClock().now }));
		programId = (await programWithMember(store)).program.id;
	});

	/** 1 point per unit; the bonus with the member's first order, as the loyalty service's rule does. */
	const firstOrderRule = (totalMinor: number) => (context: RuleContext) => ({
		points: Math.floor(totalMinor / 100),
		breakdown: { firstOrder: context.member.ordersCount === 0 },
		...(context.member.ordersCount === 0 ? { bonus: { points: BONUS } } : {}),
	});
	const awardWithBonus = (s: LedgerStore, orderId: number, totalMinor: number, extra: Partial<AwardForOrderInput> = {}) =>
		s.awardForOrder({
			programId,
			member,
			idempotencyKey: `${STORE}:order:${orderId}:purchase`,
			order: { id: orderId, totalMinor },
			compute: firstOrderRule(totalMinor),
			bonus: { idempotencyKey: BONUS_KEY, action: 'firstPurchase', breakdown: { orderId: String(orderId) } },
			tierFor,
			...extra,
		});
	const entries = async () =>
		(await db.sql(config, 'SELECT id, kind, points, balance_after, tier_before, tier_after, idempotency_key FROM tajo_ledger_entries ORDER BY id')).map((r) => [
			String(r.kind),
			Number(r.points),
			Number(r.balance_after),
			r.tier_before,
			r.tier_after,
		]);

	it('writes the bonus after the award, in the same write: balances and tiers run on from the award', async () => {
		const result = await awardWithBonus(store, 100, 90_000);
		expect(result).toMatchObject({ duplicate: false, tierBefore: 'Bronze', tierAfter: 'Bronze', entry: { kind: 'purchase', points: 900, balanceAfter: 900 } });
		expect(result.companion).toMatchObject({ kind: 'bonus', action: 'firstPurchase', points: BONUS, balanceAfter: 1100, lifetimeAfter: 1100, tierBefore: 'Bronze', tierAfter: 'Silver', idempotencyKey: BONUS_KEY, breakdown: { orderId: '100' } });
		expect(result.companion!.id).toBeGreaterThan(result.entry.id);
		expect(result.member).toMatchObject({ tier: 'Silver', points: { balance: 1100, lifetime: 1100 } });
		expect(await entries()).toEqual([
			['purchase', 900, 900, 'Bronze', 'Bronze'],
			['bonus', BONUS, 1100, 'Bronze', 'Silver'],
		]);
		expect((await store.checkConsistency()).mismatches).toEqual([]);
	});

	it('a repeat returns the first award without its bonus and writes nothing; the second order brings no bonus', async () => {
		await awardWithBonus(store, 100, 90_000);
		const again = await awardWithBonus(store, 100, 90_000);
		expect(again).toMatchObject({ duplicate: true, entry: { points: 900 } });
		expect(again.companion).toBeUndefined();
		const second = await awardWithBonus(store, 101, 10_000);
		expect(second.companion).toBeUndefined();
		expect(await entries()).toEqual([
			['purchase', 900, 900, 'Bronze', 'Bronze'],
			['bonus', BONUS, 1100, 'Bronze', 'Silver'],
			['purchase', 100, 1200, 'Silver', 'Silver'],
		]);
	});

	it('a bonus given before under its key (e.g. on its own) is not given again', async () => {
		await store.awardBonus({ programId, member, idempotencyKey: BONUS_KEY, action: 'firstPurchase', points: BONUS, tierFor });
		const result = await awardWithBonus(store, 100, 10_000);
		expect(result.companion).toBeUndefined();
		expect(result.member.points.balance).toBe(100 + BONUS);
		expect((await entries()).map(([kind, points]) => [kind, points])).toEqual([
			['bonus', BONUS],
			['purchase', 100],
		]);
	});

	it('a bonus given before under its former key counts in the program whose entry it is, and only there', async () => {
		const FORMER = `${STORE}:customer:1:bonus:firstPurchase`;
		const { program: other } = await store.upsertProgram({ storeHash: STORE, name: 'b2b', config: {} });
		await store.upsertMember({ programId: other.id, customerId: 1, startingTier: 'Bronze' });
		await store.awardBonus({ programId, member, idempotencyKey: FORMER, action: 'firstPurchase', points: BONUS, tierFor });
		const withFormer = (program: string, orderId: number) =>
			awardWithBonus(store, orderId, 10_000, { programId: program, bonus: { idempotencyKey: `${STORE}:program:${program}:customer:1:bonus:firstPurchase`, formerKey: FORMER, action: 'firstPurchase' } });
		expect((await withFormer(programId, 100)).companion).toBeUndefined();
		expect((await withFormer(other.id, 101)).companion).toMatchObject({ points: BONUS, idempotencyKey: `${STORE}:program:${other.id}:customer:1:bonus:firstPurchase` });
		// A bonus on its own, under its new key, finds the one under the former key too.
		const again = await store.awardBonus({ programId, member, idempotencyKey: `${STORE}:program:${programId}:customer:1:bonus:firstPurchase`, formerKey: FORMER, action: 'firstPurchase', points: BONUS });
		expect(again).toMatchObject({ duplicate: true, entry: { idempotencyKey: FORMER } });
		expect((await entries()).map(([kind, points]) => [kind, points])).toEqual([
			['bonus', BONUS],
			['purchase', 100],
			['purchase', 100],
			['bonus', BONUS],
		]);
		expect((await store.checkConsistency()).mismatches).toEqual([]);
	});

	it('the award and its bonus commit together or not at all', async () => {
		// The bonus's insert fails (as if the database or the process died between the two).
		if (engine === 'sqlite') {
			await db.sql(config, "CREATE TRIGGER refuse_bonus BEFORE INSERT ON tajo_ledger_entries WHEN NEW.kind = 'bonus' BEGIN SELECT RAISE(ABORT, 'bonus refused'); END");
		} else {
			await db.sql(config, "CREATE FUNCTION refuse_bonus() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.kind = 'bonus' THEN RAISE EXCEPTION 'bonus refused'; END IF; RETURN NEW; END $$");
			await db.sql(config, 'CREATE TRIGGER refuse_bonus BEFORE INSERT ON tajo_ledger_entries FOR EACH ROW EXECUTE FUNCTION refuse_bonus()');
		}
		await expect(awardWithBonus(store, 100, 90_000)).rejects.toThrow(/bonus refused/);
		expect(await entries()).toEqual([]);
		expect(Number((await db.sql(config, 'SELECT count(*) AS n FROM tajo_orders'))[0].n)).toBe(0);
		expect((await store.getMember(programId, member)).points.balance).toBe(0);

		await db.sql(config, engine === 'sqlite' ? 'DROP TRIGGER refuse_bonus' : 'DROP TRIGGER refuse_bonus ON tajo_ledger_entries');
		expect((await awardWithBonus(store, 100, 90_000)).companion?.points).toBe(BONUS);
		expect((await store.getMember(programId, member)).points.balance).toBe(1100);
	});

	it('concurrent first orders of one member, each repeated: one bonus, with whichever order came first', async () => {
		const stores = [store, ...(await Promise.all([1, 2, 3].map(() => db.open(config, { poolSize: 4 }))))];
		const results = await Promise.all(Array.from({ length: 24 }, (_, i) => awardWithBonus(stores[i % stores.length], 100 + (i % 2), 50_000)));
		expect(results.filter((r) => !r.duplicate)).toHaveLength(2);
		expect(results.filter((r) => r.companion)).toHaveLength(1);
		const kinds = (await entries()).map(([kind]) => kind);
		expect(kinds.filter((k) => k === 'bonus')).toHaveLength(1);
		expect(kinds.filter((k) => k === 'purchase')).toHaveLength(2);
		expect((await store.getMember(programId, member)).points.balance).toBe(500 + 500 + BONUS);
		expect((await store.checkConsistency()).mismatches).toEqual([]);
	});

	it('a rule that grants a bonus needs its key and action on the award; nothing is written without them', async () => {
		await expect(awardWithBonus(store, 100, 10_000, { bonus: undefined })).rejects.toThrow(InvalidLedgerInput);
		await expect(awardWithBonus(store, 100, 10_000, { bonus: { idempotencyKey: '', action: 'firstPurchase' } })).rejects.toThrow(/idempotencyKey: must be a non-empty text/);
		expect(await entries()).toEqual([]);
	});
});
