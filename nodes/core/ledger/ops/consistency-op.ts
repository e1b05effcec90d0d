import type { ConsistencyMismatch, ConsistencyReport } from '../report-types';
import { rows, run, type Op, type SqlValue } from '../sql/statement';
import { int } from '../sql/values';
import type { OpContext } from './context';

type MemberField = 'balance_points' | 'lifetime_points' | 'orders_count' | 'total_spent_minor';

/**
 * Recomputes every cached figure from its source — balances from the entries, order stats from
 * the order rows, each order's grant and reversals from its entries — and lists what differs.
 * With `repair`, the member rows are locked first and the cached figures rewritten.
 */
export function* consistencyOp(ctx: OpContext, programId: string | undefined, repair: boolean): Op<ConsistencyReport> {
	const scope = programId ? ' WHERE m.program_id = ?' : '';
	const scopeParams: SqlValue[] = programId ? [programId] : [];
	if (repair) yield* rows(`SELECT m.id FROM tajo_members m${scope} ORDER BY m.id${ctx.dialect.forUpdate('m')}`, scopeParams);
	const members = yield* rows(
		`SELECT m.id, m.balance_points, m.lifetime_points, m.orders_count, m.total_spent_minor,
			(SELECT COALESCE(SUM(e.points), 0) FROM tajo_ledger_entries e WHERE e.member_id = m.id) AS c_balance_points,
			(SELECT COALESCE(SUM(e.lifetime_delta), 0) FROM tajo_ledger_entries e WHERE e.member_id = m.id) AS c_lifetime_points,
			COALESCE(o.orders_count, 0) AS c_orders_count,
			COALESCE(o.total_spent_minor, 0) AS c_total_spent_minor
		FROM tajo_members m
		LEFT JOIN (
			SELECT member_id, COUNT(*) AS orders_count, SUM(total_minor - refunded_minor) AS total_spent_minor
			FROM tajo_orders${programId ? ' WHERE program_id = ?' : ''} GROUP BY member_id
		) o ON o.member_id = m.id${scope} ORDER BY m.id`,
		// Orders are grouped once (there is no index by member: awards need not pay for one).
		[...scopeParams, ...scopeParams],
	);
	const mismatches: ConsistencyMismatch[] = [];
	const fields: MemberField[] = ['balance_points', 'lifetime_points', 'orders_count', 'total_spent_minor'];
	for (const m of members) {
		const wrong: MemberField[] = [];
		for (const field of fields) {
			const cached = int(m[field]);
			const computed = int(m[`c_${field}`]);
			if (cached !== computed) {
				mismatches.push({ memberId: String(m.id), field, cached, computed });
				wrong.push(field);
			}
		}
		if (repair && wrong.length) {
			yield* run(`UPDATE tajo_members SET ${wrong.map((f) => `${f} = ?`).join(', ')} WHERE id = ?`, [...wrong.map((f) => int(m[`c_${f}`])), String(m.id)]);
		}
	}
	const orders = yield* rows(
		`SELECT o.program_id, o.order_id, o.member_id, o.granted_points, o.reversed_points,
			(SELECT e.points FROM tajo_ledger_entries e WHERE e.id = o.entry_id) AS c_granted,
			(SELECT COALESCE(SUM(e.clamped_points - e.points), 0) FROM tajo_ledger_entries e
				WHERE e.member_id = o.member_id AND e.program_id = o.program_id AND e.kind = 'reversal' AND e.order_id = o.order_id) AS c_reversed
		FROM tajo_orders o${programId ? ' WHERE o.program_id = ?' : ''} ORDER BY o.program_id, o.order_id`,
		scopeParams,
	);
	for (const o of orders) {
		const checks: Array<['order_granted_points' | 'order_reversed_points', string, unknown, unknown]> = [
			['order_granted_points', 'granted_points', o.granted_points, o.c_granted],
			['order_reversed_points', 'reversed_points', o.reversed_points, o.c_reversed],
		];
		for (const [field, column, cached, computed] of checks) {
			if (int(cached) === int(computed)) continue;
			mismatches.push({ memberId: String(o.member_id), orderId: String(o.order_id), field, cached: int(cached), computed: int(computed) });
			if (repair) {
				yield* run(`UPDATE tajo_orders SET ${column} = ? WHERE program_id = ? AND order_id = ?`, [int(computed), String(o.program_id), String(o.order_id)]);
			}
		}
	}
	return { checkedMembers: members.length, checkedOrders: orders.length, mismatches, repaired: repair && mismatches.length > 0 };
}
