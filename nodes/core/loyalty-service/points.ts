import type { EntryKind, LedgerEntry, PointsResult } from '../ledger/entry-types';
import { ledgerKeys } from '../ledger/idempotency-keys';
import type { LedgerStore } from '../ledger/ledger-store';
import { bonusForAction, bonusIdempotencyKey, formerBonusIdempotencyKey } from '../loyalty/bonus';
import { LoyaltyInputError } from '../loyalty/loyalty-input-error';
import { memberView } from './members';
import { balanceOf } from './orders';
import { tierRule } from './programs';
import { findProgram, type ResolvedProgram } from './programs';

interface MemberTarget {
	storeHash: string;
	program: string;
	customerId: number;
}

function pointsView(result: PointsResult, p: ResolvedProgram, extra: Record<string, unknown>) {
	return {
		duplicate: result.duplicate,
		customer_id: result.member.customerId,
		program: p.program.name,
		...extra,
		points: result.entry.points,
		balance: balanceOf(result),
		tierBefore: result.tierBefore,
		tierAfter: result.tierAfter,
		tierChanged: result.tierChanged,
		entry: entryView(result.entry),
		member: memberView(result.member, p),
	};
}

export interface BonusInput extends MemberTarget {
	/** A built-in action (accountCreation, reviewSubmitted, …) or one of the program's custom actions. */
	action: string;
	/** Review id, referred customer id, or a custom action's reference. */
	ref?: string;
	/** When it was earned (YYYY-MM-DD…); scopes the birthday bonus to its year. Default: today (UTC). */
	date?: string;
}

/** Points → Award Bonus: the program's fixed points for the action, once per member of the program and its natural key. */
export async function awardBonusAction(store: LedgerStore, input: BonusInput, now = new Date()) {
	const p = await findProgram(store, input.storeHash, input.program);
	const bonus = bonusForAction(p.config, input.action);
	const keyInput = { store: input.storeHash, member: input.customerId, action: bonus.action, ref: input.ref, date: input.date || now.toISOString() };
	const result = await store.awardBonus({
		programId: p.program.id,
		member: { customerId: input.customerId },
		// Once per member of this program; given under the key before the program was in it, it is
		// given in the program that entry belongs to (see AwardBonusInput.formerKey).
		idempotencyKey: bonusIdempotencyKey({ ...keyInput, programId: p.program.id }, p.config),
		formerKey: formerBonusIdempotencyKey(keyInput, p.config),
		action: bonus.action,
		points: bonus.points,
		breakdown: { action: bonus.action, points: bonus.points, oncePer: bonus.oncePer, ref: input.ref ?? null },
		pendingDays: p.config.pendingDays,
		tierFor: tierRule,
	});
	return pointsView(result, p, { action: bonus.action, ref: input.ref ?? null });
}

export interface RedeemPointsInput extends MemberTarget {
	points: number;
	/** The caller's id for this redemption: a repeat with it changes nothing. */
	redemptionId: string;
	reason?: string;
	orderId?: string;
}

/** Points → Redeem: spends available points; more than available fails and changes nothing. */
export async function redeemPoints(store: LedgerStore, input: RedeemPointsInput) {
	if (!Number.isSafeInteger(input.points) || input.points < 1) throw new LoyaltyInputError('points', `must be a whole number of points above 0 (got ${input.points})`);
	const p = await findProgram(store, input.storeHash, input.program);
	const result = await store.redeem({
		programId: p.program.id,
		member: { customerId: input.customerId },
		idempotencyKey: ledgerKeys.redemption(input.storeHash, input.customerId, input.redemptionId),
		points: input.points,
		reason: input.reason,
		orderId: input.orderId,
	});
	return pointsView(result, p, { redeemed: -result.entry.points, redemptionId: input.redemptionId });
}

export interface AdjustPointsInput extends MemberTarget {
	/** Signed, not 0. */
	points: number;
	reason: string;
	adjustmentId: string;
	/** Default true: counts towards lifetime points (and so the tier). */
	affectsTier?: boolean;
	/** Default false: a deduction may not take the available balance below 0. */
	allowNegative?: boolean;
}

/** Points → Adjust: a manual correction with its reason. */
export async function adjustPoints(store: LedgerStore, input: AdjustPointsInput) {
	if (!input.reason?.trim()) throw new LoyaltyInputError('reason', 'is required: say why the balance is changed by hand');
	const p = await findProgram(store, input.storeHash, input.program);
	const result = await store.adjust({
		programId: p.program.id,
		member: { customerId: input.customerId },
		idempotencyKey: ledgerKeys.adjustment(input.storeHash, input.customerId, input.adjustmentId),
		points: input.points,
		reason: input.reason.trim(),
		affectsLifetime: input.affectsTier ?? true,
		allowNegative: input.allowNegative ?? false,
		tierFor: tierRule,
	});
	return pointsView(result, p, { adjustmentId: input.adjustmentId, reason: input.reason.trim() });
}

export interface HistoryInput extends MemberTarget {
	kinds?: EntryKind[];
	/** Stop after this many entries; undefined: all. */
	limit?: number;
}

/** Points → History: the member's ledger entries, newest first. */
export async function pointsHistory(store: LedgerStore, input: HistoryInput) {
	const p = await findProgram(store, input.storeHash, input.program);
	const entries: Array<Record<string, unknown>> = [];
	let cursor: string | null = null;
	do {
		const pageSize: number = Math.min(1000, input.limit === undefined ? 1000 : input.limit - entries.length);
		if (pageSize <= 0) break;
		const page = await store.history({ programId: p.program.id, member: { customerId: input.customerId }, kinds: input.kinds?.length ? input.kinds : undefined, limit: pageSize, cursor });
		for (const entry of page.items) entries.push({ customer_id: input.customerId, program: p.program.name, ...entryView(entry) });
		cursor = page.nextCursor;
	} while (cursor);
	return entries;
}

export function entryView(entry: LedgerEntry) {
	return {
		entryId: entry.id,
		kind: entry.kind,
		points: entry.points,
		lifetimeDelta: entry.lifetimeDelta,
		status: entry.status,
		availableAt: entry.availableAt,
		orderId: entry.orderId,
		refundId: entry.refundId,
		action: entry.action,
		reason: entry.reason,
		balanceAfter: entry.balanceAfter,
		lifetimeAfter: entry.lifetimeAfter,
		tierBefore: entry.tierBefore,
		tierAfter: entry.tierAfter,
		programVersion: entry.programVersion,
		idempotencyKey: entry.idempotencyKey,
		createdAt: entry.createdAt,
		breakdown: entry.breakdown,
	};
}
