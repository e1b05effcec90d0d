import { z } from 'zod';
import type { AwardedOrder, LedgerEntry, PointsResult, ReversalComputation, RuleContext } from '../ledger/entry-types';
import { MemberNotFound } from '../ledger/errors';
import { ledgerKeys } from '../ledger/idempotency-keys';
import type { LedgerStore } from '../ledger/ledger-store';
import { bonusIdempotencyKey, formerBonusIdempotencyKey } from '../loyalty/bonus';
import type { MemberStanding } from '../loyalty/member-standing';
import { LoyaltyInputError } from '../loyalty/loyalty-input-error';
import { MoneyError } from '../loyalty/money';
import { orderBasis, type BigCommerceOrderAmounts } from '../loyalty/order-basis';
import { calculateOrderPoints } from '../loyalty/points';
import type { ProgramConfig } from '../loyalty/program-config';
import { reverseFullRefund, reversePartialRefund } from '../loyalty/reversal';
import { memberTier } from '../loyalty/tiers';
import { idText, optionalText, parseInput, wholeNumber } from './input';
import { memberView } from './members';
import { enrolFromOrder, type OrderEnrolment } from './order-enrolment';
import { chooseProgram, configOf, tierRule, type ResolvedProgram } from './programs';

/**
 * A BigCommerce v2 order (GET /v2/orders/{id}) as the BigCommerce node outputs it. The money
 * fields are read by the rules engine, which names any it cannot use.
 */
const orderSchema = z
	.object({
		id: wholeNumber(1),
		/** 0 for a guest order. */
		customer_id: wholeNumber(0),
		channel_id: wholeNumber(1).nullish(),
		date_created: optionalText,
		total_inc_tax: z.unknown(),
		// Who ordered: what a customer who is not a member yet is enrolled with.
		billing_address: z.object({ email: optionalText, first_name: optionalText, last_name: optionalText, phone: optionalText }).passthrough().nullish(),
	})
	.passthrough();

/** For reversals only the order's id is needed (`id`, or `order_id` as a trigger event has it). */
const orderRefSchema = z
	.object({
		id: idText,
		channel_id: wholeNumber(1).nullish(),
	})
	.passthrough();

type Order = z.output<typeof orderSchema> & BigCommerceOrderAmounts;

function parseOrder(order: Record<string, unknown>): Order {
	return parseInput(orderSchema, order, 'order') as Order;
}

/** BigCommerce dates are RFC 2822 ("Tue, 20 Nov 2012 00:00:00 +0000"); unreadable ones are left out. */
function placedAt(order: Order): string | undefined {
	const ms = order.date_created ? Date.parse(order.date_created) : NaN;
	return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * A money field of the order in integer minor units of the program currency, converted at the
 * order's own exchange rate when it was paid in another currency (the rules engine's conversion).
 */
export function amountInProgramCurrency(order: Record<string, unknown>, amount: unknown, config: ProgramConfig, field: string): number {
	const only: BigCommerceOrderAmounts = {
		total_inc_tax: amount as string,
		currency_code: order.currency_code as string | undefined,
		default_currency_code: order.default_currency_code as string | undefined,
		store_default_currency_code: order.store_default_currency_code as string | undefined,
		store_default_to_transactional_exchange_rate: order.store_default_to_transactional_exchange_rate as string | undefined,
	};
	try {
		return orderBasis(only, { ...config, purchasePoints: { ...config.purchasePoints, basis: 'total_inc_tax' } }).minor;
	} catch (error) {
		if (error instanceof MoneyError) throw new LoyaltyInputError(field, error.message.replace(/^total_inc_tax: /, ''));
		throw error;
	}
}

/** What the rules need to know about the member, from the row locked in the transaction. */
function standing(member: RuleContext['member']): MemberStanding {
	return { customerGroupName: member.customerGroup, lifetimePoints: member.lifetimePoints, hasCompletedOrder: member.ordersCount > 0 };
}


export function balanceOf(result: PointsResult) {
	return result.member.points;
}

function entryFacts(entry: LedgerEntry) {
	return { entryId: entry.id, status: entry.status, availableAt: entry.availableAt, idempotencyKey: entry.idempotencyKey, programVersion: entry.programVersion, createdAt: entry.createdAt };
}

export interface CalculateInput {
	storeHash: string;
	program?: string;
	order: Record<string, unknown>;
	/** Use the member's tier, group and order history when the customer is a member (default true). */
	useMember?: boolean;
	/** For customers who are not members (yet): their group name. */
	customerGroupName?: string | null;
}

/** Points → Calculate: what the order would earn, with the breakdown; nothing is written. */
export async function calculateOrder(store: LedgerStore, input: CalculateInput) {
	const order = parseOrder(input.order);
	const p = await chooseProgram(store, { storeHash: input.storeHash, program: input.program, channelId: order.channel_id });
	let member = null;
	if (input.useMember !== false && order.customer_id > 0) {
		member = await store.getMember(p.program.id, { customerId: order.customer_id }).catch((error: unknown) => {
			if (error instanceof MemberNotFound) return null;
			throw error;
		});
	}
	const group = member ? member.customerGroup : input.customerGroupName?.trim() || null;
	const { points, breakdown } = calculateOrderPoints(
		order,
		{ customerGroupName: group, lifetimePoints: member?.points.lifetime ?? 0, hasCompletedOrder: (member?.stats.ordersCount ?? 0) > 0 },
		p.config,
	);
	return {
		orderId: order.id,
		customer_id: order.customer_id,
		program: p.program.name,
		points,
		breakdown,
		memberFound: member !== null,
		tier: memberTier(p.config, member?.points.lifetime ?? 0, group).tier.name,
	};
}

export interface AwardOrderInput {
	storeHash: string;
	program?: string;
	order: Record<string, unknown>;
	/** Give the program's first-purchase bonus with the member's first order (default true). */
	firstPurchaseBonus?: boolean;
}

/**
 * Points → Award for Order. Idempotent per store and order (key `<store>:order:<id>:purchase`):
 * a repeat returns the first award and changes nothing. The points are computed inside the
 * ledger's transaction, after the member row is locked, from the member's standing at that moment.
 *
 * The program is the one of the order's storefront channel. A customer who is not a member of it
 * yet is enrolled first (see order-enrolment.ts) — a customer who ordered should earn points, not
 * stop the workflow — and `enrolled` says from what.
 *
 * The first-purchase bonus (once per member of the program) is decided with the points, from the
 * member's order count at the moment of the write, and written in the same transaction as the
 * award: a process that dies after the award cannot leave it without its bonus. The award records whether the
 * order was the member's first, so a repeat of an award written without its bonus (by a version
 * that wrote the bonus separately) gives the missing bonus, once.
 */
export async function awardOrder(store: LedgerStore, input: AwardOrderInput) {
	const order = parseOrder(input.order);
	if (order.customer_id === 0) {
		return { awarded: false, skipped: 'guest_order', reason: 'Guest orders (customer_id 0) earn no points: there is no member to credit.', orderId: order.id };
	}
	const p = await chooseProgram(store, { storeHash: input.storeHash, program: input.program, channelId: order.channel_id });
	const totalMinor = amountInProgramCurrency(order, order.total_inc_tax, p.config, 'order.total_inc_tax');
	const member = { customerId: order.customer_id };
	const withBonus = input.firstPurchaseBonus !== false;
	// Each program gives its own first-purchase bonus: the program is in the key. The key before it
	// was (formerKey) still counts for the program whose entry holds it: no second bonus there.
	const bonusKey = bonusIdempotencyKey({ store: input.storeHash, programId: p.program.id, member: order.customer_id, action: 'firstPurchase' });
	const formerKey = formerBonusIdempotencyKey({ store: input.storeHash, member: order.customer_id, action: 'firstPurchase' });
	const bonusBreakdown = { action: 'firstPurchase', orderId: String(order.id), why: "the member's first order" };
	const award = () =>
		store.awardForOrder({
			programId: p.program.id,
			member,
			idempotencyKey: ledgerKeys.orderPurchase(input.storeHash, order.id),
			order: { id: order.id, totalMinor, currency: p.config.currency, channelId: order.channel_id ?? 1, placedAt: placedAt(order) },
			compute: (context) => {
				const config = configOf(context.program);
				const result = calculateOrderPoints(order, standing(context.member), config);
				const firstOrder = context.member.ordersCount === 0;
				const bonus = withBonus && firstOrder ? { bonus: { points: config.bonusPoints.firstPurchase, pendingDays: config.pendingDays } } : {};
				return { points: result.points, breakdown: { ...result.breakdown, firstOrder }, pendingDays: config.pendingDays, ...bonus };
			},
			bonus: withBonus ? { idempotencyKey: bonusKey, formerKey, action: 'firstPurchase', breakdown: bonusBreakdown } : undefined,
			tierFor: tierRule,
		});
	let enrolled: OrderEnrolment | null = null;
	let awarded: PointsResult;
	try {
		awarded = await award();
	} catch (error) {
		if (!(error instanceof MemberNotFound)) throw error;
		enrolled = await enrolFromOrder(store, p, input.storeHash, { customerId: order.customer_id, channelId: order.channel_id ?? null, billing: order.billing_address ?? null });
		awarded = await award();
	}

	// The bonus written with the award; else, on a repeat of a member's first order, the bonus as
	// the first award left it — given here if that award was written without it.
	let bonus: { entry: LedgerEntry; duplicate: boolean } | null = awarded.companion ? { entry: awarded.companion, duplicate: false } : null;
	let last: PointsResult = awarded;
	if (!bonus && withBonus && awarded.entry.breakdown?.firstOrder === true && p.config.bonusPoints.firstPurchase > 0) {
		last = await store.awardBonus({
			programId: p.program.id,
			member,
			idempotencyKey: bonusKey,
			formerKey,
			action: 'firstPurchase',
			points: p.config.bonusPoints.firstPurchase,
			breakdown: bonusBreakdown,
			pendingDays: p.config.pendingDays,
			tierFor: tierRule,
		});
		bonus = { entry: last.entry, duplicate: last.duplicate };
	}
	const tierAfter = bonus ? bonus.entry.tierAfter : awarded.tierAfter;
	const { firstOrder: _firstOrder, ...breakdown } = awarded.entry.breakdown ?? {};
	return {
		awarded: true,
		duplicate: awarded.duplicate,
		orderId: order.id,
		customer_id: order.customer_id,
		program: p.program.name,
		points: awarded.entry.points,
		firstPurchaseBonus: bonus ? { points: bonus.entry.points, duplicate: bonus.duplicate } : null,
		enrolled,
		breakdown,
		balance: balanceOf(last),
		tierBefore: awarded.tierBefore,
		tierAfter,
		tierChanged: awarded.tierBefore !== tierAfter,
		...entryFacts(awarded.entry),
		member: memberView(last.member, p),
	};
}

export interface ReverseOrderInput {
	storeHash: string;
	program?: string;
	/** The order (v2 item, or any item with its `id`/`order_id`, channel and currency fields). */
	order: Record<string, unknown>;
	type: 'full' | 'partial';
	/** BigCommerce refund id; without it a full reversal is the order's cancellation. */
	refundId?: string;
	/** Partial: the amount in the order's currency, as BigCommerce reports it (see `amountIs`). */
	refundAmount?: string | number;
	/**
	 * Partial: what `refundAmount` is. `thisRefund` (default): this refund alone. `refundedTotal`:
	 * the order's refunded total so far (BigCommerce's `refunded_amount`); this refund is that total
	 * minus what the ledger has recorded as refunded for the order, worked out under the lock.
	 */
	amountIs?: RefundAmountIs;
}

export type RefundAmountIs = 'thisRefund' | 'refundedTotal';

/**
 * Thrown from inside the reversal's transaction (which rolls it back, writing nothing): the
 * order's recorded refunded amount is not the one the call was prepared for.
 */
class RecordedRefundMoved extends Error {
	constructor(readonly recordedMinor: number) {
		// Only seen when other refunds of the order keep being recorded meanwhile, attempt after attempt.
		super('Other refunds of this order were being recorded at the same moment, again and again: run the node again to take this refund into account');
	}
}

/** Thrown from inside the reversal's transaction: the refunded total adds nothing new. */
class NothingNewRefunded extends Error {
	constructor(readonly order: AwardedOrder) {
		super('The refunded total so far adds nothing to what the ledger has recorded');
	}
}

/** Attempts of a refunded-total reversal while other refunds of the same order keep landing first. */
const REFUNDED_TOTAL_ATTEMPTS = 25;

/**
 * Points → Reverse. Full: the rest of the order's grant; partial: pro rata to the refunded share
 * of the order's total (rounded on the running total, never more than granted). Idempotent per
 * refund (`<store>:order:<id>:refund:<refund id>`) or per cancellation (`<store>:order:<id>:cancel`).
 *
 * A partial refund given as the order's refunded total so far (`amountIs: 'refundedTotal'`) is
 * this refund = total − the order's refunded amount recorded in the ledger, read from the order
 * row locked in the store's transaction; nothing is reversed when that is 0 or less. The store
 * takes the refunded amount to record as an input, so the call names the recorded amount it
 * expects, and the rule (under the lock) checks it: when another refund of the order was recorded
 * in between, the transaction is rolled back and the call runs again with the amount it saw.
 */
export async function reverseOrder(store: LedgerStore, input: ReverseOrderInput) {
	const raw = input.order.id === undefined && input.order.order_id !== undefined ? { ...input.order, id: input.order.order_id } : input.order;
	const order = parseInput(orderRefSchema, raw, 'order');
	const p: ResolvedProgram = await chooseProgram(store, { storeHash: input.storeHash, program: input.program, channelId: order.channel_id });
	const refundId = input.refundId?.trim() || undefined;
	const amountIs: RefundAmountIs = input.amountIs ?? 'thisRefund';
	if (amountIs !== 'thisRefund' && amountIs !== 'refundedTotal') throw new LoyaltyInputError('amountIs', `must be thisRefund or refundedTotal (got ${JSON.stringify(amountIs)})`);
	let amountMinor: number | undefined;
	if (input.type === 'partial') {
		if (!refundId) throw new LoyaltyInputError('refundId', 'a partial refund needs its BigCommerce refund id, so that the same refund is never reversed twice');
		if (input.refundAmount === undefined || input.refundAmount === '') throw new LoyaltyInputError('refundAmount', 'is missing: give the refunded amount, e.g. "25.0000"');
		amountMinor = amountInProgramCurrency(input.order, input.refundAmount, p.config, 'refundAmount');
	}
	const write = (refundAmountMinor: number, rule: (awarded: AwardedOrder, grant: { granted: number; alreadyReversed: number }) => ReversalComputation) =>
		store.reverse({
			programId: p.program.id,
			idempotencyKey: refundId ? ledgerKeys.orderRefund(input.storeHash, order.id, refundId) : ledgerKeys.orderCancellation(input.storeHash, order.id),
			orderId: order.id,
			refundId,
			refundAmountMinor,
			compute: ({ order: awarded }: { order: AwardedOrder }) => rule(awarded, { granted: awarded.grantedPoints, alreadyReversed: awarded.reversedPoints }),
			negativeBalance: p.config.negativeBalancePolicy,
			tierFor: tierRule,
		});

	let result: Awaited<ReturnType<LedgerStore['reverse']>>;
	if (amountMinor === undefined) {
		// A full reversal takes the whole rest of the order off the member's total spent (the store caps it).
		result = await write(Number.MAX_SAFE_INTEGER, (_awarded, grant) => {
			const reversal = reverseFullRefund(grant);
			return { points: reversal.points, breakdown: reversal };
		});
	} else if (amountIs === 'thisRefund') {
		const refundMinor = amountMinor;
		result = await write(refundMinor, (awarded, grant) => {
			const reversal = reversePartialRefund({ ...grant, basisMinor: awarded.totalMinor, previouslyRefundedMinor: awarded.refundedMinor, refundMinor });
			return { points: reversal.points, breakdown: reversal };
		});
	} else {
		const totalMinor = amountMinor;
		let expected = 0;
		for (let attempt = 1; ; attempt++) {
			const recorded = expected;
			try {
				result = await write(Math.max(0, totalMinor - recorded), (awarded, grant) => {
					if (awarded.refundedMinor !== recorded) throw new RecordedRefundMoved(awarded.refundedMinor);
					const refundMinor = totalMinor - awarded.refundedMinor;
					if (refundMinor <= 0) throw new NothingNewRefunded(awarded);
					const reversal = reversePartialRefund({ ...grant, basisMinor: awarded.totalMinor, previouslyRefundedMinor: awarded.refundedMinor, refundMinor });
					return { points: reversal.points, breakdown: { ...reversal, amountIs, refundedTotalMinor: totalMinor, recordedRefundedMinor: awarded.refundedMinor, thisRefundMinor: refundMinor } };
				});
				break;
			} catch (error) {
				if (error instanceof NothingNewRefunded) return nothingNewRefunded(error.order, { refundId, totalMinor, program: p.program.name });
				if (!(error instanceof RecordedRefundMoved) || attempt >= REFUNDED_TOTAL_ATTEMPTS) throw error;
				expected = error.recordedMinor;
			}
		}
	}
	if (result.notAwarded) {
		return { reversed: false, notAwarded: true, orderId: result.orderId, program: p.program.name, reason: 'The order never earned points (not awarded yet, or a guest order): nothing to take back.' };
	}
	return {
		reversed: true,
		duplicate: result.duplicate,
		orderId: result.order.orderId,
		refundId: refundId ?? null,
		type: input.type,
		...(input.type === 'partial' ? { amountIs } : {}),
		program: p.program.name,
		points: result.entry.points,
		requestedPoints: result.requestedPoints,
		appliedPoints: result.appliedPoints,
		cappedPoints: result.cappedPoints,
		clampedPoints: result.clampedPoints,
		refundAmountMinor: result.refundAmountMinor,
		order: {
			grantedPoints: result.order.grantedPoints,
			reversedPoints: result.order.reversedPoints,
			remainingPoints: result.order.remainingPoints,
			refundedMinor: result.order.refundedMinor,
			totalMinor: result.order.totalMinor,
			currency: result.order.currency,
		},
		breakdown: result.entry.breakdown,
		balance: balanceOf(result),
		tierBefore: result.tierBefore,
		tierAfter: result.tierAfter,
		tierChanged: result.tierChanged,
		...entryFacts(result.entry),
		member: memberView(result.member, p),
	};
}

/** A refunded total that the ledger has already counted in full: nothing was written. */
function nothingNewRefunded(order: AwardedOrder, facts: { refundId: string | undefined; totalMinor: number; program: string }) {
	return {
		reversed: false,
		nothingToReverse: true,
		duplicate: false,
		orderId: order.orderId,
		refundId: facts.refundId ?? null,
		type: 'partial' as const,
		amountIs: 'refundedTotal' as const,
		program: facts.program,
		points: 0,
		refundedTotalMinor: facts.totalMinor,
		recordedRefundedMinor: order.refundedMinor,
		reason:
			`The order's refunded total so far (${facts.totalMinor} in minor units) is not more than the refunds the ledger has already counted for it (${order.refundedMinor}): ` +
			'this refund was already taken into account by an earlier reversal, so there is nothing more to take back.',
		order: {
			grantedPoints: order.grantedPoints,
			reversedPoints: order.reversedPoints,
			remainingPoints: order.remainingPoints,
			refundedMinor: order.refundedMinor,
			totalMinor: order.totalMinor,
			currency: order.currency,
		},
	};
}
