// Queue-mode faults (issue 7 item 3, DESIGN §10): while a burst of order completions is processed
// by n8n in queue mode, a worker is killed, the webhook process restarted, Redis restarted,
// BigCommerce answers 429s and 5xx, Brevo answers 429s, and n8n main is restarted while executions
// wait. Each ends with every order in the ledger exactly once (the reconciliation template repairs
// what n8n could not run) and every Brevo event sent once; each prints what it injected and found.
import { bindCredentials, loadTemplate, secondsAs, withConfig } from '../../harness/templates';
import { waitUntilQuiet, awardedCount, findings, sample } from './burst-outcome';
import { describeRun, repeatedEvents, runWithFault, type FaultRun } from './fault-run';
import { createGroups, playBurst } from './order-burst';
import { startQueueStore, type QueueStore } from './queue-store';

const ORDERS = Number(process.env.TAJO_FAULT_ORDERS ?? 150);

let store: QueueStore;
let groups: ReturnType<typeof createGroups>;

beforeAll(async () => {
	store = await startQueueStore({
		workers: 2,
		reviewDelaySeconds: 2,
		bigCommerceQuota: 1_000_000,
		brevoPerSecond: 200,
		// A claim of an execution killed between its claim and its Brevo call blocks Reconciliation for
		// this long (10 minutes in the template; the hourly run is later anyway).
		claimLeaseMinutes: 1,
		// Shortened so a killed worker's executions are marked crashed within seconds, not minutes:
		// Bull's job lock (default 60 s) and stalled check (30 s), n8n's queue recovery (180 s).
		env: { QUEUE_WORKER_LOCK_DURATION: '10000', QUEUE_WORKER_LOCK_RENEW_TIME: '3000', QUEUE_WORKER_STALLED_INTERVAL: '5000', N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '10' },
	});
	groups = createGroups(store.bc);
}, 15 * 60_000);

afterAll(async () => {
	await store?.stop();
}, 120_000);

/**
 * Nothing lost, nothing doubled in what the ledger guarantees: every order once in the ledger with
 * the rules' balance and tier, every Brevo contact showing them, no Brevo event sent twice.
 */
function expectWhole(run: FaultRun): void {
	process.stdout.write(describeRun(expect.getState().currentTestName ?? '', run));
	expect(run.found.ledgerEntries).toEqual([]);
	expect(run.found.ledgerBalances).toEqual([]);
	expect(run.found.brevoContacts).toEqual([]);
	expect(repeatedEvents(run.found)).toEqual([]);
	expect(run.reconciliation).toBe('success');
}

describe('queue mode under faults', () => {
	it('a worker killed mid-burst: its executions are lost to n8n, reconciliation repairs what they missed', async () => {
		const run = await runWithFault(store, groups, {
			label: 'killed',
			count: ORDERS,
			seed: 11,
			when: { awarded: 0.3 },
			inject: async () => {
				await store.cluster.killWorker(0);
				await store.cluster.restartWorker(0);
				return 'SIGKILL to worker-1 (and its task runner) with a third of the orders awarded, then a fresh worker-1';
			},
			reconcileAfterMs: 65_000,
		});
		expectWhole(run);
		// Review requests waiting in the killed worker's memory (the test's 2 s wait) and shipping
		// notices of lost executions: sent by Reconciliation from the ledger's schedule and BigCommerce.
		expect(run.found.brevoEvents).toEqual([]);
	});

	it('the webhook process restarted mid-burst: BigCommerce retries what it could not deliver, nothing is lost', async () => {
		const run = await runWithFault(store, groups, {
			label: 'webhook',
			count: ORDERS,
			seed: 12,
			when: { awarded: 0 },
			// Deliveries are held so the fault lands mid-burst whatever the machine's speed: a third is
			// released, the process is stopped while those are still arriving (8 in flight at a time),
			// and the other two thirds arrive while it is down.
			holdAll: true,
			inject: async () => {
				const held = store.bc.webhooks.heldDeliveries();
				const firstThird = held.slice(0, Math.floor(held.length / 3)).map((d) => d.id);
				const answered = () => store.bc.deliveries().filter((d) => firstThird.includes(d.id) && d.attempts.length > 0).length;
				store.bc.releaseDeliveries('fifo', firstThird);
				while (answered() < firstThird.length / 2) await new Promise((r) => setTimeout(r, 10));
				const atStop = answered();
				await store.cluster.restartWebhook(2_000, async () => {
					store.bc.releaseDeliveries('fifo');
					await store.bc.idle();
				});
				return `${firstThird.length} of the ${held.length} deliveries released, n8n webhook stopped (SIGTERM) with ${atStop} of them answered and the rest arriving, the other two thirds released while it was down (2 s more), started again on the same port`;
			},
		});
		expectWhole(run);
		expect(run.found.brevoEvents).toEqual([]);
		expect(run.retriedDeliveries).toBeGreaterThan(0);
		expect(Object.keys(run.counts)).toEqual(['success']);
	});

	it('Redis restarted mid-burst: queued jobs survive (append-only file), deliveries refused meanwhile are retried', async () => {
		const run = await runWithFault(store, groups, {
			label: 'redis',
			count: ORDERS,
			seed: 13,
			when: { delivered: 0.3 },
			inject: async () => {
				await store.cluster.redis.restart();
				return 'redis-server stopped (SIGTERM, append-only file flushed) and started again';
			},
		});
		expectWhole(run);
		expect(run.found.brevoEvents).toEqual([]);
	});

	it('BigCommerce answers a 429 storm and 5xx errors: reads are retried within bounds, nothing fails', async () => {
		const run = await runWithFault(store, groups, {
			label: 'bcfaults',
			count: ORDERS,
			seed: 14,
			when: { awarded: 0 },
			inject: async () => {
				store.bc.addFault({ kind: 'rate_limit', durationMs: 4_000 });
				store.bc.addFault({ kind: 'server_error', count: 25, status: 503 });
				store.bc.addFault({ kind: 'rate_limit', count: 20, withHeaders: false });
				return 'BigCommerce: 4 s of 429s with rate-limit headers, 25 answers 503, 20 headerless 429s';
			},
		});
		expectWhole(run);
		expect(run.found.brevoEvents).toEqual([]);
		expect(Object.keys(run.counts)).toEqual(['success']);
	});

	it("Brevo answers 429s at its own rate limit and in a storm: the Brevo calls wait and retry, nothing is lost", async () => {
		const limits = store.brevo.rateLimits();
		const run = await runWithFault(store, groups, {
			label: 'brevo429',
			count: ORDERS,
			seed: 15,
			when: { awarded: 0 },
			inject: async () => {
				store.brevo.setRateLimit('contacts', { limit: 10, windowMs: 1_000 });
				store.brevo.setRateLimit('events', { limit: 10, windowMs: 1_000 });
				store.brevo.injectRateLimitStorm({ durationMs: 3_000 });
				return "Brevo: contacts and events limited to Brevo's 10 per second, plus a 3 s storm of 429s on every request";
			},
		});
		store.brevo.setRateLimit('contacts', limits.contacts);
		store.brevo.setRateLimit('events', limits.events);
		expectWhole(run);
		expect(run.found.brevoEvents).toEqual([]);
		expect(Object.keys(run.counts)).toEqual(['success']);
	});

	it('n8n main restarted while executions wait (stored as waiting): they resume and send once', async () => {
		// A review delay over 65 s puts the executions in the database as "waiting"; main resumes them.
		// The points workflow is swapped for a copy with that delay (same trigger, same hooks).
		const n8n = store.cluster.main;
		await n8n.deactivateWorkflow(store.points.id);
		const longWait = withConfig(loadTemplate('points-and-order-campaigns.json'), { reviewDelayDays: secondsAs(70, 'days') });
		const workflow = await n8n.importWorkflow(bindCredentials(longWait, store.credentials));
		await n8n.activateWorkflow(workflow.id);
		const burst = playBurst(store.bc, groups, { label: 'waiting', count: 20, seed: 16, duplicateShare: 0.1, outOfOrderShare: 0 });
		const deadline = Date.now() + 3 * 60_000;
		while ((await awardedCount(store, burst)) < burst.orders.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
		await new Promise((r) => setTimeout(r, 3_000)); // the last ones reach the Wait node
		const waiting = (await n8n.listExecutions({ workflowId: workflow.id, status: 'waiting' })).length;
		await store.cluster.restartMain();
		const counts = await waitUntilQuiet(store, workflow.id, 6 * 60_000);
		const found = await findings(store, burst);
		process.stdout.write(
			`[queue fault: main restarted] injected: n8n main stopped and started with ${waiting} of ${burst.orders.length} executions waiting in the database. ` +
				`Found — executions ${JSON.stringify(counts)}; entries ${sample(found.ledgerEntries)}; Brevo events ${JSON.stringify(found.totals.events)}, differences ${sample(found.brevoEvents)}\n`,
		);
		expect(waiting).toBe(burst.orders.length);
		expect(found.ledgerEntries).toEqual([]);
		expect(found.brevoEvents).toEqual([]);
		expect(found.brevoContacts).toEqual([]);
		expect(counts).toEqual({ success: burst.orders.length });
	});
});
