import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * The item a node outputs for a failed input item when "On Error" is a Continue setting.
 *
 * With "Continue (using error output)", n8n 2.x moves an item to the error output only if its
 * json has a truthy `error` and no keys other than `error`, `message` and `details`
 * (n8n-core `WorkflowExecute.handleNodeErrorOutput`). n8n's other way, the item's own `error`
 * property, is no use: after every node n8n replaces such an item's json with
 * `{ error: <message> }` (`normalizeNodeErrors`), losing everything else. So the item is
 * `{ error: <what went wrong, as text>, details: { …everything to branch on or fix it } }`,
 * the same with either Continue setting: `$json.error` is the message, `$json.details.<field>`
 * the rest. On the error output n8n adds the input item's fields beside them.
 */
export function errorItem(message: string, details: IDataObject, itemIndex: number): INodeExecutionData {
	const kept: IDataObject = {};
	for (const [key, value] of Object.entries(details)) if (value !== undefined) kept[key] = value;
	// An empty message would not count as an error and the item would take the success output.
	return { json: { error: message.trim() || 'The node failed without a message', details: kept }, pairedItem: { item: itemIndex } };
}
