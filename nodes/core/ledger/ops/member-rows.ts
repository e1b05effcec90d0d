import { MemberNotFound, ProgramNotFound } from '../errors';
import type { MemberSnapshot, RuleContext } from '../entry-types';
import type { Member, MemberRef } from '../member-types';
import { row, run, type Op, type Row } from '../sql/statement';
import { int, intOrNull, iso, isoOrNull, json, textOrNull } from '../sql/values';
import type { OpContext } from './context';

const COLUMNS = [
	'id', 'program_id', 'store_hash', 'customer_id', 'email', 'first_name', 'last_name', 'phone', 'customer_group',
	'channel_id', 'birthday', 'tier', 'registered_at', 'balance_points', 'lifetime_points', 'orders_count',
	'total_spent_minor', 'first_order_at', 'last_order_at', 'last_activity_at', 'enrolled_at', 'updated_at', 'erased_at',
];

/** The member columns, qualified with the alias `m`. */
export const MEMBER_COLUMNS = COLUMNS.map((c) => `m.${c}`).join(', ');

/**
 * Sum of the member's entries still inside their pending period. Only entries written as
 * pending can be: an entry written as available (a redemption, say) is never pending, even if a
 * reader's clock is behind the writer's — transactions read the clock before they wait for the
 * member's lock, and hosts' clocks differ.
 */
export const PENDING_SUBQUERY =
	"(SELECT COALESCE(SUM(e.points), 0) FROM tajo_ledger_entries e WHERE e.member_id = m.id AND e.status = 'pending' AND e.available_at > ?)";

export function mapMember(r: Row, pendingPoints: number): Member {
	const balance = int(r.balance_points);
	return {
		id: String(r.id),
		programId: String(r.program_id),
		storeHash: String(r.store_hash),
		customerId: int(r.customer_id),
		email: textOrNull(r.email),
		firstName: textOrNull(r.first_name),
		lastName: textOrNull(r.last_name),
		phone: textOrNull(r.phone),
		customerGroup: textOrNull(r.customer_group),
		channelId: intOrNull(r.channel_id),
		birthday: textOrNull(r.birthday),
		tier: textOrNull(r.tier),
		registeredAt: isoOrNull(r.registered_at),
		enrolledAt: iso(r.enrolled_at),
		updatedAt: iso(r.updated_at),
		erased: r.erased_at !== null && r.erased_at !== undefined,
		erasedAt: isoOrNull(r.erased_at),
		points: { available: balance - pendingPoints, pending: pendingPoints, balance, lifetime: int(r.lifetime_points) },
		stats: {
			ordersCount: int(r.orders_count),
			totalSpentMinor: int(r.total_spent_minor),
			firstOrderAt: isoOrNull(r.first_order_at),
			lastOrderAt: isoOrNull(r.last_order_at),
			lastActivityAt: isoOrNull(r.last_activity_at),
		},
	};
}

function refWhere(ref: MemberRef): { clause: string; value: string | number } {
	return 'memberId' in ref ? { clause: 'm.id = ?', value: ref.memberId } : { clause: 'm.customer_id = ?', value: ref.customerId };
}

function describe(ref: MemberRef): string {
	return 'memberId' in ref ? ref.memberId : `with customer id ${ref.customerId}`;
}

function* failMissing(programId: string, ref: MemberRef): Op<never> {
	const program = yield* row('SELECT id FROM tajo_programs WHERE id = ?', [programId]);
	if (!program) throw new ProgramNotFound(programId);
	throw new MemberNotFound(describe(ref));
}

/** Reads a member with its pending points (no lock). */
export function* readMember(ctx: OpContext, programId: string, ref: MemberRef): Op<Member> {
	const where = refWhere(ref);
	const found = yield* row(
		`SELECT ${MEMBER_COLUMNS}, ${PENDING_SUBQUERY} AS pending_points FROM tajo_members m WHERE m.program_id = ? AND ${where.clause}`,
		[ctx.now, programId, where.value],
	);
	if (!found) return yield* failMissing(programId, ref);
	return mapMember(found, int(found.pending_points));
}

/** A member row held under lock for the rest of the transaction, with what rules need to see. */
export interface LockedMember {
	id: string;
	row: Row;
	balance: number;
	pending: number;
	lifetime: number;
	tier: string | null;
	erased: boolean;
	rule: RuleContext;
}

/**
 * Locks the member row (PostgreSQL: FOR UPDATE; SQLite: the transaction already holds the write
 * lock). Everything read after this sees every earlier write for the member: on PostgreSQL each
 * READ COMMITTED statement takes a new snapshot, and writers of this member wait for this lock.
 */
export function* lockMember(ctx: OpContext, programId: string, ref: MemberRef): Op<LockedMember> {
	const where = refWhere(ref);
	const r = yield* row(
		`SELECT ${MEMBER_COLUMNS}, p.name AS program_name, p.current_version AS program_version, v.config AS program_config
		FROM tajo_members m
		JOIN tajo_programs p ON p.id = m.program_id
		JOIN tajo_program_versions v ON v.program_id = p.id AND v.version = p.current_version
		WHERE m.program_id = ? AND ${where.clause}${ctx.dialect.forUpdate('m')}`,
		[programId, where.value],
	);
	if (!r) return yield* failMissing(programId, ref);
	const id = String(r.id);
	// Read after the lock, so it includes entries committed by whoever held it before us.
	const sums = yield* row(
		`SELECT (SELECT COALESCE(SUM(points), 0) FROM tajo_ledger_entries WHERE member_id = ? AND status = 'pending' AND available_at > ?) AS pending,
			(SELECT COUNT(*) FROM tajo_ledger_entries WHERE member_id = ? AND status = 'pending' AND available_at <= ?) AS due`,
		[id, ctx.now, id, ctx.now],
	);
	// Keep the stored status current for the member being written; balances never depend on it.
	if (int(sums?.due) > 0) {
		yield* run("UPDATE tajo_ledger_entries SET status = 'available' WHERE member_id = ? AND status = 'pending' AND available_at <= ?", [id, ctx.now]);
	}
	const pending = int(sums?.pending);
	const balance = int(r.balance_points);
	const member = mapMember(r, pending);
	const snapshot: MemberSnapshot = {
		memberId: id,
		customerId: member.customerId,
		customerGroup: member.customerGroup,
		channelId: member.channelId,
		tier: member.tier,
		birthday: member.birthday,
		availablePoints: balance - pending,
		pendingPoints: pending,
		lifetimePoints: member.points.lifetime,
		ordersCount: member.stats.ordersCount,
		totalSpentMinor: member.stats.totalSpentMinor,
		firstOrderAt: member.stats.firstOrderAt,
		lastOrderAt: member.stats.lastOrderAt,
	};
	return {
		id,
		row: r,
		balance,
		pending,
		lifetime: member.points.lifetime,
		tier: member.tier,
		erased: member.erased,
		rule: {
			program: {
				id: programId,
				name: String(r.program_name),
				version: int(r.program_version),
				config: json<Record<string, unknown>>(r.program_config) ?? {},
			},
			member: snapshot,
			now: ctx.now,
		},
	};
}
