import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/** "Return All" and "Limit", as n8n's own "Get Many" operations show them. */
export function returnAllAndLimit(resource: string, operation = 'getAll'): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show: { resource: [resource], operation: [operation] } },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			hint: 'Reading a whole store takes a while: BigCommerce allows each store a limited number of requests per 30 seconds, and this node paces itself to stay inside it.',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { resource: [resource], operation: [operation], returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** The "Filters" collection of a "Get Many" operation, as n8n's own nodes show it. */
export function getManyFilters(resource: string, options: INodeProperties['options'], operation = 'getAll'): INodeProperties[] {
	return [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: { show: { resource: [resource], operation: [operation] } },
			options,
		},
	];
}

/** undefined for "Return All", the limit otherwise. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? undefined : (context.getNodeParameter('limit', itemIndex, 50) as number);
}

/**
 * A BigCommerce numeric ID from a parameter. ID fields are text so that expressions such as
 * `{{ $json.resource_id }}` can fill them; this says clearly when one does not hold a number.
 */
export function readId(context: IExecuteFunctions, name: string, itemIndex: number, label: string): number {
	const raw = context.getNodeParameter(name, itemIndex) as unknown;
	const text = String(raw ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		throw new NodeOperationError(context.getNode(), `${label} must be a whole number such as 42, but it is "${text}".`, {
			itemIndex,
			description: `Check the ${label} field; if it is an expression, check what the previous node gives.`,
		});
	}
	return Number(text);
}

/** A required text parameter, trimmed; says which field is empty. */
export function readText(context: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const text = String(context.getNodeParameter(name, itemIndex) ?? '').trim();
	if (text === '') throw new NodeOperationError(context.getNode(), `${label} is empty.`, { itemIndex, description: `Fill in the ${label} field.` });
	return text;
}

/** "a, b,,c" → ['a', 'b', 'c']; also accepts an array from an expression. */
export function splitList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Whole numbers from a comma-separated field, with the field named when one is not. */
export function idList(context: IExecuteFunctions, value: unknown, itemIndex: number, label: string): number[] {
	return splitList(value).map((part) => {
		if (!/^\d+$/.test(part)) {
			throw new NodeOperationError(context.getNode(), `${label} must be whole numbers separated by commas, but it contains "${part}".`, { itemIndex });
		}
		return Number(part);
	});
}

/** Reads a date parameter; a value without a time zone counts as UTC. */
export function readDate(context: IExecuteFunctions, value: unknown, itemIndex: number, label: string): Date {
	const text = String(value ?? '').trim();
	const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
	const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : hasZone ? text : `${text}Z`);
	if (text === '' || Number.isNaN(date.getTime())) {
		throw new NodeOperationError(context.getNode(), `${label} is not a date: "${text}".`, { itemIndex, description: 'Use a date such as 2024-05-14 or 2024-05-14T09:30:00Z.' });
	}
	return date;
}

/** v3 filters take `2024-05-14T09:34:00` (UTC), as the customers and catalog references show. */
export function v3Date(date: Date): string {
	return date.toISOString().slice(0, 19);
}

/** v2 order filters take ISO 8601 with an offset (orders.v2 `min_date_modified`). */
export function v2Date(date: Date): string {
	return `${date.toISOString().slice(0, 19)}+00:00`;
}
