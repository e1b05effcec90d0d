import { createGroups, playBurst } from '../test/e2e/queue/order-burst';
import { findings, sample, waitUntilQuiet } from '../test/e2e/queue/burst-outcome';
import { startQueueStore, type QueueStore } from '../test/e2e/queue/queue-store';
import type { ProcessMemory } from '../test/harness/process-memory';
import { figure, type Benchmark, type BenchFigure } from './figures';

/**
 * Queue-mode throughput (DESIGN §10; issue 7 item 4): a burst of ORDERS order completions (10% of
 * the deliveries repeated, 5% out of order, BigCommerce sending 8 at once per hook) through the
 * points template, timed from the first status change until every side effect is done (ledger and
 * Brevo, review requests after a 1 s wait). Reference, in the same run: the same burst on one n8n
 * in regular mode (it answers the webhooks and runs the executions itself) on the same PostgreSQL.
 * Each configuration is checked afterwards — every order awarded once, Brevo told once — so a fast
 * but wrong run cannot count. Peak memory is each process's VmHWM (its task runner separately).
 */
const ORDERS = Number(process.env.TAJO_BENCH_QUEUE_ORDERS ?? 500);
const WARM_UP = 30;

interface Measured {
	ordersPerSecond: number;
	memory: ProcessMemory[];
}

async function measure(label: string, options: { mode: 'queue' | 'regular'; workers: number; build: boolean }): Promise<Measured> {
	let store: QueueStore | undefined;
	try {
		store = await startQueueStore({ ...options, reviewDelaySeconds: 1, bigCommerceQuota: 10_000_000, brevoPerSecond: 10_000 });
		const groups = createGroups(store.bc);
		playBurst(store.bc, groups, { label: `${label}-warm`, count: WARM_UP, seed: 1 });
		await waitUntilQuiet(store, store.points.id, 10 * 60_000);
		const burst = playBurst(store.bc, groups, { label, count: ORDERS, seed: 2026 });
		await waitUntilQuiet(store, store.points.id, 30 * 60_000);
		const seconds = (Date.now() - burst.startedAt) / 1000;
		const found = await findings(store, burst);
		const wrong = [...found.ledgerEntries, ...found.ledgerBalances, ...found.brevoEvents, ...found.brevoContacts];
		if (wrong.length > 0) throw new Error(`${label}: the burst left differences: ${sample(wrong)}`);
		const memory = store.cluster.peakMemory();
		process.stdout.write(`  ${label}: ${ORDERS} orders in ${seconds.toFixed(1)} s; peak memory ${memory.map((m) => `${m.name} ${m.peakMiB} MiB (+${m.childrenPeakMiB} runner)`).join(', ')}\n`);
		return { ordersPerSecond: ORDERS / seconds, memory };
	} finally {
		await store?.stop();
	}
}

const bench: Benchmark = {
	title: `Queue mode: a burst of ${ORDERS} order completions through the points template, until every side effect is done`,
	async run() {
		const regular = await measure('regular', { mode: 'regular', workers: 0, build: true });
		const one = await measure('queue-1-worker', { mode: 'queue', workers: 1, build: false });
		const two = await measure('queue-2-workers', { mode: 'queue', workers: 2, build: false });
		const reference = { name: 'one n8n, regular mode', value: regular.ordersPerSecond };
		const figures: BenchFigure[] = [
			figure({ name: 'orders per second, queue mode, main + webhook + 1 worker', value: one.ordersPerSecond, unit: 'orders/s', reference, goal: 'report (2 cores here: workers share them)', met: () => true }),
			figure({ name: 'orders per second, queue mode, main + webhook + 2 workers', value: two.ordersPerSecond, unit: 'orders/s', reference, goal: 'report (2 cores here: workers share them)', met: () => true }),
		];
		const regularPeak = regular.memory[0].peakMiB;
		for (const peak of two.memory) {
			figures.push(
				figure({
					name: `peak memory, ${peak.name} (queue mode, 2 workers; its task runner ${peak.childrenPeakMiB} MiB more)`,
					value: peak.peakMiB,
					unit: 'MiB',
					reference: { name: 'one n8n, regular mode', value: regularPeak },
					goal: 'report (lower is better)',
					met: () => true,
				}),
			);
		}
		return figures;
	},
};

export default bench;
