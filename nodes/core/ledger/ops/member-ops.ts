import { randomUUID } from 'node:crypto';
import type { TierRule } from '../entry-types';
import { InvalidLedgerInput, ProgramNotFound } from '../errors';
import type { Member, MemberFilter, MemberRef, MemberUpsert, MemberUpsertResult, Page } from '../member-types';
import { row, rows, run, type Op, type SqlValue } from '../sql/statement';
import { int, isoOrNull, textOrNull } from '../sql/values';
import type { OpContext } from './context';
import { lockedMember, lockMember, mapMember, MEMBER_COLUMNS, PENDING_SUBQUERY, readMember, rememberMember, rowHash } from './member-rows';
import { instant, optionalBirthday, optionalInstant, optionalInt, optionalText, pageLimit, requireInt, requireText } from './validate';

/** Profile columns an upsert may set, already validated; undefined = keep. */
type Profile = Partial<Record<'email' | 'first_name' | 'last_name' | 'phone' | 'customer_group' | 'birthday' | 'registered_at', string | null> & { channel_id: number | null }>;

export function validateMemberUpsert(input: MemberUpsert): UpsertInput {
	// Emails are kept lower-case: carts and erasure match them case-insensitively.
	const email = optionalText('email', input.email, 320);
	const profile: Profile = {
		email: typeof email === 'string' ? email.trim().toLowerCase() : email,
		first_name: optionalText('firstName', input.firstName, 200),
		last_name: optionalText('lastName', input.lastName, 200),
		phone: optionalText('phone', input.phone, 50),
		customer_group: optionalText('customerGroup', input.customerGroup, 200),
		birthday: optionalBirthday(input.birthday),
		registered_at: optionalInstant('registeredAt', input.registeredAt),
		channel_id: optionalInt('channelId', input.channelId),
	};
	if (input.tierFor !== undefined && typeof input.tierFor !== 'function') throw new InvalidLedgerInput('tierFor', 'must be a function returning the tier');
	return {
		programId: requireText('programId', input.programId, 100),
		customerId: requireInt('customerId', input.customerId, { min: 0 }),
		profile,
		startingTier: optionalText('startingTier', input.startingTier, 100) ?? null,
		tierFor: input.tierFor,
	};
}

interface UpsertInput {
	programId: string;
	customerId: number;
	profile: Profile;
	startingTier: string | null;
	tierFor?: TierRule;
}

/**
 * Enrols (insert, or nothing if a concurrent upsert enrolled them first) and then updates the
 * profile under the member's lock. Only fields that change are written, so `updated_at` — the
 * "modified since" filter — moves only on real changes. With a tier rule the tier is worked out
 * again from the profile as it is after the upsert (a new group may bring a new starting tier).
 */
export function* upsertMemberOp(ctx: OpContext, input: UpsertInput): Op<MemberUpsertResult> {
	const program = yield* row('SELECT store_hash FROM tajo_programs WHERE id = ?', [input.programId]);
	if (!program) throw new ProgramNotFound(input.programId);
	const p = input.profile;
	const created = (yield* run(
		`INSERT INTO tajo_members (id, program_id, store_hash, customer_id, email, first_name, last_name, phone, customer_group, channel_id, birthday, tier, registered_at, enrolled_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (program_id, store_hash, customer_id) DO NOTHING`,
		[
			randomUUID(), input.programId, String(program.store_hash), input.customerId, p.email ?? null, p.first_name ?? null,
			p.last_name ?? null, p.phone ?? null, p.customer_group ?? null, p.channel_id ?? null, p.birthday ?? null,
			input.startingTier, p.registered_at ?? null, ctx.now, ctx.now,
		],
	)) > 0;
	const ref: MemberRef = { customerId: input.customerId };
	if (created && !input.tierFor) return { member: yield* readMember(ctx, input.programId, ref), created, updated: false, tierBefore: null };

	const locked = yield* lockMember(ctx, input.programId, ref);
	const inForce = locked.rule.program;
	const tierBefore = created ? null : textOrNull(locked.row.tier);
	// An erased member's personal data is never stored again.
	if (locked.erased) return { member: mapMember(locked.row, locked.pending), created, updated: false, tierBefore };
	const changes: Record<string, SqlValue> = {};
	for (const [column, value] of Object.entries(p) as [string, SqlValue | undefined][]) {
		if (value === undefined) continue;
		const stored = locked.row[column];
		const current = column === 'registered_at' ? isoOrNull(stored) : column === 'channel_id' ? (stored === null ? null : int(stored)) : textOrNull(stored);
		if (current !== value) changes[column] = value;
	}
	if (input.tierFor) {
		const profileAfter = lockedMember(ctx, { ...locked.row, ...changes }, locked.pending, inForce);
		const tier = input.tierFor(locked.lifetime, profileAfter.rule);
		if (tier !== textOrNull(locked.row.tier)) changes.tier = tier;
	}
	const names = Object.keys(changes);
	if (names.length === 0) {
		rememberMember(ctx, input.programId, inForce, locked.row, locked.pending, locked.row.row_hash);
		return { member: mapMember(locked.row, locked.pending), created, updated: false, tierBefore };
	}
	changes.updated_at = ctx.now;
	// PostgreSQL: with the row's new hash, for the next one-trip points write.
	const hashed = ctx.memberHints ? ` RETURNING ${rowHash('tajo_members')} AS row_hash` : '';
	const updated = yield* rows(`UPDATE tajo_members SET ${[...names, 'updated_at'].map((n) => `${n} = ?`).join(', ')} WHERE id = ?${hashed}`, [
		...[...names, 'updated_at'].map((n) => changes[n]),
		locked.id,
	]);
	const after = { ...locked.row, ...changes };
	rememberMember(ctx, input.programId, inForce, after, locked.pending, updated[0]?.row_hash);
	return { member: mapMember(after, locked.pending), created, updated: !created, tierBefore };
}

/** Pages by member id; the available balance bounds are computed in SQL. */
export function* listMembersOp(ctx: OpContext, filter: MemberFilter): Op<Page<Member>> {
	const limit = pageLimit(filter.limit, 100);
	const where: string[] = ['x.program_id = ?'];
	const params: SqlValue[] = [ctx.now, requireText('programId', filter.programId, 100)];
	const add = (clause: string, value: SqlValue) => {
		where.push(clause);
		params.push(value);
	};
	if (!filter.includeErased) where.push('x.erased_at IS NULL');
	if (filter.customerGroup !== undefined) add('x.customer_group = ?', requireText('customerGroup', filter.customerGroup, 200));
	if (filter.tier !== undefined) add('x.tier = ?', requireText('tier', filter.tier, 100));
	if (filter.minPoints !== undefined) add('x.available_points >= ?', requireInt('minPoints', filter.minPoints));
	if (filter.maxPoints !== undefined) add('x.available_points <= ?', requireInt('maxPoints', filter.maxPoints));
	if (filter.modifiedSince !== undefined) add('x.updated_at >= ?', instant('modifiedSince', filter.modifiedSince));
	if (filter.cursor) add('x.id > ?', requireText('cursor', filter.cursor, 100));
	params.push(limit + 1);
	const found = yield* rows(
		`SELECT * FROM (
			SELECT ${MEMBER_COLUMNS}, ${PENDING_SUBQUERY} AS pending_points, m.balance_points - ${PENDING_SUBQUERY} AS available_points
			FROM tajo_members m
		) x WHERE ${where.join(' AND ')} ORDER BY x.id LIMIT ?`,
		[params[0], params[0], ...params.slice(1)],
	);
	const items = found.slice(0, limit).map((r) => mapMember(r, int(r.pending_points)));
	return { items, nextCursor: found.length > limit ? items[items.length - 1].id : null };
}

/**
 * Removes the member's personal data; entries, balances and stats stay, linked to the member's
 * random id (and the store's customer id, so that a later sync does not enrol them anew).
 */
export function* eraseMemberOp(ctx: OpContext, programId: string, ref: MemberRef): Op<{ member: Member; alreadyErased: boolean; email: string | null; customerId: number }> {
	const locked = yield* lockMember(ctx, programId, ref);
	const member = mapMember(locked.row, locked.pending);
	if (locked.erased) return { member, alreadyErased: true, email: null, customerId: member.customerId };
	const erased = { email: null, first_name: null, last_name: null, phone: null, birthday: null, erased_at: ctx.now, updated_at: ctx.now };
	yield* run(
		'UPDATE tajo_members SET email = NULL, first_name = NULL, last_name = NULL, phone = NULL, birthday = NULL, erased_at = ?, updated_at = ? WHERE id = ?',
		[ctx.now, ctx.now, locked.id],
	);
	return { member: mapMember({ ...locked.row, ...erased }, locked.pending), alreadyErased: false, email: member.email, customerId: member.customerId };
}
