// Tajo Loyalty E2E (issue 4, item 5): the node, installed from the package tarball in real n8n
// 2.41.1, on the SQLite default credential (a relative file name, so the ledger lands in n8n's
// user folder). Webhook → Tajo Loyalty (Member → Upsert) → Tajo Loyalty (Points → Award for
// Order) → Respond: the same order posted twice, and then five times at once, is awarded exactly
// once; balances are read back through the node (Member → Get) and from the ledger file itself.
// One n8n for the whole file.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { nodeOutput, readManifest, startN8n, type N8nInstance, type WorkflowJson } from '../harness';

const manifest = readManifest();
const TAJO_LOYALTY = `${manifest.name}.tajoLoyalty`;
const STORE = 'e2estore';
const LEDGER_FILE = 'tajo-loyalty.sqlite';

const fileStarted = Date.now();
let n8n: N8nInstance;
let credential: { id: string; name: string };

beforeAll(async () => {
	n8n = await startN8n();
	const created = await n8n.createCredential('Tajo Loyalty (SQLite)', 'tajoLoyaltyDatabase', { type: 'sqlite', sqlitePath: LEDGER_FILE });
	credential = { id: created.id, name: created.name };
	await deploy(setupWorkflow());
	await deploy(awardWorkflow());
	await deploy(memberWorkflow());
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	if (n8n) {
		process.stdout.write(
			`[tajo loyalty e2e] whole file ${((Date.now() - fileStarted) / 1000).toFixed(1)} s; n8n start-up ${(n8n.timings.totalMs / 1000).toFixed(1)} s\n`,
		);
	}
}, 60_000);

// ---- workflows -------------------------------------------------------------------------------

type NodeJson = WorkflowJson['nodes'][number];

function node(name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): NodeJson {
	return { id: randomUUID(), name, type, typeVersion, position: [0, 0], parameters, ...extra };
}

function tajo(name: string, parameters: Record<string, unknown>): NodeJson {
	return node(name, TAJO_LOYALTY, 1, { storeHash: STORE, ...parameters }, { credentials: { tajoLoyaltyDatabase: credential } });
}

/** Webhook (POST `path`) → steps → Respond to Webhook with the last step's first item. */
function chain(name: string, webhookPath: string, steps: NodeJson[]): WorkflowJson {
	const nodes = [
		node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path: webhookPath, responseMode: 'responseNode', options: {} }, { webhookId: randomUUID() }),
		...steps,
		node('Respond', 'n8n-nodes-base.respondToWebhook', 1.1, { respondWith: 'firstIncomingItem', options: {} }),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

// Built after the credential exists: every Tajo Loyalty node uses it.
const setupWorkflow = () =>
	chain('E2E Tajo: program setup', 'tajo-e2e-setup', [
	tajo('Create Program', { resource: 'program', operation: 'upsert', configSource: 'seed', seedProgram: 'default' }),
]);

const awardWorkflow = () =>
	chain('E2E Tajo: enrol and award', 'tajo-e2e-award', [
	tajo('Enrol Member', {
		resource: 'member',
		operation: 'upsert',
		customer: '={{ $json.body.customer }}',
		customerGroupName: '={{ $json.body.customer_group_name }}',
	}),
	tajo('Award Points', { resource: 'points', operation: 'awardForOrder', order: "={{ $('Webhook').item.json.body.order }}" }),
]);

const memberWorkflow = () =>
	chain('E2E Tajo: member balance', 'tajo-e2e-member', [
	tajo('Get Member', { resource: 'member', operation: 'get', program: 'default', customerId: '={{ $json.body.customer_id }}' }),
]);

async function deploy(workflow: WorkflowJson): Promise<string> {
	const imported = await n8n.importWorkflow(workflow);
	await n8n.activateWorkflow(imported.id);
	return imported.id;
}

// ---- data ------------------------------------------------------------------------------------

const customer = {
	id: 501,
	email: 'grace@example.com',
	first_name: 'Grace',
	last_name: 'Hopper',
	customer_group_id: 3,
	date_created: '2025-01-10T09:00:00Z',
	date_modified: '2025-01-10T09:00:00Z',
	origin_channel_id: 1,
	channel_ids: [1],
};

const order = {
	id: 9001,
	customer_id: 501,
	channel_id: 1,
	status: 'Completed',
	date_created: 'Tue, 04 Mar 2025 12:00:00 +0000',
	subtotal_ex_tax: '69.8400',
	subtotal_inc_tax: '75.4300',
	total_ex_tax: '74.8400',
	total_inc_tax: '80.4300',
	shipping_cost_ex_tax: '5.0000',
	shipping_cost_inc_tax: '5.0000',
	discount_amount: '0.0000',
	coupon_discount: '0.0000',
	currency_code: 'USD',
	default_currency_code: 'USD',
};

const award = (body: unknown) => n8n.callWebhook('tajo-e2e-award', { body });

async function ledgerRows(sql: string): Promise<Array<Record<string, unknown>>> {
	const { DatabaseSync } = await import('node:sqlite');
	const db = new DatabaseSync(path.join(n8n.userFolder, '.n8n', LEDGER_FILE), { readOnly: true });
	try {
		return db.prepare(sql).all() as Array<Record<string, unknown>>;
	} finally {
		db.close();
	}
}

// ---- tests -------------------------------------------------------------------------------------

describe('Tajo Loyalty in real n8n on the SQLite default', () => {
	it('sets up the seed program through the node; the ledger file is created in the n8n user folder', async () => {
		const response = await n8n.callWebhook('tajo-e2e-setup', { body: {} });
		expect({ status: response.status, body: response.body }).toEqual({
			status: 200,
			body: expect.objectContaining({ program: 'default', version: 1, channels: [1], created: true }),
		});
		expect(existsSync(path.join(n8n.userFolder, '.n8n', LEDGER_FILE))).toBe(true);
	});

	it('enrols the customer and awards the order once: a second call with the same order changes nothing', async () => {
		const first = await award({ customer, customer_group_name: 'VIP', order });
		expect(first.status).toBe(200);
		// VIP ×1.5 and the VIP group's starting tier Gold ×1.5: 69.84 × 2.25 = 157.14 → 157, plus the first-purchase bonus.
		expect(first.body).toEqual(
			expect.objectContaining({
				awarded: true,
				duplicate: false,
				orderId: 9001,
				points: 157,
				firstPurchaseBonus: { points: 200, duplicate: false },
				balance: { available: 357, pending: 0, balance: 357, lifetime: 357 },
				tierBefore: 'Gold',
				tierAfter: 'Gold',
				tierChanged: false,
			}),
		);
		expect((first.body as { breakdown: { raw: string } }).breakdown.raw).toBe('157.14');

		const second = await award({ customer, customer_group_name: 'VIP', order });
		expect(second.status).toBe(200);
		expect(second.body).toEqual(expect.objectContaining({ duplicate: true, points: 157, balance: { available: 357, pending: 0, balance: 357, lifetime: 357 } }));
		expect((second.body as { entryId: number }).entryId).toBe((first.body as { entryId: number }).entryId);
	});

	it('five concurrent calls with one new order award it exactly once', async () => {
		const next = { ...order, id: 9002, subtotal_ex_tax: '100.0000', total_inc_tax: '100.0000' };
		const responses = await Promise.all(Array.from({ length: 5 }, () => award({ customer, customer_group_name: 'VIP', order: next })));
		expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
		const bodies = responses.map((r) => r.body as { duplicate: boolean; points: number; entryId: number });
		expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
		expect(new Set(bodies.map((b) => b.entryId)).size).toBe(1);
		expect(bodies.every((b) => b.points === 225)).toBe(true);
	});

	it('the balance read back through the node and the ledger file agree: one entry per order', async () => {
		const response = await n8n.callWebhook('tajo-e2e-member', { body: { customer_id: 501 } });
		expect({ status: response.status, body: response.body }).toEqual({
			status: 200,
			body: expect.objectContaining({
				customer_id: 501,
				email: 'grace@example.com',
				customer_group: 'VIP',
				segment: 'vip_customers',
				tier: 'Gold',
				points: { available: 582, pending: 0, balance: 582, lifetime: 582 },
				orders_count: 2,
				total_spent: 180.43,
			}),
		});
		const entries = await ledgerRows("SELECT kind, order_id, points FROM tajo_ledger_entries ORDER BY id");
		expect(entries).toEqual([
			{ kind: 'purchase', order_id: '9001', points: 157 },
			{ kind: 'bonus', order_id: null, points: 200 },
			{ kind: 'purchase', order_id: '9002', points: 225 },
		]);
	});

	it('records the node outputs in the executions, each paired with its item', async () => {
		const workflows = await n8n.publicApi<{ data: Array<{ id: string; name: string }> }>('GET', '/workflows');
		const id = workflows.data.find((w) => w.name === 'E2E Tajo: enrol and award')!.id;
		const [firstRun] = await n8n.waitForExecutions(id, { count: 7, timeoutMs: 30_000 });
		expect(firstRun.status).toBe('success');
		const execution = await n8n.getExecution(firstRun.id, true);
		expect(nodeOutput(execution, 'Enrol Member')[0]).toEqual(expect.objectContaining({ created: true }));
		expect(nodeOutput(execution, 'Award Points')[0]).toEqual(expect.objectContaining({ awarded: true, points: 157 }));
	});
});
