import type { DatabaseConfig } from '../../nodes/core/ledger/database-config';
import { InvalidLedgerInput, MemberErased, MemberNotFound, ProgramNotFound } from '../../nodes/core/ledger/errors';
import type { RuleContext } from '../../nodes/core/ledger/entry-types';
import type { LedgerStore } from '../../nodes/core/ledger/ledger-store';
import { award, programWithMember, STORE, tierFor } from './support/seed-data';
import { ENGINES, useStoreEngine } from './support/store-engines';
import { TestClock } from './support/test-clock';

describe.each(ENGINES)('programs and members on %s', (engine) => {
	const db = useStoreEngine(engine);
	let clock: TestClock;
	let store: LedgerStore;
	let config: DatabaseConfig;

	beforeEach(async () => {
		clock = new TestClock();
		({ store, config } = await db.fresh({ clock: clock.now }));
	});

	describe('programs', () => {
		it('versions every change and keeps old versions readable', async () => {
			const created = await store.upsertProgram({ storeHash: STORE, name: 'default', config: { rate: 1, tiers: ['Bronze'] } });
			expect(created).toMatchObject({ created: true, versionCreated: true, program: { name: 'default', version: 1, storeHash: STORE } });
			// Same config, other key order: no new version.
			const same = await store.upsertProgram({ storeHash: STORE, name: 'default', config: { tiers: ['Bronze'], rate: 1 } });
			expect(same).toMatchObject({ created: false, versionCreated: false, program: { id: created.program.id, version: 1 } });
			clock.advanceDays(1);
			const changed = await store.upsertProgram({ storeHash: STORE, name: 'default', config: { rate: 2, tiers: ['Bronze'] } });
			expect(changed).toMatchObject({ created: false, versionCreated: true, program: { version: 2, config: { rate: 2 } } });

			expect(await store.getProgram({ storeHash: STORE, name: 'default' })).toEqual(changed.program);
			expect((await store.getProgram({ programId: created.program.id }, 1)).config).toEqual({ rate: 1, tiers: ['Bronze'] });
			expect(changed.program.createdAt).toBe(created.program.createdAt);
			expect(changed.program.updatedAt > created.program.updatedAt).toBe(true);
		});

		it('names are unique per store', async () => {
			const a = await store.upsertProgram({ storeHash: STORE, name: 'default', config: {} });
			const b = await store.upsertProgram({ storeHash: 'other', name: 'default', config: {} });
			await store.upsertProgram({ storeHash: STORE, name: 'b2b_program', config: {} });
			expect(a.program.id).not.toBe(b.program.id);
			expect((await store.listPrograms({ storeHash: STORE })).map((p) => p.name)).toEqual(['b2b_program', 'default']);
			expect(await store.listPrograms()).toHaveLength(3);
		});

		it('says which program is missing', async () => {
			await expect(store.getProgram({ storeHash: STORE, name: 'nope' })).rejects.toBeInstanceOf(ProgramNotFound);
			await expect(store.upsertMember({ programId: 'nope', customerId: 1 })).rejects.toThrow(/Loyalty program nope does not exist/);
			await expect(store.upsertProgram({ storeHash: STORE, name: 'x', config: [] as unknown as object })).rejects.toBeInstanceOf(InvalidLedgerInput);
		});
	});

	describe('members', () => {
		let programId: string;
		beforeEach(async () => {
			programId = (await store.upsertProgram({ storeHash: STORE, name: 'default', config: {} })).program.id;
		});

		it('enrols once and updates only what changed', async () => {
			const created = await store.upsertMember({
				programId, customerId: 7, email: ' Ada@Example.COM ', firstName: 'Ada', customerGroup: 'VIP', channelId: 1, birthday: '1990-04-23',
				registeredAt: '2024-01-02T03:04:05+01:00', startingTier: 'Gold',
			});
			expect(created).toMatchObject({ created: true, updated: false });
			expect(created.member).toMatchObject({
				customerId: 7, email: 'ada@example.com', tier: 'Gold', birthday: '1990-04-23', registeredAt: '2024-01-02T02:04:05.000Z',
				points: { available: 0, pending: 0, balance: 0, lifetime: 0 }, stats: { ordersCount: 0, totalSpentMinor: 0 }, erased: false,
			});

			clock.advanceDays(1);
			const unchanged = await store.upsertMember({ programId, customerId: 7, email: 'ada@example.com', firstName: 'Ada', startingTier: 'Bronze' });
			expect(unchanged).toMatchObject({ created: false, updated: false, member: { updatedAt: created.member.updatedAt, tier: 'Gold' } });

			const changed = await store.upsertMember({ programId, customerId: 7, customerGroup: 'Retail', birthday: null, lastName: 'Lovelace' });
			expect(changed).toMatchObject({ updated: true, member: { customerGroup: 'Retail', birthday: null, lastName: 'Lovelace', firstName: 'Ada', email: 'ada@example.com' } });
			expect(changed.member.updatedAt > created.member.updatedAt).toBe(true);
			expect(await store.getMember(programId, { memberId: created.member.id })).toEqual(changed.member);
		});

		it("with the caller's tier rule, works the stored tier out again on every upsert: a new group's starting tier counts at once", async () => {
			// A stand-in for the program's rule: by lifetime points, at least Gold for VIPs.
			const byGroup = (lifetime: number, context: RuleContext) => (context.member.customerGroup === 'VIP' && lifetime < 5000 ? 'Gold' : tierFor(lifetime));
			const created = await store.upsertMember({ programId, customerId: 8, customerGroup: 'Retail', startingTier: 'Bronze', tierFor: byGroup });
			expect(created).toMatchObject({ created: true, tierBefore: null, member: { tier: 'Bronze' } });
			await award(store, programId, 8, 1, 150_000); // 1500 lifetime points: Silver
			const vip = await store.upsertMember({ programId, customerId: 8, customerGroup: 'VIP', tierFor: byGroup });
			expect(vip).toMatchObject({ updated: true, tierBefore: 'Silver', member: { customerGroup: 'VIP', tier: 'Gold' } });
			// The stored tier is what lists, analytics and the next entry's tier_before read.
			expect((await store.listMembers({ programId, tier: 'Gold' })).items.map((m) => m.customerId)).toEqual([8]);
			expect((await award(store, programId, 8, 2, 100)).entry).toMatchObject({ tierBefore: 'Gold', tierAfter: 'Silver' });

			const back = await store.upsertMember({ programId, customerId: 8, customerGroup: 'VIP', tierFor: byGroup });
			expect(back).toMatchObject({ updated: true, tierBefore: 'Silver', member: { tier: 'Gold' } });
			// Nothing to change: nothing written.
			expect(await store.upsertMember({ programId, customerId: 8, customerGroup: 'VIP', tierFor: byGroup })).toMatchObject({ updated: false, member: { tier: 'Gold' } });
			// Without a rule the stored tier stays as it is (the store holds no rules of its own).
			expect(await store.upsertMember({ programId, customerId: 8, customerGroup: 'Retail' })).toMatchObject({ updated: true, member: { tier: 'Gold' } });
			await expect(store.upsertMember({ programId, customerId: 8, tierFor: 'Gold' as unknown as typeof byGroup })).rejects.toThrow(/tierFor: must be a function/);
		});

		it('says what is wrong with the input and which member is missing', async () => {
			await expect(store.upsertMember({ programId, customerId: 1, birthday: '23/04/1990' })).rejects.toThrow(/birthday: must be a date such as 1990-04-23/);
			await expect(store.upsertMember({ programId, customerId: 1.5 })).rejects.toThrow(/customerId: must be a whole number/);
			await expect(store.getMember(programId, { customerId: 404 })).rejects.toBeInstanceOf(MemberNotFound);
			expect((await store.upsertMember({ programId, customerId: 1, birthday: '--12-24' })).member.birthday).toBe('--12-24');
		});

		it('lists with filters on group, tier, available points and modification time, page by page', async () => {
			for (let id = 1; id <= 7; id++) {
				await store.upsertMember({ programId, customerId: id, customerGroup: id % 2 ? 'Retail' : 'VIP', startingTier: 'Bronze' });
				if (id > 1) await award(store, programId, id, id, id * 50_000); // id*500 points
			}
			clock.advanceDays(1);
			const since = clock.iso();
			await award(store, programId, 7, 700, 100); // 7 changes today
			const customerIds = (page: { items: Array<{ customerId: number }> }) => page.items.map((m) => m.customerId).sort((a, b) => a - b);

			expect(customerIds(await store.listMembers({ programId, customerGroup: 'VIP' }))).toEqual([2, 4, 6]);
			expect(customerIds(await store.listMembers({ programId, tier: 'Silver' }))).toEqual([2, 3, 4, 5, 6, 7]);
			expect(customerIds(await store.listMembers({ programId, minPoints: 1500, maxPoints: 2500 }))).toEqual([3, 4, 5]);
			expect(customerIds(await store.listMembers({ programId, modifiedSince: since }))).toEqual([7]);

			const seen: number[] = [];
			let cursor: string | null = null;
			do {
				const page = await store.listMembers({ programId, limit: 3, cursor });
				expect(page.items.length).toBeLessThanOrEqual(3);
				seen.push(...page.items.map((m) => m.customerId));
				cursor = page.nextCursor;
			} while (cursor);
			expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		});
	});

	describe('erase', () => {
		it('removes personal data from the member and their carts, keeps the anonymised ledger', async () => {
			const { program, member } = await programWithMember(store, 5);
			await award(store, program.id, 5, 100, 250_000);
			await store.trackCart({ storeHash: STORE, cartId: 'c-5', customerId: 5, email: 'customer5@example.com', phone: '+4912345', items: [{ productId: 1 }], amountMinor: 100, checkoutUrl: 'https://x/checkout' });
			await store.trackCart({ storeHash: STORE, cartId: 'c-guest', email: 'CUSTOMER5@example.com', items: [{ productId: 1 }], amountMinor: 100 });
			await store.trackCart({ storeHash: STORE, cartId: 'c-other', email: 'other@example.com', items: [{ productId: 1 }], amountMinor: 100 });

			const erased = await store.eraseMember(program.id, { customerId: 5 });
			expect(erased).toMatchObject({ alreadyErased: false, cartsErased: 2 });
			expect(erased.member).toMatchObject({
				id: member.id, email: null, firstName: null, lastName: null, phone: null, birthday: null, erased: true,
				points: { balance: 2500, lifetime: 2500 }, stats: { ordersCount: 1, totalSpentMinor: 250_000 },
			});
			const stored = await db.sql(config, 'SELECT email, first_name, last_name, birthday FROM tajo_members');
			expect(stored).toEqual([{ email: null, first_name: null, last_name: null, birthday: null }]);
			expect((await store.history({ programId: program.id, member: { memberId: member.id } })).items).toHaveLength(1);
			const carts = await db.sql(config, 'SELECT cart_id, email, phone, checkout_url FROM tajo_carts ORDER BY cart_id');
			expect(carts).toEqual([
				{ cart_id: 'c-5', email: null, phone: null, checkout_url: null },
				{ cart_id: 'c-guest', email: null, phone: null, checkout_url: null },
				{ cart_id: 'c-other', email: 'other@example.com', phone: null, checkout_url: null },
			]);

			// Nothing brings the data back, and the points can no longer change.
			const resync = await store.upsertMember({ programId: program.id, customerId: 5, email: 'customer5@example.com', firstName: 'Ada' });
			expect(resync).toMatchObject({ created: false, updated: false, member: { email: null, erased: true } });
			await expect(award(store, program.id, 5, 101, 1000)).rejects.toBeInstanceOf(MemberErased);
			expect((await award(store, program.id, 5, 100, 250_000)).duplicate).toBe(true);
			expect(await store.eraseMember(program.id, { customerId: 5 })).toMatchObject({ alreadyErased: true, cartsErased: 0 });
			expect((await store.listMembers({ programId: program.id })).items).toEqual([]);
			expect((await store.listMembers({ programId: program.id, includeErased: true })).items).toHaveLength(1);
			expect(tierFor(2500)).toBe('Silver');
		});
	});
});
