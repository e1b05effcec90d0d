import { defaultProgram, memberTier, parseProgramConfig, tierForPoints, tierProgress } from '../../../../nodes/core/loyalty';

describe('tiers', () => {
	it.each([
		[0, 'Bronze', 'Silver', 1000],
		[999, 'Bronze', 'Silver', 1],
		[1000, 'Silver', 'Gold', 4000],
		[5000, 'Gold', 'Platinum', 10000],
		[14999, 'Gold', 'Platinum', 1],
		[15000, 'Platinum', null, null],
		[1_000_000, 'Platinum', null, null],
	])('%d lifetime points: %s, next %s, %s points to go', (lifetime, tier, next, toGo) => {
		const progress = tierProgress(defaultProgram, lifetime);
		expect(progress.tier.name).toBe(tier);
		expect(progress.nextTier?.name ?? null).toBe(next);
		expect(progress.pointsToNextTier).toBe(toGo);
		expect(tierForPoints(defaultProgram, lifetime).tier.name).toBe(tier);
	});

	it('holds the group starting tier as a floor (seed: Wholesale Silver, VIP Gold, Retail Bronze)', () => {
		expect(tierProgress(defaultProgram, 0, 'Wholesale')).toMatchObject({ tier: { name: 'Silver' }, reason: 'groupStartingTier', nextTier: { name: 'Gold' }, pointsToNextTier: 5000 });
		expect(tierProgress(defaultProgram, 100, 'vip')).toMatchObject({ tier: { name: 'Gold' }, pointsToNextTier: 14900 });
		expect(memberTier(defaultProgram, 16000, 'VIP')).toMatchObject({ tier: { name: 'Platinum' }, reason: 'lifetimePoints' });
		expect(memberTier(defaultProgram, 0, 'Retail')).toMatchObject({ tier: { name: 'Bronze' }, index: 0, reason: 'lifetimePoints' });
		expect(memberTier(defaultProgram, 0, 'Unknown group').tier.name).toBe('Bronze');
	});

	it('demotes when lifetime points fall (a refund reversed points)', () => {
		expect(tierProgress(defaultProgram, 1200).tier.name).toBe('Silver');
		expect(tierProgress(defaultProgram, 1200 - 300).tier.name).toBe('Bronze');
	});

	it('works with a single tier', () => {
		const flat = parseProgramConfig({ tiers: [{ name: 'Member', minPoints: 0 }], customerGroupMapping: {} });
		expect(tierProgress(flat, 50)).toMatchObject({ tier: { name: 'Member' }, nextTier: null, pointsToNextTier: null });
	});
});
