// One fault test of the queue-mode suite: a burst, a fault injected while it is being processed,
// BigCommerce's retries played out, the reconciliation template run, and the findings.
import { runFromTrigger, waitForExecution } from '../../harness/templates';
import { awardedCount, findings, sample, waitUntilQuiet, type BurstFindings, type ExecutionCounts } from './burst-outcome';
import { playBurst, type Burst, type createGroups } from './order-burst';
import type { QueueStore } from './queue-store';

export interface FaultRun {
	burst: Burst;
	found: BurstFindings;
	/** Executions of the points workflow started by this burst, by status. */
	counts: ExecutionCounts;
	/** What the fault did, in words, from the inject function. */
	injected: string;
	/** Deliveries BigCommerce had to retry (answered with an error or not at all). */
	retriedDeliveries: number;
	/** The failed delivery attempts, by answer (`HTTP 503`, `ECONNREFUSED`, `timeout`). */
	failedAnswers: Record<string, number>;
	/** The status of the reconciliation run. */
	reconciliation: string;
}

export interface FaultRunOptions {
	label: string;
	count: number;
	seed: number;
	/**
	 * When to inject the fault: once this share of the orders is in the ledger (`awarded`), or of the
	 * burst's deliveries has been answered by n8n (`delivered`); 0 = right after the burst is made.
	 */
	when: { awarded: number } | { delivered: number };
	/** Injects the fault; resolves with a description once the system is whole again. */
	inject: () => Promise<string>;
	/** Keep the burst's deliveries held until the fault releases them (see playBurst). */
	holdAll?: boolean;
	/** Waits this long before running Reconciliation (e.g. for claims of dead executions to expire). */
	reconcileAfterMs?: number;
}

export async function runWithFault(store: QueueStore, groups: ReturnType<typeof createGroups>, options: FaultRunOptions): Promise<FaultRun> {
	const before = await waitUntilQuiet(store, store.points.id, 5 * 60_000);
	const burst = playBurst(store.bc, groups, { label: options.label, count: options.count, seed: options.seed, holdAll: options.holdAll });
	const [measure, share] = 'awarded' in options.when ? (['awarded', options.when.awarded] as const) : (['delivered', options.when.delivered] as const);
	const progress = async () => (measure === 'awarded' ? await awardedCount(store, burst) : burstDeliveries(store, burst).filter((d) => d.state === 'delivered').length);
	const total = measure === 'awarded' ? burst.orders.length : burstDeliveries(store, burst).length;
	const threshold = Math.floor(share * total);
	const deadline = Date.now() + 5 * 60_000;
	while (threshold > 0 && (await progress()) < threshold) {
		if (Date.now() > deadline) {
			const states = countBy(store.bc.deliveries().map((d) => `${d.scope} ${d.state}`));
			const answers = countBy(burstDeliveries(store, burst).flatMap((d) => d.attempts.map((a) => a.error ?? `HTTP ${a.status}`)));
			const hooks = (store.bc.allHooks() as Array<{ id: number; scope: string; is_active: boolean }>).map((h) => `${h.id} ${h.scope} active=${h.is_active}`);
			throw new Error(
				`${options.label}: fewer than ${threshold} ${measure} after 5 minutes, before any fault. Deliveries ${JSON.stringify(states)}, answered ${JSON.stringify(answers)}; hooks ${hooks.join(', ')}; ` +
					`points workflow static data ${await staticDataSummary(store)}\n${store.cluster.describe()}`,
			);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	const injected = await options.inject();

	// BigCommerce retries failed deliveries after 60 s, 180 s, …: play its schedule forward until none is left.
	for (let round = 0; round < 10; round++) {
		await store.bc.idle();
		if (store.bc.deliveries({ state: 'retry_scheduled' }).length === 0) break;
		store.bc.advanceTime(61_000 * 2 ** round);
	}
	const ofBurst = burstDeliveries(store, burst);
	const retriedDeliveries = ofBurst.filter((d) => d.attempts.length > 1).length;
	const failedAnswers = countBy(ofBurst.flatMap((d) => d.attempts.filter((a) => a.status === null || a.status >= 300).map((a) => a.error ?? `HTTP ${a.status}`)));
	const after = await waitUntilQuiet(store, store.points.id, 10 * 60_000);
	const counts = difference(after, before);

	await new Promise((resolve) => setTimeout(resolve, options.reconcileAfterMs ?? 0));
	const executionId = await runFromTrigger(store.cluster.main, store.reconciliation.id, 'Every hour');
	const reconciliation = (await waitForExecution(store.cluster.main, executionId, 5 * 60_000)).status;
	const found = await findings(store, burst);
	process.stdout.write(`[queue fault ${options.label}] points workflow static data after the run: ${await staticDataSummary(store)}\n`);
	return { burst, found, counts, injected, retriedDeliveries, failedAnswers, reconciliation };
}

/** One line a fault test prints: what it injected and what it found. */
export function describeRun(name: string, run: FaultRun): string {
	const { found } = run;
	return (
		`[queue fault: ${name}] injected: ${run.injected}. Burst of ${run.burst.orders.length} orders, ${run.burst.duplicatedEvents.length} deliveries repeated; ` +
		`${run.retriedDeliveries} deliveries retried by BigCommerce (failed attempts ${JSON.stringify(run.failedAnswers)}); executions ${JSON.stringify(run.counts)}; reconciliation ${run.reconciliation}. ` +
		`Found — ledger ${found.totals.ledgerPoints} points (rules ${found.totals.expectedPoints}); entries ${sample(found.ledgerEntries)}; balances ${sample(found.ledgerBalances)}; ` +
		`Brevo events ${JSON.stringify(found.totals.events)}, differences ${sample(found.brevoEvents)}; contacts ${sample(found.brevoContacts)}\n`
	);
}

/** Brevo differences that are repeats (more than wanted) — never acceptable, whatever the fault. */
export function repeatedEvents(found: BurstFindings): string[] {
	return found.brevoEvents.filter((line) => {
		const match = /: (\d+) \(want (\d+)\)$/.exec(line);
		return match !== null && Number(match[1]) > Number(match[2]);
	});
}

/** The keys of the points workflow's static data and whether the trigger's registration is there. */
async function staticDataSummary(store: QueueStore): Promise<string> {
	const db = await store.cluster.n8nDatabase();
	try {
		const { rows } = await db.query<{ staticData: unknown }>('SELECT "staticData" FROM workflow_entity WHERE id = $1', [store.points.id]);
		const data = (typeof rows[0]?.staticData === 'string' ? JSON.parse(rows[0].staticData) : rows[0]?.staticData) as Record<string, Record<string, unknown>> | null;
		if (!data) return 'none';
		return JSON.stringify(Object.fromEntries(Object.entries(data).map(([key, value]) => [key, value && typeof value === 'object' ? Object.keys(value) : value])));
	} finally {
		await db.end();
	}
}

/** The burst's status-change deliveries (those made after it started). */
function burstDeliveries(store: QueueStore, burst: Burst) {
	return store.bc.deliveries({ scope: 'store/order/statusUpdated' }).filter((d) => d.eventId > burst.firstEventId);
}

function countBy(values: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

function difference(after: ExecutionCounts, before: ExecutionCounts): ExecutionCounts {
	const result: ExecutionCounts = {};
	for (const [status, count] of Object.entries(after)) {
		const delta = count - (before[status] ?? 0);
		if (delta !== 0) result[status] = delta;
	}
	return result;
}
