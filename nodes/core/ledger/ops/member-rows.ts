import { MemberNotFound, ProgramNotFound } from '../errors';
import type { MemberSnapshot, RuleContext } from '../entry-types';
import type { Member, MemberRef } from '../member-types';
import { batch, row, run, statement, type Op, type Row, type SqlValue, type Statement } from '../sql/statement';
import { int, intOrNull, iso, isoOrNull, json, textOrNull } from '../sql/values';
import type { OpContext } from './context';
import { ENTRY_COLUMNS } from './entry-rows';

/** Every member column, as the row maps are keyed. */
export const MEMBER_COLUMN_NAMES: readonly string[] = [
	'id', 'program_id', 'store_hash', 'customer_id', 'email', 'first_name', 'last_name', 'phone', 'customer_group',
	'channel_id', 'birthday', 'tier', 'registered_at', 'balance_points', 'lifetime_points', 'orders_count',
	'total_spent_minor', 'first_order_at', 'last_order_at', 'last_activity_at', 'enrolled_at', 'updated_at', 'erased_at',
];

/**
 * PostgreSQL: the hash of a member row's text form, what a one-trip points write compares with
 * the row it locks (ops/one-trip-write.ts). SHA-256 rather than md5, which a server in FIPS mode
 * refuses. The function of migration 4 computes exactly this expression; they must stay the same.
 */
export function rowHash(alias: string): string {
	return `encode(sha256(convert_to(${alias}::TEXT, 'UTF8')), 'hex')`;
}

/** The member columns, qualified with the alias `m`. */
export const MEMBER_COLUMNS = MEMBER_COLUMN_NAMES.map((c) => `m.${c}`).join(', ');

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

/**
 * WHERE (alias `m`) for one member of a program. By customer id it names the program's store
 * too, so that the unique (program, store, customer) index finds the row: program and customer
 * alone would scan every member of the program.
 */
function memberWhere(programId: string, ref: MemberRef): { sql: string; params: SqlValue[] } {
	return 'memberId' in ref
		? { sql: 'm.program_id = ? AND m.id = ?', params: [programId, ref.memberId] }
		: {
				sql: 'm.program_id = ? AND m.store_hash = (SELECT store_hash FROM tajo_programs WHERE id = ?) AND m.customer_id = ?',
				params: [programId, programId, ref.customerId],
			};
}

function describe(ref: MemberRef): string {
	return 'memberId' in ref ? ref.memberId : `with customer id ${ref.customerId}`;
}

function* failMissing(programId: string, ref: MemberRef): Op<never> {
	const program = yield* row('SELECT id FROM tajo_programs WHERE id = ?', [programId]);
	if (!program) throw new ProgramNotFound(programId);
	throw new MemberNotFound(describe(ref));
}

/**
 * Reads a member with its pending points (no lock). On PostgreSQL also what a later one-trip
 * points write plans with (the row's hash, the program version), kept as the member's hint.
 */
export function* readMember(ctx: OpContext, programId: string, ref: MemberRef): Op<Member> {
	const where = memberWhere(programId, ref);
	const forHint = ctx.memberHints
		? { columns: `, ${rowHash('m')} AS row_hash, p.name AS program_name, p.current_version AS program_version`, join: 'JOIN tajo_programs p ON p.id = m.program_id' }
		: { columns: '', join: '' };
	const found = yield* row(`SELECT ${MEMBER_COLUMNS}, ${PENDING_SUBQUERY} AS pending_points${forHint.columns} FROM tajo_members m ${forHint.join} WHERE ${where.sql}`, [
		ctx.now,
		...where.params,
	]);
	if (!found) return yield* failMissing(programId, ref);
	const pending = int(found.pending_points);
	rememberMember(ctx, programId, { name: textOrNull(found.program_name), version: intOrNull(found.program_version) }, found, pending, found.row_hash);
	return mapMember(found, pending);
}

/**
 * Keeps the member's state as the hint for the next one-trip points write (PostgreSQL only:
 * nothing without a row hash). The row is cut to the member's own columns.
 */
export function rememberMember(
	ctx: OpContext,
	programId: string,
	program: { name: string | null; version: number | null },
	r: Row,
	pending: number,
	rowHash: unknown,
): void {
	if (!ctx.memberHints || typeof rowHash !== 'string' || program.name === null || program.version === null) return;
	const own = Object.fromEntries(MEMBER_COLUMN_NAMES.map((c) => [c, r[c]]));
	ctx.memberHints.set({ programId, program: { name: program.name, version: program.version }, row: own, pending, rowHash });
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

/** Locks the member row (see lockMemberWith). */
export function* lockMember(ctx: OpContext, programId: string, ref: MemberRef): Op<LockedMember> {
	return (yield* lockMemberWith(ctx, programId, ref)).member;
}

export interface MemberLock {
	member: LockedMember;
	/** False only when `unlessKey` was already in the ledger: the member was read, not locked. */
	locked: boolean;
	/** The entry with `unlessKey`, read after the lock, if there is one. */
	keyEntry: Row | undefined;
	/** The results of the `extra` statements, read after the lock. */
	extra: unknown[];
}

const PENDING_SUMS = `COALESCE(SUM(CASE WHEN e.available_at > ? THEN e.points ELSE 0 END), 0) AS pending_points,
	COALESCE(SUM(CASE WHEN e.available_at <= ? THEN 1 ELSE 0 END), 0) AS due_entries`;

/** The entry columns, aliased `k_<column>`, of the entry joined as `k`. */
const KEY_ENTRY_COLUMNS = ENTRY_COLUMNS.split(', ').map((c) => `k.${c} AS k_${c}`).join(', ');

/**
 * Locks the member row (PostgreSQL: FOR UPDATE; SQLite: the transaction already holds the write
 * lock) and reads it, its program version, its pending points and the entry with `unlessKey`,
 * then runs `extra` — all in one batch, one round trip on PostgreSQL. Everything read after the
 * lock sees every earlier write for the member: on PostgreSQL the lock is a statement of its own
 * and each READ COMMITTED statement after it takes a new snapshot, and writers of this member
 * wait for this lock.
 *
 * `unlessKey`: an idempotency key; when it is in the ledger already the operation is a repeat
 * that writes nothing, so the row is not locked and repeats do not queue behind each other.
 */
export function* lockMemberWith(
	ctx: OpContext,
	programId: string,
	ref: MemberRef,
	options: { unlessKey?: string; extra?: Statement[] } = {},
): Op<MemberLock> {
	const where = memberWhere(programId, ref);
	const key = options.unlessKey;
	const statements: Statement[] = [];
	const locking = ctx.dialect.name === 'postgres';
	if (locking) {
		const unless = key === undefined ? '' : ' AND NOT EXISTS (SELECT 1 FROM tajo_ledger_entries WHERE idempotency_key = ?)';
		statements.push(
			statement(`SELECT m.id FROM tajo_members m WHERE ${where.sql}${unless}${ctx.dialect.forUpdate('m')}`, [
				...where.params,
				...(key === undefined ? [] : [key]),
			]),
			// Everything else the write needs, read after the lock, as one statement: each statement
			// costs the server a parse, a snapshot and a result, and the client a result to read.
			statement(
				`SELECT ${MEMBER_COLUMNS}, ${rowHash('m')} AS row_hash, p.name AS program_name, p.current_version AS program_version, s.pending_points, s.due_entries${key === undefined ? '' : `, ${KEY_ENTRY_COLUMNS}`}
				FROM tajo_members m JOIN tajo_programs p ON p.id = m.program_id
				CROSS JOIN LATERAL (SELECT ${PENDING_SUMS} FROM tajo_ledger_entries e WHERE e.member_id = m.id AND e.status = 'pending') s
				${key === undefined ? '' : 'LEFT JOIN tajo_ledger_entries k ON k.idempotency_key = ?'}
				WHERE ${where.sql}`,
				[ctx.now, ctx.now, ...(key === undefined ? [] : [key]), ...where.params],
			),
		);
	} else {
		// SQLite has no round trips to save, and plain index look-ups cost it least: the pending sums
		// as correlated subqueries of the member read cost it several times as much, and so does
		// joining the program to the member (measured: 5 times the two look-ups).
		statements.push(
			statement(`SELECT ${MEMBER_COLUMNS} FROM tajo_members m WHERE ${where.sql}`, where.params),
			statement('SELECT name AS program_name, current_version AS program_version FROM tajo_programs WHERE id = ?', [programId]),
			statement(
				`SELECT ${PENDING_SUMS}
				FROM tajo_ledger_entries e
				WHERE e.member_id = (SELECT m.id FROM tajo_members m WHERE ${where.sql}) AND e.status = 'pending'`,
				[ctx.now, ctx.now, ...where.params],
			),
		);
		if (key !== undefined) statements.push(statement(`SELECT ${ENTRY_COLUMNS} FROM tajo_ledger_entries WHERE idempotency_key = ?`, [key]));
	}
	const extra = options.extra ?? [];
	statements.push(...extra);
	const results = yield* batch(statements);
	const own = results.length - extra.length;
	const found = (results[locking ? 1 : 0] as Row[])[0];
	if (!found) return yield* failMissing(programId, ref);
	// PostgreSQL reads it all in one row; SQLite in one row per look-up.
	const r = locking ? found : { ...found, ...(results[1] as Row[])[0] };
	const sums = locking ? r : (results[2] as Row[])[0];
	const locked = !locking || (results[0] as Row[]).length > 0;
	let keyEntry: Row | undefined;
	if (key !== undefined) {
		if (!locking) keyEntry = (results[3] as Row[])[0];
		else if (r.k_id !== null && r.k_id !== undefined) keyEntry = Object.fromEntries(ENTRY_COLUMNS.split(', ').map((c) => [c, r[`k_${c}`]]));
	}
	const id = String(r.id);
	// Keep the stored status current for the member being written; balances never depend on it.
	if (locked && int(sums?.due_entries) > 0) {
		yield* run("UPDATE tajo_ledger_entries SET status = 'available' WHERE member_id = ? AND status = 'pending' AND available_at <= ?", [id, ctx.now]);
	}
	const version = int(r.program_version);
	const config = yield* programConfig(ctx, programId, version);
	const member = lockedMember(ctx, r, int(sums?.pending_points), { id: programId, name: String(r.program_name), version, config });
	return { locked, keyEntry, extra: results.slice(own), member };
}

/** The member as a points write plans with it: its row, balances and what the rules see. */
export function lockedMember(ctx: OpContext, r: Row, pending: number, program: RuleContext['program']): LockedMember {
	const id = String(r.id);
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
		rule: { program, member: snapshot, now: ctx.now },
	};
}

const CONFIG_CACHE_LIMIT = 1000;

/** A program version's config if the store has it cached. */
export function cachedProgramConfig(ctx: OpContext, programId: string, version: number): Record<string, unknown> | undefined {
	return ctx.programConfigs?.get(`${programId}@${version}`);
}

/** A program version's config: from the store's cache, else read once (versions never change). */
function* programConfig(ctx: OpContext, programId: string, version: number): Op<Record<string, unknown>> {
	const key = `${programId}@${version}`;
	const cached = ctx.programConfigs?.get(key);
	if (cached) return cached;
	const found = yield* row('SELECT config FROM tajo_program_versions WHERE program_id = ? AND version = ?', [programId, version]);
	const config = json<Record<string, unknown>>(found?.config) ?? {};
	if (ctx.programConfigs) {
		if (ctx.programConfigs.size >= CONFIG_CACHE_LIMIT) ctx.programConfigs.clear();
		ctx.programConfigs.set(key, config);
	}
	return config;
}
