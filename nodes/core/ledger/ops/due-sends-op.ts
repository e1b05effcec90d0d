import { InvalidLedgerInput } from '../errors';
import type { DueSend, DueSendsPage, DueSendsQuery } from '../scheduled-send-types';
import type { SendStatus } from '../send-types';
import { rows, type Op, type SqlValue } from '../sql/statement';
import { int } from '../sql/values';
import type { OpContext } from './context';
import { mapScheduled } from './scheduled-send-ops';
import { instant, optionalText, pageLimit, requireText } from './validate';

export interface ValidDueQuery {
	storeHash: string;
	dueBefore: string | undefined;
	dueAfter: string | undefined;
	keyPrefix: string | null | undefined;
	keySuffix: string | null | undefined;
	limit: number;
	after: { dueAt: string; sendKey: string } | null;
}

/** Pages follow (due_at, send_key); the cursor is the last row's pair. An instant never contains '|'. */
function encodeCursor(send: DueSend): string {
	return `${send.dueAt}|${send.sendKey}`;
}

function decodeCursor(cursor: string | null | undefined): ValidDueQuery['after'] {
	if (!cursor) return null;
	const bar = cursor.indexOf('|');
	if (bar < 0) throw new InvalidLedgerInput('cursor', 'is not a cursor this store returned');
	return { dueAt: instant('cursor', cursor.slice(0, bar)), sendKey: cursor.slice(bar + 1) };
}

export function validateDueQuery(query: DueSendsQuery): ValidDueQuery {
	return {
		storeHash: requireText('storeHash', query?.storeHash, 100),
		dueBefore: query.dueBefore === undefined ? undefined : instant('dueBefore', query.dueBefore),
		dueAfter: query.dueAfter === undefined ? undefined : instant('dueAfter', query.dueAfter),
		keyPrefix: optionalText('keyPrefix', query.keyPrefix, 300),
		keySuffix: optionalText('keySuffix', query.keySuffix, 300),
		limit: pageLimit(query.limit, 100),
		after: decodeCursor(query.cursor),
	};
}

/**
 * Scheduled sends that are due and that a claim would win now: never claimed, released, or
 * claimed with a lease that has run out — the same test the claim makes (send-ops.ts), so what
 * this lists is what the caller can go on to claim. Sent ones are never listed. Key filters
 * compare text exactly (substr, not LIKE: SQLite's LIKE ignores case, PostgreSQL's does not).
 * With dueAfter both bounds are on due_at, so the (store_hash, due_at) index gives the range and
 * the rows scheduled before it — every order's since the store began — are never read.
 */
export function* listDueSendsOp(ctx: OpContext, q: ValidDueQuery): Op<DueSendsPage> {
	const where = ['s.store_hash = ?', 's.due_at <= ?', "(l.send_key IS NULL OR l.status = 'released' OR (l.status = 'claimed' AND l.lease_until <= ?))"];
	const params: SqlValue[] = [q.storeHash, q.dueBefore ?? ctx.now, ctx.now];
	if (q.dueAfter !== undefined) {
		where.push('s.due_at > ?');
		params.push(q.dueAfter);
	}
	if (q.keyPrefix) {
		where.push('substr(s.send_key, 1, ?) = ?');
		params.push(q.keyPrefix.length, q.keyPrefix);
	}
	if (q.keySuffix) {
		where.push('length(s.send_key) >= ? AND substr(s.send_key, length(s.send_key) - ? + 1) = ?');
		params.push(q.keySuffix.length, q.keySuffix.length, q.keySuffix);
	}
	if (q.after) {
		where.push('(s.due_at > ? OR (s.due_at = ? AND s.send_key > ?))');
		params.push(q.after.dueAt, q.after.dueAt, q.after.sendKey);
	}
	const found = yield* rows(
		`SELECT s.store_hash, s.send_key, s.due_at, s.payload, s.created_at, l.status, l.attempts
		FROM tajo_scheduled_sends s LEFT JOIN tajo_sends l ON l.store_hash = s.store_hash AND l.send_key = s.send_key
		WHERE ${where.join(' AND ')}
		ORDER BY s.due_at, s.send_key
		LIMIT ?`,
		[...params, q.limit + 1],
	);
	const items = found.slice(0, q.limit).map((r): DueSend => ({ ...mapScheduled(r), status: r.status === null || r.status === undefined ? null : (String(r.status) as SendStatus), attempts: int(r.attempts) }));
	return { items, nextCursor: found.length > q.limit ? encodeCursor(items[items.length - 1]) : null };
}
