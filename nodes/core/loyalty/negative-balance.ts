import { LoyaltyInputError, requireWholeNumber } from './loyalty-input-error';
import type { NegativeBalancePolicy } from './program-config';

/**
 * A reversal can ask for more points than the member still has (they spent them). The program's
 * negativeBalancePolicy decides:
 * - allow: take the whole reversal; the balance goes below zero and later earnings fill it up.
 * - clamp: take at most the balance (it stops at zero) and forgive the rest. Record the forgiven
 *   points with the reversal and count them as reversed for the order, so that a later refund of
 *   the same order does not claim them again.
 */
export interface BalancedReversal {
	policy: NegativeBalancePolicy;
	/** Points to deduct now. */
	points: number;
	/** Points of the reversal not deducted (clamp only). */
	forgiven: number;
	balanceAfter: number;
}

export function applyNegativeBalancePolicy(policy: NegativeBalancePolicy, reversalPoints: number, balance: number): BalancedReversal {
	if (requireWholeNumber(reversalPoints, 'reversalPoints') < 0) {
		throw new LoyaltyInputError('reversalPoints', `must be 0 or more (got ${reversalPoints})`);
	}
	requireWholeNumber(balance, 'balance');
	const points = policy === 'clamp' ? Math.min(reversalPoints, Math.max(balance, 0)) : reversalPoints;
	return { policy, points, forgiven: reversalPoints - points, balanceAfter: balance - points };
}
