import type { HistoryQuery, LedgerEntry } from '../entry-types';
import { InvalidLedgerInput } from '../errors';
import type { Page } from '../member-types';
import { rows, type Op, type SqlValue } from '../sql/statement';
import type { OpContext } from './context';
import { ENTRY_COLUMNS, mapEntry } from './entry-rows';
import { readMember } from './member-rows';
import { pageLimit } from './validate';

const KINDS = new Set(['purchase', 'bonus', 'redemption', 'reversal', 'adjustment', 'expiry']);

/** A member's entries, newest first, paged by entry id. */
export function* historyOp(ctx: OpContext, query: HistoryQuery): Op<Page<LedgerEntry>> {
	const limit = pageLimit(query.limit, 50);
	const member = yield* readMember(ctx, query.programId, query.member);
	const where = ['member_id = ?'];
	const params: SqlValue[] = [member.id];
	if (query.kinds?.length) {
		for (const kind of query.kinds) if (!KINDS.has(kind)) throw new InvalidLedgerInput('kinds', `unknown kind ${kind}`);
		where.push(`kind IN (${query.kinds.map(() => '?').join(', ')})`);
		params.push(...query.kinds);
	}
	if (query.cursor) {
		const before = Number(query.cursor);
		if (!Number.isSafeInteger(before)) throw new InvalidLedgerInput('cursor', 'is not a cursor returned by history');
		where.push('id < ?');
		params.push(before);
	}
	const found = yield* rows(`SELECT ${ENTRY_COLUMNS} FROM tajo_ledger_entries WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`, [...params, limit + 1]);
	const items = found.slice(0, limit).map((r) => mapEntry(r, ctx.now));
	return { items, nextCursor: found.length > limit ? String(items[items.length - 1].id) : null };
}
