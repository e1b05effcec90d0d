/**
 * The seed's six bonus actions (integration guide, step 3) and how often each may be awarded.
 * "How often" is the action's natural key: a second award with the same key is a duplicate.
 */
export type BonusOncePer =
	/** once per member, ever (account creation, first purchase, newsletter sign-up) */
	| 'member'
	/** once per member per reference: the review id, the referred customer's id */
	| 'reference'
	/** once per member per calendar year (birthday) */
	| 'year';

export const BONUS_ONCE_PER: readonly BonusOncePer[] = ['member', 'reference', 'year'];

export interface BuiltInBonusAction {
	points: number;
	oncePer: BonusOncePer;
	/** What the `ref` of an award is, for actions awarded per reference. */
	reference?: string;
}

export const BUILT_IN_BONUS_ACTIONS = {
	accountCreation: { points: 100, oncePer: 'member' },
	firstPurchase: { points: 200, oncePer: 'member' },
	reviewSubmitted: { points: 50, oncePer: 'reference', reference: 'review id' },
	referralMade: { points: 500, oncePer: 'reference', reference: 'referred customer id' },
	birthdayBonus: { points: 100, oncePer: 'year' },
	newsletterSignup: { points: 25, oncePer: 'member' },
} as const satisfies Record<string, BuiltInBonusAction>;

export type BuiltInBonusActionName = keyof typeof BUILT_IN_BONUS_ACTIONS;

export const BUILT_IN_BONUS_ACTION_NAMES = Object.keys(BUILT_IN_BONUS_ACTIONS) as BuiltInBonusActionName[];

export function isBuiltInBonusAction(name: string): name is BuiltInBonusActionName {
	return Object.prototype.hasOwnProperty.call(BUILT_IN_BONUS_ACTIONS, name);
}
