import { fork } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerReport, WorkerTask } from './store-worker';

// Workers run the TypeScript sources through tsx's loader (jest's transform does not reach them).
const TSX_LOADER = require.resolve('tsx');
const WORKER = join(__dirname, 'store-worker.ts');

/** Starts one worker thread per task and waits for all of their reports. */
export function runWorkers(tasks: Array<Omit<WorkerTask, 'start'>>): Promise<WorkerReport[]> {
	// Loading tsx and the store takes a moment; start everyone's work at the same instant after that.
	const start = Date.now() + 1500;
	return Promise.all(
		tasks.map(
			(task) =>
				new Promise<WorkerReport>((resolve, reject) => {
					const worker = new Worker(WORKER, { workerData: { ...task, start }, execArgv: ['--import', TSX_LOADER] });
					worker.once('message', (message: { ok: boolean; report?: WorkerReport; error?: string }) => {
						if (message.ok) resolve(message.report!);
						else reject(new Error(message.error));
					});
					worker.once('error', reject);
					worker.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
				}),
		),
	);
}

/** Like runWorkers, with one operating-system process per task (n8n's queue-mode workers). */
export function runProcesses(tasks: Array<Omit<WorkerTask, 'start'>>): Promise<WorkerReport[]> {
	const start = Date.now() + 3000;
	return Promise.all(
		tasks.map(
			(task) =>
				new Promise<WorkerReport>((resolve, reject) => {
					const child = fork(WORKER, [], { execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
					child.once('message', (message: { ok: boolean; report?: WorkerReport; error?: string }) => {
						if (message.ok) resolve(message.report!);
						else reject(new Error(message.error));
					});
					child.once('error', reject);
					child.once('exit', (code) => code !== 0 && reject(new Error(`process exited with ${code}`)));
					child.send({ ...task, start });
				}),
		),
	);
}
