import type { AnalyticsQuery, LoyaltyAnalytics } from '../report-types';
import { row, rows, type Op, type SqlValue } from '../sql/statement';
import { int, intOrNull, textOrNull } from '../sql/values';
import { addDays, monthStart, type OpContext } from './context';
import { requireInt, requireText } from './validate';

/**
 * Seed step 7's dashboard. Every figure is an aggregate in SQL over one read snapshot; only the
 * final divisions (average order value, redemption rate) happen here.
 */
export function* analyticsOp(ctx: OpContext, query: AnalyticsQuery): Op<LoyaltyAnalytics> {
	const storeHash = requireText('storeHash', query.storeHash, 100);
	const activeDays = requireInt('activeDays', query.activeDays ?? 90, { min: 1, max: 36500 });
	const since = monthStart(ctx.now);
	const programs = {
		clause: `program_id IN (SELECT id FROM tajo_programs WHERE store_hash = ?${query.programId ? ' AND id = ?' : ''})`,
		params: (query.programId ? [storeHash, query.programId] : [storeHash]) as SqlValue[],
	};

	// NULLs sort last on both engines (their defaults differ), so results read the same everywhere.
	const members = `tajo_members WHERE ${programs.clause} AND erased_at IS NULL`;
	const customers = yield* row(
		`SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN COALESCE(registered_at, enrolled_at) >= ? THEN 1 ELSE 0 END), 0) AS new_this_month FROM ${members}`,
		[since, ...programs.params],
	);
	const byChannel = yield* rows(`SELECT channel_id, COUNT(*) AS n FROM ${members} GROUP BY channel_id ORDER BY channel_id IS NULL, channel_id`, programs.params);
	const perTier = yield* rows(`SELECT tier, COUNT(*) AS n FROM ${members} GROUP BY tier ORDER BY tier IS NULL, tier`, programs.params);
	const active = yield* row(
		`SELECT COUNT(*) AS n FROM ${members} AND id IN (SELECT member_id FROM tajo_ledger_entries WHERE created_at >= ?)`,
		[...programs.params, addDays(ctx.now, -activeDays)],
	);

	const revenueByCurrency = yield* rows(
		`SELECT currency, COUNT(*) AS orders, COALESCE(SUM(total_minor), 0) AS total, COALESCE(SUM(refunded_minor), 0) AS refunded
		FROM tajo_orders WHERE ${programs.clause} GROUP BY currency ORDER BY currency IS NULL, currency`,
		programs.params,
	);
	const revenueByChannel = yield* rows(
		`SELECT channel_id, currency, COUNT(*) AS orders, COALESCE(SUM(total_minor), 0) AS total
		FROM tajo_orders WHERE ${programs.clause} GROUP BY channel_id, currency ORDER BY channel_id IS NULL, channel_id, currency IS NULL, currency`,
		programs.params,
	);

	// Issued, redeemed, reversed and expired are history and count every member; the outstanding
	// liability leaves out erased members, whose points can no longer be used.
	const pendingNow = "e.status = 'pending' AND e.available_at > ?";
	const points = yield* row(
		`SELECT
			COALESCE(SUM(CASE WHEN e.kind IN ('purchase', 'bonus') OR (e.kind = 'adjustment' AND e.points > 0) THEN e.points ELSE 0 END), 0) AS issued,
			COALESCE(SUM(CASE WHEN e.kind = 'redemption' THEN -e.points ELSE 0 END), 0) AS redeemed,
			COALESCE(SUM(CASE WHEN e.kind = 'reversal' THEN -e.points ELSE 0 END), 0) AS reversed,
			COALESCE(SUM(CASE WHEN e.kind = 'expiry' THEN -e.points ELSE 0 END), 0) AS expired,
			COALESCE(SUM(CASE WHEN m.erased_at IS NULL AND NOT (${pendingNow}) THEN e.points ELSE 0 END), 0) AS available,
			COALESCE(SUM(CASE WHEN m.erased_at IS NULL AND ${pendingNow} THEN e.points ELSE 0 END), 0) AS pending
		FROM tajo_ledger_entries e JOIN tajo_members m ON m.id = e.member_id WHERE e.${programs.clause}`,
		[ctx.now, ctx.now, ...programs.params],
	);

	const issued = int(points?.issued);
	const redeemed = int(points?.redeemed);
	const available = int(points?.available);
	const pending = int(points?.pending);
	const total = int(customers?.total);
	return {
		generatedAt: ctx.now,
		monthStart: since,
		customers: {
			total,
			byChannel: byChannel.map((r) => ({ channelId: intOrNull(r.channel_id), count: int(r.n) })),
			newThisMonth: int(customers?.new_this_month),
		},
		revenue: {
			byCurrency: revenueByCurrency.map((r) => ({
				currency: textOrNull(r.currency),
				orders: int(r.orders),
				totalMinor: int(r.total),
				refundedMinor: int(r.refunded),
				averageOrderValueMinor: int(r.orders) ? Math.round(int(r.total) / int(r.orders)) : 0,
			})),
			byChannel: revenueByChannel.map((r) => ({ channelId: intOrNull(r.channel_id), currency: textOrNull(r.currency), orders: int(r.orders), totalMinor: int(r.total) })),
		},
		loyalty: {
			members: total,
			activeMembers: int(active?.n),
			pointsIssued: issued,
			pointsRedeemed: redeemed,
			pointsReversed: int(points?.reversed),
			pointsExpired: int(points?.expired),
			redemptionRate: issued > 0 ? Math.round((redeemed / issued) * 10_000) / 10_000 : 0,
			outstanding: { available, pending, total: available + pending },
			membersPerTier: perTier.map((r) => ({ tier: textOrNull(r.tier), count: int(r.n) })),
		},
	};
}
