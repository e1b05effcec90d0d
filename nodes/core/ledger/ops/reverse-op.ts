import type { AwardedOrder, NotAwarded, ReverseInput, ReverseResult } from '../entry-types';
import { InvalidLedgerInput, ProgramNotFound } from '../errors';
import { row, statement, type Op } from '../sql/statement';
import { int } from '../sql/values';
import type { OpContext } from './context';
import { findOrder, grantPending, mapOrder } from './order-rows';
import { availableOf, pointsWrite } from './points-write';
import { idText, requireInt } from './validate';

/** What the store itself decided for a reversal, kept in the entry's breakdown beside the rule's. */
interface ReversalFacts {
	requestedPoints: number;
	appliedPoints: number;
	cappedPoints: number;
	clampedPoints: number;
	refundAmountMinor: number;
}

/**
 * Takes back points for a refund or cancellation. The order's row records its grant and what
 * was reversed so far; it is read after the member is locked, and the amount applied is cut so
 * that all reversals of the order together never exceed the grant. A grant still pending is
 * reversed out of the pending points; a spent grant follows the negative-balance policy.
 */
export function* reverseOp(ctx: OpContext, input: ReverseInput): Op<ReverseResult | NotAwarded> {
	const orderId = idText('orderId', input.orderId);
	const refundId = input.refundId === undefined || input.refundId === null ? null : idText('refundId', input.refundId);
	const refundAmount = requireInt('refundAmountMinor', input.refundAmountMinor ?? 0, { min: 0 });
	const policy = input.negativeBalance ?? 'allow';
	if (policy !== 'allow' && policy !== 'clamp') throw new InvalidLedgerInput('negativeBalance', 'must be allow or clamp');
	if ((input.points === undefined) === (input.compute === undefined)) {
		throw new InvalidLedgerInput('points', 'give either points or a compute function, not both or neither');
	}
	const fixed = input.points === undefined ? undefined : requireInt('points', input.points, { min: 0 });

	const first = yield* findOrder(input.programId, orderId);
	if (!first) {
		const program = yield* row('SELECT id FROM tajo_programs WHERE id = ?', [input.programId]);
		if (!program) throw new ProgramNotFound(input.programId);
		return { notAwarded: true, duplicate: false, orderId };
	}
	const memberId = String(first.member_id);
	if (input.member && 'memberId' in input.member && input.member.memberId !== memberId) {
		throw new InvalidLedgerInput('member', `order ${orderId} belongs to member ${memberId}`);
	}
	if (input.member && 'customerId' in input.member) {
		const owner = yield* row('SELECT customer_id FROM tajo_members WHERE id = ?', [memberId]);
		if (int(owner?.customer_id) !== input.member.customerId) throw new InvalidLedgerInput('member', `order ${orderId} belongs to another customer`);
	}

	let facts: ReversalFacts | undefined;
	let orderAfter: AwardedOrder | undefined;
	const written = yield* pointsWrite(ctx, {
		programId: input.programId,
		member: { memberId },
		idempotencyKey: input.idempotencyKey,
		kind: 'reversal',
		orderId,
		tierFor: input.tierFor,
		plan: function* (member) {
			// Under the member's lock: every earlier reversal of this order is visible.
			const orderRow = (yield* findOrder(input.programId, orderId))!;
			const order = mapOrder(orderRow);
			const computed = fixed === undefined ? input.compute!({ ...member.rule, order }) : { points: fixed };
			const requested = requireInt('compute().points', computed?.points, { min: 0 });
			const applied = Math.min(requested, order.remainingPoints);
			const refundApplied = Math.min(refundAmount, order.totalMinor - order.refundedMinor);
			const pendingGrant = grantPending(orderRow, ctx.now);
			let taken = applied;
			if (!pendingGrant && policy === 'clamp') taken = Math.min(applied, Math.max(0, availableOf(member)));
			facts = { requestedPoints: requested, appliedPoints: applied, cappedPoints: requested - applied, clampedPoints: applied - taken, refundAmountMinor: refundApplied };
			// The write is the transaction's last batch, so the order as it will be is worked out here.
			orderAfter = {
				...order,
				reversedPoints: order.reversedPoints + applied,
				remainingPoints: order.remainingPoints - applied,
				refundedMinor: order.refundedMinor + refundApplied,
			};
			return {
				kind: 'reversal',
				points: -taken,
				// Lifetime loses the whole applied amount: the earning is undone even if the points were spent.
				lifetimeDelta: -applied,
				clampedPoints: applied - taken,
				// Reversing a grant still pending takes the points out of pending, at the same moment.
				availableAt: pendingGrant ? order.availableAt : ctx.now,
				orderId,
				refundId,
				breakdown: { rule: 'breakdown' in computed ? (computed.breakdown ?? null) : null, ...facts },
				memberColumns: { total_spent_minor: int(member.row.total_spent_minor) - refundApplied },
				afterInsert: [
					statement(
						'UPDATE tajo_orders SET reversed_points = reversed_points + ?, refunded_minor = refunded_minor + ? WHERE program_id = ? AND order_id = ?',
						[applied, refundApplied, input.programId, orderId],
						'run',
					),
				],
			};
		},
	});
	// A repeat wrote nothing: its facts are in the first entry's breakdown, the order is as stored.
	const order = orderAfter ?? mapOrder((yield* findOrder(input.programId, orderId))!);
	return { ...written, notAwarded: false, order, ...(facts ?? factsOf(written.entry.breakdown)) };
}

function factsOf(breakdown: Record<string, unknown> | null): ReversalFacts {
	const n = (key: string) => int(breakdown?.[key] ?? 0);
	return {
		requestedPoints: n('requestedPoints'),
		appliedPoints: n('appliedPoints'),
		cappedPoints: n('cappedPoints'),
		clampedPoints: n('clampedPoints'),
		refundAmountMinor: n('refundAmountMinor'),
	};
}
