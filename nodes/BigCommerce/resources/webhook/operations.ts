import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { listHooks, reactivateHook, reactivateInactiveHooks, type BigCommerceClient, type BigCommerceHook, type HookFilter } from '../../../core/bigcommerce';
import { readId, readLimit } from '../../shared/parameters';
import type { OperationMap, OperationResult } from '../../shared/types';

const ACTIVE: Record<string, boolean | undefined> = { all: undefined, active: true, inactive: false };

/**
 * Header values are hidden in the items: they usually carry a secret (the BigCommerce Trigger's
 * X-Tajo-Webhook-Secret is one), and items are stored with every execution. The names stay.
 */
function withoutHeaderValues<T extends BigCommerceHook>(hook: T): T {
	if (!hook.headers) return hook;
	return { ...hook, headers: Object.fromEntries(Object.keys(hook.headers).map((name) => [name, '(hidden)'])) };
}

async function getAll(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const status = this.getNodeParameter('status', itemIndex, 'all') as string;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filter: HookFilter = {
		active: ACTIVE[status],
		scopeContains: String(filters.scopeContains ?? '').trim() || undefined,
		destination: String(filters.destination ?? '').trim() || undefined,
	};
	return (await listHooks(client, filter, readLimit(this, itemIndex))).map(withoutHeaderValues);
}

async function reactivate(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const which = this.getNodeParameter('webhooks', itemIndex, 'allInactive') as string;
	if (which === 'one') return [withoutHeaderValues(await reactivateHook(client, readId(this, 'webhookId', itemIndex, 'Webhook ID')))];
	return (await reactivateInactiveHooks(client)).map(withoutHeaderValues);
}

export const webhookOperations: OperationMap = { getAll, reactivate };
