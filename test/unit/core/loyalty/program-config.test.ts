import {
	ProgramConfigError,
	b2bProgram,
	defaultProgram,
	globalProgram,
	parseProgramConfig,
	seedPrograms,
} from '../../../../nodes/core/loyalty';

function errorOf(input: unknown): ProgramConfigError {
	try {
		parseProgramConfig(input);
	} catch (error) {
		if (error instanceof ProgramConfigError) return error;
		throw error;
	}
	throw new Error('expected the config to be rejected');
}

describe('program config: seed defaults', () => {
	const config = parseProgramConfig({});

	it('has the seed points system (integration guide step 3)', () => {
		expect(config.purchasePoints).toEqual({ enabled: true, rate: 1, roundingMode: 'floor', basis: 'subtotal_ex_tax' });
		expect(config.bonusPoints).toEqual({
			accountCreation: 100,
			firstPurchase: 200,
			reviewSubmitted: 50,
			referralMade: 500,
			birthdayBonus: 100,
			newsletterSignup: 25,
		});
		expect(config.customerGroupMultipliers).toEqual({ Retail: 1, VIP: 1.5, Wholesale: 0.5, Platinum: 2 });
	});

	it('has the seed tiers with their multipliers and benefits', () => {
		expect(config.tiers.map(({ name, minPoints, multiplier }) => [name, minPoints, multiplier])).toEqual([
			['Bronze', 0, 1],
			['Silver', 1000, 1.25],
			['Gold', 5000, 1.5],
			['Platinum', 15000, 2],
		]);
		expect(config.tiers[3].benefits).toContain('Dedicated account manager');
	});

	it('has the seed B2B rules and group mapping (step 4)', () => {
		expect(config.b2bLoyalty).toEqual({
			accountGroups: ['Wholesale'],
			accountGroupIds: [],
			allMembersAreB2B: false,
			orderVolumeBonus: { enabled: true, threshold: 10000, bonusMultiplier: 1.5 },
			reorderPoints: { enabled: true, rate: 0.5 },
		});
		expect(config.customerGroupMapping).toEqual({
			Retail: { tajoSegment: 'retail_customers', loyaltyTier: 'Bronze', emailList: 'retail_newsletter', brevoListId: null },
			Wholesale: { tajoSegment: 'wholesale_customers', loyaltyTier: 'Silver', emailList: 'wholesale_updates', brevoListId: null },
			VIP: { tajoSegment: 'vip_customers', loyaltyTier: 'Gold', emailList: 'vip_exclusive', brevoListId: null },
		});
	});

	it('has the remaining defaults', () => {
		expect(config).toMatchObject({
			id: 'default',
			name: 'default',
			currency: 'USD',
			channels: [1],
			multiplierMode: 'multiply',
			pendingDays: 0,
			expiryAfterInactivityDays: null,
			negativeBalancePolicy: 'allow',
			customBonusActions: {},
			customerGroupMultipliersById: {},
		});
	});

	it('gives every parse its own copy of the defaults', () => {
		const a = parseProgramConfig({});
		a.tiers[0].benefits.push('changed');
		a.customerGroupMultipliers.VIP = 9;
		expect(parseProgramConfig({}).tiers[0].benefits).not.toContain('changed');
		expect(parseProgramConfig({}).customerGroupMultipliers.VIP).toBe(1.5);
	});

	it('parses its own output to the same config (safe to store and read back)', () => {
		for (const program of [config, defaultProgram, b2bProgram, globalProgram]) {
			expect(parseProgramConfig(JSON.parse(JSON.stringify(program)))).toEqual(program);
		}
	});

	it('accepts JSON text, and numbers written as text', () => {
		const parsed = parseProgramConfig('{"id":"shop","purchasePoints":{"rate":"0.5"},"tiers":[{"name":"Only","minPoints":0,"multiplier":"1.1"}],"customerGroupMapping":{}}');
		expect(parsed.purchasePoints.rate).toBe(0.5);
		expect(parsed.tiers).toEqual([{ name: 'Only', minPoints: 0, multiplier: 1.1, benefits: [] }]);
		expect(parsed.name).toBe('shop');
	});
});

describe('the seed programs', () => {
	it('serve channels 1, 2 and 3', () => {
		expect(Object.keys(seedPrograms)).toEqual(['default', 'b2b_program', 'global_program']);
		expect([defaultProgram.channels, b2bProgram.channels, globalProgram.channels]).toEqual([[1], [2], [3]]);
		expect([defaultProgram.name, b2bProgram.name, globalProgram.name]).toEqual(['Main Store', 'Wholesale', 'International']);
	});

	it('treat every member of the wholesale channel as a B2B account, elsewhere only the Wholesale group', () => {
		expect(b2bProgram.b2bLoyalty.allMembersAreB2B).toBe(true);
		expect(defaultProgram.b2bLoyalty.allMembersAreB2B).toBe(false);
		expect(globalProgram.b2bLoyalty.accountGroups).toEqual(['Wholesale']);
	});

	it('cannot be changed by accident', () => {
		expect(Object.isFrozen(defaultProgram.tiers[1])).toBe(true);
		expect(() => {
			(defaultProgram.purchasePoints as { rate: number }).rate = 5;
		}).toThrow(TypeError);
	});
});

describe('program config: errors name the field and the rule', () => {
	it.each<[string, unknown, string]>([
		[
			'tiers out of order',
			{ tiers: [{ name: 'Bronze', minPoints: 0 }, { name: 'Silver', minPoints: 1000 }, { name: 'Gold', minPoints: 500 }] },
			'tiers[2].minPoints: must be greater than tiers[1].minPoints (1000)',
		],
		['first tier above 0', { tiers: [{ name: 'Silver', minPoints: 10 }], customerGroupMapping: {} }, 'tiers[0].minPoints: must be 0, so that every member has a tier (got 10)'],
		[
			'duplicate tier name',
			{ tiers: [{ name: 'Bronze', minPoints: 0 }, { name: 'bronze', minPoints: 5 }], customerGroupMapping: {} },
			'tiers[1].name: "bronze" is already the name of tiers[0]',
		],
		['no tiers', { tiers: [], customerGroupMapping: {} }, 'tiers: must not be empty'],
		[
			'own tiers, seed group mapping',
			{ tiers: [{ name: 'Member', minPoints: 0 }, { name: 'Silver', minPoints: 500 }] },
			'customerGroupMapping.Retail.loyaltyTier: "Bronze" is not a tier of this program (Member, Silver); customerGroupMapping.VIP.loyaltyTier: "Gold" is not a tier of this program (Member, Silver)',
		],
		['unknown rounding mode', { purchasePoints: { roundingMode: 'up' } }, 'purchasePoints.roundingMode: must be one of floor, round, ceil (got "up")'],
		['unknown basis', { purchasePoints: { basis: 'grand_total' } }, 'purchasePoints.basis: must be one of subtotal_ex_tax, total_ex_tax, total_inc_tax (got "grand_total")'],
		['misspelt field', { purchasePoints: { rat: 2 } }, 'purchasePoints.rat: is not a known field; check the spelling'],
		['negative rate', { purchasePoints: { rate: -1 } }, 'purchasePoints.rate: must be at least 0 (got -1)'],
		['float noise', { purchasePoints: { rate: 0.1 + 0.2 } }, 'purchasePoints.rate: must have at most 6 decimal places (got 0.30000000000000004)'],
		['rate not a number', { purchasePoints: { rate: 'one' } }, 'purchasePoints.rate: must be a number such as 1 or 0.5 (got "one")'],
		['rate of wrong type', { purchasePoints: { rate: true } }, 'purchasePoints.rate: must be a number such as 1 or 0.5'],
		['multiplier of a group with a space', { customerGroupMultipliers: { 'Gold VIP': 'x' } }, 'customerGroupMultipliers["Gold VIP"]: must be a number such as 1.25 (got "x")'],
		['same group twice', { customerGroupMultipliers: { VIP: 1.5, vip: 2 } }, 'customerGroupMultipliers.vip: is the same group as "VIP" (group names are matched ignoring case)'],
		['group id not numeric', { customerGroupMultipliersById: { vip: 2 } }, 'customerGroupMultipliersById.vip: must be a BigCommerce customer group id such as "3"'],
		['volume bonus below 1', { b2bLoyalty: { orderVolumeBonus: { bonusMultiplier: 0.9 } } }, 'b2bLoyalty.orderVolumeBonus.bonusMultiplier: must be at least 1 (got 0.9)'],
		[
			'threshold finer than the currency',
			{ currency: 'JPY', b2bLoyalty: { orderVolumeBonus: { threshold: 10000.5 } } },
			'b2bLoyalty.orderVolumeBonus.threshold: must have at most 0 decimal places, as JPY has (got 10000.5)',
		],
		[
			'mapping to a missing tier',
			{ customerGroupMapping: { VIP: { loyaltyTier: 'Diamond' } } },
			'customerGroupMapping.VIP.loyaltyTier: "Diamond" is not a tier of this program (Bronze, Silver, Gold, Platinum)',
		],
		['custom action shadowing a built-in', { customBonusActions: { accountCreation: { points: 5 } } }, 'customBonusActions.accountCreation: is a built-in action; set bonusPoints.accountCreation instead'],
		[
			'custom action with a bad name',
			{ customBonusActions: { 'follow us': { points: 5 } } },
			'customBonusActions["follow us"]: a bonus action name must start with a letter and use only letters, digits and _',
		],
		['fractional bonus points', { bonusPoints: { birthdayBonus: 12.5 } }, 'bonusPoints.birthdayBonus: must be a whole number'],
		['duplicate channel', { channels: [1, 2, 1] }, 'channels[2]: channel 1 is already listed at channels[0]'],
		['bad currency', { currency: 'usd' }, 'currency: must be a three-letter ISO 4217 code in capitals, such as USD'],
		['bad id', { id: 'Main Store' }, 'id: must be lowercase letters, digits, _ or - (such as b2b_program)'],
		['expiry of 0 days', { expiryAfterInactivityDays: 0 }, 'expiryAfterInactivityDays: must be at least 1'],
		['pending days as text', { pendingDays: '14' }, 'pendingDays: must be a whole number'],
		['policy of wrong type', { negativeBalancePolicy: true }, 'negativeBalancePolicy: must be one of allow, clamp (got boolean)'],
		['multiplier mode', { multiplierMode: 'max' }, 'multiplierMode: must be one of multiply, highest (got "max")'],
		['not JSON', '{rate: 1', '(config): is not valid JSON'],
	])('%s', (_case, input, expected) => {
		const error = errorOf(input);
		if (typeof input === 'string') expect(error.message.startsWith(expected)).toBe(true);
		else expect(error.message).toBe(expected);
		expect(error.issues[0].path).toBe(expected.slice(0, expected.indexOf(': ')));
	});

	it('lists every broken rule, not only the first', () => {
		const error = errorOf({ purchasePoints: { rate: -1, roundingMode: 'up' }, channels: [] });
		expect(error.issues).toEqual([
			{ path: 'channels', message: 'must not be empty' },
			{ path: 'purchasePoints.rate', message: 'must be at least 0 (got -1)' },
			{ path: 'purchasePoints.roundingMode', message: 'must be one of floor, round, ceil (got "up")' },
		]);
		expect(error.message).toBe(
			'channels: must not be empty; purchasePoints.rate: must be at least 0 (got -1); purchasePoints.roundingMode: must be one of floor, round, ceil (got "up")',
		);
	});
});
