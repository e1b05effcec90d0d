import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { SegmentDefinitionError, type CompiledSegment } from '../core/segments';
import { errorItem } from '../shared/error-item';
import { properties, SEED_SEGMENTS } from './description';
import { configuredOutputs, outputsExpression } from './outputs';
import { compileFromParameters, getSegmentNames } from './parameters';

const DEFAULT_NAMES = SEED_SEGMENTS.map((s) => s.name);

const DEFINITION_HELP =
	'Each segment is { "name": …, "conditions": { … } }. Conditions: a value means equals; operators $eq $ne $gt $gte $lt $lte $in $nin $exists $regex $size $elemMatch $not $and $or $nor; relative dates such as "-90 days", "today", "this_month", "last_month", "this_year".';

type Mode = 'tag' | 'route' | 'filter';

export class SegmentEvaluator implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Segment Evaluator',
		name: 'segmentEvaluator',
		icon: 'file:segment.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["mode"]}}',
		description: 'Sort customer profiles into segments (Mongo-style conditions with relative dates): tag, route or filter them',
		defaults: { name: 'Segment Evaluator' },
		inputs: [NodeConnectionTypes.Main],
		outputs: outputsExpression(DEFAULT_NAMES),
		usableAsTool: true,
		properties,
	};

	methods = { loadOptions: { getSegmentNames } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const mode = this.getNodeParameter('mode', 0) as Mode;
		const outputCount = configuredOutputs(this.getNode().parameters as INodeParameters, DEFAULT_NAMES).length;

		let segments: CompiledSegment[];
		try {
			segments = compileFromParameters.call(this);
		} catch (error) {
			const problem = error instanceof SegmentDefinitionError ? error : new SegmentDefinitionError((error as Error).message);
			if (this.continueOnFail()) {
				// Every item carries the error, on the first output; n8n's error output picks them up.
				const failed = items.map((_, i) => errorItem(problem.message, { description: DEFINITION_HELP }, i));
				return [failed, ...Array.from({ length: Math.max(outputCount - 1, 0) }, () => [])];
			}
			throw new NodeOperationError(this.getNode(), problem.message, { description: DEFINITION_HELP });
		}

		if (mode === 'tag') return [tag.call(this, items, segments)];
		if (mode === 'filter') return [filter.call(this, items, segments)];
		return route.call(this, items, segments);
	}
}

/** Runs `fn` for item `i`; with continue-on-fail an error becomes an item, otherwise it names the item. */
function guarded(this: IExecuteFunctions, i: number, out: INodeExecutionData[], fn: () => void): void {
	try {
		fn();
	} catch (error) {
		if (this.continueOnFail()) {
			out.push(errorItem((error as Error).message, {}, i));
			return;
		}
		throw new NodeOperationError(this.getNode(), error as Error, {
			itemIndex: i,
			message: `Item ${i} could not be evaluated`,
			description: (error as Error).message,
		});
	}
}

function tag(this: IExecuteFunctions, items: INodeExecutionData[], segments: CompiledSegment[]): INodeExecutionData[] {
	const options = this.getNodeParameter('options', 0, {}) as { outputField?: string };
	const field = options.outputField?.trim() || 'segments';
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		guarded.call(this, i, out, () => {
			const item = items[i];
			const names: string[] = [];
			for (const s of segments) if (s.test(item.json)) names.push(s.name);
			out.push({ ...item, json: { ...item.json, [field]: names }, pairedItem: { item: i } });
		});
	}
	return out;
}

function filter(this: IExecuteFunctions, items: INodeExecutionData[], segments: CompiledSegment[]): INodeExecutionData[] {
	const name = String(this.getNodeParameter('segmentName', 0, '')).trim();
	const segment = segments.find((s) => s.name === name);
	if (!segment) {
		throw new NodeOperationError(this.getNode(), name ? `Segment "${name}" is not defined` : 'No segment is chosen to filter by', {
			description: `Choose one of the defined segments: ${segments.map((s) => `"${s.name}"`).join(', ')}`,
		});
	}
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		guarded.call(this, i, out, () => {
			if (segment.test(items[i].json)) out.push({ ...items[i], pairedItem: { item: i } });
		});
	}
	return out;
}

function route(this: IExecuteFunctions, items: INodeExecutionData[], segments: CompiledSegment[]): INodeExecutionData[][] {
	const firstOnly = this.getNodeParameter('multipleMatches', 0, 'all') === 'first';
	const outputs: INodeExecutionData[][] = Array.from({ length: segments.length + 1 }, () => []);
	const noMatch = outputs[segments.length];
	for (let i = 0; i < items.length; i++) {
		// Errors of an item (only possible with continue-on-fail) go to the first output, like n8n's Switch.
		guarded.call(this, i, outputs[0], () => {
			const item: INodeExecutionData = { ...items[i], pairedItem: { item: i } };
			let matched = false;
			for (let s = 0; s < segments.length; s++) {
				if (!segments[s].test(item.json)) continue;
				outputs[s].push(item);
				matched = true;
				if (firstOnly) break;
			}
			if (!matched) noMatch.push(item);
		});
	}
	return outputs;
}
