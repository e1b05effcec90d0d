import { divideToInteger } from './decimal';
import { LoyaltyInputError, requireWholeNumber } from './loyalty-input-error';

/**
 * Points to take back when an order is refunded or cancelled (DESIGN §5): all that is left of the
 * grant on a full refund, pro rata to the refunded amount on a partial one, never more than granted.
 *
 * Partial refunds are rounded on the running total, not one by one: after each refund the order's
 * total reversal becomes floor(granted × refunded so far / basis), and this refund reverses the
 * difference to what was already reversed. So the reversals of an order never add up to more than
 * the grant (floor, and refunded-so-far is capped at the basis), rounding never accumulates over
 * many small refunds, and refunds that reach the whole basis, or a final full refund, bring the total
 * to exactly the grant. Floor favours the customer by less than one point until then.
 */
export interface OrderGrant {
	/** Points the order's purchase award granted. */
	granted: number;
	/** Points already taken back for this order, including any forgiven under the `clamp` policy. */
	alreadyReversed: number;
}

export interface PartialRefund extends OrderGrant {
	/** The basis the grant was calculated on (breakdown.basis.minor). */
	basisMinor: number;
	/** Earlier refunds of this order counted so far (the `refundedMinor` of the last reversal), 0 for the first. */
	previouslyRefundedMinor: number;
	/** This refund, in minor units of the basis currency and on the same terms as the basis (e.g. without tax and shipping). */
	refundMinor: number;
}

export interface Reversal {
	kind: 'full' | 'partial';
	/** Points to reverse now (0 or more). */
	points: number;
	/** Points reversed for the order once this one is recorded. */
	totalReversed: number;
	/** Points of the grant still standing after this one. */
	remaining: number;
	/** Refunded amount counted for the order after this refund, capped at the basis; pass it as previouslyRefundedMinor next time. */
	refundedMinor: number | null;
	why: string;
}

function checkGrant(grant: OrderGrant): void {
	for (const field of ['granted', 'alreadyReversed'] as const) {
		if (requireWholeNumber(grant[field], field) < 0) throw new LoyaltyInputError(field, `must be 0 or more (got ${grant[field]})`);
	}
}

function reversal(kind: Reversal['kind'], grant: OrderGrant, targetTotal: number, refundedMinor: number | null, why: string): Reversal {
	// Never negative, never past the grant, even if the ledger already reversed more than the target.
	const reversedSoFar = Math.min(grant.alreadyReversed, grant.granted);
	const totalReversed = Math.max(reversedSoFar, Math.min(targetTotal, grant.granted));
	return { kind, points: totalReversed - reversedSoFar, totalReversed, remaining: grant.granted - totalReversed, refundedMinor, why };
}

/** Full refund or cancellation: everything granted minus what was already reversed. */
export function reverseFullRefund(grant: OrderGrant): Reversal {
	checkGrant(grant);
	return reversal('full', grant, grant.granted, null, 'full refund or cancellation: the rest of the grant');
}

/** Partial refund: pro rata to the refunded amount, rounded on the order's running total (see above). */
export function reversePartialRefund(refund: PartialRefund): Reversal {
	checkGrant(refund);
	for (const field of ['basisMinor', 'previouslyRefundedMinor', 'refundMinor'] as const) {
		if (requireWholeNumber(refund[field], field) < 0) throw new LoyaltyInputError(field, `must be 0 or more (got ${refund[field]})`);
	}
	const { granted, basisMinor } = refund;
	const refunded = refund.previouslyRefundedMinor + refund.refundMinor;
	if (basisMinor <= 0 || refunded >= basisMinor) {
		return reversal('partial', refund, granted, Math.max(basisMinor, 0), 'refunds reach the whole basis: the rest of the grant');
	}
	const target = Number(divideToInteger(BigInt(granted) * BigInt(refunded), BigInt(basisMinor), 'floor'));
	return reversal('partial', refund, target, refunded, `floor(${granted} × ${refunded} / ${basisMinor}) = ${target} reversed in total`);
}
