import type { AwardBonusInput, AwardComputation, AwardForOrderInput, PointsResult } from '../entry-types';
import { InvalidLedgerInput } from '../errors';
import type { Op } from '../sql/statement';
import { int, isoOrNull } from '../sql/values';
import { addDays, earliest, latest, type OpContext } from './context';
import type { NewOrder, PlannedCompanion } from './points-plan';
import { pointsWrite } from './points-write';
import { OrderAwardedUnderAnotherKey } from './write-signals';
import { idempotencyKey, idText, instant, optionalInt, optionalText, requireInt, requireText } from './validate';

/**
 * Points for an order, once: per idempotency key and per (program, order) — an order awarded
 * before under another key returns that first award (`checkPriorOrder` looks for it first;
 * without it, the order row's primary key refuses the award and OrderAwardedUnderAnotherKey
 * tells the store to run it again with the look-up). The member's order stats move in the same
 * transaction, so they too count each order once. A bonus the rule grants with the award (the
 * first-purchase bonus) is written with it, in the same transaction: never one without the other.
 */
export function* awardForOrderOp(ctx: OpContext, input: AwardForOrderInput, options: { checkPriorOrder: boolean } = { checkPriorOrder: true }): Op<PointsResult> {
	const orderId = idText('order.id', input.order?.id);
	const totalMinor = requireInt('order.totalMinor', input.order.totalMinor, { min: 0 });
	const currency = optionalText('order.currency', input.order.currency, 10) ?? null;
	const channelId = optionalInt('order.channelId', input.order.channelId) ?? null;
	const placedAt = input.order.placedAt === undefined ? ctx.now : instant('order.placedAt', input.order.placedAt);
	if (typeof input.compute !== 'function') throw new InvalidLedgerInput('compute', 'must be a function returning the points');
	if (input.bonus !== undefined) {
		idempotencyKey(input.bonus?.idempotencyKey);
		requireText('bonus.action', input.bonus.action, 100);
		if (input.bonus.formerKey !== undefined) requireText('bonus.formerKey', input.bonus.formerKey, 300);
	}
	try {
		return yield* awardOp(ctx, input, { orderId, totalMinor, currency, channelId, placedAt }, options.checkPriorOrder);
	} catch (error) {
		// Without the look-up, the order row's primary key is what refuses the second award.
		if (!options.checkPriorOrder && isOrderKeyViolation(error)) throw new OrderAwardedUnderAnotherKey(orderId);
		throw error;
	}
}

/** The order row's primary key (program, order) refused an insert: PostgreSQL 23505 on tajo_orders, SQLite's message. */
function isOrderKeyViolation(error: unknown): boolean {
	const e = error as { code?: unknown; table?: unknown; message?: unknown } | null;
	if (!e) return false;
	if (e.code === '23505') return e.table === 'tajo_orders';
	return typeof e.message === 'string' && /constraint failed: tajo_orders\.program_id, tajo_orders\.order_id/.test(e.message);
}

function* awardOp(ctx: OpContext, input: AwardForOrderInput, order: NewOrder, checkPriorOrder: boolean): Op<PointsResult> {
	const { orderId, totalMinor, currency, channelId, placedAt } = order;
	return yield* pointsWrite(ctx, {
		programId: input.programId,
		member: input.member,
		idempotencyKey: input.idempotencyKey,
		kind: 'purchase',
		orderId,
		tierFor: input.tierFor,
		// An award of the order under another key stands for this one. Looked up only when the order
		// row's primary key said there is one: the common, first award skips a join.
		priorOrder: checkPriorOrder ? { programId: input.programId, orderId } : undefined,
		companionKey: input.bonus?.idempotencyKey,
		companionFormerKey: input.bonus?.formerKey,
		plan: function* (member) {
			const computed = input.compute(member.rule);
			const points = requireInt('compute().points', computed?.points, { min: 0 });
			const pendingDays = requireInt('compute().pendingDays', computed.pendingDays ?? 0, { min: 0, max: 3650 });
			const availableAt = addDays(ctx.now, pendingDays);
			const r = member.row;
			return {
				companion: companionOf(ctx, input, computed),
				kind: 'purchase',
				points,
				lifetimeDelta: points,
				availableAt,
				orderId,
				breakdown: computed.breakdown ?? null,
				memberColumns: {
					orders_count: int(r.orders_count) + 1,
					total_spent_minor: int(r.total_spent_minor) + totalMinor,
					first_order_at: earliest(isoOrNull(r.first_order_at), placedAt),
					last_order_at: latest(isoOrNull(r.last_order_at), placedAt),
				},
				// The primary key (program, order) also refuses a second award of the order under another key.
				newOrder: { orderId, channelId, currency, totalMinor, placedAt },
			};
		},
	});
}

/** The bonus the rule grants with the award, as a companion entry (see AwardComputation.bonus). */
function companionOf(ctx: OpContext, input: AwardForOrderInput, computed: AwardComputation): PlannedCompanion | undefined {
	if (computed.bonus === undefined) return undefined;
	const points = requireInt('compute().bonus.points', computed.bonus?.points, { min: 0 });
	const pendingDays = requireInt('compute().bonus.pendingDays', computed.bonus.pendingDays ?? 0, { min: 0, max: 3650 });
	if (!input.bonus) throw new InvalidLedgerInput('bonus', 'compute() granted a bonus: give its idempotencyKey and action with the award');
	if (points === 0) return undefined;
	return { idempotencyKey: input.bonus.idempotencyKey, points, action: input.bonus.action, breakdown: input.bonus.breakdown ?? null, availableAt: addDays(ctx.now, pendingDays) };
}

/**
 * A fixed bonus, once per natural key (e.g. `<store>:program:<id>:customer:<id>:bonus:birthdayBonus:2025`),
 * and once per its former key in this program (see AwardBonusInput.formerKey).
 */
export function* awardBonusOp(ctx: OpContext, input: AwardBonusInput): Op<PointsResult> {
	const action = requireText('action', input.action, 100);
	const formerKey = input.formerKey === undefined ? undefined : requireText('formerKey', input.formerKey, 300);
	const points = requireInt('points', input.points, { min: 0 });
	const pendingDays = requireInt('pendingDays', input.pendingDays ?? 0, { min: 0, max: 3650 });
	return yield* pointsWrite(ctx, {
		programId: input.programId,
		member: input.member,
		idempotencyKey: input.idempotencyKey,
		kind: 'bonus',
		tierFor: input.tierFor,
		formerKey,
		plan: function* () {
			return { kind: 'bonus', points, lifetimeDelta: points, availableAt: addDays(ctx.now, pendingDays), action, breakdown: input.breakdown ?? null };
		},
	});
}
