import { groupMapping } from './customer-groups';
import type { ProgramConfig, TierConfig } from './program-config';

/**
 * Tiers follow lifetime points: points earned minus points reversed (redeeming never demotes; a
 * refund that reverses points can). A customer-group mapping may name a starting tier, which the
 * member holds at least while in that group.
 */
export interface MemberTier {
	tier: TierConfig;
	/** Position in program.tiers (0 = lowest). */
	index: number;
	/** Why: reached by lifetime points, or the group's starting tier is higher. */
	reason: 'lifetimePoints' | 'groupStartingTier';
}

export interface TierProgress extends MemberTier {
	lifetimePoints: number;
	nextTier: TierConfig | null;
	/** Lifetime points still needed for the next tier; null at the top tier. */
	pointsToNextTier: number | null;
}

/** The highest tier whose minimum the lifetime points reach (tiers ascend; the first starts at 0). */
export function tierForPoints(program: ProgramConfig, lifetimePoints: number): { tier: TierConfig; index: number } {
	let index = 0;
	program.tiers.forEach((tier, i) => {
		if (lifetimePoints >= tier.minPoints) index = i;
	});
	return { tier: program.tiers[index], index };
}

export function memberTier(program: ProgramConfig, lifetimePoints: number, customerGroupName?: string | null): MemberTier {
	const byPoints = tierForPoints(program, lifetimePoints);
	const startingName = groupMapping(program, customerGroupName)?.loyaltyTier;
	const startingIndex = startingName === undefined ? -1 : program.tiers.findIndex((tier) => tier.name === startingName);
	if (startingIndex > byPoints.index) {
		return { tier: program.tiers[startingIndex], index: startingIndex, reason: 'groupStartingTier' };
	}
	return { ...byPoints, reason: 'lifetimePoints' };
}

/** The member's tier, the next one and the lifetime points still needed to reach it. */
export function tierProgress(program: ProgramConfig, lifetimePoints: number, customerGroupName?: string | null): TierProgress {
	const current = memberTier(program, lifetimePoints, customerGroupName);
	const nextTier = program.tiers[current.index + 1] ?? null;
	return {
		...current,
		lifetimePoints,
		nextTier,
		pointsToNextTier: nextTier === null ? null : Math.max(0, nextTier.minPoints - lifetimePoints),
	};
}
