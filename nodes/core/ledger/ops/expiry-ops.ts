import type { Op } from '../sql/statement';
import { rows, run } from '../sql/statement';
import { isoOrNull } from '../sql/values';
import { addDays, type OpContext } from './context';
import { findEntryByKey } from './entry-rows';
import { lockMember, PENDING_SUBQUERY } from './member-rows';
import { applyEntry, availableOf } from './points-write';

/** Members of the program that look inactive since before the cutoff and still have points to spend. */
export function* expiryCandidatesOp(ctx: OpContext, programId: string, inactiveDays: number, limit: number): Op<string[]> {
	const cutoff = addDays(ctx.now, -inactiveDays);
	const found = yield* rows(
		`SELECT m.id FROM tajo_members m
		WHERE m.program_id = ? AND m.erased_at IS NULL AND m.last_activity_at < ? AND m.balance_points - ${PENDING_SUBQUERY} > 0
		ORDER BY m.id LIMIT ?`,
		[programId, cutoff, ctx.now, limit],
	);
	return found.map((r) => String(r.id));
}

/**
 * Expires one member's available points if they are (still, under the lock) inactive. The key
 * names the activity it follows, so repeated or concurrent runs write one entry per inactive
 * spell, and new activity starts a new spell.
 */
export function* expireMemberOp(
	ctx: OpContext,
	programId: string,
	memberId: string,
	inactiveDays: number,
): Op<{ memberId: string; customerId: number; points: number; entryId: number } | null> {
	const member = yield* lockMember(ctx, programId, { memberId });
	const lastActivity = isoOrNull(member.row.last_activity_at);
	if (member.erased || lastActivity === null || lastActivity >= addDays(ctx.now, -inactiveDays)) return null;
	const available = availableOf(member);
	if (available <= 0) return null;
	const key = `expiry:${member.id}:${lastActivity}`;
	if (yield* findEntryByKey(key)) return null;
	const written = yield* applyEntry(ctx, member, key, {
		kind: 'expiry',
		points: -available,
		lifetimeDelta: 0,
		reason: `No activity for ${inactiveDays} days since ${lastActivity}`,
	});
	return { memberId: member.id, customerId: member.rule.member.customerId, points: available, entryId: written.entry.id };
}

/** Marks entries past their pending period as available; balances already count them as available. */
export function* releaseDueOp(ctx: OpContext, programId?: string): Op<number> {
	return yield* run(
		`UPDATE tajo_ledger_entries SET status = 'available' WHERE status = 'pending' AND available_at <= ?${programId ? ' AND program_id = ?' : ''}`,
		programId ? [ctx.now, programId] : [ctx.now],
	);
}
