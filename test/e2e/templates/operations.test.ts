// Templates 1, 5, 6, 7 and 8 of issue 6 — program setup, initial backfill, reconciliation, segment
// sync and analytics report — end to end in real n8n 2.41.1 (one start for the five), with the
// package installed from its tarball, against the BigCommerce emulator (seeded store) and a Brevo
// emulator that starts empty (no lists, no loyalty attributes, no templates). The ledger is the
// Tajo Loyalty SQLite default in n8n's user folder; the test reads it with `openLedgerStore` and
// checks it against points it works out itself from the rules (`nodes/core/loyalty`).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '../../../sandbox/bigcommerce';
import { startBrevoSandbox, type BrevoSandbox } from '../../../sandbox/brevo';
import { openLedgerStore, type LedgerStore } from '../../../nodes/core/ledger';
import { calculateOrderPoints, formatMoney, memberTier, seedPrograms, type ProgramConfig } from '../../../nodes/core/loyalty';
import { awardOrder, claimSend, markSent, reverseOrder } from '../../../nodes/core/loyalty-service';
import { nodeOutput, startN8n, type N8nInstance, type WorkflowJson } from '../../harness';
import { bindCredentials, configOf, importWithCli, loadTemplate, nodesRun, runFromTrigger, secondsAs, templateProblems, waitForExecution, withConfig } from '../../harness/templates';

type Json = Record<string, unknown>;

const LEDGER_FILE = 'tajo-loyalty.sqlite';
const GROUP_LISTS: Record<string, number> = { Retail: 1, Wholesale: 2, VIP: 3 };
const SEGMENT_LISTS: Record<string, number> = { 'First-Time Buyers': 4, 'Repeat Customers': 5, 'High-Value Customers': 6, 'Wholesale Accounts': 7, 'At-Risk Customers': 8 };
const PROGRAM_BY_CHANNEL: Record<number, string> = { 1: 'default', 2: 'b2b_program', 3: 'global_program' };
const OWNER = 'owner@tajo-shop.example';

const templates = {
	programSetup: loadTemplate('program-setup.json'),
	backfill: loadTemplate('initial-backfill.json'),
	reconciliation: loadTemplate('reconciliation.json'),
	segmentSync: loadTemplate('segment-sync.json'),
	analyticsReport: loadTemplate('analytics-report.json'),
};

const fileStarted = Date.now();
let n8n: N8nInstance;
let bc: BigCommerceSandbox;
let brevo: BrevoSandbox;
let credentials: Record<'bigCommerceApi' | 'brevoApi' | 'tajoLoyaltyDatabase', { id: string; name: string }>;
const timings: string[] = [];
/** The imported reconciliation workflow, run again by later tests to award new orders. */
let reconciliationId: string;

beforeAll(async () => {
	const started = await Promise.allSettled([startN8n(), startBigCommerceSandbox({ seed: true }), startBrevoSandbox({ seed: false })]);
	const [n8nResult, bcResult, brevoResult] = started;
	if (n8nResult.status === 'fulfilled') n8n = n8nResult.value;
	if (bcResult.status === 'fulfilled') bc = bcResult.value;
	if (brevoResult.status === 'fulfilled') brevo = brevoResult.value;
	const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failure) throw failure.reason;
	credentials = {
		bigCommerceApi: await n8n.createCredential('BigCommerce', 'bigCommerceApi', { storeHash: bc.storeHash, accessToken: bc.accessToken, apiBaseUrl: bc.url }),
		brevoApi: await n8n.createCredential('Brevo', 'brevoApi', { apiKey: brevo.apiKey, baseUrl: brevo.apiBaseUrl }),
		tajoLoyaltyDatabase: await n8n.createCredential('Tajo Loyalty', 'tajoLoyaltyDatabase', { type: 'sqlite', sqlitePath: LEDGER_FILE }),
	};
	// What a marketer does in Brevo before the flows run: the group lists (1-3) and one list per segment (4-8).
	for (const name of [...Object.keys(GROUP_LISTS).map((g) => `${g.toLowerCase()}_list`), ...Object.keys(SEGMENT_LISTS)]) {
		const created = await brevoApi('POST', '/contacts/lists', { name, folderId: 1 });
		expect(created.status).toBe(201);
	}
	expect(brevo.lists().map((l) => l.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
}, 15 * 60_000);

afterAll(async () => {
	await Promise.allSettled([n8n?.stop(), bc?.close(), brevo?.close()]);
	if (n8n) {
		process.stdout.write(
			`[templates 1,5,6,7,8 e2e] whole file ${((Date.now() - fileStarted) / 1000).toFixed(1)} s; ` +
				`n8n start-up ${(n8n.timings.totalMs / 1000).toFixed(1)} s; ${timings.join('; ')}\n`,
		);
	}
}, 60_000);

// ---- helpers -----------------------------------------------------------------------------------

async function brevoApi(method: string, route: string, body?: unknown): Promise<{ status: number; body: Json }> {
	const response = await fetch(`${brevo.apiBaseUrl}${route}`, {
		method,
		headers: { 'api-key': brevo.apiKey, 'content-type': 'application/json', accept: 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

async function bcGet<T>(route: string): Promise<T> {
	const response = await fetch(`${bc.url}/stores/${bc.storeHash}${route}`, { headers: { 'X-Auth-Token': bc.accessToken, accept: 'application/json' } });
	expect(response.status).toBe(200);
	return (await response.json()) as T;
}

async function bcHookRequest(method: string, route: string, token: string, body?: unknown): Promise<Json> {
	const response = await fetch(`${bc.url}/stores/${bc.storeHash}/v3/hooks${route}`, {
		method,
		headers: { 'X-Auth-Token': token, accept: 'application/json', 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	expect(response.status).toBe(200);
	return (await response.json()) as Json;
}

async function bcCreateHook(scope: string, destination: string, token: string): Promise<{ id: number }> {
	return (await bcHookRequest('POST', '', token, { scope, destination, is_active: true })).data as { id: number };
}

async function bcDeleteHook(id: number, token: string): Promise<void> {
	await bcHookRequest('DELETE', `/${id}`, token);
}

/** Imports a template with the test's credentials and Config, runs one trigger now, returns the finished execution. */
async function runTemplate(label: string, template: WorkflowJson, config: Json, trigger: string) {
	const imported = await n8n.importWorkflow(bindCredentials(withConfig(template, { storeHash: bc.storeHash, ...config }), credentials));
	const execution = await rerun(label, imported.id, trigger);
	return { workflowId: imported.id, execution };
}

async function rerun(label: string, workflowId: string, trigger: string) {
	const t0 = Date.now();
	const id = await runFromTrigger(n8n, workflowId, trigger);
	const execution = await waitForExecution(n8n, id, 120_000);
	timings.push(`${label} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	if (execution.status !== 'success') {
		throw new Error(`${label}: execution ${id} ended "${execution.status}": ${JSON.stringify(execution.data?.resultData.error ?? null).slice(0, 2000)}`);
	}
	return execution;
}

async function withLedger<T>(work: (store: LedgerStore) => Promise<T>): Promise<T> {
	const store = await openLedgerStore({ type: 'sqlite', sqlitePath: path.join(n8n.userFolder, '.n8n', LEDGER_FILE) });
	try {
		return await work(store);
	} finally {
		await store.close();
	}
}

async function ledgerRows(sql: string): Promise<Json[]> {
	const { DatabaseSync } = await import('node:sqlite');
	const db = new DatabaseSync(path.join(n8n.userFolder, '.n8n', LEDGER_FILE), { readOnly: true });
	try {
		return db.prepare(sql).all() as Json[];
	} finally {
		db.close();
	}
}

/** Every ledger entry, in a form two snapshots compare by. */
const entries = () => ledgerRows('SELECT idempotency_key, kind, points, order_id, refund_id, member_id FROM tajo_ledger_entries ORDER BY id');

/** Brevo's contacts without the timestamps an identical update may move. */
function contactsSnapshot(): Json[] {
	return brevo
		.contacts()
		.map((c) => ({ email: c.email, listIds: [...c.listIds].sort((a, b) => a - b), attributes: c.attributes }))
		.sort((a, b) => String(a.email).localeCompare(String(b.email)));
}

// ---- what the ledger should hold, worked out here from the rules -------------------------------

interface BcCustomer {
	id: number;
	email: string;
	first_name: string;
	last_name: string;
	phone: string;
	customer_group_id: number;
	origin_channel_id: number;
}
interface BcOrder {
	id: number;
	customer_id: number;
	channel_id: number;
	status_id: number;
	date_created: string;
	[field: string]: unknown;
}
interface ExpectedMember {
	program: string;
	group: string | null;
	lifetime: number;
	balance: number;
	orders: number;
	/** order id → points granted, not yet reversed */
	remaining: Map<number, number>;
}

const expected = new Map<number, ExpectedMember>();
const programConfigs: Record<string, ProgramConfig> = {};

/** BigCommerce's "245.5000" (USD) in cents, by integer arithmetic. */
function cents(amount: string): number {
	const [whole, fraction = ''] = amount.split('.');
	return Number(whole) * 100 + Number(`${fraction}00`.slice(0, 2));
}
let groupNames = new Map<number, string>();
/** customer id → email */
const emails = new Map<number, string>();

/** The id of a BigCommerce customer group, by name (read by the backfill test). */
function groupId(name: string): number {
	const found = [...groupNames].find(([, group]) => group === name);
	if (!found) throw new Error(`no customer group "${name}" in the store`);
	return found[0];
}

function programOfChannel(channel: number | null | undefined): string {
	return PROGRAM_BY_CHANNEL[channel ?? 1] ?? 'default';
}

/** Awards an order as the rules say, in the order the flows award them. */
function expectAward(order: BcOrder, firstPurchaseBonus = true): void {
	const member = expected.get(order.customer_id);
	if (!member || order.customer_id === 0) return;
	if (member.remaining.has(order.id)) return;
	const config = programConfigs[member.program];
	const { points } = calculateOrderPoints(order as never, { customerGroupName: member.group, lifetimePoints: member.lifetime, hasCompletedOrder: member.orders > 0 }, config);
	const bonus = firstPurchaseBonus && member.orders === 0 ? config.bonusPoints.firstPurchase : 0;
	member.orders += 1;
	member.lifetime += points + bonus;
	member.balance += points + bonus;
	member.remaining.set(order.id, points);
}

function expectFullReversal(order: BcOrder): void {
	const member = expected.get(order.customer_id);
	const remaining = member?.remaining.get(order.id);
	if (!member || remaining === undefined) return;
	member.lifetime -= remaining;
	member.balance -= remaining;
	member.remaining.set(order.id, 0);
}

function tierOf(member: ExpectedMember): string {
	return memberTier(programConfigs[member.program], member.lifetime, member.group).tier.name;
}

/** The members in the ledger: program, group, balances and order count as worked out here. */
async function checkLedger(): Promise<void> {
	const members = await ledgerRows(
		'SELECT m.customer_id, p.name AS program, m.customer_group, m.balance_points, m.lifetime_points, m.orders_count FROM tajo_members m JOIN tajo_programs p ON p.id = m.program_id ORDER BY m.customer_id',
	);
	expect(members).toEqual(
		[...expected.entries()]
			.sort(([a], [b]) => a - b)
			.map(([id, m]) => ({ customer_id: id, program: m.program, customer_group: m.group, balance_points: m.balance, lifetime_points: m.lifetime, orders_count: m.orders })),
	);
}

/** Every Brevo contact shows its member's balance and tier as worked out here. */
function checkBrevoPoints(): void {
	const byEmail = new Map(brevo.contacts().map((c) => [c.email, c.attributes]));
	for (const [id, m] of expected) {
		const email = emails.get(id);
		expect({ customer: id, points: byEmail.get(email)?.LOYALTY_POINTS, tier: byEmail.get(email)?.LOYALTY_TIER }).toEqual({ customer: id, points: m.balance, tier: tierOf(m) });
	}
}

// ---- the tests ----------------------------------------------------------------------------------

describe('operations templates (program setup, backfill, reconciliation, segment sync, analytics report)', () => {
	it('follow the template conventions, with the Config fields their docs name', () => {
		for (const template of Object.values(templates)) expect(templateProblems(template)).toEqual([]);
		expect(Object.keys(configOf(templates.programSetup))).toEqual(['storeHash', 'programs', 'segmentListNames', 'brevoListFolderId']);
		// One list name per segment Segment sync knows (the sample account's names), into the account's first folder.
		expect(Object.keys(JSON.parse(configOf(templates.programSetup).segmentListNames as string))).toEqual(Object.keys(SEGMENT_LISTS));
		expect(configOf(templates.programSetup).brevoListFolderId).toBe('');
		expect(configOf(templates.backfill)).toEqual({ storeHash: '', orderLookbackDays: 90, firstPurchaseBonus: true, brevoStoreId: '' });
		expect(configOf(templates.reconciliation)).toEqual({ storeHash: '', lookbackHours: 3, firstPurchaseBonus: true, resendAfterMinutes: 30, reviewDelayDays: 14, reviewRepairDays: 7, brevoStoreId: '' });
		expect(Object.keys(configOf(templates.segmentSync))).toEqual(['storeHash', 'segmentListIds']);
		expect(JSON.parse(configOf(templates.segmentSync).segmentListIds as string)).toEqual(SEGMENT_LISTS);
		expect(configOf(templates.analyticsReport)).toEqual({ storeHash: '', program: '', activeDays: 90, reportTemplateId: 0, ownerEmail: '', ownerName: '' });
		// The programs the template carries are the seed's, with the sample account's list per group.
		const carried = JSON.parse(configOf(templates.programSetup).programs as string) as ProgramConfig[];
		expect(carried.map((p) => p.id)).toEqual(['default', 'b2b_program', 'global_program']);
		for (const program of carried) {
			const seed = structuredClone(seedPrograms[program.id as keyof typeof seedPrograms]) as ProgramConfig;
			for (const [group, mapping] of Object.entries(seed.customerGroupMapping)) mapping.brevoListId = GROUP_LISTS[group];
			expect(program).toEqual(seed);
		}
	});

	it('import through the public API as they are, every credential bound by its name', async () => {
		const byType = { bigCommerceApi: credentials.bigCommerceApi, brevoApi: credentials.brevoApi, tajoLoyaltyDatabase: credentials.tajoLoyaltyDatabase };
		for (const template of Object.values(templates)) {
			const stored = await n8n.getWorkflow((await n8n.importWorkflow(template)).id);
			const bound = stored.nodes.filter((n) => n.credentials).map((n) => [n.name, n.credentials]);
			const wanted = template.nodes
				.filter((n) => n.credentials)
				.map((n) => [n.name, Object.fromEntries(Object.keys(n.credentials as object).map((type) => [type, { id: byType[type as keyof typeof byType].id, name: byType[type as keyof typeof byType].name }]))]);
			expect(bound).toEqual(wanted);
			expect(bound.length).toBeGreaterThan(0);
		}
	});

	it('import with `n8n import:workflow` (the five in one file), credentials bound by their names', async () => {
		const dir = await mkdtemp(path.join(os.tmpdir(), 'tajo-operations-templates-'));
		try {
			const file = path.join(dir, 'operations.json');
			await writeFile(file, JSON.stringify(Object.values(templates)));
			const cliCredentials = [
				{ id: 'cliBigCommerce01', name: 'BigCommerce', type: 'bigCommerceApi', data: { storeHash: 'abc123', accessToken: 'token', apiBaseUrl: bc.url } },
				{ id: 'cliBrevo00000001', name: 'Brevo', type: 'brevoApi', data: { apiKey: 'xkeysib-cli', baseUrl: brevo.apiBaseUrl } },
				{ id: 'cliTajoLoyalty01', name: 'Tajo Loyalty', type: 'tajoLoyaltyDatabase', data: { type: 'sqlite', sqlitePath: 'tajo-loyalty.sqlite' } },
			];
			const t0 = Date.now();
			const { workflows, output } = await importWithCli(n8n.toolchain, file, { credentials: cliCredentials });
			timings.push(`CLI import ${((Date.now() - t0) / 1000).toFixed(1)} s`);
			expect(output).toContain('Successfully imported 5 workflows');
			const ids = { bigCommerceApi: 'cliBigCommerce01', brevoApi: 'cliBrevo00000001', tajoLoyaltyDatabase: 'cliTajoLoyalty01' } as Record<string, string>;
			for (const template of Object.values(templates)) {
				const imported = workflows.find((w) => w.id === template.id);
				expect(imported).toEqual(expect.objectContaining({ name: template.name, active: false, connections: template.connections, settings: template.settings }));
				const shape = (nodes: WorkflowJson['nodes']) => nodes.map((n) => ({ id: n.id, name: n.name, type: n.type, typeVersion: n.typeVersion, parameters: n.parameters }));
				expect(shape(imported!.nodes)).toEqual(shape(template.nodes));
				for (const node of imported!.nodes.filter((n) => n.credentials)) {
					for (const [type, reference] of Object.entries(node.credentials as Record<string, unknown>)) expect(reference).toEqual({ id: ids[type], name: (reference as { name: string }).name });
				}
			}
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('the scheduled ones publish with their schedule live', async () => {
		for (const template of [templates.reconciliation, templates.segmentSync, templates.analyticsReport]) {
			const imported = await n8n.importWorkflow(bindCredentials(withConfig(template, { storeHash: bc.storeHash }), credentials));
			await n8n.activateWorkflow(imported.id);
			try {
				const scheduleId = template.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')!.id;
				expect((await n8n.publicationStatus(imported.id)).triggers).toEqual([expect.objectContaining({ nodeId: scheduleId, status: 'activated' })]);
			} finally {
				await n8n.deactivateWorkflow(imported.id);
			}
		}
	});

	it('program setup creates the three seed programs, the Brevo attributes and the Brevo lists; running it again changes nothing', async () => {
		expect(brevo.attributes().map((a) => a.name)).not.toContain('LOYALTY_POINTS');
		// Brevo has the test's own lists 1-8 (beforeAll), none with the names the setup gives.
		const listsBefore = brevo.lists().map((l) => l.id);
		const { workflowId, execution } = await runTemplate('program setup', templates.programSetup, {}, 'Set up now');
		expect(nodesRun(execution)).toEqual([
			'Set up now',
			'Config',
			'Ensure Brevo attributes',
			'One item per program',
			'Create or update program',
			'Lists to create',
			'One item per list',
			'Create Brevo list',
			'Summary',
		]);
		// One list per customer group (the programs' emailList, once for the three programs) and one
		// per Segment sync segment, created in the account's first folder; the summary names each.
		const groupLists = ['retail_newsletter', 'wholesale_updates', 'vip_exclusive'];
		const segmentLists = ['first_time_buyers', 'repeat_customers', 'high_value_customers', 'wholesale_accounts', 'at_risk_customers'];
		const setupLists = [...groupLists, ...segmentLists];
		const created = brevo.lists().filter((l) => !listsBefore.includes(l.id));
		expect(created.map((l) => [l.name, l.folderId])).toEqual(setupLists.map((name) => [name, 1]));
		const summary = nodeOutput(execution, 'Summary');
		expect(summary.map((i) => ({ list: i.list, id: i.id, status: i.status, folder: i.folder }))).toEqual(
			created.map((l) => ({ list: l.name, id: l.id, status: 'created', folder: 'Your first folder' })),
		);
		const groups = ['Retail', 'Wholesale', 'VIP'];
		expect(summary.map((i) => i.putIdIn)).toEqual([
			...groups.map((g) => `Program setup: programs default, b2b_program, global_program > customerGroupMapping.${g}.brevoListId`),
			...Object.keys(SEGMENT_LISTS).map((s) => `Segment sync: segmentListIds["${s}"]`),
		]);
		expect(nodeOutput(execution, 'Create or update program').map((i) => [i.program, i.created, i.version])).toEqual([
			['default', true, 1],
			['b2b_program', true, 1],
			['global_program', true, 1],
		]);
		const attributes = Object.fromEntries(brevo.attributes().map((a) => [a.name, a.type]));
		expect(attributes).toEqual(expect.objectContaining({ LOYALTY_POINTS: 'float', LOYALTY_TIER: 'text', CUSTOMER_GROUP: 'text', LAST_ORDER_DATE: 'date' }));

		// Stored as the template carries them (the test's expected rules from here on).
		const carried = JSON.parse(configOf(templates.programSetup).programs as string) as ProgramConfig[];
		await withLedger(async (store) => {
			const stored = await store.listPrograms({ storeHash: bc.storeHash });
			expect(stored.map((p) => p.name).sort()).toEqual(['b2b_program', 'default', 'global_program']);
			for (const program of stored) {
				expect(program.config).toEqual(carried.find((c) => c.id === program.name));
				programConfigs[program.name] = program.config as unknown as ProgramConfig;
			}
		});

		const again = await rerun('program setup #2', workflowId, 'Set up now');
		expect(nodeOutput(again, 'Create or update program').map((i) => [i.program, i.created, i.versionCreated, i.version])).toEqual([
			['default', false, false, 1],
			['b2b_program', false, false, 1],
			['global_program', false, false, 1],
		]);
		// No list created twice: the same lists, the same ids, each "already there".
		expect(brevo.lists()).toHaveLength(listsBefore.length + setupLists.length);
		expect(nodeOutput(again, 'Summary').map((i) => [i.list, i.id, i.status])).toEqual(summary.map((i) => [i.list, i.id, 'already there']));
	});

	it('the backfill enrols every customer, awards completed orders of the last N days and fills Brevo; a second run changes nothing', async () => {
		const customers = (await bcGet<{ data: BcCustomer[] }>('/v3/customers?limit=250')).data;
		const groups = await bcGet<Array<{ id: number; name: string }>>('/v2/customer_groups');
		groupNames = new Map(groups.map((g) => [g.id, g.name]));
		const orders = await bcGet<BcOrder[]>('/v2/orders?limit=250&sort=id:asc');
		expect(customers).toHaveLength(10);
		for (const c of customers) {
			emails.set(c.id, c.email);
			expected.set(c.id, { program: programOfChannel(c.origin_channel_id), group: groupNames.get(c.customer_group_id) ?? null, lifetime: 0, balance: 0, orders: 0, remaining: new Map() });
		}
		// 45 days: orders 100 (30 days ago) and 103 (20 days ago) are in, 107 (60 days ago) is not.
		const lookbackDays = 45;
		const since = Date.now() - lookbackDays * 86_400_000;
		const due = orders.filter((o) => o.status_id === 10 && Date.parse(o.date_created) >= since).sort((a, b) => a.id - b.id);
		expect(due.map((o) => o.id)).toEqual([100, 103]);
		for (const order of due) expectAward(order);

		const { workflowId, execution } = await runTemplate('backfill', templates.backfill, { orderLookbackDays: lookbackDays }, 'Run backfill now');
		expect(nodesRun(execution)).toEqual([
			'Run backfill now',
			'Config',
			'Get customer groups',
			'Get all customers',
			'Enrol members',
			'Get completed orders',
			'Award points',
			'Brevo order status',
			'Claim the Brevo order',
			'Get the order for Brevo',
			'Orders to Brevo',
			'Brevo took the order?',
			'Brevo order sent',
			'Get programs',
			'Get members',
			'Contacts to Brevo',
		]);
		expect(nodeOutput(execution, 'Get all customers')).toHaveLength(10);
		expect(nodeOutput(execution, 'Award points').map((i) => i.orderId)).toEqual([100, 103]);
		// The same orders in Brevo's e-commerce orders, once each, in one historical batch (no automation
		// starts for them), with their lines; claimed under the points flow's keys so that no flow sends them again.
		const backfilledOrders = () => brevo.orders().filter((o) => ['100', '103'].includes(o.id));
		expect(backfilledOrders().map((o) => ({ id: o.id, status: o.status, source: o.source, historical: o.historical, lines: o.products.length }))).toEqual(
			due.map((o) => ({ id: String(o.id), status: 'completed', source: 'batch', historical: true, lines: expect.any(Number) })),
		);
		expect(backfilledOrders().every((o) => o.products.length > 0)).toBe(true);
		expect(brevo.orders()).toHaveLength(2);
		expect(await ledgerRows("SELECT send_key, status, attempts FROM tajo_sends WHERE send_key LIKE '%:brevo_order:%' ORDER BY send_key")).toEqual(
			due.map((o) => ({ send_key: `order:${o.id}:brevo_order:completed`, status: 'sent', attempts: 1 })),
		);

		await checkLedger();
		// Points were given: Jane's first order with its bonus, Maria's B2B volume order.
		expect(expected.get(1)!.balance).toBeGreaterThan(200);
		expect(expected.get(3)!.balance).toBeGreaterThan(10_000);

		const checkBrevo = () => {
			const byEmail = new Map(brevo.contacts().map((c) => [c.email, c]));
			expect(byEmail.size).toBe(10);
			for (const c of customers) {
				const m = expected.get(c.id)!;
				const contact = byEmail.get(c.email);
				expect({ email: c.email, attributes: contact?.attributes, listIds: contact?.listIds }).toEqual({
					email: c.email,
					attributes: expect.objectContaining({
						FIRSTNAME: c.first_name,
						LASTNAME: c.last_name,
						LOYALTY_POINTS: m.balance,
						LOYALTY_TIER: tierOf(m),
						...(m.group ? { CUSTOMER_GROUP: m.group } : {}),
					}),
					listIds: m.group && GROUP_LISTS[m.group] ? [GROUP_LISTS[m.group]] : [],
				});
				if (m.group === null) expect(contact?.attributes).not.toHaveProperty('CUSTOMER_GROUP');
			}
		};
		checkBrevo();

		const ledgerBefore = await entries();
		const brevoBefore = contactsSnapshot();
		expect(ledgerBefore.map((e) => e.kind)).toEqual(['purchase', 'bonus', 'purchase', 'bonus']); // each order with its member's first-purchase bonus
		const second = await rerun('backfill #2', workflowId, 'Run backfill now');
		expect(nodeOutput(second, 'Award points').map((i) => i.duplicate)).toEqual([true, true]);
		expect(nodeOutput(second, 'Enrol members').every((i) => i.created === false)).toBe(true);
		// Both orders were sent: the claims hold nothing back to send, Brevo gets no order.
		expect(nodeOutput(second, 'Claim the Brevo order')).toEqual([]);
		expect(nodesRun(second)).not.toContain('Orders to Brevo');
		expect(brevo.orders()).toHaveLength(2);
		expect(await entries()).toEqual(ledgerBefore);
		expect(contactsSnapshot()).toEqual(brevoBefore);
		await checkLedger();
	});

	it('reconciliation repairs what was missed while n8n was down (award and reverse), switches deactivated webhooks back on, and running it again changes nothing', async () => {
		// A webhook of the credential's API account (scope nothing in this file fires), and one of
		// another app; BigCommerce switched both off after failed deliveries (emulator control API).
		const ownHook = await bcCreateHook('store/product/deleted', 'http://127.0.0.1:9/unused', bc.accessToken);
		bc.addToken('other-app-token', 'other-app');
		const otherAppHook = await bcCreateHook('store/product/deleted', 'http://127.0.0.1:9/other', 'other-app-token');
		bc.deactivateHook(ownHook.id);
		bc.deactivateHook(otherAppHook.id);
		const hookActive = (id: number) => (bc.allHooks() as Array<{ id: number; is_active: boolean }>).find((h) => h.id === id)?.is_active;
		expect([hookActive(ownHook.id), hookActive(otherAppHook.id)]).toEqual([false, false]);

		// n8n "down": nothing listens to BigCommerce while the store changes (no workflow with a trigger is active).
		bc.setOrderStatus(101, 10); // John (VIP): shipped → completed, never awarded
		bc.refundOrder(100, { reason: 'Returned' }); // Jane: awarded by the backfill, now fully refunded
		bc.setOrderStatus(103, 5); // Maria (B2B): awarded by the backfill, now cancelled
		const created = bc.createOrder({ customer_id: 7, channel_id: 1, status_id: 10, products: [{ product_id: 2, quantity: 3 }] }) as unknown as BcOrder; // Olivia (VIP): new, completed
		// Two customers who signed up meanwhile, so no flow enrolled them: a VIP and a Wholesale
		// account. Orders do not carry the customer group, which sets the multiplier and the
		// starting tier: Reconciliation reads the customer and enrols them with it before the award.
		// Otto orders twice (the same customer twice in one run).
		const newcomers = {
			vip: bc.createCustomer({ email: 'noor.haddad@example.com', first_name: 'Noor', last_name: 'Haddad', customer_group_id: groupId('VIP') }) as unknown as BcCustomer,
			wholesale: bc.createCustomer({ email: 'otto.berg@example.com', first_name: 'Otto', last_name: 'Berg', company: 'Berg Trading', customer_group_id: groupId('Wholesale') }) as unknown as BcCustomer,
		};
		const newcomerOrder = (customer: BcCustomer, price: string) =>
			bc.createOrder({ customer_id: customer.id, channel_id: 1, status_id: 10, products: [{ name: 'Gift box', quantity: 1, price_ex_tax: price }] }) as unknown as BcOrder;
		const newcomerOrders = [newcomerOrder(newcomers.vip, '250.00'), newcomerOrder(newcomers.wholesale, '518.00'), newcomerOrder(newcomers.wholesale, '120.00')];
		// And a guest's order: no customer account, nothing to earn.
		const guest = bc.createOrder({
			customer_id: 0,
			channel_id: 1,
			status_id: 10,
			billing_address: { first_name: 'Gus', last_name: 'Guest', email: 'gus.guest@example.com' },
			products: [{ name: 'Gift box', quantity: 1, price_ex_tax: '80.00' }],
		}) as unknown as BcOrder;
		await bc.idle();
		const fresh = async (id: number) => await bcGet<BcOrder>(`/v2/orders/${id}`);
		expect((await fresh(100)).status_id).toBe(4);
		expectAward(await fresh(101));
		expectFullReversal(await fresh(100));
		expectFullReversal(await fresh(103));
		expectAward(await fresh(created.id));
		for (const c of Object.values(newcomers)) {
			emails.set(c.id, c.email);
			expected.set(c.id, { program: 'default', group: groupNames.get(c.customer_group_id)!, lifetime: 0, balance: 0, orders: 0, remaining: new Map() });
		}
		for (const order of newcomerOrders) expectAward(await fresh(order.id));
		// Their first orders, by the seed's rules: basis × group multiplier × the group's starting
		// tier's multiplier, rounded down, + the first-purchase bonus — not what the same order earns
		// without a group (basis × 1 at Bronze).
		const seedRules = programConfigs.default;
		const startingTierMultiplier = (group: string) => seedRules.tiers.find((t) => t.name === seedRules.customerGroupMapping[group].loyaltyTier)!.multiplier;
		expect([seedRules.customerGroupMultipliers.VIP, startingTierMultiplier('VIP'), seedRules.customerGroupMultipliers.Wholesale, startingTierMultiplier('Wholesale')]).toEqual([1.5, 1.5, 0.5, 1.25]);
		expect([seedRules.purchasePoints.rate, seedRules.purchasePoints.roundingMode, seedRules.bonusPoints.firstPurchase]).toEqual([1, 'floor', 200]);
		const firstOrderPoints = (group: string, basis: number) => Math.floor(basis * seedRules.customerGroupMultipliers[group] * startingTierMultiplier(group)) + seedRules.bonusPoints.firstPurchase;
		expect([firstOrderPoints('VIP', 250), firstOrderPoints('Wholesale', 518)]).toEqual([762, 523]);
		expect(expected.get(newcomers.vip.id)!.remaining.get(newcomerOrders[0].id)! + 200).toBe(firstOrderPoints('VIP', 250));
		expect(expected.get(newcomers.wholesale.id)!.remaining.get(newcomerOrders[1].id)! + 200).toBe(firstOrderPoints('Wholesale', 518));
		expect([tierOf(expected.get(newcomers.vip.id)!), tierOf(expected.get(newcomers.wholesale.id)!)]).toEqual(['Gold', 'Silver']);
		const before = await entries();

		const eventsBefore = brevo.events().length;
		const { workflowId, execution } = await runTemplate('reconciliation', templates.reconciliation, {}, 'Every hour');
		reconciliationId = workflowId;
		const awarded = nodeOutput(execution, 'Award missing points');
		const upgraded = awarded.filter((i) => i.tierChanged === true);
		expect(nodesRun(execution)).toEqual([
			'Every hour',
			'Config',
			'Get customer groups',
			'Orders changed recently',
			'Completed customer orders',
			'Get the customer',
			'Still a BigCommerce customer?',
			'Ensure member',
			'Award missing points',
			'Member with an email',
			'Claim the points update',
			'Points and tier to Brevo',
			'Tier went up?',
			...(upgraded.length ? ['tier_upgraded event'] : []),
			'Points update sent',
			// Every completed order's review request is scheduled (due in 14 days: nothing is due yet).
			'Get the completed order',
			'Schedule the review request',
			'Refunded or cancelled',
			'Take back remaining points',
			'Changed the ledger',
			'Update points in Brevo',
			// 100 is Refunded: its refunds are read too, but the cancellation above took everything.
			'Partially refunded or refunded',
			'Get the refunds',
			'Take back points per refund',
			// 101 was shipped by the seed 11 days ago, not within the look-back: no notice.
			'Shipped orders',
			// The orders whose state the points flow would have sent to Brevo's e-commerce orders.
			'Orders for Brevo',
			'Brevo order status',
			'Claim the Brevo order',
			'Get the order for Brevo',
			'Order to Brevo',
			'Brevo took the order?',
			'Brevo order sent',
			'Switch webhooks back on',
			'Review requests due',
			// Last: the sent schedules due before the window (none yet).
			'Prune sent schedules',
		]);
		// The groups are read once; each order with a customer account reads its own customer, who is
		// enrolled (or updated) with their group before their order is awarded; the guest is left out.
		const awardedOrders = [101, created.id, ...newcomerOrders.map((o) => o.id)];
		const customerOf = new Map<number, number>([[101, 2], [created.id, 7], ...newcomerOrders.map((o): [number, number] => [o.id, o.customer_id])]);
		expect(nodeOutput(execution, 'Get customer groups').map((g) => g.name)).toEqual([...groupNames.values()]);
		expect(nodeOutput(execution, 'Schedule the review request').map((i) => [(i.schedule as Json).key, (i.schedule as Json).scheduled])).toEqual(
			awardedOrders.map((id) => [`order:${id}:review_request`, true]),
		);
		expect(nodeOutput(execution, 'Shipped orders')).toEqual([]);
		expect(nodeOutput(execution, 'Review requests due')).toEqual([]);
		expect(nodeOutput(execution, 'Prune sent schedules')).toEqual([{ deleted: 0, dueBefore: expect.any(String) }]);
		expect(nodeOutput(execution, 'Completed customer orders').map((o) => o.id)).toEqual(awardedOrders);
		expect(nodeOutput(execution, 'Get the customer').map((c) => c.id)).toEqual(awardedOrders.map((id) => customerOf.get(id)));
		expect(nodeOutput(execution, 'Still a BigCommerce customer?', 1)).toEqual([]);
		expect(nodeOutput(execution, 'Ensure member').map((i) => [(i.member as Json).customer_id, (i.member as Json).customer_group, i.created])).toEqual([
			[2, 'VIP', false],
			[7, 'VIP', false],
			[newcomers.vip.id, 'VIP', true],
			[newcomers.wholesale.id, 'Wholesale', true],
			[newcomers.wholesale.id, 'Wholesale', false],
		]);
		// Each order awarded to its own customer, with that customer's group: no one enrolled from an order.
		expect(awarded.map((i) => ({ orderId: i.orderId, customer: (i.member as Json).customer_id, group: (i.member as Json).customer_group, points: i.points, enrolled: i.enrolled }))).toEqual(
			awardedOrders.map((id) => {
				const customer = customerOf.get(id)!;
				return { orderId: id, customer, group: expected.get(customer)!.group, points: expected.get(customer)!.remaining.get(id), enrolled: null };
			}),
		);
		expect(awarded.filter((i) => (i.member as Json).customer_id === newcomers.vip.id || (i.member as Json).customer_id === newcomers.wholesale.id).map((i) => [i.tierBefore, i.tierAfter])).toEqual([
			['Gold', 'Gold'],
			['Silver', 'Silver'],
			['Silver', 'Silver'],
		]);
		// Each new award's points update was claimed, sent and marked sent, under the points flow's key.
		expect(nodeOutput(execution, 'Claim the points update').map((i) => [i.orderId, (i.claim as Json).claimed])).toEqual(awardedOrders.map((id) => [id, true]));
		expect(await ledgerRows("SELECT send_key, status, attempts FROM tajo_sends WHERE send_key LIKE '%:points' ORDER BY send_key")).toEqual(
			awardedOrders.map((id) => ({ send_key: `order:${id}:points`, status: 'sent', attempts: 1 })).sort((a, b) => a.send_key.localeCompare(b.send_key)),
		);
		// Brevo's e-commerce orders: every order completed, refunded or cancelled while no flow listened,
		// guests' too, once, in its state now (100 and 103 were sent as completed by the backfill; now
		// refunded and cancelled, a new state each), not historical (single posts: automations may run).
		const brevoOrderStates = [...awardedOrders.map((id) => [String(id), 'completed']), [String(guest.id), 'completed'], ['100', 'refunded'], ['103', 'cancelled']];
		const byIdAndStatus = (a: string[], b: string[]) => Number(a[0]) - Number(b[0]) || a[1].localeCompare(b[1]);
		const brevoOrdersAfterRun = brevo.orders();
		expect(brevoOrdersAfterRun.slice(2).map((o) => [o.id, o.status]).sort(byIdAndStatus)).toEqual([...brevoOrderStates].sort(byIdAndStatus));
		expect(brevoOrdersAfterRun.slice(2).every((o) => o.source === 'single' && o.products.length > 0)).toBe(true);
		expect(brevoOrdersAfterRun.find((o) => o.id === String(guest.id))).toMatchObject({ status: 'completed', amount: Number((await fresh(guest.id)).total_inc_tax) });
		expect(nodeOutput(execution, 'Brevo order sent').map((i) => i.key as string).sort()).toEqual(brevoOrderStates.map(([id, status]) => `order:${id}:brevo_order:${status}`).sort());
		expect(brevo.events().slice(eventsBefore).map((e) => [e.event_name, e.event_properties?.orderId])).toEqual(upgraded.map((i) => ['tier_upgraded', i.orderId]));
		expect(nodeOutput(execution, 'Switch webhooks back on').map((h) => [h.id, h.is_active, h.reactivated])).toEqual([[ownHook.id, true, true]]);
		// Another app's webhook is not visible to this credential, so it stays off.
		expect([hookActive(ownHook.id), hookActive(otherAppHook.id)]).toEqual([true, false]);
		// Also order 106 (awaiting payment, changed in the last day by the seed): read, and left alone by both filters.
		const changed = nodeOutput(execution, 'Orders changed recently');
		expect(changed.map((o) => o.id)).toEqual(expect.arrayContaining([100, 101, 103, guest.id, ...awardedOrders]));
		for (const other of changed.filter((o) => ![100, 101, 103, guest.id, ...awardedOrders].includes(o.id as number))) expect([4, 5, 10]).not.toContain(other.status_id);
		expect(nodeOutput(execution, 'Award missing points').map((i) => [i.orderId, i.duplicate])).toEqual(awardedOrders.map((id) => [id, false]));
		expect(nodeOutput(execution, 'Take back remaining points').map((i) => [i.orderId, i.reversed])).toEqual([
			['100', true],
			['103', true],
		]);
		// The refund of 100 (read with Order › Get Refunds) adds nothing: the full reversal counted the whole order as refunded.
		expect(nodeOutput(execution, 'Take back points per refund').filter((i) => i.orderId === '100').map((i) => [i.reversed, i.nothingToReverse])).toEqual([[false, true]]);
		await checkLedger();
		checkBrevoPoints();
		const after = await entries();
		expect(after.slice(0, before.length)).toEqual(before);
		expect(after.slice(before.length).map((e) => [e.kind, e.order_id])).toEqual([
			['purchase', '101'],
			['bonus', null],
			['purchase', String(created.id)],
			['bonus', null],
			['purchase', String(newcomerOrders[0].id)],
			['bonus', null],
			['purchase', String(newcomerOrders[1].id)],
			['bonus', null],
			['purchase', String(newcomerOrders[2].id)],
			['reversal', '100'],
			['reversal', '103'],
		]);
		// The newcomers are in Brevo with their points and starting tiers (checkBrevoPoints); the guest is not.
		expect(brevo.contacts().map((c) => c.email)).toEqual(expect.arrayContaining([newcomers.vip.email, newcomers.wholesale.email]));
		expect(brevo.contacts().map((c) => c.email)).not.toContain('gus.guest@example.com');
		// Nothing doubled: one purchase per order, reversals give back exactly the grant.
		const perOrder = await ledgerRows("SELECT order_id, SUM(CASE WHEN kind = 'purchase' THEN 1 ELSE 0 END) AS purchases, SUM(points) AS net FROM tajo_ledger_entries WHERE order_id IS NOT NULL GROUP BY order_id ORDER BY order_id");
		expect(perOrder.every((row) => row.purchases === 1)).toBe(true);
		expect(perOrder.filter((row) => ['100', '103'].includes(String(row.order_id))).map((row) => row.net)).toEqual([0, 0]);

		const brevoAfter = contactsSnapshot();
		const again = await rerun('reconciliation #2', workflowId, 'Every hour');
		expect(nodeOutput(again, 'Award missing points').map((i) => [i.orderId, i.duplicate])).toEqual(awardedOrders.map((id) => [id, true]));
		expect(nodeOutput(again, 'Ensure member').every((i) => i.created === false && i.updated === false)).toBe(true);
		expect(nodeOutput(again, 'Take back remaining points').map((i) => i.duplicate)).toEqual([true, true]);
		// Nothing changed in the ledger and every points update was sent, so nothing is sent to Brevo.
		expect(nodeOutput(again, 'Claim the points update')).toEqual([]);
		// Every order's state is in Brevo already: no claim, no BigCommerce read, no order sent.
		expect(nodeOutput(again, 'Brevo order status').length).toBeGreaterThanOrEqual(brevoOrderStates.length);
		expect(nodeOutput(again, 'Claim the Brevo order')).toEqual([]);
		expect(nodesRun(again)).not.toContain('Get the order for Brevo');
		expect(brevo.orders()).toEqual(brevoOrdersAfterRun);
		expect(nodesRun(again)).not.toContain('Points and tier to Brevo');
		expect(nodesRun(again)).not.toContain('Update points in Brevo');
		expect(nodeOutput(again, 'Switch webhooks back on')).toEqual([]);
		expect(contactsSnapshot()).toEqual(brevoAfter);
		expect(await entries()).toEqual(after);
		await checkLedger();

		// The points flow's execution for a new order stopped right after the award (a worker killed;
		// queue mode does not run it again): the ledger has the award, Brevo heard nothing. Ava
		// (Retail, Bronze) reaches Silver with it.
		const lost = bc.createOrder({ customer_id: 10, channel_id: 1, status_id: 10, products: [{ name: 'Espresso machine', quantity: 1, price_ex_tax: '1000.00' }] }) as unknown as BcOrder;
		await bc.idle();
		const lostOrder = await fresh(lost.id);
		const ava = expected.get(10)!;
		const tierBefore = tierOf(ava);
		expectAward(lostOrder);
		expect([tierBefore, tierOf(ava)]).toEqual(['Bronze', 'Silver']);
		const direct = await withLedger((store) => awardOrder(store, { storeHash: bc.storeHash, order: lostOrder }));
		expect(direct).toMatchObject({ duplicate: false, tierBefore: 'Bronze', tierAfter: 'Silver' });
		// Its Brevo order went first (the points flow's top branch): claimed and marked sent under its key.
		const lostBrevoKey = `order:${lost.id}:brevo_order:completed`;
		await withLedger(async (store) => {
			expect(await claimSend(store, { storeHash: bc.storeHash, key: lostBrevoKey, leaseMinutes: 10 })).toMatchObject({ claimed: true });
			await markSent(store, { storeHash: bc.storeHash, key: lostBrevoKey });
		});
		const brevoOrdersBeforeRepair = brevo.orders().length;
		const lostEventsBefore = brevo.events().length;
		const repaired = await rerun('reconciliation after a lost execution', workflowId, 'Every hour');
		expect(nodeOutput(repaired, 'Award missing points').find((i) => i.orderId === lost.id)).toMatchObject({ duplicate: true, tierChanged: true });
		expect(nodeOutput(repaired, 'Claim the points update').map((i) => i.orderId)).toEqual([lost.id]);
		// The order the points flow already sent to Brevo is not sent again.
		expect(nodeOutput(repaired, 'Brevo order status').map((i) => i.id)).toContain(lost.id);
		expect(nodeOutput(repaired, 'Claim the Brevo order')).toEqual([]);
		expect(brevo.orders()).toHaveLength(brevoOrdersBeforeRepair);
		expect(brevo.events().slice(lostEventsBefore).map((e) => ({ name: e.event_name, email: e.identifiers.email_id, properties: e.event_properties }))).toEqual([
			{
				name: 'tier_upgraded',
				email: emails.get(10),
				properties: { orderId: lost.id, tierBefore: 'Bronze', tierAfter: 'Silver', points: ava.remaining.get(lost.id), balance: ava.balance },
			},
		]);
		await checkLedger();
		checkBrevoPoints();
		const quiet = await rerun('reconciliation once more', workflowId, 'Every hour');
		expect(nodeOutput(quiet, 'Claim the points update')).toEqual([]);
		expect(brevo.events().length).toBe(lostEventsBefore + 1);
		await bcDeleteHook(ownHook.id, bc.accessToken);
		await bcDeleteHook(otherAppHook.id, 'other-app-token');
	});

	it('reconciliation awards the order of a customer deleted from BigCommerce since, from the order, and the run goes on', async () => {
		// Priya (VIP) signed up and ordered while n8n was down, then closed her account.
		const priya = bc.createCustomer({ email: 'priya.nair@example.com', first_name: 'Priya', last_name: 'Nair', customer_group_id: groupId('VIP') }) as unknown as BcCustomer;
		const order = bc.createOrder({ customer_id: priya.id, channel_id: 1, status_id: 10, products: [{ name: 'Gift box', quantity: 1, price_ex_tax: '250.00' }] }) as unknown as BcOrder;
		await bc.idle();
		const placed = await bcGet<BcOrder>(`/v2/orders/${order.id}`);
		expect(bc.deleteCustomer(priya.id)).toEqual({ deleted: true });
		await bc.idle();
		// Her group is gone with her account: she earns as a member without a group (×1, Bronze).
		emails.set(priya.id, priya.email);
		expected.set(priya.id, { program: 'default', group: null, lifetime: 0, balance: 0, orders: 0, remaining: new Map() });
		expectAward(placed);
		expect(expected.get(priya.id)!.balance).toBe(250 + 200);

		const run = await rerun('reconciliation, a deleted customer', reconciliationId, 'Every hour');
		expect(nodeOutput(run, 'Still a BigCommerce customer?', 1)).toEqual([expect.objectContaining({ details: expect.objectContaining({ failure: 'not_found' }) })]);
		// The other orders still in the lookback went through Ensure member: nothing new there.
		const ensured = nodeOutput(run, 'Award missing points', 0, 0);
		expect(ensured.length).toBeGreaterThan(0);
		expect(ensured.every((i) => i.duplicate === true && i.orderId !== order.id)).toBe(true);
		expect(nodeOutput(run, 'Award missing points', 0, 1).map((i) => ({ orderId: i.orderId, duplicate: i.duplicate, points: i.points, enrolled: i.enrolled, tier: (i.member as Json).tier }))).toEqual([
			{ orderId: order.id, duplicate: false, points: 250, enrolled: { source: 'order', fromProgram: null, customerGroup: null }, tier: 'Bronze' },
		]);
		await checkLedger();
		checkBrevoPoints();
	});

	it('segment sync puts every member in the Brevo lists of their segments and takes them off the others', async () => {
		// More history, so that every seed segment has members: Li Wei ordered twice, 120 and 100 days
		// ago (repeat, at risk); Jane buys 50 T-shirts (repeat, high value). Reconciliation awards them.
		const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
		const newOrders = [
			bc.createOrder({ customer_id: 4, channel_id: 1, status_id: 11, date_created: daysAgo(120), products: [{ product_id: 3, quantity: 4 }] }),
			bc.createOrder({ customer_id: 4, channel_id: 1, status_id: 11, date_created: daysAgo(100), products: [{ product_id: 2, quantity: 6 }] }),
			bc.createOrder({ customer_id: 1, channel_id: 1, status_id: 11, products: [{ product_id: 1, variant_id: 2, quantity: 50 }] }),
		] as unknown as BcOrder[];
		for (const order of newOrders) bc.setOrderStatus(order.id, 10);
		await bc.idle();
		for (const order of newOrders) expectAward(await bcGet<BcOrder>(`/v2/orders/${order.id}`));
		const repaired = await rerun('reconciliation #3', reconciliationId, 'Every hour');
		expect(nodeOutput(repaired, 'Award missing points').filter((i) => i.duplicate === false).map((i) => i.orderId)).toEqual(newOrders.map((o) => o.id));
		await checkLedger();
		checkBrevoPoints();

		// A stale membership the sync must undo: Noah has no orders, so he is not "At-Risk".
		expect((await brevoApi('POST', `/contacts/lists/${SEGMENT_LISTS['At-Risk Customers']}/contacts/add`, { emails: ['noah.johnson@example.com'] })).status).toBe(201);
		const members = await ledgerRows('SELECT email, customer_group, orders_count, total_spent_minor, last_order_at FROM tajo_members ORDER BY customer_id');
		const ninetyDaysAgo = Date.now() - 90 * 86_400_000;
		const segmentsOf = (m: Json): string[] => {
			const orders = Number(m.orders_count);
			const segments: string[] = [];
			if (orders === 1) segments.push('First-Time Buyers');
			if (orders >= 2) segments.push('Repeat Customers');
			if (Number(m.total_spent_minor) >= 100_000) segments.push('High-Value Customers');
			if (m.customer_group === 'Wholesale') segments.push('Wholesale Accounts');
			if (m.last_order_at && Date.parse(String(m.last_order_at)) < ninetyDaysAgo && orders >= 2) segments.push('At-Risk Customers');
			return segments;
		};
		// The group lists stay as they are: the backfill put the seed's customers in theirs (checked
		// there); the customers Reconciliation enrolled later are in none (that is Customer sync's job).
		const groupListIds = Object.values(GROUP_LISTS);
		const groupListsBefore = new Map(brevo.contacts().map((c) => [String(c.email), c.listIds.filter((id) => groupListIds.includes(id))]));
		const wanted = Object.fromEntries(
			members.map((m) => [String(m.email), [...(groupListsBefore.get(String(m.email)) ?? []), ...segmentsOf(m).map((s) => SEGMENT_LISTS[s])].sort((a, b) => a - b)]),
		);
		// The store data must exercise several segments.
		const used = new Set(members.flatMap(segmentsOf));
		expect(used).toEqual(new Set(Object.keys(SEGMENT_LISTS)));

		const { workflowId, execution } = await runTemplate('segment sync', templates.segmentSync, {}, 'Every day');
		expect(nodesRun(execution)).toEqual(['Every day', 'Config', 'Get programs', 'Get members', 'Members with an email', 'Evaluate segments', 'Update Brevo lists']);
		expect(nodeOutput(execution, 'Evaluate segments')).toHaveLength(expected.size);
		const lists = () => Object.fromEntries(brevo.contacts().map((c) => [String(c.email), [...c.listIds].sort((a, b) => a - b)]));
		expect(lists()).toEqual(wanted);

		const snapshot = contactsSnapshot();
		await rerun('segment sync #2', workflowId, 'Every day');
		expect(contactsSnapshot()).toEqual(snapshot);
	});

	it('the analytics report sends one email to the owner whose params are the ledger\'s dashboard', async () => {
		const report = brevo.addTemplate({ name: 'loyalty_report', subject: 'Your weekly loyalty report' });
		const sentBefore = brevo.emails().length;
		const { execution } = await runTemplate('analytics report', templates.analyticsReport, { reportTemplateId: report.id, ownerEmail: OWNER, ownerName: 'Store Owner' }, 'Every week');
		expect(nodesRun(execution)).toEqual(['Every week', 'Config', 'Get dashboard', 'Email the report']);
		const emails = brevo.emails().slice(sentBefore);
		expect(emails).toHaveLength(1);
		const [email] = emails;
		expect({ templateId: email.templateId, to: email.to, tags: email.tags }).toEqual({ templateId: report.id, to: [{ email: OWNER, name: 'Store Owner' }], tags: ['loyalty_report'] });

		const analytics = await withLedger((store) => store.analytics({ storeHash: bc.storeHash }));
		const money = (minor: number, currency: string | null) => (currency ? Number(formatMoney(minor, currency as never, 'currency')) : null);
		const params = email.params as Json;
		expect(params).toEqual({
			storeHash: bc.storeHash,
			program: null,
			generatedAt: expect.any(String),
			monthStart: analytics.monthStart,
			customers: analytics.customers,
			revenue: {
				total: analytics.revenue.byCurrency.map((r) => ({
					currency: r.currency,
					orders: r.orders,
					total: money(r.totalMinor, r.currency),
					refunded: money(r.refundedMinor, r.currency),
					averageOrderValue: money(r.averageOrderValueMinor, r.currency),
					totalMinor: r.totalMinor,
					refundedMinor: r.refundedMinor,
					averageOrderValueMinor: r.averageOrderValueMinor,
				})),
				byChannel: analytics.revenue.byChannel.map((r) => ({ ...r, total: money(r.totalMinor, r.currency) })),
			},
			loyalty: analytics.loyalty,
		});
		// And the figures agree with what this test worked out.
		const all = [...expected.values()];
		expect((params.customers as Json).total).toBe(expected.size);
		expect((params.loyalty as Json).outstanding).toEqual({ available: all.reduce((sum, m) => sum + m.balance, 0), pending: 0, total: all.reduce((sum, m) => sum + m.balance, 0) });
	});

	it('reconciliation sends the review requests and shipping notices whose executions were lost, once; none already sent, none overdue longer than reviewRepairDays; prunes the sent schedules before that', async () => {
		// The points flow is not running (its executions lost, before or during their wait). The
		// review delay is 3 s here, so that the requests are due by the time Reconciliation runs; the
		// repair window (reviewRepairDays) 10 minutes, so that a request due 2 hours ago is past it.
		const REVIEW_DELAY_SECONDS = 3;
		const REPAIR_WINDOW_SECONDS = 10 * 60;
		const reviewEvents = () => brevo.events().filter((e) => e.event_name === 'review_request' || e.event_name === 'order_shipped');
		const productsOf = async (orderId: number) =>
			(await bcGet<Json[]>(`/v2/orders/${orderId}/products`)).map((line) => ({ productId: line.product_id, variantId: line.variant_id, name: line.name, sku: line.sku, quantity: line.quantity }));
		// A: completed, its execution lost before it scheduled anything. C: completed, its review request already sent.
		const lostBeforeWait = bc.createOrder({ customer_id: 7, channel_id: 1, status_id: 10, products: [{ product_id: 2, quantity: 1 }] }) as unknown as BcOrder;
		const alreadySent = bc.createOrder({ customer_id: 1, channel_id: 1, status_id: 10, products: [{ product_id: 3, quantity: 1 }] }) as unknown as BcOrder;
		// B: shipped just now, its order_shipped lost.
		const shipped = bc.createOrder({ customer_id: 2, channel_id: 1, status_id: 11, products: [{ product_id: 5, quantity: 1 }] }) as unknown as BcOrder;
		const shipment = (bc.shipOrder(shipped.id, { tracking_number: '1Z999AA10123456799', shipping_provider: 'ups', tracking_carrier: 'ups' }) as { shipment: Json }).shipment;
		await bc.idle();
		expect((await bcGet<BcOrder>(`/v2/orders/${shipped.id}`)).status_id).toBe(2);
		for (const order of [lostBeforeWait, alreadySent]) expectAward(await bcGet<BcOrder>(`/v2/orders/${order.id}`));
		// D: awarded and scheduled by the points flow, whose execution was then lost during the wait.
		const lostInWait = bc.createOrder({ customer_id: 4, channel_id: 1, status_id: 10, products: [{ product_id: 3, quantity: 2 }] }) as unknown as BcOrder;
		await bc.idle();
		const lostInWaitOrder = await bcGet<BcOrder>(`/v2/orders/${lostInWait.id}`);
		expectAward(lostInWaitOrder);
		const scheduledPayload = { email: emails.get(4), orderId: lostInWait.id, products: await productsOf(lostInWait.id) };
		const overdueKey = 'order:990001:review_request';
		const oldSentKey = 'order:990002:review_request';
		const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString();
		await withLedger(async (store) => {
			await awardOrder(store, { storeHash: bc.storeHash, order: lostInWaitOrder });
			await store.scheduleSend({ storeHash: bc.storeHash, sendKey: `order:${lostInWait.id}:review_request`, dueAt: new Date(Date.now() + REVIEW_DELAY_SECONDS * 1000).toISOString(), payload: scheduledPayload });
			await store.markSent({ storeHash: bc.storeHash, sendKey: `order:${alreadySent.id}:review_request` });
			// E: scheduled, never sent, and due 2 hours ago — past the window: n8n was stopped too long, it is not sent late.
			await store.scheduleSend({ storeHash: bc.storeHash, sendKey: overdueKey, dueAt: twoHoursAgo, payload: { email: emails.get(4), orderId: 990_001, products: [] } });
			// F: scheduled, sent, and due 2 hours ago: its schedule is pruned; the send log keeps it as sent.
			await store.scheduleSend({ storeHash: bc.storeHash, sendKey: oldSentKey, dueAt: twoHoursAgo, payload: { email: emails.get(4), orderId: 990_002, products: [] } });
			await store.markSent({ storeHash: bc.storeHash, sendKey: oldSentKey });
		});
		await new Promise((resolve) => setTimeout(resolve, (REVIEW_DELAY_SECONDS + 1.5) * 1000));

		const before = reviewEvents().length;
		const { workflowId, execution } = await runTemplate(
			'reconciliation, lost messages',
			templates.reconciliation,
			{ reviewDelayDays: secondsAs(REVIEW_DELAY_SECONDS, 'days'), reviewRepairDays: secondsAs(REPAIR_WINDOW_SECONDS, 'days') },
			'Every hour',
		);
		// Scheduled first (the orders of this run, with the products read from BigCommerce), then sent when due, then pruned.
		const ran = nodesRun(execution);
		expect(ran.indexOf('Schedule the review request')).toBeLessThan(ran.indexOf('Review requests due'));
		expect(ran.indexOf('Review request sent')).toBeLessThan(ran.indexOf('Prune sent schedules'));
		// Only what is due within the window is listed.
		expect(nodeOutput(execution, 'Review requests due').map((i) => i.key)).toEqual(
			expect.arrayContaining([`order:${lostBeforeWait.id}:review_request`, `order:${lostInWait.id}:review_request`]),
		);
		expect(nodeOutput(execution, 'Review requests due').map((i) => i.key)).not.toContain(overdueKey);
		const schedules = nodeOutput(execution, 'Schedule the review request').map((i) => i.schedule as Json);
		expect(schedules.find((s) => s.key === `order:${lostBeforeWait.id}:review_request`)).toMatchObject({ scheduled: true, payload: { email: emails.get(7), orderId: lostBeforeWait.id, products: await productsOf(lostBeforeWait.id) } });
		// The points flow's schedule stands.
		expect(schedules.find((s) => s.key === `order:${lostInWait.id}:review_request`)).toMatchObject({ scheduled: false, payload: scheduledPayload });
		const sent = reviewEvents()
			.slice(before)
			.map((e) => ({ name: e.event_name, email: e.identifiers.email_id, properties: e.event_properties }));
		expect(sent).toEqual(
			expect.arrayContaining([
				{ name: 'review_request', email: emails.get(7), properties: { orderId: lostBeforeWait.id, products: await productsOf(lostBeforeWait.id) } },
				{ name: 'review_request', email: emails.get(4), properties: { orderId: lostInWait.id, products: scheduledPayload.products } },
				{
					name: 'order_shipped',
					email: emails.get(2),
					properties: { orderId: shipped.id, trackingNumber: '1Z999AA10123456799', carrier: expect.stringMatching(/ups/i), trackingUrl: expect.any(String), shippingMethod: expect.any(String) },
				},
			]),
		);
		expect(sent).toHaveLength(3);
		expect(sent.map((e) => e.properties?.orderId)).not.toContain(alreadySent.id);
		expect(sent.map((e) => e.properties?.orderId)).not.toContain(990_001);
		const sends = await ledgerRows("SELECT send_key, status, attempts FROM tajo_sends WHERE send_key LIKE '%review_request' OR send_key LIKE '%order_shipped' ORDER BY send_key");
		expect(sends).toEqual(
			expect.arrayContaining([
				{ send_key: `order:${lostBeforeWait.id}:review_request`, status: 'sent', attempts: 1 },
				{ send_key: `order:${lostInWait.id}:review_request`, status: 'sent', attempts: 1 },
				{ send_key: `order:${shipped.id}:shipment:${shipment.id as number}:order_shipped`, status: 'sent', attempts: 1 },
				{ send_key: `order:${alreadySent.id}:review_request`, status: 'sent', attempts: 0 },
				{ send_key: oldSentKey, status: 'sent', attempts: 0 },
			]),
		);
		expect(sends).toHaveLength(5);
		// The overdue one is neither claimed nor pruned (not sent); the old sent one's schedule is gone.
		expect(nodeOutput(execution, 'Prune sent schedules')).toEqual([{ deleted: 1, dueBefore: expect.any(String) }]);
		const scheduled = (await ledgerRows('SELECT send_key FROM tajo_scheduled_sends')).map((r) => r.send_key);
		expect(scheduled).toContain(overdueKey);
		expect(scheduled).not.toContain(oldSentKey);
		expect(scheduled).toEqual(expect.arrayContaining([`order:${lostBeforeWait.id}:review_request`, `order:${lostInWait.id}:review_request`]));
		await checkLedger();

		// Running again sends nothing more.
		const again = await rerun('reconciliation, lost messages #2', workflowId, 'Every hour');
		expect(nodeOutput(again, 'Review requests due')).toEqual([]);
		expect(nodeOutput(again, 'Claim the shipping notice')).toEqual([]);
		expect(nodeOutput(again, 'Prune sent schedules')).toEqual([{ deleted: 0, dueBefore: expect.any(String) }]);
		expect(reviewEvents().length).toBe(before + 3);
	});

	it('reconciliation takes back the points of partial refunds whose deliveries were lost, pro rata, once each; a refund the points flow reversed is not reversed again', async () => {
		// Customer 4 (a member since the backfill). Two completed orders, awarded by the points flow
		// (here: the same call its award makes), then refunded in part while no flow listens.
		const customer = 4;
		const member = expected.get(customer)!;
		const place = async (price: string) => {
			const created = bc.createOrder({ customer_id: customer, channel_id: 1, status_id: 10, products: [{ name: 'Desk lamp', quantity: 1, price_ex_tax: price }] }) as unknown as BcOrder;
			await bc.idle();
			const order = await bcGet<BcOrder>(`/v2/orders/${created.id}`);
			expectAward(order);
			const awarded = await withLedger((store) => awardOrder(store, { storeHash: bc.storeHash, order }));
			expect(awarded).toMatchObject({ awarded: true, duplicate: false, points: member.remaining.get(order.id) });
			return order;
		};
		const refund = async (orderId: number, amount: string) => {
			const made = bc.refundOrder(orderId, { amount, reason: 'Lost delivery' }) as { refund: { id: number } };
			await bc.idle();
			return made.refund.id;
		};
		// A: refunded twice; both refund deliveries lost.
		const a = await place('300.00');
		const a1 = await refund(a.id, '30.00');
		const a2 = await refund(a.id, '45.50');
		// B: refunded twice; the points flow reversed the first (its "Take back points pro rata":
		// partial, the refund's ID, the order's refunded_amount as the refunded total so far), the second was lost.
		const b = await place('120.00');
		const b1 = await refund(b.id, '20.00');
		const afterB1 = await bcGet<BcOrder>(`/v2/orders/${b.id}`);
		const flowReversal = await withLedger((store) =>
			reverseOrder(store, { storeHash: bc.storeHash, order: afterB1, type: 'partial', refundId: String(b1), amountIs: 'refundedTotal', refundAmount: afterB1.refunded_amount as string }),
		);
		const b2 = await refund(b.id, '10.00');
		const [aNow, bNow] = [await bcGet<BcOrder>(`/v2/orders/${a.id}`), await bcGet<BcOrder>(`/v2/orders/${b.id}`)];
		expect([aNow.status_id, bNow.status_id]).toEqual([14, 14]);

		// What the seed rules take back, by integer arithmetic: the order's total reversal after each
		// refund is floor(points granted × refunded so far / the order's total), each refund the step.
		const proRata = (order: BcOrder, refundsCents: number[]) => {
			const granted = member.remaining.get(order.id)!;
			const total = cents(String(order.total_inc_tax));
			let refunded = 0;
			let taken = 0;
			return refundsCents.map((amount) => {
				refunded += amount;
				const step = Math.floor((granted * refunded) / total) - taken;
				taken += step;
				return step;
			});
		};
		const [pa1, pa2] = proRata(aNow, [3000, 4550]);
		const [pb1, pb2] = proRata(bNow, [2000, 1000]);
		expect(pa1 + pa2).toBeGreaterThan(0);
		expect(flowReversal).toMatchObject({ reversed: true, duplicate: false, points: -pb1 });
		const takeBack = (order: BcOrder, points: number) => {
			member.balance -= points;
			member.lifetime -= points;
			member.remaining.set(order.id, member.remaining.get(order.id)! - points);
		};
		takeBack(bNow, pb1);
		const before = await entries();

		const run = await rerun('reconciliation, lost partial refunds', reconciliationId, 'Every hour');
		const perRefund = (execution: typeof run) =>
			nodeOutput(execution, 'Take back points per refund')
				.filter((i) => [String(a.id), String(b.id)].includes(i.orderId as string))
				.map((i) => ({ order: Number(i.orderId), refund: Number(i.refundId), reversed: i.reversed, duplicate: i.duplicate, points: i.points }));
		expect(nodeOutput(run, 'Partially refunded or refunded').map((o) => o.id)).toEqual(expect.arrayContaining([a.id, b.id]));
		expect(perRefund(run)).toEqual([
			{ order: a.id, refund: a1, reversed: true, duplicate: false, points: -pa1 },
			{ order: a.id, refund: a2, reversed: true, duplicate: false, points: -pa2 },
			// The points flow's reversal of b1 is returned as it was, not made again.
			{ order: b.id, refund: b1, reversed: true, duplicate: true, points: -pb1 },
			{ order: b.id, refund: b2, reversed: true, duplicate: false, points: -pb2 },
		]);
		takeBack(aNow, pa1 + pa2);
		takeBack(bNow, pb2);
		// One reversal per refund, under the points flow's key for it, and nothing else written.
		const after = await entries();
		expect(after.slice(0, before.length)).toEqual(before);
		expect(after.slice(before.length).map((e) => [e.idempotency_key, e.points])).toEqual([
			[`${bc.storeHash}:order:${a.id}:refund:${a1}`, -pa1],
			[`${bc.storeHash}:order:${a.id}:refund:${a2}`, -pa2],
			[`${bc.storeHash}:order:${b.id}:refund:${b2}`, -pb2],
		]);
		await checkLedger();
		// Brevo's LOYALTY_POINTS (and tier) follow: the member's points changed.
		expect(brevo.contacts().find((c) => c.email === emails.get(customer))?.attributes).toMatchObject({ LOYALTY_POINTS: member.balance, LOYALTY_TIER: tierOf(member) });
		checkBrevoPoints();

		// A second run changes nothing.
		const brevoAfter = contactsSnapshot();
		const again = await rerun('reconciliation, lost partial refunds #2', reconciliationId, 'Every hour');
		expect(perRefund(again).map((r) => [r.refund, r.duplicate])).toEqual([a1, a2, b1, b2].map((id) => [id, true]));
		expect(nodesRun(again)).not.toContain('Update points in Brevo');
		expect(await entries()).toEqual(after);
		expect(contactsSnapshot()).toEqual(brevoAfter);
		await checkLedger();

		// And the other way round: the points flow's late delivery of a refund this run reversed takes nothing more.
		const late = await withLedger((store) =>
			reverseOrder(store, { storeHash: bc.storeHash, order: aNow, type: 'partial', refundId: String(a1), amountIs: 'refundedTotal', refundAmount: aNow.refunded_amount as string }),
		);
		expect(late).toMatchObject({ reversed: true, duplicate: true, points: -pa1 });
		expect(await entries()).toEqual(after);
	});
});
