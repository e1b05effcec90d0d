/**
 * Store operations are written once, as generators that yield SQL statements and receive their
 * results. The SQLite driver answers them synchronously inside `BEGIN IMMEDIATE … COMMIT`, so
 * nothing else can run on its connection mid-transaction; the PostgreSQL driver answers them
 * with awaited queries on one pooled client. One copy of the business logic, two engines.
 */

/** What a statement parameter may be: both drivers bind these without conversion. */
export type SqlValue = string | number | null;

export interface Statement {
	/** SQL with `?` placeholders; the PostgreSQL driver renumbers them to `$1…`. */
	readonly sql: string;
	readonly params: readonly SqlValue[];
	/** `rows`: the result rows; `run`: the number of rows changed. */
	readonly mode: 'rows' | 'run';
}

/**
 * Several statements whose results the operation needs together: the SQLite driver runs them
 * one after the other, the PostgreSQL driver sends them to the server in one round trip. Each
 * statement still sees everything the ones before it did (on PostgreSQL each takes a fresh
 * READ COMMITTED snapshot, so a statement after a row lock sees what the lock's holder wrote).
 */
export interface Batch {
	readonly batch: readonly Statement[];
	/**
	 * The transaction's last statements: nothing follows, so the PostgreSQL driver sends COMMIT
	 * with them. An operation must not yield anything after a final batch.
	 */
	readonly final: boolean;
}

export type Step = Statement | Batch;

/** A store operation: yields statements (or batches), gets back rows or a change count, returns T. */
export type Op<T> = Generator<Step, T, unknown>;

/** A database row as the driver returns it; mapped to domain types in one place per table. */
export type Row = Record<string, unknown>;

export function* rows<R extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Op<R[]> {
	return (yield { sql, params, mode: 'rows' }) as R[];
}

export function* row<R extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Op<R | undefined> {
	const result = yield* rows<R>(sql, params);
	return result[0];
}

export function* run(sql: string, params: readonly SqlValue[] = []): Op<number> {
	return (yield { sql, params, mode: 'run' }) as number;
}

export function statement(sql: string, params: readonly SqlValue[] = [], mode: Statement['mode'] = 'rows'): Statement {
	return { sql, params, mode };
}

/** Runs the statements as one batch; returns each one's rows (`rows`) or change count (`run`). */
export function* batch(statements: readonly Statement[], options: { final?: boolean } = {}): Op<unknown[]> {
	return (yield { batch: statements, final: options.final === true }) as unknown[];
}

export function isBatch(step: Step): step is Batch {
	return 'batch' in step;
}
