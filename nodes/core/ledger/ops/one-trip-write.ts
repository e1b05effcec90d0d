import type { PointsResult } from '../entry-types';
import type { MemberRef } from '../member-types';
import { batch, statement, type Op, type Row, type SqlValue } from '../sql/statement';
import { int, json } from '../sql/values';
import type { OpContext } from './context';
import { insertedEntryRow, mapEntry } from './entry-rows';
import type { MemberHint } from './member-hints';
import { cachedProgramConfig, lockedMember, mapMember, type LockedMember } from './member-rows';
import { assertSameOperation, newEntryOf, pointsResult, type PlannedEntry, type PointsWriteSpec } from './points-plan';
import { OneTripMissed, OrderAwardedUnderAnotherKey } from './write-signals';

/**
 * A points write in one round trip (PostgreSQL). The two-trip path locks and reads the member,
 * plans the entry with what it read, then writes. Here the plan is made first, from the state
 * this process last saw for the member (a hint: see member-hints.ts), and sent to
 * `tajo_points_write` (migration 4) with what it was made from: the hash of the member row, the
 * program version and the pending points. The function locks the member and writes only if the
 * state is still exactly that; then the write is the one the two-trip path would have made,
 * under the same lock, keys and constraints. If the state moved (another process wrote for the
 * member, a pending period ended, the program got a new version) it writes nothing and the store
 * runs the two-trip path (OneTripMissed). The rule therefore may run twice for one write, which
 * its contract (pure, synchronous) allows.
 *
 * Only plans that need no further reads and write nothing beside the entry, the member and an
 * award's order row go this way: awards (without a companion bonus), bonuses, redemptions and
 * adjustments. A bonus with a former key (ledgerKeys.formerBonus) does not: the function looks up
 * only the key it is given, and the former key must be looked up under the lock too.
 */

/** The hint for the member and the config of its program version, when both are at hand. */
export function cachedHintPlan(ctx: OpContext, programId: string, ref: MemberRef): { hint: MemberHint; config: Record<string, unknown> } | undefined {
	const hint = ctx.memberHints?.get(programId, ref);
	const config = hint && cachedProgramConfig(ctx, programId, hint.program.version);
	return hint && config ? { hint, config } : undefined;
}

/** The member columns a plan may set besides the balances (an award's order stats). */
const STAT_COLUMNS = ['orders_count', 'total_spent_minor', 'first_order_at', 'last_order_at'];

/**
 * Undefined when the plan cannot go in one trip (nothing was sent: the caller goes on with the
 * two-trip path in the same transaction). Throws OneTripMissed when the member's state moved,
 * OrderAwardedUnderAnotherKey when the order was awarded under another key.
 */
export function* oneTripWrite(ctx: OpContext, spec: PointsWriteSpec, hinted: { hint: MemberHint; config: Record<string, unknown> }): Op<PointsResult | undefined> {
	const { hint, config } = hinted;
	const member = lockedMember(ctx, hint.row, hint.pending, { id: spec.programId, name: hint.program.name, version: hint.program.version, config });
	if (member.erased) return undefined;
	const plan = planOnHint(spec, member);
	// A companion's key must be looked up under the lock first (the two-trip path does).
	if (!plan || plan.afterInsert?.length || plan.companion || Object.keys(plan.memberColumns ?? {}).some((c) => !STAT_COLUMNS.includes(c))) return undefined;
	const entry = newEntryOf(ctx, member, spec.idempotencyKey, plan, spec.tierFor);
	const stats = plan.memberColumns ?? {};
	const order = plan.newOrder;
	const activity = plan.kind !== 'expiry';
	const params: SqlValue[] = [
		spec.programId, member.id, spec.idempotencyKey, ctx.now,
		// The state planned with.
		hint.rowHash, member.rule.program.version, member.pending,
		// The entry.
		entry.kind, entry.points, entry.lifetimeDelta, entry.clampedPoints, entry.availableAt, entry.orderId, entry.refundId, entry.action, entry.reason,
		entry.breakdownJson, entry.balanceAfter, entry.lifetimeAfter, entry.tierBefore, entry.tierAfter,
		// The member's stats after it (null: unchanged), and whether it is activity.
		stat(stats.orders_count), stat(stats.total_spent_minor), stat(stats.first_order_at), stat(stats.last_order_at), activity ? 1 : 0,
		// An award's order row.
		order ? order.channelId : null, order ? order.currency : null, order ? order.totalMinor : null, order ? order.placedAt : null,
	];
	const call = statement(`SELECT * FROM tajo_points_write(${params.map(() => '?').join(', ')})`, params);
	const [rows] = yield* batch([call], { final: true });
	const out = (rows as Row[])[0];
	const outcome = String(out?.outcome);
	if (outcome === 'order_taken') throw new OrderAwardedUnderAnotherKey(String(entry.orderId));
	if (outcome !== 'written' && outcome !== 'duplicate') throw new OneTripMissed(outcome);
	const pending = int(out.pending_points);
	if (outcome === 'duplicate') {
		const found = json<{ entry: Row; member: Row }>(out.repeated)!;
		const existing = fromJsonRow(found.entry, ENTRY_TIMESTAMPS);
		const memberRow = fromJsonRow(found.member, MEMBER_TIMESTAMPS);
		ctx.memberHints?.set({ ...hint, row: memberRow, pending, rowHash: String(out.row_hash) });
		assertSameOperation(spec, existing, member.id);
		return pointsResult(true, mapEntry(existing, ctx.now), mapMember(memberRow, pending));
	}
	// The function changed exactly these columns of the row planned with.
	const memberRow: Row = {
		...hint.row,
		balance_points: entry.balanceAfter,
		lifetime_points: entry.lifetimeAfter,
		tier: entry.tierAfter,
		updated_at: ctx.now,
		...(activity ? { last_activity_at: ctx.now } : {}),
		...Object.fromEntries(Object.entries(stats).filter(([, v]) => v !== null && v !== undefined)),
	};
	ctx.memberHints?.set({ ...hint, row: memberRow, pending, rowHash: String(out.row_hash) });
	return pointsResult(false, mapEntry(insertedEntryRow(ctx, entry, out.entry_id), ctx.now), mapMember(memberRow, pending));
}

const MEMBER_TIMESTAMPS = ['registered_at', 'first_order_at', 'last_order_at', 'last_activity_at', 'enrolled_at', 'updated_at', 'erased_at'];
const ENTRY_TIMESTAMPS = ['available_at', 'created_at'];

/** A row as `row_to_json` gives it: timestamps as text with an offset; as every other read gives them, Dates. */
function fromJsonRow(row: Row, timestamps: string[]): Row {
	const out: Row = { ...row };
	for (const c of timestamps) if (typeof out[c] === 'string') out[c] = new Date(out[c] as string);
	return out;
}

/**
 * The plan on the hinted state, or undefined when it needs a read (it yields) or refuses (it
 * throws, e.g. not enough points): on a state that may be stale, only the two-trip path, which
 * plans on the locked row, may decide that.
 */
function planOnHint(spec: PointsWriteSpec, member: LockedMember): PlannedEntry | undefined {
	try {
		const step = spec.plan(member).next();
		return step.done ? step.value : undefined;
	} catch {
		return undefined;
	}
}

function stat(value: SqlValue | undefined): SqlValue {
	return value === undefined ? null : value;
}
