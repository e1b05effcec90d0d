import { findByGroupName } from './customer-groups';
import { type Decimal, compare, decimalFromNumber, formatDecimal, multiply } from './decimal';
import type { MemberStanding } from './member-standing';
import type { MultiplierMode, ProgramConfig } from './program-config';
import type { MemberTier } from './tiers';

/** One factor of the combined multiplier, with the reason it applies (or, in `highest` mode, does not). */
export interface AppliedMultiplier {
	kind: 'group' | 'tier' | 'volume';
	name: string;
	/** Exact decimal text, e.g. "1.25". */
	value: string;
	/** False for the lower of group and tier in `highest` mode. */
	applied: boolean;
	why: string;
}

export interface CombinedMultiplier {
	factors: AppliedMultiplier[];
	mode: MultiplierMode;
	value: Decimal;
}

/** A factor with its exact value, before it is shown in a breakdown. */
export interface MultiplierFactor extends AppliedMultiplier {
	exact: Decimal;
}

export function multiplierFactor(kind: MultiplierFactor['kind'], name: string, value: number, why: string): MultiplierFactor {
	const exact = decimalFromNumber(value);
	return { kind, name, value: formatDecimal(exact), applied: true, why, exact };
}

/** By group id first (names can be renamed in BigCommerce), then by name; a group not listed earns ×1. */
export function groupMultiplier(program: ProgramConfig, member: MemberStanding): MultiplierFactor {
	const id = member.customerGroupId;
	const byId = id ? program.customerGroupMultipliersById[String(id)] : undefined;
	const label = member.customerGroupName || (id ? `group ${id}` : '(no group)');
	if (byId !== undefined) return multiplierFactor('group', label, byId, `customer group id ${id}`);
	const byName = findByGroupName(program.customerGroupMultipliers, member.customerGroupName);
	if (byName) return multiplierFactor('group', byName[0], byName[1], `customer group "${byName[0]}"`);
	return multiplierFactor('group', label, 1, 'customer group not listed in the program: ×1');
}

export function tierMultiplier(tier: MemberTier): MultiplierFactor {
	const why = tier.reason === 'groupStartingTier' ? `starting tier of the member's customer group` : 'tier reached by lifetime points';
	return multiplierFactor('tier', tier.tier.name, tier.tier.multiplier, why);
}

/**
 * multiply: group × tier; highest: the larger of the two (the group on a tie). The volume bonus,
 * when given, multiplies the result in both modes.
 */
export function combineMultipliers(mode: MultiplierMode, group: MultiplierFactor, tier: MultiplierFactor, volume: MultiplierFactor | null): CombinedMultiplier {
	const factors: MultiplierFactor[] = [{ ...group }, { ...tier }];
	let value: Decimal;
	if (mode === 'multiply') {
		value = multiply(group.exact, tier.exact);
	} else {
		const [shownGroup, shownTier] = factors;
		const order = compare(shownTier.exact, shownGroup.exact);
		const [winner, loser] = order > 0 ? [shownTier, shownGroup] : [shownGroup, shownTier];
		loser.applied = false;
		loser.why += order === 0 ? '; not applied: equal to the group multiplier' : `; not applied: the ${winner.kind} multiplier is higher`;
		value = winner.exact;
	}
	if (volume) {
		factors.push(volume);
		value = multiply(value, volume.exact);
	}
	return {
		factors: factors.map(({ exact: _exact, ...shown }) => shown),
		mode,
		value,
	};
}
