// Segment Evaluator E2E (issue 5): the node, installed from the package tarball in real n8n 2.41.1,
// sorts profiles posted to a webhook into the seed's five segments — tag, route (one output per
// segment plus "No Match", wired to downstream nodes) and filter modes —, resolves relative dates
// against a fixed reference time in a time zone (the node's, or the workflow's), and fails on a
// malformed definition with a message naming the segment and the path (or, with Continue On
// Fail, puts the error on the items). One n8n for the whole file.
import { randomUUID } from 'node:crypto';
import { nodeOutput, readManifest, startN8n, type Execution, type N8nInstance, type WorkflowJson } from '../harness';

// Each test drives real n8n over HTTP: more than Jest's default 5 s on a slow machine.

const manifest = readManifest();
const SEGMENT_EVALUATOR = `${manifest.name}.segmentEvaluator`;
const SEED_NAMES = ['First-Time Buyers', 'Repeat Customers', 'High-Value Customers', 'Wholesale Accounts', 'At-Risk Customers'];

const fileStarted = Date.now();
let n8n: N8nInstance;

beforeAll(async () => {
	n8n = await startN8n();
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	if (n8n) {
		process.stdout.write(
			`[segment evaluator e2e] whole file ${((Date.now() - fileStarted) / 1000).toFixed(1)} s; n8n start-up ${(n8n.timings.totalMs / 1000).toFixed(1)} s\n`,
		);
	}
}, 60_000);

// ---- workflow building ---------------------------------------------------------------------

type NodeJson = WorkflowJson['nodes'][number];

function node(name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): NodeJson {
	return { id: randomUUID(), name, type, typeVersion, position: [0, 0], parameters, ...extra };
}

function segmentEvaluator(name: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): NodeJson {
	return node(name, SEGMENT_EVALUATOR, 1, parameters, extra);
}

const main = (...targets: string[][]) => ({ main: targets.map((names) => names.map((n) => ({ node: n, type: 'main', index: 0 }))) });

/**
 * Webhook (POST `path`, body `{ profiles: [...] }`) → Split Out (one item per profile) → `steps`
 * in a chain → Respond to Webhook with all incoming items (unless `respond` is false: then the
 * webhook answers at once and the test reads the execution). `connections` adds or overrides.
 */
function profilesWorkflow(
	name: string,
	path: string,
	steps: NodeJson[],
	options: { respond?: boolean; extraNodes?: NodeJson[]; connections?: Record<string, unknown>; settings?: Record<string, unknown> } = {},
): WorkflowJson {
	const respond = options.respond ?? true;
	const nodes: NodeJson[] = [
		node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, responseMode: respond ? 'responseNode' : 'onReceived', options: {} }, { webhookId: randomUUID() }),
		node('Profiles', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.profiles', include: 'noOtherFields', options: {} }),
		...steps,
		...(options.extraNodes ?? []),
	];
	if (respond) nodes.push(node('Respond', 'n8n-nodes-base.respondToWebhook', 1.1, { respondWith: 'allIncomingItems', options: {} }));
	const chain = ['Webhook', 'Profiles', ...steps.map((s) => s.name), ...(respond ? ['Respond'] : [])];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < chain.length; i++) connections[chain[i]] = main([chain[i + 1]]);
	Object.assign(connections, options.connections ?? {});
	return { name, nodes, connections, settings: { executionOrder: 'v1', ...(options.settings ?? {}) } };
}

async function deploy(workflow: WorkflowJson): Promise<string> {
	const imported = await n8n.importWorkflow(workflow);
	const activated = await n8n.activateWorkflow(imported.id);
	expect(activated.active).toBe(true);
	return imported.id;
}

/** Posts the profiles; returns the webhook answer and the finished execution (with data). */
async function post(workflowId: string, path: string, profiles: unknown[], runs = 1): Promise<{ status: number; body: unknown; execution: Execution }> {
	const response = await n8n.callWebhook(path, { body: { profiles } });
	const finished = await n8n.waitForExecutions(workflowId, { count: runs, timeoutMs: 30_000 });
	const execution = await n8n.getExecution(finished[finished.length - 1].id, true);
	return { status: response.status, body: response.body, execution };
}

/** The items a node passed on in its first run (a No Operation node: what it received), or [] when n8n did not run it (no input). */
function ranWith(execution: Execution, nodeName: string): Array<Record<string, unknown>> {
	return execution.data?.resultData.runData[nodeName] ? nodeOutput(execution, nodeName) : [];
}

// ---- profiles ------------------------------------------------------------------------------

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** Hand-made profiles in BigCommerce's shapes (money as text, RFC 2822 dates) and plain ones. */
const profiles = [
	{ email: 'first@example.com', orders_count: 1, total_spent: '45.0000', customer_group: 'Retail', last_order_date: daysAgo(10) },
	{ email: 'big@example.com', orders_count: 5, total_spent: '1250.5000', customer_group: 'Retail', last_order_date: daysAgo(10) },
	{ email: 'wholesale@example.com', orders_count: 3, total_spent: 400, customer_group: 'Wholesale', last_order_date: daysAgo(200) },
	{ email: 'lapsed@example.com', orders_count: 2, total_spent: 90, customer_group: 'Retail', last_order_date: 'Tue, 20 Nov 2012 00:00:00 +0000' },
	// At-Risk needs two orders: one old order is a first-time buyer only.
	{ email: 'once-long-ago@example.com', orders_count: 1, total_spent: 20, customer_group: 'Retail', last_order_date: daysAgo(200) },
	{ email: 'nobody@example.com', orders_count: 0, total_spent: 0, customer_group: 'Retail' },
];

const expectedSegments: Record<string, string[]> = {
	'first@example.com': ['First-Time Buyers'],
	'big@example.com': ['Repeat Customers', 'High-Value Customers'],
	'wholesale@example.com': ['Repeat Customers', 'Wholesale Accounts', 'At-Risk Customers'],
	'lapsed@example.com': ['Repeat Customers', 'At-Risk Customers'],
	'once-long-ago@example.com': ['First-Time Buyers'],
	'nobody@example.com': [],
};

const emails = (items: Array<Record<string, unknown>>) => items.map((item) => item.email);

// ---- tests -----------------------------------------------------------------------------------

it('n8n knows the node under the package name', async () => {
	const types = await n8n.nodeTypes();
	expect(types.find((t) => t.name === SEGMENT_EVALUATOR)).toEqual(expect.objectContaining({ displayName: 'Segment Evaluator' }));
});

it('filter mode’s drop-down lists the segments currently defined, through n8n’s editor API', async () => {
	const names = await n8n.rest<Array<{ name: string; value: string }>>('POST', '/rest/dynamic-node-parameters/options', {
		nodeTypeAndVersion: { name: SEGMENT_EVALUATOR, version: 1 },
		path: 'segmentName',
		methodName: 'getSegmentNames',
		currentNodeParameters: { definitionSource: 'json', segmentsJson: JSON.stringify(seedDefinitions()), mode: 'filter' },
	});
	expect(names).toEqual(SEED_NAMES.map((name) => ({ name, value: name })));
});

describe('the seed’s five segments on profiles posted to a webhook', () => {
	it('tag mode adds `segments` to each item (the node’s default definitions are the seed’s)', async () => {
		// Nothing but the mode set: the JSON definitions are the node's default, the seed's five.
		const id = await deploy(profilesWorkflow('E2E segments: tag', 'e2e-segments-tag', [segmentEvaluator('Segment Evaluator', { mode: 'tag' })]));
		const { status, body, execution } = await post(id, 'e2e-segments-tag', profiles);
		expect({ status, executionStatus: execution.status }).toEqual({ status: 200, executionStatus: 'success' });
		const items = body as Array<Record<string, unknown>>;
		expect(Object.fromEntries(items.map((item) => [item.email, item.segments]))).toEqual(expectedSegments);
		// The profile itself passes through unchanged beside the new field.
		expect(items[1]).toEqual({ ...profiles[1], segments: ['Repeat Customers', 'High-Value Customers'] });
	});

	it('route mode sends each item to its segments’ outputs (both, when in two) and the rest to No Match', async () => {
		const outputNames = [...SEED_NAMES, 'No Match'];
		const sinks = outputNames.map((name) => node(`Out: ${name}`, 'n8n-nodes-base.noOp', 1, {}));
		const workflow = profilesWorkflow('E2E segments: route', 'e2e-segments-route', [segmentEvaluator('Route', { mode: 'route', segmentsJson: JSON.stringify(seedDefinitions()) })], {
			respond: false,
			extraNodes: sinks,
			connections: { Route: main(...outputNames.map((name) => [`Out: ${name}`])) },
		});
		const id = await deploy(workflow);
		const { status, execution } = await post(id, 'e2e-segments-route', profiles);
		expect({ status, executionStatus: execution.status }).toEqual({ status: 200, executionStatus: 'success' });

		// The node's outputs, as n8n recorded them: six, in the order of the definitions.
		const routed = outputNames.map((_, output) => emails(nodeOutput(execution, 'Route', output)));
		// And what each downstream node received through its connection.
		const received = outputNames.map((name) => emails(ranWith(execution, `Out: ${name}`)));
		const expected = [
			['first@example.com', 'once-long-ago@example.com'],
			['big@example.com', 'wholesale@example.com', 'lapsed@example.com'],
			['big@example.com'],
			['wholesale@example.com'],
			['wholesale@example.com', 'lapsed@example.com'],
			['nobody@example.com'],
		];
		expect(routed).toEqual(expected);
		expect(received).toEqual(expected);
	});

	it('route mode with “first matching output only” sends an item in several segments once', async () => {
		const id = await deploy(
			profilesWorkflow('E2E segments: route first', 'e2e-segments-route-first', [segmentEvaluator('Route', { mode: 'route', multipleMatches: 'first' })], { respond: false }),
		);
		const { execution } = await post(id, 'e2e-segments-route-first', profiles);
		expect(execution.status).toBe('success');
		const routed = [0, 1, 2, 3, 4, 5].map((output) => emails(nodeOutput(execution, 'Route', output)));
		expect(routed).toEqual([['first@example.com', 'once-long-ago@example.com'], ['big@example.com', 'wholesale@example.com', 'lapsed@example.com'], [], [], [], ['nobody@example.com']]);
	});

	it('segments built row by row (no JSON) route like their JSON twins, one output per row segment', async () => {
		const row = (field: string, operator: string, value = '', valueType = 'auto') => ({ field, operator, value, valueType });
		const segmentsUi = {
			segment: [
				{ name: 'Repeat Customers', combine: 'and', conditions: { condition: [row('orders_count', 'gte', '2')] } },
				{ name: 'Big or Wholesale', combine: 'or', conditions: { condition: [row('total_spent', 'gte', '1000'), row('customer_group', 'equals', 'Wholesale', 'string')] } },
				{ name: 'At-Risk Customers', combine: 'and', conditions: { condition: [row('last_order_date', 'lt', '-90 days'), row('orders_count', 'gte', '2'), row('last_order_date', 'exists')] } },
			],
		};
		const outputNames = ['Repeat Customers', 'Big or Wholesale', 'At-Risk Customers', 'No Match'];
		const sinks = outputNames.map((name) => node(`Rows: ${name}`, 'n8n-nodes-base.noOp', 1, {}));
		const workflow = profilesWorkflow('E2E segments: rows', 'e2e-segments-rows', [segmentEvaluator('Route rows', { definitionSource: 'rows', segmentsUi, mode: 'route' })], {
			respond: false,
			extraNodes: sinks,
			connections: { 'Route rows': main(...outputNames.map((name) => [`Rows: ${name}`])) },
		});
		const id = await deploy(workflow);
		const { execution } = await post(id, 'e2e-segments-rows', profiles);
		expect(execution.status).toBe('success');
		expect(outputNames.map((name) => emails(ranWith(execution, `Rows: ${name}`)))).toEqual([
			['big@example.com', 'wholesale@example.com', 'lapsed@example.com'],
			['big@example.com', 'wholesale@example.com'],
			['wholesale@example.com', 'lapsed@example.com'],
			['first@example.com', 'once-long-ago@example.com', 'nobody@example.com'],
		]);
	});

	it('filter mode keeps only the items of one segment', async () => {
		const id = await deploy(
			profilesWorkflow('E2E segments: filter', 'e2e-segments-filter', [segmentEvaluator('Filter', { mode: 'filter', segmentName: 'At-Risk Customers' })]),
		);
		const { status, body } = await post(id, 'e2e-segments-filter', profiles);
		expect(status).toBe(200);
		expect(body).toEqual([profiles[2], profiles[3]]);
	});
});

describe('relative dates against a fixed reference time, in a time zone', () => {
	// 02:30 UTC on 1 March 2024 is 21:30 on 29 February in New York (UTC−5) and 11:30 on 1 March
	// in Tokyo (UTC+9): "today" and "this_month" differ between the three zones.
	const REFERENCE_TIME = '2024-03-01T02:30:00Z';
	const definitions = [
		{ name: 'Ordered Today', conditions: { last_order_date: { $gte: 'today' } } },
		{ name: 'Ordered This Month', conditions: { last_order_date: { $gte: 'this_month' } } },
		{ name: 'Ordered Last Month', conditions: { last_order_date: { $gte: 'last_month', $lt: 'this_month' } } },
		{ name: 'Lapsed', conditions: { last_order_date: { $lt: '-90 days' } } },
	];
	const dated = [
		{ id: 'evening-29-feb', last_order_date: '2024-02-29T20:00:00Z' }, // 15:00 NY 29 Feb, 05:00 Tokyo 1 Mar
		{ id: 'morning-29-feb', last_order_date: '2024-02-29T10:00:00Z' }, // 05:00 NY 29 Feb, 19:00 Tokyo 29 Feb
		{ id: 'december-1', last_order_date: '2023-12-01T00:00:00Z' }, // more than 90 days before the reference
		{ id: 'december-3', last_order_date: '2023-12-03T00:00:00Z' }, // less than 90 days
	];

	it('"today", "this_month", "last_month" and "-90 days" follow the reference time and the zone (node option or workflow zone)', async () => {
		const tagger = (name: string, outputField: string, timeZone?: string) =>
			segmentEvaluator(name, {
				mode: 'tag',
				segmentsJson: JSON.stringify(definitions),
				options: { referenceTime: REFERENCE_TIME, outputField, ...(timeZone ? { timeZone } : {}) },
			});
		const workflow = profilesWorkflow(
			'E2E segments: relative dates',
			'e2e-segments-dates',
			[tagger('New York', 'newYork', 'America/New_York'), tagger('UTC', 'utc', 'UTC'), tagger('Workflow zone', 'workflowZone')],
			{ settings: { timezone: 'Asia/Tokyo' } },
		);
		const id = await deploy(workflow);
		const { status, body } = await post(id, 'e2e-segments-dates', dated);
		expect(status).toBe(200);
		const byId = Object.fromEntries((body as Array<Record<string, unknown>>).map((item) => [item.id, { newYork: item.newYork, utc: item.utc, tokyo: item.workflowZone }]));
		expect(byId).toEqual({
			'evening-29-feb': { newYork: ['Ordered Today', 'Ordered This Month'], utc: ['Ordered Last Month'], tokyo: ['Ordered Today', 'Ordered This Month'] },
			'morning-29-feb': { newYork: ['Ordered Today', 'Ordered This Month'], utc: ['Ordered Last Month'], tokyo: ['Ordered Last Month'] },
			'december-1': { newYork: ['Lapsed'], utc: ['Lapsed'], tokyo: ['Lapsed'] },
			'december-3': { newYork: [], utc: [], tokyo: [] },
		});
	});
});

describe('a malformed definition', () => {
	const malformed = JSON.stringify([
		{ name: 'VIP', conditions: { total_spent: { $gte: 1000 } } },
		{ name: 'Lapsed Regulars', conditions: { orders_count: { $gte: 2 }, last_order_date: { $lt: '-90 dayz' } } },
	]);

	it('fails the execution with a message naming the segment and the path', async () => {
		const id = await deploy(profilesWorkflow('E2E segments: malformed', 'e2e-segments-malformed', [segmentEvaluator('Segment Evaluator', { mode: 'tag', segmentsJson: malformed })]));
		const { status, execution } = await post(id, 'e2e-segments-malformed', profiles.slice(0, 2));
		expect(status).toBeGreaterThanOrEqual(500);
		expect(execution.status).toBe('error');
		const error = execution.data?.resultData.error;
		expect(execution.data?.resultData.lastNodeExecuted).toBe('Segment Evaluator');
		expect(error?.message).toContain('Segment "Lapsed Regulars"');
		expect(error?.message).toContain('conditions.last_order_date.$lt');
		expect(error?.message).toContain('-90 dayz');
	});

	it('with Continue On Fail, each item carries the error and the execution succeeds', async () => {
		// An operator outside the closed list: refused, never run.
		const unknownOperator = JSON.stringify([{ name: 'Scripted', conditions: { $where: 'this.total_spent > 1000' } }]);
		const id = await deploy(
			profilesWorkflow('E2E segments: malformed, continue', 'e2e-segments-malformed-continue', [
				segmentEvaluator('Segment Evaluator', { mode: 'tag', segmentsJson: unknownOperator }, { onError: 'continueRegularOutput' }),
			]),
		);
		const { status, body, execution } = await post(id, 'e2e-segments-malformed-continue', profiles.slice(0, 2));
		expect({ status, executionStatus: execution.status }).toEqual({ status: 200, executionStatus: 'success' });
		const items = body as Array<Record<string, unknown>>;
		expect(items).toHaveLength(2);
		for (const item of items) {
			expect(item.error).toEqual(expect.stringContaining('Segment "Scripted"'));
			expect(item.error).toEqual(expect.stringContaining('$where'));
			expect(item.segments).toBeUndefined();
		}
	});
});

/** The seed's five segments, written out as the integration guide's step 6 has them. */
function seedDefinitions() {
	return [
		{ name: 'First-Time Buyers', conditions: { orders_count: 1 } },
		{ name: 'Repeat Customers', conditions: { orders_count: { $gte: 2 } } },
		{ name: 'High-Value Customers', conditions: { total_spent: { $gte: 1000 } } },
		{ name: 'Wholesale Accounts', conditions: { customer_group: 'Wholesale' } },
		{ name: 'At-Risk Customers', conditions: { last_order_date: { $lt: '-90 days' }, orders_count: { $gte: 2 } } },
	];
}
