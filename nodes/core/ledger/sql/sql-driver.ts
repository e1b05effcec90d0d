import type { Dialect } from './dialect';
import { isBatch, type Op } from './statement';

/**
 * One database connection (SQLite) or pool (PostgreSQL). Serialisation of concurrent writers is
 * the database's job — SQLite's write lock, PostgreSQL's row locks and unique constraints — so
 * it holds across processes and hosts, not only inside this one.
 */
export interface SqlDriver {
	readonly dialect: Dialect;
	/**
	 * Runs the operation as one write transaction. On a transient conflict (busy database,
	 * serialisation failure, deadlock, a unique-key race) the transaction is rolled back and the
	 * operation started again from a fresh generator, so `op` must be re-runnable: no side
	 * effects outside the database.
	 */
	write<T>(op: () => Op<T>): Promise<T>;
	/** Runs a read-only operation on one consistent snapshot. */
	read<T>(op: () => Op<T>): Promise<T>;
	close(): Promise<void>;
}

type Execute<R> = (sql: string, params: readonly unknown[], mode: 'rows' | 'run') => R;

/** Drives an operation to completion with a synchronous executor (SQLite); a batch runs statement by statement. */
export function driveSync<T>(op: Op<T>, execute: Execute<unknown>): T {
	let step = op.next();
	while (!step.done) {
		const current = step.value;
		let result: unknown;
		try {
			result = isBatch(current) ? current.batch.map((s) => execute(s.sql, s.params, s.mode)) : execute(current.sql, current.params, current.mode);
		} catch (error) {
			// Let the operation see the error (it may translate it); if it does not catch, this rethrows.
			step = op.throw(error);
			continue;
		}
		step = op.next(result);
	}
	return step.value;
}

/** Drives an operation to completion with an asynchronous executor, one statement at a time. */
export async function driveAsync<T>(op: Op<T>, execute: Execute<Promise<unknown>>): Promise<T> {
	let step = op.next();
	while (!step.done) {
		const current = step.value;
		let result: unknown;
		try {
			if (isBatch(current)) {
				const results: unknown[] = [];
				for (const s of current.batch) results.push(await execute(s.sql, s.params, s.mode));
				result = results;
			} else {
				result = await execute(current.sql, current.params, current.mode);
			}
		} catch (error) {
			step = op.throw(error);
			continue;
		}
		step = op.next(result);
	}
	return step.value;
}

/** Waits a little, more on each attempt, with jitter so that retrying writers spread out. */
export function backoff(attempt: number): Promise<void> {
	const ms = Math.min(200, 2 ** attempt) * (0.5 + Math.random());
	return new Promise((resolve) => setTimeout(resolve, ms));
}
