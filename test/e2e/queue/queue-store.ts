// The store behind the queue-mode suite: a cluster (PostgreSQL, Redis, main, webhook process, two
// workers), both emulators, the three credentials (the ledger on PostgreSQL), the seed's programs,
// and the points and reconciliation templates imported unchanged except for their Config values.
import { startBigCommerceSandbox, type BigCommerceSandbox } from '../../../sandbox/bigcommerce';
import { startBrevoSandbox, type BrevoSandbox } from '../../../sandbox/brevo';
import { openLedgerStore } from '../../../nodes/core/ledger';
import type { LedgerStore } from '../../../nodes/core/ledger/ledger-store';
import { seedPrograms } from '../../../nodes/core/loyalty';
import { saveProgram } from '../../../nodes/core/loyalty-service';
import type { StoredWorkflow, WorkflowJson } from '../../harness';
import { QueueCluster, type QueueClusterOptions } from '../../harness/queue-cluster';
import { bindCredentials, loadTemplate, secondsAs, TEMPLATE_CREDENTIAL_NAMES, withConfig, withParametersWhere } from '../../harness/templates';

export const POINTS_TRIGGER = 'Order status changed or refunded';

export interface QueueStore {
	cluster: QueueCluster;
	bc: BigCommerceSandbox;
	brevo: BrevoSandbox;
	/** The ledger the workflows write to, read by the test (the same PostgreSQL database). */
	ledger: LedgerStore;
	points: StoredWorkflow;
	reconciliation: StoredWorkflow;
	credentials: Record<'bigCommerceApi' | 'brevoApi' | 'tajoLoyaltyDatabase', { id: string; name: string }>;
	stop(): Promise<void>;
}

export interface QueueStoreOptions extends QueueClusterOptions {
	/** The review-request Wait, in seconds (under 65 s it stays in the worker's memory). */
	reviewDelaySeconds: number;
	/** BigCommerce's request quota per 30 s window for the emulated store. */
	bigCommerceQuota: number;
	/**
	 * The lease of the points flow's send-once claims (the template's default is 10 minutes): how
	 * long a claim of an execution that died blocks Reconciliation from sending in its place.
	 */
	claimLeaseMinutes?: number;
	/** Deliveries BigCommerce sends at once per hook (default 8: a busy store's events arrive in parallel). */
	deliveryConcurrency?: number;
	/** Brevo's per-second limits for contacts and events (the emulator's default is Brevo's 10). */
	brevoPerSecond?: number;
}

/** A copy of the workflow whose Tajo Loyalty › Message › Claim nodes use this lease. */
function withClaimLease(workflow: WorkflowJson, leaseMinutes: number | undefined): WorkflowJson {
	if (leaseMinutes === undefined) return workflow;
	return withParametersWhere(workflow, (node, p) => node.type.endsWith('.tajoLoyalty') && p.resource === 'message' && p.operation === 'claim', { leaseMinutes });
}

export async function startQueueStore(options: QueueStoreOptions): Promise<QueueStore> {
	const started = await Promise.allSettled([
		QueueCluster.start(options),
		startBigCommerceSandbox({ seed: false }),
		startBrevoSandbox(options.brevoPerSecond ? { rateLimits: { contacts: { limit: options.brevoPerSecond, windowMs: 1_000 }, events: { limit: options.brevoPerSecond, windowMs: 1_000 } } } : {}),
	]);
	const [clusterResult, bcResult, brevoResult] = started;
	const cluster = clusterResult.status === 'fulfilled' ? clusterResult.value : undefined;
	const bc = bcResult.status === 'fulfilled' ? bcResult.value : undefined;
	const brevo = brevoResult.status === 'fulfilled' ? brevoResult.value : undefined;
	let ledger: LedgerStore | undefined;
	const stopAll = async () => {
		await Promise.allSettled([ledger?.close(), bc?.close(), brevo?.close()]);
		await cluster?.stop();
	};
	try {
		const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
		if (failure || !cluster || !bc || !brevo) throw failure?.reason ?? new Error('queue store did not start');
		bc.setRateLimit({ quota: options.bigCommerceQuota });
		bc.setWebhookConcurrency(options.deliveryConcurrency ?? 8);
		const n8n = cluster.main;
		const db = cluster.ledgerDatabase;
		const credentials = {
			bigCommerceApi: await n8n.createCredential(TEMPLATE_CREDENTIAL_NAMES.bigCommerceApi, 'bigCommerceApi', { storeHash: bc.storeHash, accessToken: bc.accessToken, apiBaseUrl: bc.url }),
			brevoApi: await n8n.createCredential(TEMPLATE_CREDENTIAL_NAMES.brevoApi, 'brevoApi', { apiKey: brevo.apiKey, baseUrl: brevo.apiBaseUrl }),
			tajoLoyaltyDatabase: await n8n.createCredential(TEMPLATE_CREDENTIAL_NAMES.tajoLoyaltyDatabase, 'tajoLoyaltyDatabase', {
				type: 'postgres',
				host: db.host,
				port: db.port,
				database: db.database,
				user: db.user,
				password: db.password,
				ssl: 'disable',
			}),
		};
		ledger = await openLedgerStore({ type: 'postgres', host: db.host, port: db.port, database: db.database, user: db.user, password: db.password, ssl: 'disable' });
		for (const program of Object.values(seedPrograms)) await saveProgram(ledger, bc.storeHash, program);

		const pointsTemplate = withClaimLease(withConfig(loadTemplate('points-and-order-campaigns.json'), { reviewDelayDays: secondsAs(options.reviewDelaySeconds, 'days') }), options.claimLeaseMinutes);
		const points = await n8n.importWorkflow(bindCredentials(pointsTemplate, credentials));
		await n8n.activateWorkflow(points.id);
		const reconciliation = await n8n.importWorkflow(bindCredentials(withConfig(loadTemplate('reconciliation.json'), { storeHash: bc.storeHash, reviewDelayDays: secondsAs(options.reviewDelaySeconds, 'days') }), credentials));
		return { cluster, bc, brevo, ledger, points, reconciliation, credentials, stop: stopAll };
	} catch (error) {
		await stopAll();
		throw error;
	}
}
