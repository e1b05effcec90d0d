import { z } from 'zod';
import { BONUS_ONCE_PER, BUILT_IN_BONUS_ACTIONS, isBuiltInBonusAction } from './bonus-actions';
import { bonusMultiplierNumber, bonusPointsNumber, moneyNumber, multiplierNumber, rateNumber, wholeNumber } from './config-numbers';
import { ProgramConfigError, friendlyErrorMap, toConfigIssues } from './config-issues';
import { CURRENCY_CODE, currencyDecimals } from './currency';
import { ROUNDING_MODES, type RoundingMode, decimalFromNumber, fractionDigits } from './decimal';

/**
 * A loyalty program's rules (DESIGN §4), as JSON validated here. Every field has the seed's value
 * (integration guide, steps 3 and 4) as its default, so `parseProgramConfig({})` is the seed
 * program and a marketer only writes what differs. Lists and maps given in a config replace the
 * default as a whole (tiers, group multipliers, group mapping); they are not merged with it.
 */

/**
 * Where the points basis comes from. Each is "merchandise after discounts, excluding shipping",
 * read from a different BigCommerce v2 order field (see order-basis.ts for the exact formulas):
 * - `subtotal_ex_tax`: subtotal_ex_tax − discount_amount − coupon_discount
 * - `total_ex_tax`:    total_ex_tax − shipping, handling and wrapping (ex tax) − fees (ex tax)
 * - `total_inc_tax`:   total_inc_tax − shipping, handling and wrapping (inc tax) − fees (inc tax);
 *                      the one basis that includes tax, for stores that show tax-inclusive prices
 */
export const ORDER_BASES = ['subtotal_ex_tax', 'total_ex_tax', 'total_inc_tax'] as const;
export type OrderBasisSource = (typeof ORDER_BASES)[number];

export const MULTIPLIER_MODES = ['multiply', 'highest'] as const;
/** `multiply`: group × tier; `highest`: the larger of the two. A volume bonus multiplies either way. */
export type MultiplierMode = (typeof MULTIPLIER_MODES)[number];

export const NEGATIVE_BALANCE_POLICIES = ['allow', 'clamp'] as const;
/**
 * When a refund reverses points the member has already spent:
 * - `allow`: the whole reversal is recorded and the balance goes below zero; later earnings pay it
 *   back, and nothing can be redeemed until the balance is positive again. The ledger then always
 *   gives back exactly what the order granted.
 * - `clamp`: the reversal takes at most the available balance, which stops at zero; the shortfall
 *   is forgiven and recorded as such in the reversal's breakdown.
 */
export type NegativeBalancePolicy = (typeof NEGATIVE_BALANCE_POLICIES)[number];

const SEED_GROUP_MULTIPLIERS = { Retail: 1.0, VIP: 1.5, Wholesale: 0.5, Platinum: 2.0 };

const SEED_TIERS = [
	{ name: 'Bronze', minPoints: 0, multiplier: 1, benefits: ['1 point per $1 spent', 'Birthday bonus points', 'Member-only promotions'] },
	{ name: 'Silver', minPoints: 1000, multiplier: 1.25, benefits: ['1.25x points multiplier', 'Free shipping on orders $50+', 'Early access to sales'] },
	{
		name: 'Gold',
		minPoints: 5000,
		multiplier: 1.5,
		benefits: ['1.5x points multiplier', 'Free shipping on all orders', 'Exclusive product access', 'Priority support'],
	},
	{
		name: 'Platinum',
		minPoints: 15000,
		multiplier: 2,
		benefits: ['2x points multiplier', 'Free express shipping', 'VIP experiences', 'Dedicated account manager'],
	},
];

const SEED_GROUP_MAPPING = {
	Retail: { tajoSegment: 'retail_customers', loyaltyTier: 'Bronze', emailList: 'retail_newsletter' },
	Wholesale: { tajoSegment: 'wholesale_customers', loyaltyTier: 'Silver', emailList: 'wholesale_updates' },
	VIP: { tajoSegment: 'vip_customers', loyaltyTier: 'Gold', emailList: 'vip_exclusive' },
};

const groupName = z.string().trim().min(1, 'a customer group name must not be empty');
const groupId = z.string().regex(/^[0-9]+$/, 'must be a BigCommerce customer group id such as "3"');

const purchasePointsSchema = z
	.object({
		enabled: z.boolean().default(true),
		/** Points per one unit of the program currency (1 = one point per dollar). */
		rate: rateNumber.default(1),
		roundingMode: z.enum(ROUNDING_MODES as [RoundingMode, ...RoundingMode[]]).default('floor'),
		basis: z.enum(ORDER_BASES).default('subtotal_ex_tax'),
	})
	.strict();

const bonusPointsSchema = z
	.object({
		accountCreation: bonusPointsNumber.default(BUILT_IN_BONUS_ACTIONS.accountCreation.points),
		firstPurchase: bonusPointsNumber.default(BUILT_IN_BONUS_ACTIONS.firstPurchase.points),
		reviewSubmitted: bonusPointsNumber.default(BUILT_IN_BONUS_ACTIONS.reviewSubmitted.points),
		referralMade: bonusPointsNumber.default(BUILT_IN_BONUS_ACTIONS.referralMade.points),
		birthdayBonus: bonusPointsNumber.default(BUILT_IN_BONUS_ACTIONS.birthdayBonus.points),
		newsletterSignup: bonusPointsNumber.default(BUILT_IN_BONUS_ACTIONS.newsletterSignup.points),
	})
	.strict();

const customBonusActionSchema = z
	.object({
		points: bonusPointsNumber,
		oncePer: z.enum(BONUS_ONCE_PER as ['member', 'reference', 'year']).default('reference'),
		description: z.string().default(''),
	})
	.strict();

const bonusActionName = z
	.string()
	.regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'a bonus action name must start with a letter and use only letters, digits and _');

const tierSchema = z
	.object({
		name: z.string().trim().min(1),
		/** Lifetime points (earned minus reversed) from which a member holds this tier. */
		minPoints: wholeNumber(0, Number.MAX_SAFE_INTEGER),
		multiplier: multiplierNumber.default(1),
		benefits: z.array(z.string()).default([]),
	})
	.strict();

const b2bLoyaltySchema = z
	.object({
		/** Members of these customer groups (by name, ignoring case) are B2B accounts. */
		accountGroups: z.array(groupName).default(['Wholesale']),
		/** The same by BigCommerce customer group id. */
		accountGroupIds: z.array(z.number().int().min(1)).default([]),
		/** Every member of this program is a B2B account (a wholesale-only storefront). */
		allMembersAreB2B: z.boolean().default(false),
		orderVolumeBonus: z
			.object({
				enabled: z.boolean().default(true),
				/** Basis (program currency, major units) from which the bonus applies, inclusive. */
				threshold: moneyNumber.default(10000),
				bonusMultiplier: bonusMultiplierNumber.default(1.5),
			})
			.strict()
			.default({}),
		reorderPoints: z
			.object({
				enabled: z.boolean().default(true),
				/** Points per unit of currency on a B2B account's orders after its first completed one. */
				rate: rateNumber.default(0.5),
			})
			.strict()
			.default({}),
	})
	.strict();

const groupMappingSchema = z
	.object({
		tajoSegment: z.string().trim().min(1).optional(),
		/**
		 * The tier a member of this group holds at least: members start there and move up as their
		 * lifetime points pass higher tiers, but are not below it while they are in the group.
		 */
		loyaltyTier: z.string().trim().min(1).optional(),
		/** The seed's list name, for people; Brevo itself needs brevoListId. */
		emailList: z.string().trim().min(1).optional(),
		brevoListId: z.number().int().min(1).nullable().default(null),
	})
	.strict();

const programConfigObject = z
	.object({
		id: z
			.string()
			.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be lowercase letters, digits, _ or - (such as b2b_program)')
			.default('default'),
		name: z.string().trim().max(200).default(''),
		/** The currency of the basis and of money in this config; orders in another currency are converted. */
		currency: z.string().regex(CURRENCY_CODE, 'must be a three-letter ISO 4217 code in capitals, such as USD').default('USD'),
		/** BigCommerce storefront channel ids whose orders this program serves. */
		channels: z.array(z.number().int().min(1)).min(1).default([1]),
		purchasePoints: purchasePointsSchema.default({}),
		bonusPoints: bonusPointsSchema.default({}),
		customBonusActions: z.record(bonusActionName, customBonusActionSchema).default({}),
		/** By customer group name (matched ignoring case); a group not listed earns ×1. */
		customerGroupMultipliers: z.record(groupName, multiplierNumber).default(() => ({ ...SEED_GROUP_MULTIPLIERS })),
		/** By BigCommerce customer group id; wins over the name, which a store owner may rename. */
		customerGroupMultipliersById: z.record(groupId, multiplierNumber).default({}),
		tiers: z.array(tierSchema).min(1).default(() => SEED_TIERS.map((tier) => ({ ...tier, benefits: [...tier.benefits] }))),
		multiplierMode: z.enum(MULTIPLIER_MODES).default('multiply'),
		b2bLoyalty: b2bLoyaltySchema.default({}),
		customerGroupMapping: z.record(groupName, groupMappingSchema).default(() => structuredClone(SEED_GROUP_MAPPING)),
		/** Days before earned points can be spent (a return window); 0 = at once. */
		pendingDays: wholeNumber(0, 365).default(0),
		/** Points expire after this many days without activity; null = never. */
		expiryAfterInactivityDays: wholeNumber(1, 3650).nullable().default(null),
		negativeBalancePolicy: z.enum(NEGATIVE_BALANCE_POLICIES).default('allow'),
	})
	.strict();

type ProgramConfigShape = z.output<typeof programConfigObject>;

interface ConsistencyIssue {
	path: Array<string | number>;
	message: string;
}

type Check = (config: ProgramConfigShape, at: (path: Array<string | number>, message: string) => void) => void;

// Zod runs these checks even when some fields failed their own rule (their value is then not of
// its type), so each check reads only values that passed.

const channelsAreUnique: Check = (config, at) => {
	const seen = new Map<number, number>();
	config.channels.forEach((channel, index) => {
		const first = seen.get(channel);
		if (first !== undefined) at(['channels', index], `channel ${channel} is already listed at channels[${first}]`);
		else seen.set(channel, index);
	});
};

const tiersAscendFromZero: Check = (config, at) => {
	const { tiers } = config;
	if (tiers.length === 0 || tiers.some((tier) => typeof tier.minPoints !== 'number' || typeof tier.name !== 'string')) return;
	if (tiers[0].minPoints !== 0) at(['tiers', 0, 'minPoints'], `must be 0, so that every member has a tier (got ${tiers[0].minPoints})`);
	const names = new Map<string, number>();
	tiers.forEach((tier, index) => {
		if (index > 0 && tier.minPoints <= tiers[index - 1].minPoints) {
			at(['tiers', index, 'minPoints'], `must be greater than tiers[${index - 1}].minPoints (${tiers[index - 1].minPoints})`);
		}
		const first = names.get(tier.name.toLowerCase());
		if (first !== undefined) at(['tiers', index, 'name'], `"${tier.name}" is already the name of tiers[${first}]`);
		else names.set(tier.name.toLowerCase(), index);
	});
};

const groupNamesAreUnique: Check = (config, at) => {
	for (const field of ['customerGroupMultipliers', 'customerGroupMapping'] as const) {
		const seen = new Map<string, string>();
		for (const name of Object.keys(config[field])) {
			const first = seen.get(name.toLowerCase());
			if (first !== undefined) at([field, name], `is the same group as "${first}" (group names are matched ignoring case)`);
			else seen.set(name.toLowerCase(), name);
		}
	}
};

const mappedTiersExist: Check = (config, at) => {
	const tierNames = config.tiers.map((tier) => tier.name);
	if (tierNames.length === 0) return;
	for (const [group, mapping] of Object.entries(config.customerGroupMapping)) {
		if (mapping.loyaltyTier !== undefined && !tierNames.includes(mapping.loyaltyTier)) {
			at(['customerGroupMapping', group, 'loyaltyTier'], `"${mapping.loyaltyTier}" is not a tier of this program (${tierNames.join(', ')})`);
		}
	}
};

const customBonusActionsAreNew: Check = (config, at) => {
	for (const name of Object.keys(config.customBonusActions)) {
		if (isBuiltInBonusAction(name)) at(['customBonusActions', name], `is a built-in action; set bonusPoints.${name} instead`);
	}
};

const thresholdFitsCurrency: Check = (config, at) => {
	const threshold = config.b2bLoyalty.orderVolumeBonus.threshold;
	if (typeof threshold !== 'number' || !CURRENCY_CODE.test(config.currency)) return;
	const decimals = currencyDecimals(config.currency);
	if (fractionDigits(decimalFromNumber(threshold)) > decimals) {
		at(['b2bLoyalty', 'orderVolumeBonus', 'threshold'], `must have at most ${decimals} decimal places, as ${config.currency} has (got ${threshold})`);
	}
};

const CHECKS: Check[] = [
	channelsAreUnique,
	tiersAscendFromZero,
	groupNamesAreUnique,
	mappedTiersExist,
	customBonusActionsAreNew,
	thresholdFitsCurrency,
];

/** Rules that involve more than one field. */
function checkConsistency(config: ProgramConfigShape): ConsistencyIssue[] {
	const issues: ConsistencyIssue[] = [];
	for (const check of CHECKS) check(config, (path, message) => issues.push({ path, message }));
	return issues;
}

export const programConfigSchema = programConfigObject
	.superRefine((config, ctx) => {
		for (const issue of checkConsistency(config)) ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue });
	})
	.transform((config) => ({ ...config, name: config.name || config.id }));

export type ProgramConfig = z.output<typeof programConfigSchema>;
export type ProgramConfigInput = z.input<typeof programConfigSchema>;
export type TierConfig = ProgramConfig['tiers'][number];

/**
 * Validates a program config (an object, or JSON text) and fills in the seed defaults.
 * Throws ProgramConfigError naming each field and the rule it breaks, e.g.
 * "tiers[2].minPoints: must be greater than tiers[1].minPoints (1000)".
 */
export function parseProgramConfig(input: unknown): ProgramConfig {
	let raw = input;
	if (typeof input === 'string') {
		try {
			raw = JSON.parse(input);
		} catch (error) {
			throw new ProgramConfigError([{ path: '(config)', message: `is not valid JSON (${(error as Error).message})` }]);
		}
	}
	if (raw === undefined || raw === null) raw = {};
	const result = programConfigSchema.safeParse(raw, { errorMap: friendlyErrorMap });
	if (result.success) return result.data;
	throw new ProgramConfigError(toConfigIssues(result.error));
}
