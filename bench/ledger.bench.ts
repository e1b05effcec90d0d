import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { Pool } from 'pg';
import type { DatabaseConfig } from '../nodes/core/ledger/database-config';
import type { LedgerStore } from '../nodes/core/ledger/ledger-store';
import { ledgerKeys } from '../nodes/core/ledger/idempotency-keys';
import { openLedgerStore } from '../nodes/core/ledger/open-ledger-store';
import type { RuleContext } from '../nodes/core/ledger/entry-types';
import { calculateOrderPoints, defaultProgram, memberTier, type BigCommerceOrderAmounts, type ProgramConfig } from '../nodes/core/loyalty';
import { startTestPostgres, type TestPostgres } from '../test/support/postgres-server';
import { figure, median, type Benchmark, type BenchFigure } from './figures';

/**
 * Ledger write throughput (DESIGN §10, issue 4 item 6). On each engine:
 * - idempotent awards per second: `awardForOrder` for distinct orders (each with its own
 *   idempotency key, the real rules engine computing the points inside the transaction), from
 *   8 concurrent clients, against a bare INSERT of the very same ledger rows (one autocommit
 *   INSERT per row, the same 8 clients) into an identical, freshly migrated database;
 * - 1,000 duplicate awards of one order (8 concurrent clients): every one must return the first
 *   award and write nothing; compared with 1,000 new awards in the same run (a duplicate should
 *   never cost more than a new award).
 * Each round measures both sides back to back on fresh databases, and each figure is the median
 * over the rounds of that round's ratio (paired comparison): load from other work on a shared
 * machine slows both sides of a round alike, so a round's ratio is steadier than either side's
 * speed, and the median ignores the odd round that was disturbed on one side only. The values
 * shown beside each ratio are the medians of each side's rounds.
 */

const STORE = 'benchstore';
const CLIENTS = 8;
const MEMBERS = 200;
const AWARDS_PER_ROUND = 2_000;
const ROUNDS = 7;
const DUPLICATES = 1_000;

const program: ProgramConfig = defaultProgram;

/** What the node's award does inside the transaction: the seed rules on a BigCommerce v2 order. */
function computeFor(order: Record<string, unknown>) {
	return (context: RuleContext) => {
		const { points, breakdown } = calculateOrderPoints(
			order as BigCommerceOrderAmounts,
			{ customerGroupName: context.member.customerGroup, lifetimePoints: context.member.lifetimePoints, hasCompletedOrder: context.member.ordersCount > 0 },
			program,
		);
		return { points, breakdown };
	};
}

const tierFor = (lifetime: number, context: RuleContext) => memberTier(program, lifetime, context.member.customerGroup).tier.name;

function bigCommerceOrder(id: number): Record<string, unknown> {
	const cents = 1_000 + ((id * 7_919) % 90_000);
	const amount = (cents / 100).toFixed(4);
	return { id, customer_id: 0, channel_id: 1, subtotal_ex_tax: amount, total_inc_tax: amount, discount_amount: '0.0000', coupon_discount: '0.0000', currency_code: 'USD' };
}

interface Engine {
	name: 'SQLite' | 'PostgreSQL';
	freshConfig(): Promise<DatabaseConfig>;
	/** Inserts rows (column → value) into tajo_ledger_entries, one autocommit INSERT each, from CLIENTS clients. */
	bareInsert(config: DatabaseConfig, rows: Array<Record<string, unknown>>): Promise<number>;
	close(): Promise<void>;
}

async function runConcurrently(count: number, work: (index: number) => Promise<unknown>): Promise<number> {
	let next = 0;
	const started = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: CLIENTS }, async () => {
			while (next < count) await work(next++);
		}),
	);
	return Number(process.hrtime.bigint() - started) / 1e9;
}

async function seedMembers(store: LedgerStore): Promise<string> {
	const { program: stored } = await store.upsertProgram({ storeHash: STORE, name: 'default', config: program });
	for (let c = 1; c <= MEMBERS; c++) {
		await store.upsertMember({ programId: stored.id, customerId: c, email: `c${c}@example.com`, customerGroup: ['Retail', 'VIP', 'Wholesale'][c % 3], startingTier: 'Bronze' });
	}
	return stored.id;
}

function award(store: LedgerStore, programId: string, orderId: number) {
	const order = bigCommerceOrder(orderId);
	const customerId = (orderId % MEMBERS) + 1;
	return store.awardForOrder({
		programId,
		member: { customerId },
		idempotencyKey: ledgerKeys.orderPurchase(STORE, orderId),
		order: { id: orderId, totalMinor: Math.round(Number(order.total_inc_tax) * 100), currency: 'USD', channelId: 1 },
		compute: computeFor(order),
		tierFor,
	});
}

/** The entries an award round wrote, re-pointed at the bare database's program and members. */
async function entriesOf(config: DatabaseConfig, target: DatabaseConfig): Promise<Array<Record<string, unknown>>> {
	const rows = await query(config, 'SELECT e.*, m.customer_id FROM tajo_ledger_entries e JOIN tajo_members m ON m.id = e.member_id ORDER BY e.id');
	const targetMembers = new Map((await query(target, 'SELECT id, customer_id FROM tajo_members')).map((r) => [Number(r.customer_id), String(r.id)]));
	const targetProgram = String((await query(target, 'SELECT id FROM tajo_programs'))[0].id);
	return rows.map(({ id: _id, customer_id, breakdown, ...entry }) => ({
		...entry,
		// pg hands JSONB back parsed; the bare INSERT sends it as the store does, as JSON text.
		breakdown: typeof breakdown === 'string' || breakdown === null ? breakdown : JSON.stringify(breakdown),
		program_id: targetProgram,
		member_id: targetMembers.get(Number(customer_id)),
	}));
}

async function query(config: DatabaseConfig, sql: string): Promise<Array<Record<string, unknown>>> {
	if (config.type === 'sqlite') {
		const { DatabaseSync } = await import('node:sqlite');
		const db = new DatabaseSync(config.sqlitePath);
		try {
			return db.prepare(sql).all() as Array<Record<string, unknown>>;
		} finally {
			db.close();
		}
	}
	const pool = new Pool({ ...pgConnection(config), max: 1 });
	try {
		return (await pool.query(sql)).rows;
	} finally {
		await pool.end();
	}
}

function pgConnection(config: Extract<DatabaseConfig, { type: 'postgres' }>) {
	return { host: config.host, port: config.port, database: config.database, user: config.user, password: config.password };
}

function insertSql(columns: string[], placeholder: (i: number) => string): string {
	return `INSERT INTO tajo_ledger_entries (${columns.join(', ')}) VALUES (${columns.map((_, i) => placeholder(i)).join(', ')})`;
}

function sqliteEngine(): Engine {
	const dir = mkdtempSync(join(tmpdir(), 'tajo-bench-ledger-'));
	let n = 0;
	return {
		name: 'SQLite',
		async freshConfig() {
			return { type: 'sqlite', sqlitePath: join(dir, `ledger-${++n}.sqlite`) };
		},
		async bareInsert(config, rows) {
			if (config.type !== 'sqlite') throw new Error('not sqlite');
			const { DatabaseSync } = await import('node:sqlite');
			const db: DatabaseSync = new DatabaseSync(config.sqlitePath);
			try {
				// The same connection settings as the store's driver; durability is SQLite's default for
				// both (synchronous = FULL: each commit is synced to disk), as in the store.
				db.exec('PRAGMA busy_timeout = 10000');
				db.exec('PRAGMA journal_mode = WAL');
				db.exec('PRAGMA foreign_keys = ON');
				const columns = Object.keys(rows[0]);
				const statement = db.prepare(insertSql(columns, () => '?'));
				return await runConcurrently(rows.length, async (i) => {
					statement.run(...(columns.map((c) => rows[i][c]) as Array<string | number | null>));
				});
			} finally {
				db.close();
			}
		},
		async close() {
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

async function postgresEngine(): Promise<Engine> {
	const pg: TestPostgres = await startTestPostgres();
	let n = 0;
	const admin = new Pool({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: 'postgres', max: 1 });
	return {
		name: 'PostgreSQL',
		async freshConfig() {
			const database = `tajo_bench_${++n}`;
			await admin.query(`CREATE DATABASE ${database}`);
			return { type: 'postgres', host: pg.host, port: pg.port, database, user: pg.user, password: pg.password, ssl: 'disable' };
		},
		async bareInsert(config, rows) {
			if (config.type !== 'postgres') throw new Error('not postgres');
			const pool = new Pool({ ...pgConnection(config), max: CLIENTS });
			try {
				// Open the connections first, as the store's pool has them open when it is measured.
				await Promise.all(Array.from({ length: CLIENTS }, () => pool.query('SELECT 1')));
				const columns = Object.keys(rows[0]);
				const sql = insertSql(columns, (i) => `$${i + 1}`);
				return await runConcurrently(rows.length, (i) => pool.query(sql, columns.map((c) => rows[i][c])));
			} finally {
				await pool.end();
			}
		},
		async close() {
			await admin.end();
			await pg.stop();
		},
	};
}

/** One round's measurements: both sides of each comparison, on the same databases, back to back. */
interface Round {
	awardsPerSecond: number;
	barePerSecond: number;
	duplicatesSeconds: number;
	newAwardsSeconds: number;
}

async function measureRound(engine: Engine, round: number): Promise<Round> {
	const config = await engine.freshConfig();
	const store = await openLedgerStore(config, { poolSize: CLIENTS });
	const bareConfig = await engine.freshConfig();
	const bareStore = await openLedgerStore(bareConfig, { poolSize: 1 });
	try {
		const programId = await seedMembers(store);
		await seedMembers(bareStore);
		await bareStore.close();

		const base = round * 1_000_000;
		const awardSeconds = await runConcurrently(AWARDS_PER_ROUND, (i) => award(store, programId, base + i));
		const rows = await entriesOf(config, bareConfig);
		if (rows.length !== AWARDS_PER_ROUND) throw new Error(`expected ${AWARDS_PER_ROUND} entries, found ${rows.length}`);
		const bareSeconds = await engine.bareInsert(bareConfig, rows);

		const newSeconds = await runConcurrently(DUPLICATES, (i) => award(store, programId, base + 500_000 + i));
		const duplicateOrder = base + 900_000;
		await award(store, programId, duplicateOrder);
		let firsts = 0;
		const duplicateSeconds = await runConcurrently(DUPLICATES, async () => {
			if (!(await award(store, programId, duplicateOrder)).duplicate) firsts++;
		});
		if (firsts !== 0) throw new Error(`${firsts} duplicate awards wrote an entry`);
		const report = await store.checkConsistency();
		if (report.mismatches.length) throw new Error(`consistency check failed: ${JSON.stringify(report.mismatches[0])}`);
		return {
			awardsPerSecond: AWARDS_PER_ROUND / awardSeconds,
			barePerSecond: AWARDS_PER_ROUND / bareSeconds,
			duplicatesSeconds: duplicateSeconds,
			newAwardsSeconds: newSeconds,
		};
	} finally {
		await store.close();
		await bareStore.close().catch(() => undefined);
	}
}

async function measure(engine: Engine): Promise<Round[]> {
	const rounds: Round[] = [];
	for (let round = 0; round < ROUNDS; round++) rounds.push(await measureRound(engine, round));
	return rounds;
}

function figuresFor(name: Engine['name'], goal: number, rounds: Round[]): BenchFigure[] {
	const of = (f: (r: Round) => number) => median(rounds.map(f));
	return [
		figure({
			name: `${name}: idempotent awards/s (${CLIENTS} clients, rules engine in the transaction)`,
			value: of((r) => r.awardsPerSecond),
			unit: 'awards/s',
			reference: { name: 'bare INSERT of the same rows', value: of((r) => r.barePerSecond) },
			ratio: of((r) => r.awardsPerSecond / r.barePerSecond),
			goal: `≥ ${goal} of bare INSERT (median of ${rounds.length} paired rounds)`,
			met: (ratio) => ratio >= goal,
		}),
		figure({
			name: `${name}: 1,000 duplicate awards of one order (${CLIENTS} clients)`,
			value: of((r) => r.duplicatesSeconds) * 1000,
			unit: 'ms',
			reference: { name: '1,000 new awards', value: of((r) => r.newAwardsSeconds) * 1000 },
			ratio: of((r) => r.newAwardsSeconds / r.duplicatesSeconds),
			goal: 'ratio = new ÷ duplicate time ≥ 1 (a duplicate costs no more than a new award)',
			met: (ratio) => ratio >= 1,
		}),
	];
}

const ledgerBenchmark: Benchmark = {
	title: 'Ledger: idempotent awards vs bare INSERT',
	async run() {
		const figures: BenchFigure[] = [];
		const sqlite = sqliteEngine();
		try {
			figures.push(...figuresFor('SQLite', 0.5, await measure(sqlite)));
		} finally {
			await sqlite.close();
		}
		const postgres = await postgresEngine();
		try {
			figures.push(...figuresFor('PostgreSQL', 0.3, await measure(postgres)));
		} finally {
			await postgres.close();
		}
		return figures;
	},
};

export default ledgerBenchmark;
