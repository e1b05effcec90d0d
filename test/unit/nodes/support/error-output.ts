import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * n8n 2.41.1's rule for "On Error: Continue (using error output)" (n8n-core
 * execution-engine/workflow-execute.ts, WorkflowExecute.handleNodeErrorOutput): an output item
 * goes to the error output when its own `error` is set, or when its json has a truthy `error`
 * and no keys but `error`, `message` and `details`. Every other item stays on its output.
 * test/e2e/brevo-event.test.ts proves it in real n8n.
 */
export function takesErrorOutput(item: INodeExecutionData | { json: IDataObject }): boolean {
	if ((item as INodeExecutionData).error) return true;
	const { json } = item;
	return Boolean(json.error) && Object.keys(json).every((key) => ['error', 'message', 'details'].includes(key));
}
