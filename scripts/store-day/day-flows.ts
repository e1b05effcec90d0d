// The n8n side of the store day: the imported templates, running the manual and scheduled ones
// "now", and waiting until every webhook BigCommerce delivered has become a finished execution.
import type { N8nApi, StoredWorkflow } from '../../test/harness/n8n-api';
import { FINISHED_STATUSES, type Execution } from '../../test/harness/n8n-api';
import { runFromTrigger, waitForExecution } from '../../test/harness/templates';
import type { BigCommerceControl } from './bigcommerce-control';

const BIGCOMMERCE_TRIGGER = 'n8n-nodes-tajo-bigcommerce.bigCommerceTrigger';
const RUNNABLE_TRIGGERS = new Set(['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger']);

/** One imported template as the day needs it. */
export interface DayWorkflow {
	/** File name in workflows/, e.g. `points-and-order-campaigns.json`. */
	file: string;
	id: string;
	/** webhookIds of its BigCommerce Triggers: their hooks' destinations contain them. */
	webhookIds: string[];
	/** Its manual or schedule trigger, run by `run()`; null when it has none. */
	runnableTrigger: string | null;
}

export function describeWorkflow(file: string, workflow: StoredWorkflow): DayWorkflow {
	return {
		file,
		id: workflow.id,
		webhookIds: workflow.nodes.filter((n) => n.type === BIGCOMMERCE_TRIGGER && typeof n.webhookId === 'string').map((n) => String(n.webhookId)),
		runnableTrigger: workflow.nodes.find((n) => RUNNABLE_TRIGGERS.has(n.type))?.name ?? null,
	};
}

/** Where the day starts from: what existed before it, so that only its own traces are counted. */
interface Baseline {
	lastExecutionId: number;
	/** Hashes delivered before the day: a repeat of one of them starts no execution. */
	earlierHashes: Set<string>;
}

export class DayFlows {
	private baseline: Baseline = { lastExecutionId: 0, earlierHashes: new Set() };

	constructor(
		readonly n8n: N8nApi,
		private readonly bc: BigCommerceControl,
		readonly workflows: DayWorkflow[],
	) {}

	/** Reads the stored workflows of the given ids (by template file). */
	static async load(n8n: N8nApi, bc: BigCommerceControl, ids: Record<string, string>): Promise<DayFlows> {
		const workflows = await Promise.all(Object.entries(ids).map(async ([file, id]) => describeWorkflow(file, await n8n.getWorkflow(id))));
		return new DayFlows(n8n, bc, workflows);
	}

	workflow(file: string): DayWorkflow {
		const found = this.workflows.find((w) => w.file === file);
		if (!found) throw new Error(`the store day needs the template ${file}, which is not imported (imported: ${this.workflows.map((w) => w.file).join(', ')})`);
		return found;
	}

	/** Remembers what happened before the day, so that settle() waits for the day's work only. */
	async markStart(): Promise<void> {
		await this.bc.idle();
		const executions = (await Promise.all(this.workflows.map((w) => this.recentExecutions(w.id)))).flat();
		const delivered = await this.bc.deliveries({ state: 'delivered' });
		this.baseline = {
			lastExecutionId: Math.max(0, ...executions.map((e) => Number(e.id))),
			earlierHashes: new Set(delivered.map((d) => d.hash)),
		};
	}

	/** Executions started since markStart(), of every template, oldest first. */
	async executionsOfTheDay(): Promise<Execution[]> {
		const all = (await Promise.all(this.workflows.map((w) => this.recentExecutions(w.id)))).flat();
		return all.filter((e) => Number(e.id) > this.baseline.lastExecutionId).sort((a, b) => Number(a.id) - Number(b.id));
	}

	/**
	 * Runs a manual or scheduled template now, as the editor's "Execute workflow" does, and returns
	 * the finished execution; throws with n8n's error when it did not succeed.
	 */
	async run(file: string, timeoutMs = 120_000): Promise<Execution> {
		const workflow = this.workflow(file);
		if (!workflow.runnableTrigger) throw new Error(`${file} has no manual or schedule trigger to run`);
		const executionId = await runFromTrigger(this.n8n, workflow.id, workflow.runnableTrigger);
		const execution = await waitForExecution(this.n8n, executionId, timeoutMs);
		if (execution.status !== 'success') {
			const error = execution.data?.resultData.error;
			throw new Error(`${file} (${workflow.runnableTrigger}) ended "${execution.status}": ${error?.message ?? ''} ${error?.description ?? ''}`.trim());
		}
		return execution;
	}

	/**
	 * Waits until BigCommerce has delivered everything, every new delivered hash of a template's
	 * hooks has its execution (the trigger starts one per distinct hash) and every execution of the
	 * day has finished — in-memory Waits included, so call it after the shortened delays only.
	 */
	async settle(timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			await this.bc.idle();
			const missing = await this.unsettled();
			if (missing.length === 0) return;
			if (Date.now() > deadline) throw new Error(`n8n did not settle within ${timeoutMs} ms: ${missing.join('; ')}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	/** What is still outstanding, per template, in words; empty when everything is done. */
	private async unsettled(): Promise<string[]> {
		const [hooks, delivered] = await Promise.all([this.bc.allHooks(), this.bc.deliveries({ state: 'delivered' })]);
		const outstanding: string[] = [];
		for (const workflow of this.workflows) {
			const hookIds = new Set(hooks.filter((h) => workflow.webhookIds.some((id) => h.destination.includes(id))).map((h) => h.id));
			const hashes = new Set(delivered.filter((d) => hookIds.has(d.hookId) && !this.baseline.earlierHashes.has(d.hash)).map((d) => d.hash));
			const executions = (await this.recentExecutions(workflow.id)).filter((e) => Number(e.id) > this.baseline.lastExecutionId);
			const fromWebhooks = executions.filter((e) => e.mode === 'webhook').length;
			const running = executions.filter((e) => !FINISHED_STATUSES.includes(e.status)).length;
			if (fromWebhooks < hashes.size || running > 0) {
				outstanding.push(`${workflow.file}: ${hashes.size} deliveries, ${fromWebhooks} executions from them, ${running} not finished`);
			}
		}
		return outstanding;
	}

	/** The newest executions of a workflow (one page: the day makes far fewer than 250 per template). */
	private recentExecutions(workflowId: string): Promise<Execution[]> {
		return this.n8n.listExecutions({ workflowId, limit: 250 });
	}
}
