import { type Decimal, type RoundingMode, decimalFromNumber, formatDecimal, multiply, roundToInteger, sign } from './decimal';
import { type B2BStatus, type MemberStanding, b2bStatus, checkMemberStanding } from './member-standing';
import { decimalToMinorUnits, formatMoney, minorUnitsToDecimal } from './money';
import { type AppliedMultiplier, type MultiplierFactor, combineMultipliers, groupMultiplier, multiplierFactor, tierMultiplier } from './multipliers';
import { type BigCommerceOrderAmounts, type OrderBasis, orderBasis } from './order-basis';
import type { MultiplierMode, ProgramConfig } from './program-config';
import { memberTier } from './tiers';

/**
 * Points for an order, exactly as DESIGN §4:
 *   1. basis: merchandise after discounts, without tax and shipping, in the program currency
 *      (order-basis.ts), in integer minor units;
 *   2. rate: the program rate, or the reorder rate for a B2B account with an earlier completed order;
 *   3. multiplier: group × tier (or the higher of the two), × the volume bonus when a B2B order's
 *      basis reaches the threshold;
 *   4. points = basis × rate × multiplier, computed exactly, rounded once with the program's mode.
 * Never negative: a basis of zero or less earns 0 points, and the breakdown says so.
 */
export interface PointsRate {
	/** Points per one unit of the program currency, exact decimal text. */
	value: string;
	kind: 'normal' | 'reorder';
	why: string;
}

export interface PointsBreakdown {
	program: { id: string; name: string; currency: string };
	basis: OrderBasis;
	rate: PointsRate;
	b2b: B2BStatus;
	multipliers: AppliedMultiplier[];
	multiplierMode: MultiplierMode;
	/** The product of the applied multipliers, exact decimal text. */
	multiplier: string;
	/** basis × rate × multiplier before rounding, exact decimal text (e.g. "145.1925"). */
	raw: string;
	rounding: RoundingMode;
	points: number;
	/** Set when the order earns nothing, saying why (e.g. the basis is zero). */
	zeroReason: string | null;
}

export interface OrderPoints {
	points: number;
	breakdown: PointsBreakdown;
}

function purchaseRate(program: ProgramConfig, member: MemberStanding, b2b: B2BStatus): { exact: Decimal; shown: PointsRate } {
	const reorder = program.b2bLoyalty.reorderPoints;
	if (b2b.isB2B && reorder.enabled && member.hasCompletedOrder) {
		const exact = decimalFromNumber(reorder.rate);
		return { exact, shown: { value: formatDecimal(exact), kind: 'reorder', why: 'B2B account with an earlier completed order: reorder rate' } };
	}
	const exact = decimalFromNumber(program.purchasePoints.rate);
	const why = b2b.isB2B && reorder.enabled ? 'first completed order of a B2B account: program rate' : 'program rate';
	return { exact, shown: { value: formatDecimal(exact), kind: 'normal', why } };
}

function volumeBonus(program: ProgramConfig, basis: OrderBasis, b2b: B2BStatus): MultiplierFactor | null {
	const bonus = program.b2bLoyalty.orderVolumeBonus;
	if (!b2b.isB2B || !bonus.enabled) return null;
	const thresholdMinor = decimalToMinorUnits(decimalFromNumber(bonus.threshold), program.currency, { field: 'b2bLoyalty.orderVolumeBonus.threshold' });
	if (basis.minor < thresholdMinor) return null;
	const threshold = formatMoney(thresholdMinor, program.currency, 'currency');
	return multiplierFactor('volume', 'order volume bonus', bonus.bonusMultiplier, `basis ${basis.amount} ${program.currency} ≥ threshold ${threshold} ${program.currency}`);
}

function zeroReason(program: ProgramConfig, basis: OrderBasis, raw: Decimal): string | null {
	if (!program.purchasePoints.enabled) return `purchase points are turned off in program "${program.id}"`;
	if (basis.minor <= 0) return `the basis is ${basis.amount} ${basis.currency}: nothing to earn on`;
	if (sign(raw) <= 0) return 'the rate or a multiplier is 0';
	return null;
}

export function calculateOrderPoints(order: BigCommerceOrderAmounts, member: MemberStanding, program: ProgramConfig): OrderPoints {
	checkMemberStanding(member);
	const basis = orderBasis(order, program);
	const b2b = b2bStatus(program, member);
	const rate = purchaseRate(program, member, b2b);
	const tier = memberTier(program, member.lifetimePoints, member.customerGroupName);
	const combined = combineMultipliers(program.multiplierMode, groupMultiplier(program, member), tierMultiplier(tier), volumeBonus(program, basis, b2b));

	const basisExact = minorUnitsToDecimal(basis.minor, program.currency);
	const raw = multiply(multiply(basisExact, rate.exact), combined.value);
	const reason = zeroReason(program, basis, raw);
	const rounding = program.purchasePoints.roundingMode;
	const points = reason === null ? Number(roundToInteger(raw, rounding)) : 0;
	if (!Number.isSafeInteger(points)) throw new RangeError(`${formatDecimal(raw)} points is beyond what can be counted`);

	return {
		points,
		breakdown: {
			program: { id: program.id, name: program.name, currency: program.currency },
			basis,
			rate: rate.shown,
			b2b,
			multipliers: combined.factors,
			multiplierMode: combined.mode,
			multiplier: formatDecimal(combined.value),
			raw: formatDecimal(raw),
			rounding,
			points,
			zeroReason: reason,
		},
	};
}
