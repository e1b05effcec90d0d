import { NodeHelpers, NodeOperationError, Workflow, type IDataObject, type INode, type INodeExecutionData, type INodeParameters, type INodeTypes } from 'n8n-workflow';
import { SEED_SEGMENTS } from '../../../../nodes/SegmentEvaluator/description';
import { SegmentEvaluator } from '../../../../nodes/SegmentEvaluator/SegmentEvaluator.node';
import { takesErrorOutput } from '../support/error-output';
import { fakeContext, items, type FakeOptions } from './fake-context';

const node = new SegmentEvaluator();

/** Parameters as n8n would pass them: the description's defaults, overridden by the test. */
function parameters(overrides: IDataObject = {}): IDataObject {
	const defaults: IDataObject = {};
	for (const p of node.description.properties) defaults[p.name] = p.default as IDataObject[string];
	return { ...defaults, ...overrides };
}

async function run(overrides: IDataObject, input: INodeExecutionData[], options: FakeOptions = {}): Promise<INodeExecutionData[][]> {
	return node.execute.call(fakeContext(parameters(overrides), input, options));
}

const REFERENCE = { referenceTime: '2025-03-15T10:00:00Z' };

const profiles = items(
	{ email: 'first@example.com', orders_count: 1, total_spent: 40, customer_group: 'Retail', last_order_date: '2025-03-01T00:00:00Z' },
	{ email: 'big@example.com', orders_count: 6, total_spent: '2400.0000', customer_group: 'Wholesale', last_order_date: 'Tue, 20 Nov 2024 00:00:00 +0000' },
	{ email: 'none@example.com', orders_count: 0 },
);

describe('Segment Evaluator node', () => {
	it('describes itself as n8n expects', () => {
		const d = node.description;
		expect(d.name).toBe('segmentEvaluator');
		expect(d.usableAsTool).toBe(true);
		expect(d.icon).toBe('file:segment.svg');
		expect(JSON.parse(String(parameters().segmentsJson))).toEqual(SEED_SEGMENTS);
	});

	describe('tag mode', () => {
		it('adds the matching segment names to each item, seed segments by default', async () => {
			const [out] = await run({ options: REFERENCE }, profiles);
			expect(out.map((i) => i.json.segments)).toEqual([['First-Time Buyers'], ['Repeat Customers', 'High-Value Customers', 'Wholesale Accounts', 'At-Risk Customers'], []]);
			expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(out[1].json.email).toBe('big@example.com');
			expect(profiles[0].json.segments).toBeUndefined(); // input items are not modified
		});

		it('writes to a chosen field and keeps binary data', async () => {
			const input: INodeExecutionData[] = [{ json: { orders_count: 1 }, binary: { file: { data: 'AA==', mimeType: 'text/plain' } } }];
			const [out] = await run({ options: { ...REFERENCE, outputField: 'tajo_segments' } }, input);
			expect(out[0].json.tajo_segments).toEqual(['First-Time Buyers']);
			expect(out[0].binary).toEqual(input[0].binary);
		});

		it('honours strict number comparison when number texts are turned off', async () => {
			const [out] = await run({ options: { ...REFERENCE, numberStrings: false } }, items({ total_spent: '2400.0000' }));
			expect(out[0].json.segments).toEqual([]);
		});

		it('uses the workflow time zone unless one is given', async () => {
			const defs = JSON.stringify([{ name: 'Today', conditions: { seen: { $gte: 'today' } } }]);
			// At 23:30 UTC on 14 March it is 08:30 on the 15th in Tokyo, where "today" began at
			// 15:00 UTC: a visit at 14:00 UTC was yesterday there, but today in UTC.
			const input = items({ seen: '2025-03-14T14:00:00Z' });
			const base = { segmentsJson: defs };
			const tokyo = await run({ ...base, options: { referenceTime: '2025-03-14T23:30:00Z' } }, input, { timezone: 'Asia/Tokyo' });
			const utc = await run({ ...base, options: { referenceTime: '2025-03-14T23:30:00Z', timeZone: 'UTC' } }, input, { timezone: 'Asia/Tokyo' });
			expect(tokyo[0][0].json.segments).toEqual([]);
			expect(utc[0][0].json.segments).toEqual(['Today']);
		});
	});

	describe('route mode', () => {
		it('sends an item to every matching output, and the rest to No Match', async () => {
			const out = await run({ mode: 'route', options: REFERENCE }, profiles);
			expect(out).toHaveLength(SEED_SEGMENTS.length + 1);
			const emails = out.map((o) => o.map((i) => i.json.email));
			expect(emails).toEqual([['first@example.com'], ['big@example.com'], ['big@example.com'], ['big@example.com'], ['big@example.com'], ['none@example.com']]);
			expect(out[4][0].pairedItem).toEqual({ item: 1 });
		});

		it('sends an item to the first matching output only, by option', async () => {
			const out = await run({ mode: 'route', multipleMatches: 'first', options: REFERENCE }, profiles);
			expect(out.map((o) => o.length)).toEqual([1, 1, 0, 0, 0, 1]);
		});

		it('routes UI-built segments', async () => {
			const segmentsUi = {
				segment: [
					{ name: 'Big Spenders', combine: 'and', conditions: { condition: [{ field: 'total_spent', operator: 'gte', value: '1000' }] } },
					{ name: 'Lapsed', combine: 'or', conditions: { condition: [{ field: 'last_order_date', operator: 'lt', value: '-90 days' }, { field: 'orders_count', operator: 'equals', value: '0' }] } },
				],
			};
			const out = await run({ definitionSource: 'rows', segmentsUi, mode: 'route', options: REFERENCE }, profiles);
			expect(out.map((o) => o.map((i) => i.json.email))).toEqual([['big@example.com'], ['big@example.com', 'none@example.com'], ['first@example.com']]);
		});
	});

	describe('filter mode', () => {
		it('keeps the items of one segment', async () => {
			const [out] = await run({ mode: 'filter', segmentName: 'At-Risk Customers', options: REFERENCE }, profiles);
			expect(out.map((i) => i.json.email)).toEqual(['big@example.com']);
			expect(out[0].pairedItem).toEqual({ item: 1 });
		});

		it('says which segments exist when the chosen one does not', async () => {
			await expect(run({ mode: 'filter', segmentName: 'VIPs' }, profiles)).rejects.toMatchObject({
				message: 'Segment "VIPs" is not defined',
				description: expect.stringContaining('"First-Time Buyers", "Repeat Customers"'),
			});
		});
	});

	describe('errors', () => {
		const bad = JSON.stringify([{ name: 'At-Risk Customers', conditions: { last_order_date: { $lt: '-90 dayz' } } }]);

		it('stops on a definition error with a message naming the segment and path', async () => {
			const error = await run({ segmentsJson: bad }, profiles).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as NodeOperationError).message).toBe(
				'Segment "At-Risk Customers": conditions.last_order_date.$lt: "-90 dayz" is not a date or relative date: write a sign, a whole number and a unit (minutes, hours, days, weeks, months, years), e.g. "-90 days"',
			);
			expect((error as NodeOperationError).description).toMatch(/relative dates such as "-90 days"/);
		});

		it('with continue-on-fail, returns every item with the error, paired, on the first output', async () => {
			const out = await run({ segmentsJson: bad, mode: 'route' }, profiles, { continueOnFail: true });
			expect(out).toHaveLength(2); // one parsed segment name + No Match
			expect(out[0]).toEqual(
				profiles.map((_, i) => ({ json: { error: expect.stringContaining('"-90 dayz"'), details: { description: expect.stringMatching(/relative dates such as "-90 days"/) } }, pairedItem: { item: i } })),
			);
			// Only error and details: "Continue (using error output)" sends them to the error output.
			expect(out[0].every(takesErrorOutput)).toBe(true);
			expect(out[1]).toEqual([]);
		});

		it('reports invalid JSON, an unknown time zone and an invalid reference time', async () => {
			await expect(run({ segmentsJson: '[{"name": ' }, profiles)).rejects.toThrow(/not valid JSON/);
			await expect(run({ options: { timeZone: 'Europe/Pariss' } }, profiles)).rejects.toThrow(/"Europe\/Pariss" is not a known IANA time zone/);
			await expect(run({ options: { referenceTime: 'soon' } }, profiles)).rejects.toThrow(/reference time "soon" is not a date/);
		});

		it('with continue-on-fail, an item that cannot be evaluated becomes an error item', async () => {
			const throwing = { get orders_count(): number {
				throw new Error('broken getter');
			} };
			const input: INodeExecutionData[] = [{ json: throwing as unknown as IDataObject }, ...items({ orders_count: 1 })];
			const [out] = await run({ options: REFERENCE }, input, { continueOnFail: true });
			expect(out).toEqual([
				{ json: { error: 'broken getter', details: {} }, pairedItem: { item: 0 } },
				expect.objectContaining({ json: expect.objectContaining({ segments: ['First-Time Buyers'] }) }),
			]);
			expect(out.map(takesErrorOutput)).toEqual([true, false]);
			await expect(run({ options: REFERENCE }, input)).rejects.toMatchObject({ message: 'Item 0 could not be evaluated', description: 'broken getter' });
		});
	});
});

describe('outputs, evaluated by n8n', () => {
	function outputsFor(parameterValues: IDataObject): string[] {
		const nodeTypes: INodeTypes = {
			getByName: () => node,
			getByNameAndVersion: () => node,
			getKnownTypes: () => ({}),
		};
		const instance: INode = { id: '1', name: 'Segments', type: 'n8n-nodes-tajo-bigcommerce.segmentEvaluator', typeVersion: 1, position: [0, 0], parameters: parameterValues as INodeParameters };
		const workflow = new Workflow({ nodes: [instance], connections: {}, active: false, nodeTypes });
		return NodeHelpers.getNodeOutputs(workflow, workflow.getNode('Segments') as INode, node.description).map((o) =>
			typeof o === 'string' ? o : (o.displayName ?? o.type),
		);
	}

	it('has one output in tag and filter mode', () => {
		expect(outputsFor(parameters())).toEqual(['main']);
		expect(outputsFor(parameters({ mode: 'filter' }))).toEqual(['main']);
	});

	it('has one output per segment plus No Match in route mode', () => {
		expect(outputsFor(parameters({ mode: 'route' }))).toEqual([...SEED_SEGMENTS.map((s) => s.name), 'No Match']);
		expect(outputsFor({ mode: 'route' })).toEqual([...SEED_SEGMENTS.map((s) => s.name), 'No Match']);
		const segmentsUi = { segment: [{ name: 'A', conditions: {} }, { name: '', conditions: {} }] };
		expect(outputsFor(parameters({ mode: 'route', definitionSource: 'rows', segmentsUi }))).toEqual(['A', 'Segment 2', 'No Match']);
		expect(outputsFor(parameters({ mode: 'route', segmentsJson: '[not json' }))).toEqual(['No Match']);
	});
});

describe('filter dropdown', () => {
	it('lists the defined segment names', async () => {
		const context = { getCurrentNodeParameter: (name: string) => parameters()[name] };
		const options = await node.methods.loadOptions.getSegmentNames.call(context as never);
		expect(options.map((o) => o.value)).toEqual(SEED_SEGMENTS.map((s) => s.name));
		const broken = { getCurrentNodeParameter: (name: string) => (name === 'segmentsJson' ? '[' : undefined) };
		expect(await node.methods.loadOptions.getSegmentNames.call(broken as never)).toEqual([]);
	});
});
