// Loyalty rules engine: pure functions, no I/O, no n8n (DESIGN §3, §4).

export { type MoneyValue, MoneyError, parseMoney, parseMoneyDecimal, decimalToMinorUnits, minorUnitsToDecimal, formatMoney } from './money';
export { currencyDecimals, isCurrencyCode } from './currency';
export { type Decimal, type RoundingMode, ROUNDING_MODES, parseDecimal, formatDecimal } from './decimal';

export {
	type ProgramConfig,
	type ProgramConfigInput,
	type TierConfig,
	type OrderBasisSource,
	type MultiplierMode,
	type NegativeBalancePolicy,
	ORDER_BASES,
	MULTIPLIER_MODES,
	NEGATIVE_BALANCE_POLICIES,
	programConfigSchema,
	parseProgramConfig,
} from './program-config';
export { type ConfigIssue, ProgramConfigError } from './config-issues';
export { defaultProgram, b2bProgram, globalProgram, seedPrograms } from './seed-programs';
export { DEFAULT_CHANNEL_ID, programForChannel, channelConflicts } from './program-for-channel';

export { type BigCommerceOrderAmounts, type OrderBasis, type CurrencyConversion, orderBasis, orderCurrency } from './order-basis';
export { type MemberStanding, type B2BStatus, b2bStatus } from './member-standing';
export { type AppliedMultiplier } from './multipliers';
export { type OrderPoints, type PointsBreakdown, type PointsRate, calculateOrderPoints } from './points';

export { type BonusOncePer, type BuiltInBonusActionName, BUILT_IN_BONUS_ACTIONS, BUILT_IN_BONUS_ACTION_NAMES } from './bonus-actions';
export { type BonusAward, type BonusKeyInput, listBonusActions, bonusForAction, bonusNaturalId, bonusIdempotencyKey, formerBonusIdempotencyKey } from './bonus';
export { type MemberTier, type TierProgress, tierForPoints, memberTier, tierProgress } from './tiers';
export { groupMapping, type GroupMapping } from './customer-groups';

export { type OrderGrant, type PartialRefund, type Reversal, reverseFullRefund, reversePartialRefund } from './reversal';
export { type BalancedReversal, applyNegativeBalancePolicy } from './negative-balance';
export { pendingUntil, expiresAt } from './point-timing';
export { LoyaltyInputError } from './loyalty-input-error';
