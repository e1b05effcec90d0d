import type { ColumnTypes } from './column-types';

/**
 * PostgreSQL: `tajo_points_write`, a points write in one statement, so that an award costs one
 * round trip instead of two (issue 4 item 6; see ops/one-trip-write.ts for the caller).
 *
 * The caller has planned the entry from the member's row as it last saw it, and sends the row's
 * hash (SHA-256 of its text form, as rowHash in ops/member-rows.ts computes it) with the plan. The function writes only if the member row still
 * hashes the same, the program is at the version planned with and the pending points are the
 * same at `p_now` — so what it writes is exactly what the two-trip path (lock, read, plan,
 * write) would have written, and every guarantee stays with the database: the member's writers
 * queue on its row lock, the unique key refuses a second entry, the order's primary key a second
 * award of the order. Otherwise it writes nothing and says `stale`; the caller then takes the
 * two-trip path.
 *
 * The member's UPDATE is the lock. An UPDATE that waited for another writer of the row checks
 * its WHERE again on the row as that writer left it, so a row changed meanwhile is not matched
 * (`stale`). The pending sum is read before the lock, but any write that changes it also changes
 * the member's balance, so the hash check catches it. A repeat of the key that commits while
 * this one waits leaves a row that no longer hashes the same; should it not (a write of 0 points
 * in the same millisecond), the unique key refuses this entry and the driver runs the write again,
 * which then finds the repeat.
 *
 * Outcomes: `written` (entry id, pending after, the row's new hash), `duplicate` (the key's entry
 * and the member as JSON, read without a lock: a repeat writes nothing, so repeats never queue),
 * `stale`, `missing` (no such member in the program) and `order_taken` (the order was awarded
 * under another key).
 */
// The same expression as rowHash in ops/member-rows.ts, written out: a migration never changes.
const ROW_HASH = (alias: string) => `encode(sha256(convert_to(${alias}::TEXT, 'UTF8')), 'hex')`;

const FUNCTION = `CREATE OR REPLACE FUNCTION tajo_points_write(
	p_program_id TEXT, p_member_id TEXT, p_key TEXT, p_now TIMESTAMPTZ,
	x_row_hash TEXT, x_version INTEGER, x_pending BIGINT,
	e_kind TEXT, e_points BIGINT, e_lifetime_delta BIGINT, e_clamped BIGINT, e_available_at TIMESTAMPTZ,
	e_order_id TEXT, e_refund_id TEXT, e_action TEXT, e_reason TEXT, e_breakdown JSONB,
	e_balance_after BIGINT, e_lifetime_after BIGINT, e_tier_before TEXT, e_tier_after TEXT,
	m_orders INTEGER, m_spent BIGINT, m_first_order TIMESTAMPTZ, m_last_order TIMESTAMPTZ, m_activity BOOLEAN,
	o_channel INTEGER, o_currency TEXT, o_total BIGINT, o_placed_at TIMESTAMPTZ
) RETURNS TABLE (outcome TEXT, entry_id BIGINT, pending_points BIGINT, row_hash TEXT, repeated JSON)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
	v_key_id BIGINT;
	v_version INTEGER;
	v_pending BIGINT;
	v_due BIGINT;
	v_order_taken BOOLEAN;
BEGIN
	-- Every check that needs no lock, in one statement: each statement costs its own start-up.
	SELECT (SELECT id FROM tajo_ledger_entries WHERE idempotency_key = p_key), p.current_version, s.pending, s.due,
		o_total IS NOT NULL AND EXISTS (SELECT 1 FROM tajo_orders WHERE program_id = p_program_id AND order_id = e_order_id)
		INTO v_key_id, v_version, v_pending, v_due, v_order_taken
		FROM tajo_programs p
		CROSS JOIN LATERAL (SELECT COALESCE(SUM(CASE WHEN e.available_at > p_now THEN e.points ELSE 0 END), 0) AS pending,
			COALESCE(SUM(CASE WHEN e.available_at <= p_now THEN 1 ELSE 0 END), 0) AS due
			FROM tajo_ledger_entries e WHERE e.member_id = p_member_id AND e.status = 'pending') s
		WHERE p.id = p_program_id;
	IF v_key_id IS NOT NULL THEN
		RETURN QUERY SELECT 'duplicate'::TEXT, k.id, v_pending, ${ROW_HASH('m')}, json_build_object('entry', row_to_json(k), 'member', row_to_json(m))
			FROM tajo_ledger_entries k, tajo_members m
			WHERE k.id = v_key_id AND m.id = p_member_id AND m.program_id = p_program_id;
		IF NOT FOUND THEN
			outcome := 'missing';
			RETURN NEXT;
		END IF;
		RETURN;
	END IF;
	outcome := 'stale';
	IF v_version IS DISTINCT FROM x_version OR v_pending IS DISTINCT FROM x_pending THEN
		RETURN NEXT;
		RETURN;
	END IF;
	IF v_order_taken THEN
		outcome := 'order_taken';
		RETURN NEXT;
		RETURN;
	END IF;
	UPDATE tajo_members t SET
		balance_points = e_balance_after, lifetime_points = e_lifetime_after, tier = e_tier_after, updated_at = p_now,
		last_activity_at = CASE WHEN m_activity THEN p_now ELSE t.last_activity_at END,
		orders_count = COALESCE(m_orders, t.orders_count), total_spent_minor = COALESCE(m_spent, t.total_spent_minor),
		first_order_at = COALESCE(m_first_order, t.first_order_at), last_order_at = COALESCE(m_last_order, t.last_order_at)
	WHERE t.id = p_member_id AND t.program_id = p_program_id AND t.erased_at IS NULL AND ${ROW_HASH('t')} = x_row_hash
	RETURNING ${ROW_HASH('t')} INTO row_hash;
	IF row_hash IS NULL THEN
		RETURN NEXT;
		RETURN;
	END IF;
	-- As the two-trip path does: keep the stored status current for the member being written.
	IF v_due > 0 THEN
		UPDATE tajo_ledger_entries SET status = 'available' WHERE member_id = p_member_id AND status = 'pending' AND available_at <= p_now;
	END IF;
	INSERT INTO tajo_ledger_entries (idempotency_key, program_id, program_version, member_id, kind, points, lifetime_delta, clamped_points, status,
		available_at, order_id, refund_id, action, reason, breakdown, balance_after, lifetime_after, tier_before, tier_after, created_at)
	VALUES (p_key, p_program_id, x_version, p_member_id, e_kind, e_points, e_lifetime_delta, e_clamped,
		CASE WHEN e_available_at > p_now THEN 'pending' ELSE 'available' END, e_available_at, e_order_id, e_refund_id, e_action, e_reason,
		e_breakdown, e_balance_after, e_lifetime_after, e_tier_before, e_tier_after, p_now)
	RETURNING id INTO entry_id;
	IF o_total IS NOT NULL THEN
		INSERT INTO tajo_orders (program_id, order_id, member_id, channel_id, currency, total_minor, refunded_minor, granted_points,
			reversed_points, available_at, entry_id, placed_at, created_at)
		VALUES (p_program_id, e_order_id, p_member_id, o_channel, o_currency, o_total, 0, e_points, 0, e_available_at, entry_id, o_placed_at, p_now);
	END IF;
	outcome := 'written';
	pending_points := v_pending + CASE WHEN e_available_at > p_now THEN e_points ELSE 0 END;
	RETURN NEXT;
END
$fn$`;

export function oneTripWritesSchema(t: ColumnTypes): string[] {
	// SQLite has no round trips to save: its writes stay as they are.
	return t.engine === 'postgres' ? [FUNCTION] : [];
}
