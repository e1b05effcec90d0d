import { LoyaltyInputError, bonusForAction, bonusIdempotencyKey, bonusNaturalId, formerBonusIdempotencyKey, defaultProgram, listBonusActions, parseProgramConfig } from '../../../../nodes/core/loyalty';

describe('bonus actions', () => {
	it('award the seed points for the six built-in actions', () => {
		expect(listBonusActions(defaultProgram).map(({ action, points, oncePer }) => [action, points, oncePer])).toEqual([
			['accountCreation', 100, 'member'],
			['firstPurchase', 200, 'member'],
			['reviewSubmitted', 50, 'reference'],
			['referralMade', 500, 'reference'],
			['birthdayBonus', 100, 'year'],
			['newsletterSignup', 25, 'member'],
		]);
		expect(bonusForAction(defaultProgram, 'reviewSubmitted').description).toBe('once per review id');
	});

	it('include custom actions with their own scope', () => {
		const program = parseProgramConfig({
			bonusPoints: { newsletterSignup: 0 },
			customBonusActions: { instagramFollow: { points: 30, oncePer: 'member', description: 'Followed us on Instagram' }, eventCheckIn: { points: 15 } },
		});
		expect(bonusForAction(program, 'newsletterSignup').points).toBe(0);
		expect(bonusForAction(program, 'instagramFollow')).toEqual({
			action: 'instagramFollow',
			points: 30,
			oncePer: 'member',
			builtIn: false,
			description: 'Followed us on Instagram',
		});
		expect(bonusForAction(program, 'eventCheckIn')).toMatchObject({ oncePer: 'reference', description: 'once per member per reference' });
	});

	it('name the known actions when asked for an unknown one', () => {
		expect(() => bonusForAction(defaultProgram, 'appInstall')).toThrow(
			new LoyaltyInputError(
				'action',
				'"appInstall" is not a bonus action of program "default" (accountCreation, firstPurchase, reviewSubmitted, referralMade, birthdayBonus, newsletterSignup)',
			),
		);
	});
});

describe('bonus idempotency keys: one award per natural key', () => {
	const base = { store: 'abc123', programId: 'p1', member: 42 };

	it('once per member for account creation, first purchase and newsletter, whatever the ref or date', () => {
		expect(bonusIdempotencyKey({ ...base, action: 'accountCreation' })).toBe('abc123:program:p1:customer:42:bonus:accountCreation');
		expect(bonusIdempotencyKey({ ...base, action: 'firstPurchase', ref: 'order-9', date: '2026-01-01' })).toBe('abc123:program:p1:customer:42:bonus:firstPurchase');
		expect(bonusIdempotencyKey({ ...base, action: 'newsletterSignup', date: new Date() })).toBe('abc123:program:p1:customer:42:bonus:newsletterSignup');
	});

	it('per review and per referred customer', () => {
		expect(bonusIdempotencyKey({ ...base, action: 'reviewSubmitted', ref: 77 })).toBe('abc123:program:p1:customer:42:bonus:reviewSubmitted:77');
		expect(bonusIdempotencyKey({ ...base, action: 'referralMade', ref: 'cust-5' })).toBe('abc123:program:p1:customer:42:bonus:referralMade:cust-5');
		expect(() => bonusIdempotencyKey({ ...base, action: 'reviewSubmitted' })).toThrow('ref: reviewSubmitted is awarded once per review id: give it as ref');
		expect(() => bonusIdempotencyKey({ ...base, action: 'referralMade', ref: ' ' })).toThrow('ref: referralMade is awarded once per referred customer id: give it as ref');
	});

	it('per member per calendar year for the birthday', () => {
		expect(bonusIdempotencyKey({ ...base, action: 'birthdayBonus', date: '2026-03-14' })).toBe('abc123:program:p1:customer:42:bonus:birthdayBonus:2026');
		expect(bonusIdempotencyKey({ ...base, action: 'birthdayBonus', date: '2026-12-31T23:00:00Z' })).toBe('abc123:program:p1:customer:42:bonus:birthdayBonus:2026');
		expect(bonusIdempotencyKey({ ...base, action: 'birthdayBonus', date: new Date(Date.UTC(2027, 0, 1)) })).toBe('abc123:program:p1:customer:42:bonus:birthdayBonus:2027');
		expect(() => bonusIdempotencyKey({ ...base, action: 'birthdayBonus', date: '14/03/2026' })).toThrow(
			'date: birthdayBonus is awarded once per year: give the award date as YYYY-MM-DD (got "14/03/2026")',
		);
	});

	it('cannot be confused by separators inside ids', () => {
		const a = bonusIdempotencyKey({ store: 's', programId: 'p', member: 'a:b', action: 'reviewSubmitted', ref: 'c' });
		const b = bonusIdempotencyKey({ store: 's', programId: 'p', member: 'a', action: 'reviewSubmitted', ref: 'b:c' });
		expect(a).toBe('s:program:p:customer:a%3Ab:bonus:reviewSubmitted:c');
		expect(a).not.toBe(b);
		expect(bonusIdempotencyKey({ store: 's', programId: 'p:q', member: 1, action: 'accountCreation' })).toBe('s:program:p%3Aq:customer:1:bonus:accountCreation');
		expect(() => bonusIdempotencyKey({ store: '', programId: 'p', member: 1, action: 'accountCreation' })).toThrow('store: is required for the bonus key');
		expect(() => bonusIdempotencyKey({ store: 's', programId: ' ', member: 1, action: 'accountCreation' })).toThrow('programId: is required for the bonus key');
	});

	it('gives the natural id alone, for the ledger key builder', () => {
		expect(bonusNaturalId({ action: 'accountCreation', ref: 'x' })).toBeUndefined();
		expect(bonusNaturalId({ action: 'reviewSubmitted', ref: 'r/1' })).toBe('r%2F1');
		expect(bonusNaturalId({ action: 'birthdayBonus', date: '2026-07-04' })).toBe('2026');
	});

	it('once per member of a program: the same customer in two programs has a key in each', () => {
		const key = (programId: string) => bonusIdempotencyKey({ ...base, programId, action: 'firstPurchase' });
		expect(key('default-id')).toBe('abc123:program:default-id:customer:42:bonus:firstPurchase');
		expect(key('b2b-id')).not.toBe(key('default-id'));
	});

	it('gives the former key, without the program, as versions before it wrote it', () => {
		expect(formerBonusIdempotencyKey({ store: 'abc123', member: 42, action: 'firstPurchase' })).toBe('abc123:customer:42:bonus:firstPurchase');
		expect(formerBonusIdempotencyKey({ store: 'abc123', member: 42, action: 'reviewSubmitted', ref: 'r/1' })).toBe('abc123:customer:42:bonus:reviewSubmitted:r%2F1');
		expect(formerBonusIdempotencyKey({ store: 'abc123', member: 42, action: 'birthdayBonus', date: '2026-03-14' })).toBe('abc123:customer:42:bonus:birthdayBonus:2026');
	});

	it('uses the program to scope custom actions', () => {
		const program = parseProgramConfig({ customBonusActions: { quiz: { points: 5, oncePer: 'year' } } });
		expect(bonusIdempotencyKey({ ...base, action: 'quiz', date: '2026-05-01' }, program)).toBe('abc123:program:p1:customer:42:bonus:quiz:2026');
		expect(() => bonusIdempotencyKey({ ...base, action: 'quiz' })).toThrow('action: "quiz" is a custom action: pass the program so its key scope is known');
	});
});
