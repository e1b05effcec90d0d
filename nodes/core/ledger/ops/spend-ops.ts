import type { AdjustInput, PointsResult, RedeemInput } from '../entry-types';
import { InsufficientPoints, InvalidLedgerInput } from '../errors';
import type { Op } from '../sql/statement';
import type { OpContext } from './context';
import { availableOf, pointsWrite } from './points-write';
import { idText, optionalText, requireInt, requireText } from './validate';

/**
 * Spends points. The available balance is read after the member row is locked, so concurrent
 * redemptions are checked one after another: together they never spend more than there was.
 */
export function* redeemOp(ctx: OpContext, input: RedeemInput): Op<PointsResult> {
	const points = requireInt('points', input.points, { min: 1 });
	const reason = optionalText('reason', input.reason, 500) ?? null;
	const orderId = input.orderId === undefined || input.orderId === null ? null : idText('orderId', input.orderId);
	return yield* pointsWrite(ctx, {
		programId: input.programId,
		member: input.member,
		idempotencyKey: input.idempotencyKey,
		kind: 'redemption',
		plan: function* (member) {
			const available = availableOf(member);
			if (points > available) throw new InsufficientPoints(Math.max(0, available), points);
			return { kind: 'redemption', points: -points, lifetimeDelta: 0, reason, orderId };
		},
	});
}

/** A manual correction by a person; the reason is kept on the entry. */
export function* adjustOp(ctx: OpContext, input: AdjustInput): Op<PointsResult> {
	const points = requireInt('points', input.points);
	if (points === 0) throw new InvalidLedgerInput('points', 'must not be 0');
	const reason = requireText('reason', input.reason, 500);
	const affectsLifetime = input.affectsLifetime ?? true;
	return yield* pointsWrite(ctx, {
		programId: input.programId,
		member: input.member,
		idempotencyKey: input.idempotencyKey,
		kind: 'adjustment',
		tierFor: input.tierFor,
		plan: function* (member) {
			const available = availableOf(member);
			if (points < 0 && !input.allowNegative && available + points < 0) throw new InsufficientPoints(Math.max(0, available), -points);
			return { kind: 'adjustment', points, lifetimeDelta: affectsLifetime ? points : 0, reason };
		},
	});
}
