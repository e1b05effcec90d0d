/**
 * Runs in a worker thread or a child process (loaded through tsx): its own store, its own
 * database connection(s), so concurrency between workers is real — separate threads or
 * processes and connections, serialised only by the database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseConfig } from '../../../nodes/core/ledger/database-config';
import { openLedgerStore } from '../../../nodes/core/ledger/open-ledger-store';

export type WorkerTask =
	| { task: 'open'; config: DatabaseConfig; start: number }
	| { task: 'award'; config: DatabaseConfig; start: number; programId: string; customerId: number; orderId: number; totalMinor: number; count: number }
	| { task: 'redeem'; config: DatabaseConfig; start: number; programId: string; customerId: number; keyPrefix: string; points: number; count: number }
	| { task: 'claim'; config: DatabaseConfig; start: number; storeHash: string; sendKey: string; count: number };

export interface WorkerReport {
	results: Array<{ duplicate: boolean; entryId: number }>;
	/** Refusals (redeem): error codes. */
	refused: string[];
	/** Claims (claim): whether each was granted. */
	claims: boolean[];
	schemaVersion: number;
}

async function main(job: WorkerTask): Promise<WorkerReport> {
	// All workers wait for the same instant, so that they really start together.
	while (Date.now() < job.start) await new Promise((r) => setTimeout(r, 1));
	const store = await openLedgerStore(job.config, { poolSize: 4 });
	try {
		const results: WorkerReport['results'] = [];
		const refused: string[] = [];
		const claims: boolean[] = [];
		if (job.task === 'award') {
			const { programId, customerId, orderId, totalMinor } = job;
			const awards = Array.from({ length: job.count }, () =>
				store.awardForOrder({
					programId,
					member: { customerId },
					idempotencyKey: `abc123:order:${orderId}:purchase`,
					order: { id: orderId, totalMinor },
					compute: () => ({ points: Math.floor(totalMinor / 100) }),
				}),
			);
			for (const r of await Promise.all(awards)) results.push({ duplicate: r.duplicate, entryId: r.entry.id });
		}
		if (job.task === 'redeem') {
			const { programId, customerId, points } = job;
			const redeems = Array.from({ length: job.count }, (_, i) =>
				store.redeem({ programId, member: { customerId }, idempotencyKey: `${job.keyPrefix}-${i}`, points }),
			);
			for (const outcome of await Promise.allSettled(redeems)) {
				if (outcome.status === 'fulfilled') results.push({ duplicate: outcome.value.duplicate, entryId: outcome.value.entry.id });
				else refused.push((outcome.reason as { code?: string }).code ?? String(outcome.reason));
			}
		}
		if (job.task === 'claim') {
			const attempts = Array.from({ length: job.count }, () => store.claimSend({ storeHash: job.storeHash, sendKey: job.sendKey, leaseSeconds: 600 }));
			for (const r of await Promise.all(attempts)) claims.push(r.claimed);
		}
		return { results, refused, claims, schemaVersion: await store.schemaVersion() };
	} finally {
		await store.close();
	}
}

type Reply = { ok: true; report: WorkerReport } | { ok: false; error: string };

function serve(job: WorkerTask, reply: (message: Reply) => void): void {
	main(job).then(
		(report) => reply({ ok: true, report }),
		(error: Error) => reply({ ok: false, error: `${error.name}: ${error.message}` }),
	);
}

if (parentPort) {
	serve(workerData as WorkerTask, (m) => parentPort!.postMessage(m));
} else {
	// A child process: the task comes as the first IPC message; exit once the answer is sent.
	process.once('message', (job: WorkerTask) => serve(job, (m) => process.send!(m, () => process.disconnect())));
}
