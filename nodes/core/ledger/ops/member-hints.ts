import type { RuleContext } from '../entry-types';
import type { MemberRef } from '../member-types';
import type { Row } from '../sql/statement';

/** A member's state as this process last saw it in a points write: what a one-trip write plans with. */
export interface MemberHint {
	programId: string;
	program: Pick<RuleContext['program'], 'name' | 'version'>;
	/** The member row: its own columns only (rows read with a lock carry other values beside them). */
	row: Row;
	/** The hash of the row's text form as PostgreSQL computed it (rowHash in member-rows.ts): the one-trip write compares it with the row it locks. */
	rowHash: string;
	/** Pending points at `now` of that write. */
	pending: number;
}

const LIMIT = 5_000;

/**
 * The last state seen of recently written members, per store (PostgreSQL only). Only a guess:
 * a one-trip write plans with it and the database writes only if the locked row still has that
 * state (see ops/one-trip-write.ts), so a stale or wrong hint costs a round trip, never a wrong
 * entry. That is also why a hint from a transaction that was then rolled back does no harm.
 */
export class MemberHints {
	private readonly byKey = new Map<string, MemberHint>();

	get(programId: string, ref: MemberRef): MemberHint | undefined {
		return this.byKey.get(key(programId, ref));
	}

	set(hint: MemberHint): void {
		// Bounded: a burst of one-off customers must not grow the process without limit.
		if (this.byKey.size >= LIMIT) this.byKey.clear();
		this.byKey.set(key(hint.programId, { memberId: String(hint.row.id) }), hint);
		this.byKey.set(key(hint.programId, { customerId: Number(hint.row.customer_id) }), hint);
	}
}

function key(programId: string, ref: MemberRef): string {
	return 'memberId' in ref ? `${programId} m ${ref.memberId}` : `${programId} c ${ref.customerId}`;
}
