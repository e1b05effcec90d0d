import type { AwardedOrder } from '../entry-types';
import { row, type Op, type Row } from '../sql/statement';
import { int, intOrNull, iso, textOrNull } from '../sql/values';

const ORDER_COLUMNS =
	"o.order_id, o.member_id, o.channel_id, o.currency, o.total_minor, o.refunded_minor, o.granted_points, o.reversed_points, o.available_at, o.placed_at, o.entry_id, e.status AS grant_status";

export function mapOrder(r: Row): AwardedOrder {
	const granted = int(r.granted_points);
	const reversed = int(r.reversed_points);
	return {
		orderId: String(r.order_id),
		memberId: String(r.member_id),
		totalMinor: int(r.total_minor),
		refundedMinor: int(r.refunded_minor),
		currency: textOrNull(r.currency),
		channelId: intOrNull(r.channel_id),
		grantedPoints: granted,
		reversedPoints: reversed,
		remainingPoints: granted - reversed,
		placedAt: iso(r.placed_at),
		availableAt: iso(r.available_at),
	};
}

export function* findOrder(programId: string, orderId: string): Op<Row | undefined> {
	return yield* row(
		`SELECT ${ORDER_COLUMNS} FROM tajo_orders o JOIN tajo_ledger_entries e ON e.id = o.entry_id WHERE o.program_id = ? AND o.order_id = ?`,
		[programId, orderId],
	);
}

/** Is the order's grant still inside its pending period (written as pending, available_at not reached)? */
export function grantPending(r: Row, now: string): boolean {
	return r.grant_status === 'pending' && iso(r.available_at) > now;
}
