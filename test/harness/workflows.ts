import type { Execution, WorkflowJson } from './n8n-api';

/**
 * The JSON items a node output in an execution (first run, given output), e.g.
 * `nodeOutput(execution, 'Respond')[0].greeting`. Throws with the nodes that did run when the node
 * did not, which is usually the first thing one needs to know.
 */
export function nodeOutput(execution: Execution, nodeName: string, output = 0, run = 0): Array<Record<string, unknown>> {
	const runData = execution.data?.resultData.runData;
	if (!runData) throw new Error(`execution ${execution.id} has no data (was it fetched with includeData?)`);
	const runs = runData[nodeName];
	if (!runs?.[run]) {
		const error = execution.data?.resultData.error;
		throw new Error(
			`node "${nodeName}" did not run in execution ${execution.id} (status ${execution.status}); ran: ${Object.keys(runData).join(', ')}` +
				(error ? `; error: ${error.message ?? ''} ${error.description ?? ''}` : ''),
		);
	}
	return (runs[run].data?.main?.[output] ?? []).map((item) => item.json);
}

/**
 * Returns a copy of a workflow whose nodes use the given stored credentials, by credential type —
 * what a user does after importing a template ("pick credentials").
 */
export function withCredentials(workflow: WorkflowJson, byType: Record<string, { id: string; name: string }>): WorkflowJson {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes) {
		const credentials = (node.credentials ?? {}) as Record<string, unknown>;
		for (const type of Object.keys(credentials)) {
			if (byType[type]) credentials[type] = { id: byType[type].id, name: byType[type].name };
		}
	}
	return copy;
}
