import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { toNodeError } from './errors';
import type { BatchResult, RunContext } from './types';

export interface BatchPlan<T> {
	/** Builds (and checks) one item's part of the batch; throws on invalid input. */
	build: (itemIndex: number) => T;
	/** Sends one chunk; returns what Brevo said about it. */
	send: (chunk: T[]) => Promise<IDataObject>;
	/** What each item's output says about itself. */
	describe: (built: T, itemIndex: number) => IDataObject;
	batchSize: number;
}

/**
 * Runs a batch operation over the input items. Every item is checked before anything is sent:
 * without "Continue On Fail", one invalid item stops the node and nothing is sent; with it, the
 * invalid items come out with their error and the others are sent. Items go in chunks of
 * `batchSize`; each output item tells which chunk it was in and what Brevo said about it.
 */
export async function runBatches<T>(run: RunContext, itemIndexes: number[], plan: BatchPlan<T>): Promise<BatchResult[]> {
	const results: BatchResult[] = [];
	const valid: Array<{ itemIndex: number; built: T }> = [];
	for (const itemIndex of itemIndexes) {
		try {
			valid.push({ itemIndex, built: plan.build(itemIndex) });
		} catch (error) {
			if (!run.ctx.continueOnFail()) throw toNodeError(run.ctx.getNode(), error, itemIndex);
			results.push({ itemIndex, error });
		}
	}
	const size = Math.max(1, Math.floor(plan.batchSize));
	const chunks = Math.ceil(valid.length / size);
	for (let c = 0; c < chunks; c++) {
		const chunk = valid.slice(c * size, (c + 1) * size);
		try {
			const said = await plan.send(chunk.map((entry) => entry.built));
			for (const entry of chunk) {
				results.push({ itemIndex: entry.itemIndex, json: { ...plan.describe(entry.built, entry.itemIndex), batch: { number: c + 1, of: chunks, size: chunk.length, ...said } } });
			}
		} catch (error) {
			if (!run.ctx.continueOnFail()) throw toNodeError(run.ctx.getNode(), error, chunk[0].itemIndex);
			for (const entry of chunk) results.push({ itemIndex: entry.itemIndex, error });
		}
	}
	return results.sort((a, b) => a.itemIndex - b.itemIndex);
}

/** The "Batch Size" parameter of the batch operations. */
export function batchSizeProperty(show: Record<string, string[]>, what: string): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1 },
		displayOptions: { show },
		default: 100,
		description: `How many ${what} to send to Brevo per request. Each input item is one of them.`,
	};
}
