import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

/** A string parameter, trimmed; '' when empty. */
export function text(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback = ''): string {
	const value = ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	return value === undefined || value === null ? '' : String(value).trim();
}

/** An optional field of a collection parameter ("Additional Fields", "Options"). */
export function optionsOf(ctx: IExecuteFunctions, name: string, itemIndex: number): IDataObject {
	return (ctx.getNodeParameter(name, itemIndex, {}) as IDataObject) ?? {};
}

export function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const trimmed = String(value).trim();
	return trimmed === '' ? undefined : trimmed;
}

/** `"a, b"`, `["a", "b"]` → `['a', 'b']`. */
export function list(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : value === undefined || value === null ? [] : String(value).split(',');
	return parts.map((p) => String(p).trim()).filter((p) => p !== '');
}

/** Brevo list IDs from a multi-select, an expression giving an array, or "1, 3". */
export function idList(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number): number[] {
	return list(value).map((part) => {
		const id = Number(part);
		if (!Number.isInteger(id) || id <= 0) {
			throw new NodeOperationError(ctx.getNode(), `"${part}" in ${field} is not a Brevo list ID`, {
				itemIndex,
				description: 'List IDs are whole numbers; find them in Brevo under Contacts → Lists, or pick the lists from the drop-down.',
			});
		}
		return id;
	});
}

/** A JSON parameter that may arrive as text (typed in) or as an object (from an expression). */
export function jsonValue(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): unknown {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${label} is not valid JSON: ${(error as Error).message}`, {
			itemIndex,
			description: 'Write an object such as {"orderId": 100, "carrier": "UPS"}, or map one with an expression such as {{ $json.details }}.',
		});
	}
}

export function jsonObject(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): Record<string, unknown> | undefined {
	const value = jsonValue(ctx, name, itemIndex, label);
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be a JSON object`, { itemIndex, description: 'Use the form {"name": value, …}.' });
	}
	return value as Record<string, unknown>;
}

/**
 * Names and values given either field by field (`<base>Fields`) or as JSON (`<base>Json`),
 * chosen by `<base>Mode`; see `keyValueProperties`.
 */
export function keyValues(ctx: IExecuteFunctions, base: string, itemIndex: number, label: string): Record<string, unknown> {
	const mode = ctx.getNodeParameter(`${base}Mode`, itemIndex, 'fields') as string;
	if (mode === 'json') return jsonObject(ctx, `${base}Json`, itemIndex, label) ?? {};
	const rows = ((ctx.getNodeParameter(`${base}Fields`, itemIndex, {}) as IDataObject).values as IDataObject[] | undefined) ?? [];
	const result: Record<string, unknown> = {};
	for (const row of rows) {
		const key = optionalText(row.name);
		if (key !== undefined) result[key] = row.value;
	}
	return result;
}
