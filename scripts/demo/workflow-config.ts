// Changing Config values of a workflow already in n8n (through the public API), as a marketer does
// in the editor: `npm start` when the store's settings change, `npm run demo` to shorten delays for
// the length of the store day and put them back afterwards.
import type { N8nApi, StoredWorkflow } from '../../test/harness/n8n-api';
import { configOf, withConfig } from '../../test/harness/templates';
import type { ConfigValues } from './template-import';

/** The settings keys n8n 2.41.1's public API accepts on a workflow (workflowSettings, additionalProperties: false). */
const PUBLIC_API_SETTINGS = [
	'saveExecutionProgress',
	'saveManualExecutions',
	'saveDataErrorExecution',
	'saveDataSuccessExecution',
	'executionTimeout',
	'errorWorkflow',
	'timezone',
	'executionOrder',
	'binaryMode',
	'callerPolicy',
	'callerIds',
	'timeSavedMode',
	'timeSavedPerExecution',
];

/**
 * Sets Config fields of a stored workflow (fields it does not have are skipped) and returns the
 * values they had, to put them back later. An active workflow is re-published with the change
 * (n8n does so on update) and this waits until the new version is live.
 */
export async function setConfigValues(n8n: N8nApi, workflowId: string, values: ConfigValues): Promise<ConfigValues> {
	const stored = await n8n.getWorkflow(workflowId);
	const current = configOf(stored);
	const changes = Object.fromEntries(Object.entries(values).filter(([key, value]) => key in current && current[key] !== value));
	const before = Object.fromEntries(Object.keys(changes).map((key) => [key, current[key] as string | number | boolean]));
	if (Object.keys(changes).length === 0) return before;
	const updated = withConfig(stored, changes);
	const settings = Object.fromEntries(Object.entries(stored.settings ?? {}).filter(([key]) => PUBLIC_API_SETTINGS.includes(key)));
	await n8n.publicApi<StoredWorkflow>('PUT', `/workflows/${workflowId}`, { name: stored.name, nodes: updated.nodes, connections: stored.connections, settings });
	if (stored.active) await n8n.activateWorkflow(workflowId);
	return before;
}
