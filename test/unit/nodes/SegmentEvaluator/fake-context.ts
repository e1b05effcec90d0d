import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

/**
 * A minimal IExecuteFunctions for running the node's execute() without n8n: parameters come from
 * a plain object (with the description's defaults), items from the test.
 */
export interface FakeOptions {
	continueOnFail?: boolean;
	timezone?: string;
}

export function fakeContext(parameters: IDataObject, items: INodeExecutionData[], options: FakeOptions = {}): IExecuteFunctions {
	const node: INode = {
		id: 'segment-evaluator',
		name: 'Segment Evaluator',
		type: 'n8n-nodes-tajo-bigcommerce.segmentEvaluator',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INodeParameters,
	};
	const context = {
		getInputData: () => items,
		getNode: () => node,
		getTimezone: () => options.timezone ?? 'UTC',
		continueOnFail: () => options.continueOnFail ?? false,
		getNodeParameter(name: string, _itemIndex: number, fallback?: unknown): unknown {
			return name in parameters ? parameters[name] : fallback;
		},
	};
	return context as unknown as IExecuteFunctions;
}

export const items = (...profiles: IDataObject[]): INodeExecutionData[] => profiles.map((json) => ({ json }));
