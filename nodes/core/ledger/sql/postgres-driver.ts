import type { Pool, PoolClient, QueryResult } from 'pg';
import { numberPlaceholders, postgresDialect } from './dialect';
import { backoff, type SqlDriver } from './sql-driver';
import { isBatch, type Op, type Statement } from './statement';

// Transient failures after which the whole transaction is safely run again: serialisation
// failure, deadlock, and a unique-key race (the re-run sees the winner's committed row).
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 20;
/** Writes run at READ COMMITTED, serialised where it matters by row locks and unique keys. */
const WRITE_BEGIN = 'BEGIN';

/**
 * A `pg` pool. Each operation gets one client and one transaction (READ COMMITTED for writes,
 * with `SELECT … FOR UPDATE` on the row that serialises the operation; REPEATABLE READ for
 * reads so that several statements see one snapshot).
 *
 * What a transaction costs here is round trips and the server's planning, so the driver saves
 * both:
 * - BEGIN travels with the operation's first statement, a batch's statements travel together,
 *   and a final batch carries the COMMIT: one message each, in PostgreSQL's simple query protocol
 *   (a write that is one final batch, such as a one-trip points write, is sent alone);
 * - every statement is prepared once per connection (`PREPARE tajo_n AS …`, sent with its first
 *   use) and then run as `EXECUTE tajo_n(…)`, so the server plans it once per connection instead
 *   of on every call. The parameters are written as quoted literals, escaped by pg; like the
 *   extended protocol's untyped parameters, each takes the type the prepared statement inferred.
 */
export class PostgresDriver implements SqlDriver {
	readonly dialect = postgresDialect;
	/**
	 * Off once the server shows that SQL-level prepared statements do not stay on a connection:
	 * a pooler such as PgBouncer in transaction mode hands each transaction another server
	 * connection. The statements are then sent as plain text.
	 */
	private prepareStatements = true;

	constructor(private readonly pool: Pool) {
		// An idle client whose server connection drops emits 'error' on the pool; without a
		// listener that would crash the n8n process. The next query simply gets a new client.
		pool.on('error', () => undefined);
	}

	write<T>(op: () => Op<T>): Promise<T> {
		return this.transaction(WRITE_BEGIN, op);
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
			const tx = new Transaction(client, begin, this.prepareStatements);
			let broken = false;
			try {
				return await tx.run(op());
			} catch (error) {
				const lostPrepared = this.prepareStatements && isPreparedStatementTrouble(error);
				if (lostPrepared) this.prepareStatements = false;
				if (tx.open) {
					try {
						await client.query('ROLLBACK');
					} catch {
						broken = true; // the connection is unusable; do not give it back to the pool
					}
				}
				if (!(isRetryable(error) || lostPrepared) || attempt >= MAX_ATTEMPTS) throw error;
			} finally {
				client.release(broken);
			}
			await backoff(attempt);
		}
	}
}

/** One attempt of one operation on one client. */
class Transaction {
	/** BEGIN has been sent (and no COMMIT yet): a failure must roll back. */
	open = false;
	private committed = false;

	constructor(
		private readonly client: PoolClient,
		private readonly begin: string,
		private readonly prepare: boolean,
	) {}

	async run<T>(op: Op<T>): Promise<T> {
		let step = op.next();
		while (!step.done) {
			const current = step.value;
			if (this.committed) throw new Error('A ledger operation yielded a statement after its final batch');
			let result: unknown;
			try {
				result = isBatch(current) ? await this.batch(current.batch, current.final) : await this.single(current);
			} catch (error) {
				step = op.throw(error);
				continue;
			}
			step = op.next(result);
		}
		// An operation that ran no statement never began a transaction.
		if (this.open && !this.committed) {
			await this.client.query('COMMIT');
			this.open = false;
		}
		return step.value;
	}

	private async single(statement: Statement): Promise<unknown> {
		const [result] = await this.batch([statement], false);
		return result;
	}

	/** BEGIN (if not sent yet), the statements and, when final, COMMIT: one round trip. */
	private async batch(statements: readonly Statement[], final: boolean): Promise<unknown[]> {
		if (!this.open && final && this.begin === WRITE_BEGIN && statements.length === 1) return [await this.alone(statements[0])];
		const prepared = this.prepare ? await preparedOn(this.client) : { names: new Set<string>(), stale: false };
		const texts: string[] = [];
		// A write whose first batch is also its last needs no BEGIN and COMMIT: PostgreSQL runs the
		// statements of one simple-query message as one implicit transaction, all or nothing.
		const implicit = !this.open && final && this.begin === WRITE_BEGIN;
		if (!this.open && !implicit) texts.push(this.begin);
		const resultAt: number[] = [];
		const preparing: string[] = [];
		for (const s of statements) {
			const name = this.prepare ? statementName(s.sql) : undefined;
			if (name && !prepared.names.has(name) && !preparing.includes(name) && prepared.names.size + preparing.length < MAX_PREPARED) {
				texts.push(`PREPARE ${name} AS ${numberPlaceholders(s.sql)}`);
				preparing.push(name);
			}
			resultAt.push(texts.length);
			texts.push(name && (prepared.names.has(name) || preparing.includes(name)) ? executeText(this.client, name, s) : inlineParams(this.client, s));
		}
		if (final && !implicit) texts.push('COMMIT');
		// An implicit transaction that fails is rolled back by the server: nothing to send.
		this.open = !implicit;
		let raw: QueryResult | QueryResult[];
		try {
			raw = (await this.client.query(texts.join(';\n'))) as unknown as QueryResult | QueryResult[];
		} catch (error) {
			// Which PREPAREs ran before the failure is unknown: ask the server before the next use.
			if (preparing.length) prepared.stale = true;
			throw error;
		}
		for (const name of preparing) prepared.names.add(name);
		const results = Array.isArray(raw) ? raw : [raw];
		if (final) {
			this.committed = true;
			this.open = false;
		}
		return statements.map((s, i) => {
			const r = results[resultAt[i]];
			return s.mode === 'rows' ? r.rows : (r.rowCount ?? 0);
		});
	}

	/**
	 * A write that is one statement (a one-trip points write): it needs no BEGIN and COMMIT, as a
	 * statement alone is its own transaction, so it goes in the extended protocol — the parameters
	 * as values, not escaped into the text, and the statement parsed once per connection under a
	 * protocol-level name. A failure leaves nothing to roll back.
	 */
	private async alone(s: Statement): Promise<unknown> {
		const known = protocolNames.get(s.sql);
		const text = known?.text ?? numberPlaceholders(s.sql);
		const name = this.prepare ? protocolName(s.sql, text) : undefined;
		const values = [...s.params];
		const r = await this.client.query(name ? { name, text, values } : { text, values });
		this.committed = true;
		return s.mode === 'rows' ? r.rows : (r.rowCount ?? 0);
	}
}

// Protocol-level statement names share the server's namespace with PREPARE's: another prefix.
// Kept with the numbered text, so that a statement is renumbered once, not on every call.
const protocolNames = new Map<string, { name: string; text: string }>();
const MAX_PROTOCOL_NAMES = 100;

function protocolName(sql: string, text: string): string | undefined {
	let known = protocolNames.get(sql);
	if (!known && protocolNames.size < MAX_PROTOCOL_NAMES) {
		known = { name: `tajo_alone_${protocolNames.size + 1}`, text };
		protocolNames.set(sql, known);
	}
	return known?.name;
}

// One name per statement text for the whole process, so every connection uses the same names.
const statementNames = new Map<string, string>();
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
/** Statements prepared per connection at most; beyond it the rest are sent as plain text. */
const MAX_PREPARED = 500;

function statementName(sql: string): string | undefined {
	if (!PREPARABLE.test(sql)) return undefined;
	let name = statementNames.get(sql);
	if (!name) {
		name = `tajo_ledger_${statementNames.size + 1}`;
		statementNames.set(sql, name);
	}
	return name;
}

interface PreparedState {
	names: Set<string>;
	/** A batch failed after sending PREPAREs: the server's list is the truth. */
	stale: boolean;
}

const preparedByClient = new WeakMap<PoolClient, PreparedState>();

async function preparedOn(client: PoolClient): Promise<PreparedState> {
	let state = preparedByClient.get(client);
	if (!state) {
		state = { names: new Set(), stale: false };
		preparedByClient.set(client, state);
	}
	if (state.stale) {
		const { rows } = await client.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'tajo\\_ledger\\_%'");
		state.names = new Set(rows.map((r) => r.name));
		state.stale = false;
	}
	return state;
}

function executeText(client: PoolClient, name: string, statement: Statement): string {
	return statement.params.length ? `EXECUTE ${name}(${statement.params.map((v) => literal(client, v)).join(', ')})` : `EXECUTE ${name}`;
}

function literal(client: Pick<PoolClient, 'escapeLiteral'>, value: unknown): string {
	return value === null || value === undefined ? 'NULL' : client.escapeLiteral(String(value));
}

/** `?` → the parameter as an escaped, quoted literal (NULL for null), skipping quoted text. */
export function inlineParams(client: Pick<PoolClient, 'escapeLiteral'>, statement: Statement): string {
	let n = 0;
	let quoted = false;
	let out = '';
	for (const ch of statement.sql) {
		if (ch === "'") quoted = !quoted;
		if (ch !== '?' || quoted) {
			out += ch;
			continue;
		}
		if (n >= statement.params.length) throw new Error(`Statement has more placeholders than parameters: ${statement.sql}`);
		const value = statement.params[n++];
		out += literal(client, value);
	}
	if (n !== statement.params.length) throw new Error(`Statement has ${n} placeholders for ${statement.params.length} parameters: ${statement.sql}`);
	return out;
}

/** 26000: no such prepared statement; 42P05: the name is taken (another client's, behind a pooler). */
function isPreparedStatementTrouble(error: unknown): boolean {
	const code = (error as { code?: unknown })?.code;
	return code === '26000' || code === '42P05';
}

export function isRetryable(error: unknown): boolean {
	const code = (error as { code?: unknown })?.code;
	return typeof code === 'string' && RETRYABLE.has(code);
}

export function isUniqueViolation(error: unknown): boolean {
	return (error as { code?: unknown })?.code === '23505';
}
