import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { TajoLoyalty } from '../../../../../nodes/TajoLoyalty/TajoLoyalty.node';

export const node = new TajoLoyalty();

/**
 * A minimal IExecuteFunctions for the Tajo Loyalty node: parameters are the test's values, else
 * the default of the property shown for those values (found through the description, so a wrong
 * default or display condition fails a test); `={{ … }}` defaults are evaluated against the item's
 * JSON, as n8n does for `$json`.
 */
export interface RunOptions {
	credentials: IDataObject;
	/** One parameter set for all items, or one per item. */
	parameters: IDataObject | IDataObject[];
	/** The input items (default: one empty item per parameter set). */
	items?: IDataObject[];
	continueOnFail?: boolean;
}

export function parameterValue(properties: INodeProperties[], values: IDataObject, name: string): unknown {
	const read = (key: string): unknown => {
		if (key in values) return values[key];
		const shown = properties.filter((p) => p.name === key && isShown(p));
		return shown.length ? shown[0].default : undefined;
	};
	const isShown = (p: INodeProperties): boolean =>
		Object.entries(p.displayOptions?.show ?? {}).every(([key, allowed]) => (allowed as unknown[]).includes(read(key)));
	return read(name);
}

function evaluate(value: unknown, json: IDataObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('={{')) return value;
	const expression = value.slice(3, value.lastIndexOf('}}'));
	return new Function('$json', `return (${expression});`)(json);
}

export function context(options: RunOptions): IExecuteFunctions {
	const perItem = Array.isArray(options.parameters) ? options.parameters : [options.parameters];
	const input: INodeExecutionData[] = (options.items ?? perItem.map(() => ({}))).map((json) => ({ json }));
	const self: INode = {
		id: 'tajo-loyalty',
		name: 'Tajo Loyalty',
		type: 'n8n-nodes-tajo-bigcommerce.tajoLoyalty',
		typeVersion: 1,
		position: [0, 0],
		parameters: perItem[0] as INode['parameters'],
	};
	const fake = {
		getInputData: () => input,
		getNode: () => self,
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: async (type: string) => {
			if (type !== 'tajoLoyaltyDatabase') throw new Error(`unexpected credential ${type}`);
			return options.credentials;
		},
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown): unknown {
			const values = perItem[Math.min(itemIndex, perItem.length - 1)];
			const value = parameterValue(node.description.properties, values, name);
			if (value === undefined) {
				if (fallback !== undefined) return fallback;
				throw new Error(`Could not get parameter "${name}"`);
			}
			return evaluate(value, input[itemIndex]?.json ?? {});
		},
	};
	return fake as unknown as IExecuteFunctions;
}

/** Runs execute() and returns the output items' JSON (and the raw items for pairedItem checks). */
export async function runNode(options: RunOptions): Promise<{ json: IDataObject[]; items: INodeExecutionData[] }> {
	const [items] = await node.execute.call(context(options));
	return { json: items.map((i) => i.json), items };
}

/** The one output item of a single-item run. */
export async function runOne(options: RunOptions): Promise<IDataObject> {
	const { json } = await runNode(options);
	if (json.length !== 1) throw new Error(`expected one output item, got ${json.length}`);
	return json[0];
}
