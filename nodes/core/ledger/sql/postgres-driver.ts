import type { Pool, PoolClient } from 'pg';
import { numberPlaceholders, postgresDialect } from './dialect';
import { backoff, driveAsync, type SqlDriver } from './sql-driver';
import type { Op } from './statement';

// Transient failures after which the whole transaction is safely run again: serialisation
// failure, deadlock, and a unique-key race (the re-run sees the winner's committed row).
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 20;

/**
 * A `pg` pool. Each operation gets one client and one transaction (READ COMMITTED for writes,
 * with `SELECT … FOR UPDATE` on the row that serialises the operation; REPEATABLE READ for
 * reads so that several statements see one snapshot).
 */
export class PostgresDriver implements SqlDriver {
	readonly dialect = postgresDialect;

	constructor(private readonly pool: Pool) {
		// An idle client whose server connection drops emits 'error' on the pool; without a
		// listener that would crash the n8n process. The next query simply gets a new client.
		pool.on('error', () => undefined);
	}

	write<T>(op: () => Op<T>): Promise<T> {
		return this.transaction('BEGIN', op);
	}

	read<T>(op: () => Op<T>): Promise<T> {
		return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', op);
	}

	close(): Promise<void> {
		return this.pool.end();
	}

	private async transaction<T>(begin: string, op: () => Op<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			const client = await this.pool.connect();
			let broken = false;
			try {
				await client.query(begin);
				const result = await driveAsync(op(), (sql, params, mode) => execute(client, sql, params, mode));
				await client.query('COMMIT');
				return result;
			} catch (error) {
				try {
					await client.query('ROLLBACK');
				} catch {
					broken = true; // the connection is unusable; do not give it back to the pool
				}
				if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
			} finally {
				client.release(broken);
			}
			await backoff(attempt);
		}
	}
}

async function execute(client: PoolClient, sql: string, params: readonly unknown[], mode: 'rows' | 'run'): Promise<unknown> {
	const result = await client.query(numberPlaceholders(sql), params as unknown[]);
	return mode === 'rows' ? result.rows : (result.rowCount ?? 0);
}

export function isRetryable(error: unknown): boolean {
	const code = (error as { code?: unknown })?.code;
	return typeof code === 'string' && RETRYABLE.has(code);
}

export function isUniqueViolation(error: unknown): boolean {
	return (error as { code?: unknown })?.code === '23505';
}
