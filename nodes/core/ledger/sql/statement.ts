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

/** A store operation: yields statements, gets back rows or a change count, returns T. */
export type Op<T> = Generator<Statement, T, unknown>;

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
