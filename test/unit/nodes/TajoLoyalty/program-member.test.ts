import { NodeOperationError } from 'n8n-workflow';
import { defaultProgram } from '../../../../nodes/core/loyalty';
import { bigCommerceCustomer, STORE } from './support/fixtures';
import { useTempLedger } from './support/ledger';

const ledger = useTempLedger();
const program = (operation: string, extra = {}) => ({ resource: 'program', operation, storeHash: STORE, ...extra });
const member = (operation: string, extra = {}) => ({ resource: 'member', operation, storeHash: STORE, ...extra });

describe('Program', () => {
	it('upsert with the default JSON creates the seed default program, version 1; the same rules again write nothing', async () => {
		const first = await ledger.one(program('upsert'));
		expect(first).toEqual(expect.objectContaining({ created: true, versionCreated: true, program: 'default', version: 1, currency: 'USD', channels: [1] }));
		expect(first.config).toEqual(JSON.parse(JSON.stringify(defaultProgram)));
		expect(first.tiers).toEqual([
			expect.objectContaining({ name: 'Bronze', minPoints: 0 }),
			expect.objectContaining({ name: 'Silver', minPoints: 1000, multiplier: 1.25 }),
			expect.objectContaining({ name: 'Gold', minPoints: 5000, multiplier: 1.5 }),
			expect.objectContaining({ name: 'Platinum', minPoints: 15000, multiplier: 2 }),
		]);
		const again = await ledger.one(program('upsert'));
		expect(again).toEqual(expect.objectContaining({ created: false, versionCreated: false, version: 1 }));
	});

	it('a changed config is a new version; fields left out get the seed values', async () => {
		await ledger.one(program('upsert'));
		const changed = await ledger.one(program('upsert', { programConfig: JSON.stringify({ id: 'default', purchasePoints: { rate: 2 } }) }));
		expect(changed).toEqual(expect.objectContaining({ created: false, versionCreated: true, version: 2 }));
		expect((changed.config as { purchasePoints: { rate: number; roundingMode: string } }).purchasePoints).toEqual(expect.objectContaining({ rate: 2, roundingMode: 'floor' }));
		expect((changed.config as { bonusPoints: { referralMade: number } }).bonusPoints.referralMade).toBe(500);
	});

	it('accepts the config as an object too (an expression result)', async () => {
		const saved = await ledger.one(program('upsert', { programConfig: { id: 'vip_club', channels: [7] } }));
		expect(saved).toEqual(expect.objectContaining({ program: 'vip_club', channels: [7], created: true }));
	});

	it('an invalid config fails with the field and the rule it breaks; nothing is stored', async () => {
		const bad = { id: 'default', tiers: [{ name: 'Bronze', minPoints: 0 }, { name: 'Silver', minPoints: 0 }] };
		const error = await ledger.one(program('upsert', { programConfig: JSON.stringify(bad) })).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe('The program config is not valid: tiers[1].minPoints: must be greater than tiers[0].minPoints (0)');
		expect((error as NodeOperationError).description).toContain('tiers[1].minPoints');
		expect(await ledger.run(program('list'))).toEqual(expect.objectContaining({ json: [] }));
	});

	it('JSON that does not parse is named as such', async () => {
		const out = await ledger.one(program('upsert', { programConfig: '{ "id": "default", ' }), undefined, { continueOnFail: true });
		expect(out).toEqual({ error: expect.stringMatching(/^The program config is not valid: \(config\): is not valid JSON/), details: expect.objectContaining({ code: 'INVALID_PROGRAM_CONFIG' }) });
	});

	it('refuses a channel that another program of the store already serves', async () => {
		await ledger.seedPrograms();
		const out = await ledger.one(program('upsert', { programConfig: JSON.stringify({ id: 'outlet', channels: [2, 9] }) }), undefined, { continueOnFail: true });
		expect(out.error).toMatch(/^channels: channel 2 is already served by program "b2b_program"/);
	});

	it('seed programs, get and list', async () => {
		await ledger.seedPrograms();
		const b2b = await ledger.one(program('get', { program: 'b2b_program' }));
		expect(b2b).toEqual(expect.objectContaining({ program: 'b2b_program', name: 'Wholesale', channels: [2] }));
		expect((b2b.config as { b2bLoyalty: { allMembersAreB2B: boolean } }).b2bLoyalty.allMembersAreB2B).toBe(true);
		expect((b2b.bonusActions as Array<{ action: string }>).map((a) => a.action)).toEqual([
			'accountCreation',
			'firstPurchase',
			'reviewSubmitted',
			'referralMade',
			'birthdayBonus',
			'newsletterSignup',
		]);
		const { json } = await ledger.run(program('list'));
		expect(json.map((p) => [p.program, p.channels])).toEqual([
			['b2b_program', [2]],
			['default', [1]],
			['global_program', [3]],
		]);
	});

	it('get of a program that does not exist says how to create it', async () => {
		const error = (await ledger.one(program('get', { program: 'nope' })).catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toMatch(/Loyalty program .*nope does not exist/);
		expect(error.description).toMatch(/Program → Upsert/);
	});
});

describe('Member', () => {
	beforeEach(() => ledger.seedPrograms());

	it('upsert enrols a BigCommerce customer with the group mapping: segment, starting tier, Brevo list', async () => {
		const out = await ledger.one(member('upsert', { customerGroupName: 'VIP' }), bigCommerceCustomer(42));
		expect(out.created).toBe(true);
		expect(out.member).toEqual(
			expect.objectContaining({
				customer_id: 42,
				email: 'customer42@example.com',
				first_name: 'Ada',
				last_name: 'Lovelace',
				phone: '+14155550100',
				customer_group: 'VIP',
				channel_id: 1,
				date_created: '2025-01-05T10:00:00.000Z',
				program: 'default',
				tier: 'Gold',
				tierReason: 'groupStartingTier',
				nextTier: 'Platinum',
				pointsToNextTier: 15000,
				segment: 'vip_customers',
				emailList: 'vip_exclusive',
				brevoListId: null,
				points: { available: 0, pending: 0, balance: 0, lifetime: 0 },
				orders_count: 0,
				total_spent: 0,
				last_order_date: null,
			}),
		);
	});

	it('takes the group name from customer_group_name on the item by default', async () => {
		const out = await ledger.one(member('upsert'), { ...bigCommerceCustomer(5), customer_group_name: 'Wholesale' });
		expect(out.member).toEqual(expect.objectContaining({ customer_group: 'Wholesale', tier: 'Silver', segment: 'wholesale_customers' }));
	});

	it("chooses the program by the customer's origin channel unless one is named", async () => {
		const byChannel = await ledger.one(member('upsert'), bigCommerceCustomer(8, { origin_channel_id: 2, channel_ids: [2] }));
		expect((byChannel.member as { program: string }).program).toBe('b2b_program');
		const named = await ledger.one(member('upsert', { program: 'global_program' }), bigCommerceCustomer(8, { origin_channel_id: 2 }));
		expect((named.member as { program: string }).program).toBe('global_program');
	});

	it('upsert again updates only what changed, keeps what the item lacks', async () => {
		await ledger.one(member('upsert', { customerGroupName: 'Retail', additionalFields: { birthday: '1990-04-23' } }), bigCommerceCustomer(9));
		const { phone: _phone, ...withoutPhone } = bigCommerceCustomer(9, { last_name: 'Byron' });
		const out = await ledger.one(member('upsert', { customerGroupName: 'Retail' }), withoutPhone);
		expect(out).toEqual(expect.objectContaining({ created: false, updated: true }));
		expect(out.member).toEqual(expect.objectContaining({ last_name: 'Byron', phone: '+14155550100', birthday: '1990-04-23' }));
	});

	it('an empty group name keeps the stored group; BigCommerce\'s "no group" (customer_group_id 0) clears it', async () => {
		await ledger.one(member('upsert', { customerGroupName: 'VIP' }), bigCommerceCustomer(13));
		const kept = await ledger.one(member('upsert', { customerGroupName: '' }), bigCommerceCustomer(13, { last_name: 'King' }));
		expect(kept).toEqual(expect.objectContaining({ updated: true, tierChanged: false }));
		expect(kept.member).toEqual(expect.objectContaining({ customer_group: 'VIP', last_name: 'King', tier: 'Gold', segment: 'vip_customers' }));
		const { customer_group_id: _group, ...withoutGroupId } = bigCommerceCustomer(13);
		expect((await ledger.one(member('upsert', { customerGroupName: '   ' }), withoutGroupId)).member).toEqual(expect.objectContaining({ customer_group: 'VIP' }));
		const cleared = await ledger.one(member('upsert', { customerGroupName: '' }), bigCommerceCustomer(13, { customer_group_id: 0 }));
		expect(cleared).toEqual(expect.objectContaining({ updated: true, tierBefore: 'Gold', tierChanged: true }));
		expect(cleared.member).toEqual(expect.objectContaining({ customer_group: null, tier: 'Bronze', segment: null }));
	});

	it("a member moved to another group gets the group's starting tier stored at once (lists and analytics read it)", async () => {
		await ledger.one(member('upsert', { customerGroupName: 'Retail' }), bigCommerceCustomer(14));
		const byTier = async (tier: string) => (await ledger.run(member('list', { returnAll: true, filters: { tier } }))).json.map((m) => m.customer_id);
		expect(await byTier('Bronze')).toEqual([14]);
		const moved = await ledger.one(member('upsert', { customerGroupName: 'VIP' }), bigCommerceCustomer(14));
		expect(moved).toEqual(expect.objectContaining({ updated: true, tierBefore: 'Bronze', tierChanged: true }));
		expect(moved.member).toEqual(expect.objectContaining({ customer_group: 'VIP', tier: 'Gold', tierReason: 'groupStartingTier' }));
		expect(await byTier('Gold')).toEqual([14]);
		expect(await byTier('Bronze')).toEqual([]);
		const dashboard = await ledger.one({ resource: 'analytics', operation: 'getDashboard', storeHash: STORE });
		expect((dashboard.loyalty as { membersPerTier: unknown }).membersPerTier).toEqual([{ tier: 'Gold', count: 1 }]);
	});

	it('get gives balances, tier progress and stats; a missing member says to enrol first', async () => {
		await ledger.one(member('upsert', { customerGroupName: 'Retail' }), bigCommerceCustomer(11));
		const got = await ledger.one(member('get'), { customer_id: 11 });
		expect(got).toEqual(expect.objectContaining({ customer_id: 11, tier: 'Bronze', nextTier: 'Silver', pointsToNextTier: 1000, points: { available: 0, pending: 0, balance: 0, lifetime: 0 } }));
		const error = (await ledger.one(member('get', { customerId: '12' })).catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toMatch(/No loyalty member with customer id 12/);
		expect(error.description).toMatch(/Member → Upsert/);
	});

	it('list filters by group and gives the fields the seed segments use', async () => {
		for (const [id, group] of [[1, 'Retail'], [2, 'VIP'], [3, 'VIP'], [4, 'Wholesale']] as const) {
			await ledger.one(member('upsert', { customerGroupName: group }), bigCommerceCustomer(id));
		}
		const vip = await ledger.run(member('list', { returnAll: true, filters: { customerGroup: 'VIP' } }));
		expect(vip.json.map((m) => m.customer_id)).toEqual(expect.arrayContaining([2, 3]));
		expect(vip.json).toHaveLength(2);
		for (const field of ['orders_count', 'total_spent', 'last_order_date', 'customer_group', 'email', 'tier', 'points']) expect(vip.json[0]).toHaveProperty(field);
		const limited = await ledger.run(member('list', { limit: 3 }));
		expect(limited.json).toHaveLength(3);
		expect(limited.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('erase removes personal data and keeps the member', async () => {
		await ledger.one(member('upsert', { customerGroupName: 'Retail' }), bigCommerceCustomer(21));
		const erased = await ledger.one(member('erase', { customerId: '21' }));
		expect(erased).toEqual(expect.objectContaining({ erased: true, alreadyErased: false }));
		expect(erased.member).toEqual(expect.objectContaining({ customer_id: 21, email: null, first_name: null, last_name: null, phone: null, erased: true }));
		const again = await ledger.one(member('erase', { customerId: '21' }));
		expect(again.alreadyErased).toBe(true);
	});

	it('a customer item without an id is refused, naming the field', async () => {
		const out = await ledger.one(member('upsert'), { email: 'x@example.com' }, { continueOnFail: true });
		expect(out).toEqual({ error: 'customer.id: is missing', details: { description: expect.any(String), code: 'INVALID_INPUT' } });
	});
});
