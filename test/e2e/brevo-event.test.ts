// Brevo Event E2E (issue 5): the node, installed from the package tarball in real n8n 2.41.1, talks
// to the Brevo emulator through n8n's credential and request helpers: events (one and a batch)
// reach Brevo, contacts are created and updated with attributes and lists (values of unknown
// attributes reported), consent comes back as booleans (also for a contact found by its SMS
// number; a number without country code takes the error output), lists are created once by name
// and listed, a templated email is sent once even when the workflow runs twice with the same item
// (idempotency key), a 429 storm is retried to success, and once retries are spent the execution
// fails with a clear message. One n8n for the whole file.
import { randomUUID } from 'node:crypto';
import { startBrevoSandbox, type BrevoSandbox } from '../../sandbox/brevo';
import { nodeOutput, readManifest, startN8n, withCredentials, type Execution, type N8nInstance, type WorkflowJson } from '../harness';

// Each test drives real n8n over HTTP: more than Jest's default 5 s on a slow machine.

const manifest = readManifest();
const BREVO_EVENT = `${manifest.name}.brevoEvent`;

const fileStarted = Date.now();
let n8n: N8nInstance;
let brevo: BrevoSandbox;
let credential: { id: string; name: string };

beforeAll(async () => {
	const started = await Promise.allSettled([startN8n(), startBrevoSandbox()]);
	const [n8nResult, brevoResult] = started;
	if (n8nResult.status === 'fulfilled') n8n = n8nResult.value;
	if (brevoResult.status === 'fulfilled') brevo = brevoResult.value;
	const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failure) throw failure.reason;
	credential = await n8n.createCredential('Brevo sandbox', 'brevoApi', { apiKey: brevo.apiKey, baseUrl: brevo.apiBaseUrl });
}, 15 * 60_000);

afterAll(async () => {
	await Promise.allSettled([n8n?.stop(), brevo?.close()]);
	if (n8n) {
		process.stdout.write(`[brevo event e2e] whole file ${((Date.now() - fileStarted) / 1000).toFixed(1)} s; n8n start-up ${(n8n.timings.totalMs / 1000).toFixed(1)} s\n`);
	}
}, 60_000);

// ---- workflow building ---------------------------------------------------------------------

type NodeJson = WorkflowJson['nodes'][number];

function node(name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): NodeJson {
	return { id: randomUUID(), name, type, typeVersion, position: [0, 0], parameters, ...extra };
}

function brevoNode(name: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): NodeJson {
	return node(name, BREVO_EVENT, 1, parameters, { credentials: { brevoApi: { id: '', name: '' } }, ...extra });
}

/**
 * Webhook (POST `path`) → [Split Out `body.<splitField>`] → `steps` in a chain → Respond to
 * Webhook with all incoming items; the Brevo nodes get the sandbox credential, as a user picks it
 * after importing.
 */
function webhookWorkflow(name: string, path: string, steps: NodeJson[], options: { splitField?: string } = {}): WorkflowJson {
	const nodes: NodeJson[] = [node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, responseMode: 'responseNode', options: {} }, { webhookId: randomUUID() })];
	if (options.splitField) nodes.push(node('Split', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: `body.${options.splitField}`, include: 'noOtherFields', options: {} }));
	nodes.push(...steps, node('Respond', 'n8n-nodes-base.respondToWebhook', 1.1, { respondWith: 'allIncomingItems', options: {} }));
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return withCredentials({ name, nodes, connections, settings: { executionOrder: 'v1' } }, { brevoApi: credential });
}

async function deploy(workflow: WorkflowJson): Promise<string> {
	const imported = await n8n.importWorkflow(workflow);
	const activated = await n8n.activateWorkflow(imported.id);
	expect(activated.active).toBe(true);
	return imported.id;
}

/** Calls the webhook; returns its answer and the execution it started (the `run`-th), with data. */
async function call(workflowId: string, path: string, body: unknown, run = 1): Promise<{ status: number; body: unknown; execution: Execution }> {
	const response = await n8n.callWebhook(path, { body });
	const finished = await n8n.waitForExecutions(workflowId, { count: run, timeoutMs: 60_000 });
	const execution = await n8n.getExecution(finished[run - 1].id, true);
	return { status: response.status, body: response.body, execution };
}

const lastSeq = () => brevo.received().at(-1)?.seq ?? 0;

// ---- tests -----------------------------------------------------------------------------------

it('n8n knows the node under the package name', async () => {
	const types = await n8n.nodeTypes();
	expect(types.find((t) => t.name === BREVO_EVENT)).toEqual(expect.objectContaining({ displayName: 'Brevo Event', credentials: [expect.objectContaining({ name: 'brevoApi' })] }));
});

it('the editor’s drop-downs (templates, lists, attributes) load from Brevo through the stored credential', async () => {
	const options = (methodName: string) =>
		n8n.rest<Array<{ name: string; value: string | number }>>('POST', '/rest/dynamic-node-parameters/options', {
			nodeTypeAndVersion: { name: BREVO_EVENT, version: 1 },
			path: 'templateId',
			methodName,
			currentNodeParameters: { resource: 'email', operation: 'sendTemplate' },
			credentials: { brevoApi: credential },
		});
	expect(await options('getTemplates')).toEqual(expect.arrayContaining([{ name: 'points_awarded (#5)', value: 5 }]));
	expect(await options('getLists')).toEqual(expect.arrayContaining([{ name: 'vip_exclusive (#3)', value: 3 }]));
	expect((await options('getAttributes')).map((o) => o.value)).toEqual(expect.arrayContaining(['FIRSTNAME', 'LOYALTY_POINTS', 'LOYALTY_TIER', 'CUSTOMER_GROUP']));
	expect(await options('getFolders')).toEqual([{ name: 'Your first folder (#1)', value: 1 }]);
});

describe('Event', () => {
	const TRACK_PATH = 'e2e-brevo-track';
	let trackWorkflowId: string;
	let trackRuns = 0;
	const shipped = { email: 'jane@example.com', orderId: 100, trackingNumber: '1Z999AA10123456784', carrier: 'UPS', tier: 'Gold' };

	beforeAll(async () => {
		// The seed's brevo.trackEvent(email, 'order_shipped', { orderId, trackingNumber, carrier }).
		const track = brevoNode('Track order_shipped', {
			resource: 'event',
			operation: 'track',
			eventName: 'order_shipped',
			email: '={{ $json.body.email }}',
			eventPropertiesMode: 'json',
			eventPropertiesJson: '={{ JSON.stringify({ orderId: $json.body.orderId, trackingNumber: $json.body.trackingNumber, carrier: $json.body.carrier }) }}',
			contactPropertiesFields: { values: [{ name: 'LOYALTY_TIER', value: '={{ $json.body.tier }}' }] },
		});
		trackWorkflowId = await deploy(webhookWorkflow('E2E Brevo: track order_shipped', TRACK_PATH, [track]));
	}, 30_000);

	const track = async (body: unknown) => call(trackWorkflowId, TRACK_PATH, body, ++trackRuns);

	it('Track: the event reaches Brevo with its identifiers and properties', async () => {
		const before = brevo.events({ eventName: 'order_shipped' }).length;
		const { status, body, execution } = await track(shipped);
		expect({ status, executionStatus: execution.status }).toEqual({ status: 200, executionStatus: 'success' });
		expect(body).toEqual([{ tracked: true, eventName: 'order_shipped', identifiers: { email_id: 'jane@example.com' }, eventDate: null }]);
		const events = brevo.events({ eventName: 'order_shipped', email: 'jane@example.com' });
		expect(events).toHaveLength(before + 1);
		expect(events.at(-1)).toMatchObject({
			source: 'single',
			event_name: 'order_shipped',
			identifiers: { email_id: 'jane@example.com' },
			event_properties: { orderId: 100, trackingNumber: '1Z999AA10123456784', carrier: 'UPS' },
			contact_properties: { LOYALTY_TIER: 'Gold' },
		});
	});

	it('Track Many: one request to the batch endpoint for all items', async () => {
		const trackMany = brevoNode('Track points_awarded', {
			resource: 'event',
			operation: 'trackMany',
			eventName: 'points_awarded',
			email: '={{ $json.email }}',
			eventPropertiesFields: { values: [{ name: 'points', value: '={{ $json.points }}' }] },
		});
		const id = await deploy(webhookWorkflow('E2E Brevo: track many', 'e2e-brevo-track-many', [trackMany], { splitField: 'customers' }));
		const customers = [1, 2, 3].map((n) => ({ email: `batch${n}@example.com`, points: n * 100 }));
		const checkpoint = lastSeq();
		const { status, body } = await call(id, 'e2e-brevo-track-many', { customers });
		expect(status).toBe(200);
		expect(body).toEqual(customers.map((c) => expect.objectContaining({ tracked: true, eventName: 'points_awarded', identifiers: { email_id: c.email } })));
		expect(brevo.received({ afterSeq: checkpoint }).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /v3/events/batch 202']);
		expect(brevo.events({ eventName: 'points_awarded' }).map((e) => [e.source, e.identifiers.email_id, e.event_properties?.points])).toEqual(
			customers.map((c) => ['batch', c.email, c.points]),
		);
	});

	it('a 429 storm is retried, and the execution succeeds with the event sent once', async () => {
		const checkpoint = lastSeq();
		const before = brevo.events({ eventName: 'order_shipped' }).length;
		brevo.injectRateLimitStorm({ count: 2, family: 'events' });
		const started = Date.now();
		const { status, execution } = await track({ ...shipped, orderId: 101 });
		expect({ status, executionStatus: execution.status }).toEqual({ status: 200, executionStatus: 'success' });
		expect(brevo.received({ afterSeq: checkpoint }).map((r) => r.status)).toEqual([429, 429, 204]);
		expect(brevo.events({ eventName: 'order_shipped' })).toHaveLength(before + 1);
		expect(brevo.events({ eventName: 'order_shipped' }).at(-1)?.event_properties).toMatchObject({ orderId: 101 });
		// The waits honoured x-sib-ratelimit-reset (at least a second), and stayed short.
		expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
		expect(Date.now() - started).toBeLessThan(15_000);
	}, 30_000);

	it('once retries are spent, the execution fails with a clear message and nothing is sent', async () => {
		const checkpoint = lastSeq();
		const before = brevo.events().length;
		// Six 429s: as many as the transport's attempts (it waits about 10 to 16 s in all).
		brevo.injectRateLimitStorm({ count: 6, family: 'events' });
		try {
			const { status, execution } = await track({ ...shipped, orderId: 102 });
			expect(status).toBeGreaterThanOrEqual(500);
			expect(execution.status).toBe('error');
			expect(execution.data?.resultData.lastNodeExecuted).toBe('Track order_shipped');
			const error = execution.data?.resultData.error;
			expect(error?.message).toMatch(/^Brevo kept answering 429 \(rate limit\) for 6 attempts over .+ when trying to track the event "order_shipped"\.$/);
			expect(error?.description).toMatch(/^Brevo limits how many requests an account may send/);
			expect(brevo.received({ afterSeq: checkpoint }).map((r) => [r.status, r.fault])).toEqual(Array.from({ length: 6 }, () => [429, 'rateLimit']));
			expect(brevo.events()).toHaveLength(before);
		} finally {
			brevo.clearFaults();
		}
	}, 60_000);
});

describe('Contact', () => {
	it('Create or Update sets attributes and lists, reports values of unknown attributes, and updates on the next run; Get reads it back', async () => {
		const upsert = brevoNode('Upsert contact', {
			resource: 'contact',
			operation: 'upsert',
			email: '={{ $json.body.email }}',
			attributesFields: {
				values: [
					{ name: 'FIRSTNAME', value: '={{ $json.body.firstName }}' },
					{ name: 'LOYALTY_POINTS', value: '={{ $json.body.points }}' },
					{ name: 'LOYALTY_TIER', value: '={{ $json.body.tier }}' },
					{ name: 'FAVOURITE_COLOUR', value: 'blue' },
				],
			},
			addToLists: '={{ $json.body.join }}',
			removeFromLists: '={{ $json.body.leave }}',
			unknownAttributes: 'warn',
		});
		const get = brevoNode('Get contact', { resource: 'contact', operation: 'get', identifierType: 'email_id', identifier: "={{ $('Webhook').item.json.body.email }}" });
		const id = await deploy(webhookWorkflow('E2E Brevo: upsert contact', 'e2e-brevo-contact', [upsert, get]));

		const first = await call(id, 'e2e-brevo-contact', { email: 'ada@example.com', firstName: 'Ada', points: '1200', tier: 'Gold', join: [1, 3], leave: [] });
		expect({ status: first.status, executionStatus: first.execution.status }).toEqual({ status: 200, executionStatus: 'success' });
		expect(nodeOutput(first.execution, 'Upsert contact')).toEqual([
			expect.objectContaining({
				created: true,
				attributesSent: { FIRSTNAME: 'Ada', LOYALTY_POINTS: 1200, LOYALTY_TIER: 'Gold' },
				addedToLists: [1, 3],
				removedFromLists: [],
				ignoredAttributes: [{ name: 'FAVOURITE_COLOUR', value: 'blue', reason: expect.stringContaining('no such attribute') }],
			}),
		]);
		expect(brevo.contact('ada@example.com')).toMatchObject({ listIds: [1, 3], attributes: { FIRSTNAME: 'Ada', LOYALTY_POINTS: 1200, LOYALTY_TIER: 'Gold' } });
		expect(brevo.contact('ada@example.com')?.attributes).not.toHaveProperty('FAVOURITE_COLOUR');
		expect(first.body).toEqual([expect.objectContaining({ found: true, email: 'ada@example.com', listIds: [1, 3], attributes: expect.objectContaining({ LOYALTY_POINTS: 1200 }) })]);

		const second = await call(id, 'e2e-brevo-contact', { email: 'ada@example.com', firstName: 'Ada', points: 1500, tier: 'Platinum', join: [], leave: [1] }, 2);
		expect(second.execution.status).toBe('success');
		expect(nodeOutput(second.execution, 'Upsert contact')[0]).toMatchObject({ created: false, removedFromLists: [1] });
		expect(brevo.contacts({ email: 'ada@example.com' })).toHaveLength(1);
		expect(brevo.contact('ada@example.com')).toMatchObject({ listIds: [3], attributes: { LOYALTY_POINTS: 1500, LOYALTY_TIER: 'Platinum' } });
	});

	it('Get Consent gives booleans for a blacklisted contact, a reachable one and an unknown one', async () => {
		brevo.createContact({ email: 'opted-out@example.com', listIds: [1, 2], attributes: { SMS: '+33612345678' } });
		brevo.setContactConsent('opted-out@example.com', { emailBlacklisted: true, unsubscribeFromLists: [2] });
		brevo.createContact({ email: 'reachable@example.com', listIds: [1] });
		const consent = brevoNode('Consent', { resource: 'contact', operation: 'getConsent', identifierType: 'email_id', identifier: '={{ $json.email }}' });
		const id = await deploy(webhookWorkflow('E2E Brevo: consent', 'e2e-brevo-consent', [consent], { splitField: 'contacts' }));
		const { status, body } = await call(id, 'e2e-brevo-consent', { contacts: [{ email: 'opted-out@example.com' }, { email: 'reachable@example.com' }, { email: 'unknown@example.com' }] });
		expect(status).toBe(200);
		const [optedOut, reachable, unknown] = body as Array<Record<string, unknown>>;
		expect(optedOut).toMatchObject({
			found: true,
			email: 'opted-out@example.com',
			emailBlacklisted: true,
			smsBlacklisted: false,
			whatsappBlacklisted: false,
			unsubscribedListIds: [2],
			canEmail: false,
			canSms: true,
			canWhatsapp: true,
		});
		expect(reachable).toMatchObject({ found: true, emailBlacklisted: false, canEmail: true, canSms: true, canWhatsapp: true });
		expect(unknown).toMatchObject({ found: false, canEmail: true, canSms: true, canWhatsapp: true });
		for (const item of [optedOut, reachable, unknown]) {
			for (const key of ['found', 'emailBlacklisted', 'smsBlacklisted', 'whatsappBlacklisted', 'canEmail', 'canSms', 'canWhatsapp']) expect(typeof item[key]).toBe('boolean');
		}
	});
});

describe('Contact by SMS number', () => {
	it('Get Consent finds an SMS-only contact by its number however it is written; a number without country code takes the error output', async () => {
		brevo.createContact({ attributes: { SMS: '+33622223333' }, smsBlacklisted: true });
		const consent = brevoNode('Consent', { resource: 'contact', operation: 'getConsent', identifierType: 'phone_id', identifier: '={{ $json.phone }}' }, { onError: 'continueErrorOutput' });
		const workflow = withCredentials(
			{
				name: 'E2E Brevo: consent by phone',
				nodes: [
					node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path: 'e2e-brevo-consent-phone', options: {} }, { webhookId: randomUUID() }),
					node('Split', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.contacts', include: 'noOtherFields', options: {} }),
					consent,
				],
				connections: {
					Webhook: { main: [[{ node: 'Split', type: 'main', index: 0 }]] },
					Split: { main: [[{ node: 'Consent', type: 'main', index: 0 }]] },
				},
				settings: { executionOrder: 'v1' },
			},
			{ brevoApi: credential },
		);
		const id = await deploy(workflow);
		const { execution } = await call(id, 'e2e-brevo-consent-phone', { contacts: [{ phone: '+33 6 22 22 33 33' }, { phone: '0622223333' }] });
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'Consent', 0)).toEqual([
			expect.objectContaining({ identifierType: 'phone_id', identifier: '+33622223333', found: true, sms: '+33622223333', smsBlacklisted: true, canSms: false }),
		]);
		expect(nodeOutput(execution, 'Consent', 1)).toEqual([
			{
				phone: '0622223333',
				error: expect.stringContaining('"0622223333" has no country code'),
				details: { failure: 'invalid_input', problems: [{ field: 'identifier', message: expect.stringContaining('no country code') }] },
			},
		]);
	});
});

describe('List', () => {
	it('Create makes a list once (run again: the existing one, created: false); Get Many gives one item per list with its folder', async () => {
		const create = brevoNode('Create list', { resource: 'list', operation: 'create', name: '={{ $json.body.name }}' });
		const createId = await deploy(webhookWorkflow('E2E Brevo: create list', 'e2e-brevo-list-create', [create]));
		const first = await call(createId, 'e2e-brevo-list-create', { name: 'e2e_household' }, 1);
		const second = await call(createId, 'e2e-brevo-list-create', { name: 'e2e_household' }, 2);
		expect([first.execution.status, second.execution.status]).toEqual(['success', 'success']);
		const [made] = first.body as Array<Record<string, unknown>>;
		expect(made).toEqual({ created: true, id: expect.any(Number), name: 'e2e_household', folderId: 1, folderName: 'Your first folder' });
		expect(second.body).toEqual([{ ...made, created: false }]);
		expect(brevo.lists().filter((l) => l.name === 'e2e_household')).toHaveLength(1);

		const getAll = brevoNode('Get lists', { resource: 'list', operation: 'getAll', returnAll: true });
		const getId = await deploy(webhookWorkflow('E2E Brevo: get lists', 'e2e-brevo-list-get', [getAll]));
		const { body } = await call(getId, 'e2e-brevo-list-get', {});
		const lists = body as Array<Record<string, unknown>>;
		expect(lists.map((l) => l.id)).toEqual(brevo.lists().map((l) => l.id));
		expect(lists.find((l) => l.id === made.id)).toEqual(expect.objectContaining({ name: 'e2e_household', folderId: 1, folderName: 'Your first folder', uniqueSubscribers: 0 }));
	});
});

describe('On Error: Continue (using error output)', () => {
	// n8n moves an item to the error output only if its json is { error, message?, details? }
	// (n8n-core WorkflowExecute.handleNodeErrorOutput); the node's failed items are { error, details }.
	it('a contact Brevo does not have and an empty email take the error output with what went wrong; a found contact the success output', async () => {
		brevo.createContact({ email: 'known@example.com', listIds: [1] });
		const get = brevoNode('Get contact', { resource: 'contact', operation: 'get', identifierType: 'email_id', identifier: '={{ $json.email }}' }, { onError: 'continueErrorOutput' });
		const workflow = withCredentials(
			{
				name: 'E2E Brevo: error output',
				nodes: [
					node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path: 'e2e-brevo-error-output', options: {} }, { webhookId: randomUUID() }),
					node('Split', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.contacts', include: 'noOtherFields', options: {} }),
					get,
					node('Found', 'n8n-nodes-base.noOp', 1, {}),
					node('Failed', 'n8n-nodes-base.noOp', 1, {}),
				],
				connections: {
					Webhook: { main: [[{ node: 'Split', type: 'main', index: 0 }]] },
					Split: { main: [[{ node: 'Get contact', type: 'main', index: 0 }]] },
					'Get contact': { main: [[{ node: 'Found', type: 'main', index: 0 }], [{ node: 'Failed', type: 'main', index: 0 }]] },
				},
				settings: { executionOrder: 'v1' },
			},
			{ brevoApi: credential },
		);
		const id = await deploy(workflow);
		const { execution } = await call(id, 'e2e-brevo-error-output', { contacts: [{ email: 'nobody@example.com' }, { email: 'known@example.com' }, { email: '' }] });
		expect(execution.status).toBe('success');

		expect(nodeOutput(execution, 'Get contact', 0)).toEqual([expect.objectContaining({ found: true, email: 'known@example.com', listIds: [1] })]);
		// On the error output n8n puts the input item's fields (email) beside error and details.
		expect(nodeOutput(execution, 'Get contact', 1)).toEqual([
			{
				email: 'nobody@example.com',
				error: expect.stringContaining('nobody@example.com'),
				details: { failure: 'not_found', httpCode: 404, brevoCode: 'document_not_found' },
			},
			{ email: '', error: expect.stringContaining('email address is empty'), details: expect.objectContaining({ failure: 'invalid_input' }) },
		]);
		expect(nodeOutput(execution, 'Found').map((item) => item.email)).toEqual(['known@example.com']);
		expect(nodeOutput(execution, 'Failed').map((item) => item.email)).toEqual(['nobody@example.com', '']);
	});
});

describe('Email', () => {
	it('Send by Template sends once when the workflow runs twice with the same item (idempotency key → duplicate: true)', async () => {
		const template = brevo.templates().find((t) => t.name === 'points_awarded');
		expect(template).toBeDefined();
		const send = brevoNode('Send points email', {
			resource: 'email',
			operation: 'sendTemplate',
			templateId: template!.id,
			toEmail: '={{ $json.body.email }}',
			toName: '={{ $json.body.name }}',
			paramsFields: { values: [{ name: 'points', value: '={{ $json.body.points }}' }] },
			tags: 'loyalty, points_awarded',
			idempotency: 'auto',
		});
		const id = await deploy(webhookWorkflow('E2E Brevo: templated email', 'e2e-brevo-email', [send]));
		const item = { email: 'grace@example.com', name: 'Grace', points: 250 };

		const first = await call(id, 'e2e-brevo-email', item, 1);
		const second = await call(id, 'e2e-brevo-email', item, 2);
		expect([first.execution.status, second.execution.status]).toEqual(['success', 'success']);
		const [sent] = first.body as Array<Record<string, unknown>>;
		const [again] = second.body as Array<Record<string, unknown>>;
		expect(sent).toMatchObject({ sent: true, templateId: template!.id, to: 'grace@example.com', messageId: expect.any(String), idempotencyKey: expect.any(String) });
		expect(again).toMatchObject({ sent: false, duplicate: true, idempotencyKey: sent.idempotencyKey, note: expect.stringContaining('not sent again') });

		const emails = brevo.emails({ templateId: template!.id, to: 'grace@example.com' });
		expect(emails).toHaveLength(1);
		expect(emails[0]).toMatchObject({ params: { points: 250 }, tags: ['loyalty', 'points_awarded'], to: [{ email: 'grace@example.com', name: 'Grace' }] });
		expect(brevo.received({ method: 'POST', path: '/v3/smtp/email' }).map((r) => r.status)).toEqual([201, 400]);
	});
});
