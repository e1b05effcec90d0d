import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startN8n, readManifest, type N8nInstance, type WorkflowJson } from '../test/harness';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '../sandbox/bigcommerce';
import { figure, type Benchmark, type BenchFigure } from './figures';

/**
 * Webhook ingest into real n8n (DESIGN §10; issue 3, item 5): BigCommerce deliveries through the
 * BigCommerce Trigger (secret check, envelope validation, dedupe record in static data, one item)
 * against the same bodies through n8n's own Webhook node (answers at once, no checks), both
 * followed by a No Op, in the same n8n. A loopback client on 127.0.0.1 sends DELIVERIES
 * deliveries per round with CONCURRENCY in flight, each a distinct event (new hash); rounds
 * alternate (Webhook, Trigger, Webhook, Trigger) after a warm-up, so drift in the machine's load
 * hits both alike, and figures pool the rounds of each.
 *
 * Both nodes answer once n8n has created the execution (n8n's Webhook node "Immediately"; the
 * Trigger leaves the answer of an accepted delivery to n8n for that reason). The throughput
 * compared against the goal is **processed per second**:
 * deliveries / (first send → last of their executions finished), read from n8n's own database
 * (read-only, so that counting does not load n8n). Every delivery must be answered 200 and
 * produce exactly one successful execution. Each comparison runs in two n8n configurations (see
 * CONFIGS), each with both nodes in the same n8n.
 */
const DELIVERIES = 1_000;
const CONCURRENCY = 20;
const WARM_UP = 200;
const ROUNDS = 2;
const SECRET_HEADER = 'X-Tajo-Webhook-Secret';
/**
 * n8n 2.41.1 evaluates expressions in V8 isolates ('vm' engine) that are used once: acquiring one
 * takes a prebuilt isolate from a pool of one, releasing it disposes it, and the pool builds a new
 * one. Every execution acquires one. In the webhook phase n8n skips the acquisition only for its
 * own Webhook node (`LiveWebhooks.webhookPhaseNeedsIsolate`); for every other webhook node, this
 * Trigger included, each request acquires one more (measured through n8n's
 * `n8n_expression_pool_acquired` metric: 1 isolate per delivery for the Webhook node, 2 for the
 * Trigger, also for a duplicate that starts no execution). When building isolates is what limits
 * throughput, the Trigger processes about half as many deliveries per second, whatever it does
 * itself. That cost belongs to n8n, not to the node, so the comparison is made twice: as n8n
 * ships, and with the expression engine n8n 1.x used (`N8N_EXPRESSION_ENGINE=legacy`), which
 * has no isolate.
 */
const CONFIGS = [
	{ label: "n8n defaults: 'vm' expression engine", env: {} as Record<string, string> },
	{ label: 'N8N_EXPRESSION_ENGINE=legacy', env: { N8N_EXPRESSION_ENGINE: 'legacy' } as Record<string, string> },
] as const;
const TRIGGER_WEBHOOK_ID = 'be9c0000-0000-4000-8000-0000000000a1';
const PLAIN_PATH = 'bench-bigcommerce-plain';

interface Target {
	name: string;
	url: string;
	headers: Record<string, string>;
	workflowId: string;
}

interface RoundResult {
	answered: number;
	/** First send → last answer. */
	elapsedMs: number;
	/** First send → last execution of the round finished. */
	processedMs: number;
	latenciesMs: number[];
}

let sequence = 0;

/** A store/order/statusUpdated envelope as BigCommerce sends it, with a new hash every time. */
function envelope(storeHash: string, storeId: string): string {
	sequence++;
	return JSON.stringify({
		scope: 'store/order/statusUpdated',
		store_id: storeId,
		data: { type: 'order', id: 1000 + sequence, status: { previous_status_id: 11, new_status_id: 2 } },
		hash: randomBytes(20).toString('hex'),
		created_at: Math.floor(Date.now() / 1000),
		producer: `stores/${storeHash}`,
	});
}

async function load(target: Target, count: number, body: () => string): Promise<Omit<RoundResult, 'processedMs'> & { startedAtEpoch: number }> {
	const latenciesMs: number[] = [];
	let next = 0;
	let answered = 0;
	const startedAtEpoch = Date.now();
	const startedAt = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < count) {
				next++;
				const sentAt = performance.now();
				const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body: body() });
				await response.arrayBuffer();
				latenciesMs.push(performance.now() - sentAt);
				if (response.status !== 200) throw new Error(`${target.name}: a delivery was answered ${response.status}`);
				answered++;
			}
		}),
	);
	return { answered, elapsedMs: performance.now() - startedAt, latenciesMs, startedAtEpoch };
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** n8n's SQLite database, opened read-only: counting executions through the API would load n8n. */
function executionCounter(n8n: N8nInstance) {
	const db = new DatabaseSync(path.join(n8n.userFolder, '.n8n', 'database.sqlite'), { readOnly: true });
	const finished = db.prepare(
		"SELECT COUNT(*) AS n, SUM(CASE WHEN status = 'success' THEN 1 ELSE 0 END) AS ok, MAX(stoppedAt) AS last FROM execution_entity WHERE workflowId = ? AND stoppedAt IS NOT NULL",
	);
	const all = db.prepare('SELECT COUNT(*) AS n FROM execution_entity WHERE workflowId = ?');
	return {
		/** Waits until `count` executions of the workflow have stopped; returns when the last one did (epoch ms). */
		async waitFor(workflowId: string, count: number, timeoutMs = 600_000): Promise<number> {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const row = finished.get(workflowId) as { n: number; ok: number; last: string | null };
				if (row.n >= count) {
					const total = (all.get(workflowId) as { n: number }).n;
					if (row.ok !== count || total !== count) throw new Error(`workflow ${workflowId}: ${row.ok} successful of ${total} executions for ${count} deliveries`);
					// SQLite keeps n8n's dates as UTC text, 'YYYY-MM-DD HH:MM:SS.SSS'.
					const last = Date.parse(`${row.last!.replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(row.last!) ? '' : 'Z'}`);
					if (Number.isNaN(last)) throw new Error(`unreadable stoppedAt "${row.last}"`);
					return last;
				}
				if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: ${row.n} of ${count} executions finished after ${timeoutMs} ms`);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		},
		close: () => db.close(),
	};
}

function workflows(pkg: string, credential: { id: string; name: string }): { trigger: WorkflowJson; plain: WorkflowJson } {
	const noOp = (id: string) => ({ id, name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} });
	return {
		trigger: {
			name: 'Bench: BigCommerce Trigger',
			nodes: [
				{
					id: 'be9c0000-0000-4000-8000-000000000001',
					name: 'Start',
					type: `${pkg}.bigCommerceTrigger`,
					typeVersion: 1,
					position: [0, 0],
					webhookId: TRIGGER_WEBHOOK_ID,
					parameters: { events: ['store/order/statusUpdated'], channelId: 0, options: {} },
					credentials: { bigCommerceApi: credential },
				},
				noOp('be9c0000-0000-4000-8000-000000000002'),
			],
			connections: { Start: { main: [[{ node: 'NoOp', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		},
		plain: {
			name: "Bench: n8n's Webhook node",
			nodes: [
				{
					id: 'be9c0000-0000-4000-8000-000000000011',
					name: 'Start',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: 'be9c0000-0000-4000-8000-0000000000b1',
					parameters: { httpMethod: 'POST', path: PLAIN_PATH, responseMode: 'onReceived', options: {} },
				},
				noOp('be9c0000-0000-4000-8000-000000000012'),
			],
			connections: { Start: { main: [[{ node: 'NoOp', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		},
	};
}

const bench: Benchmark = {
	title: `BigCommerce Trigger vs n8n's Webhook node: webhook ingest in real n8n (${ROUNDS} rounds × ${DELIVERIES.toLocaleString('en-US')} deliveries each, ${CONCURRENCY} in flight, 127.0.0.1, after ${WARM_UP} to warm up)`,
	async run() {
		const figures: BenchFigure[] = [];
		for (const config of CONFIGS) figures.push(...(await measureIn(config, config === CONFIGS[0])));
		return figures;
	},
};

async function measureIn(config: (typeof CONFIGS)[number], build: boolean): Promise<BenchFigure[]> {
	let bc: BigCommerceSandbox | undefined;
	let n8n: N8nInstance | undefined;
	try {
		[bc, n8n] = await Promise.all([startBigCommerceSandbox({ cartAbandonAfterMs: null }), startN8n({ build, env: config.env })]);
		const store = bc;
		const credential = await n8n.createCredential('Bench BigCommerce', 'bigCommerceApi', { storeHash: store.storeHash, accessToken: store.accessToken, apiBaseUrl: store.url });
		const { trigger, plain } = workflows(readManifest().name, { id: credential.id, name: credential.name });
		const triggerWf = await n8n.importWorkflow(trigger);
		const plainWf = await n8n.importWorkflow(plain);
		await n8n.activateWorkflow(triggerWf.id);
		await n8n.activateWorkflow(plainWf.id);
		const [hook] = store.allHooks() as Array<{ destination: string; headers: Record<string, string> }>;
		const targets: Target[] = [
			{ name: "n8n's Webhook node", url: `${n8n.baseUrl}/webhook/${PLAIN_PATH}`, headers: {}, workflowId: plainWf.id },
			{ name: 'BigCommerce Trigger', url: hook.destination, headers: { [SECRET_HEADER]: hook.headers[SECRET_HEADER] }, workflowId: triggerWf.id },
		];
		const body = () => envelope(store.storeHash, store.storeId);

		const counter = executionCounter(n8n);
		const sent = new Map<string, number>(targets.map((t) => [t.workflowId, 0]));
		const results = new Map<string, RoundResult[]>(targets.map((t) => [t.name, []]));
		try {
			const round = async (target: Target, count: number): Promise<RoundResult> => {
				const answered = await load(target, count, body);
				sent.set(target.workflowId, sent.get(target.workflowId)! + count);
				// The next round starts once every execution of this one has finished.
				const lastStopped = await counter.waitFor(target.workflowId, sent.get(target.workflowId)!);
				return { ...answered, processedMs: Math.max(answered.elapsedMs, lastStopped - answered.startedAtEpoch) };
			};
			for (const target of targets) await round(target, WARM_UP);
			for (let r = 0; r < ROUNDS; r++) {
				for (const target of targets) results.get(target.name)!.push(await round(target, DELIVERIES));
			}
		} finally {
			counter.close();
		}

		const pooled = (name: string) => {
			const rounds = results.get(name)!;
			const answered = rounds.reduce((sum, r) => sum + r.answered, 0);
			const answerMs = rounds.reduce((sum, r) => sum + r.elapsedMs, 0);
			const processedMs = rounds.reduce((sum, r) => sum + r.processedMs, 0);
			const latencies = rounds.flatMap((r) => r.latenciesMs);
			return {
				processedPerSecond: (answered / processedMs) * 1000,
				answeredPerSecond: (answered / answerMs) * 1000,
				p99: percentile(latencies, 99),
				p50: percentile(latencies, 50),
			};
		};
		const ours = pooled('BigCommerce Trigger');
		const theirs = pooled("n8n's Webhook node");
		const webhookNode = "n8n's Webhook node";
		const out: BenchFigure[] = [
			figure({
				name: 'deliveries processed per second (answered and execution finished), BigCommerce Trigger',
				value: ours.processedPerSecond,
				unit: '/s',
				reference: { name: webhookNode, value: theirs.processedPerSecond },
				goal: '≥ 0.9 of the Webhook node',
				met: (ratio) => ratio >= 0.9,
			}),
			figure({
				name: 'deliveries answered per second, BigCommerce Trigger',
				value: ours.answeredPerSecond,
				unit: '/s',
				reference: { name: webhookNode, value: theirs.answeredPerSecond },
				goal: 'report (both answer once the execution is created)',
				met: () => true,
			}),
			figure({
				name: 'p99 answer time, BigCommerce Trigger (lower is better; ratio = Webhook node / Trigger)',
				value: ours.p99,
				unit: 'ms',
				reference: { name: webhookNode, value: theirs.p99 },
				ratio: theirs.p99 / ours.p99,
				goal: 'report',
				met: () => true,
			}),
			figure({
				name: 'p50 answer time, BigCommerce Trigger (ratio = Webhook node / Trigger)',
				value: ours.p50,
				unit: 'ms',
				reference: { name: webhookNode, value: theirs.p50 },
				ratio: theirs.p50 / ours.p50,
				goal: 'report',
				met: () => true,
			}),
		];
		await n8n.deactivateWorkflow(triggerWf.id);
		await n8n.deactivateWorkflow(plainWf.id);
		return out.map((f) => ({ ...f, name: `${f.name} [${config.label}]` }));
	} finally {
		await Promise.allSettled([n8n?.stop(), bc?.close()]);
	}
}

export default bench;
