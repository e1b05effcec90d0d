// Template 2, customer sync (issue 6), end to end in real n8n 2.41.1 with the package installed
// from its tarball, against the BigCommerce and Brevo emulators and the SQLite ledger in n8n's
// user folder: sign-ups of a retail, a VIP and a wholesale customer become Brevo contacts (names,
// SMS, group, the group's list, loyalty points and tier) and Tajo members with the account-creation
// bonus; a later change of the customer updates the contact and gives no second bonus; a duplicate
// delivery starts nothing, and a replayed event (new hash) changes nothing; a second customer with
// the same phone number (a household) is synced without SMS, and the two are never merged.
import type { BigCommerceSandbox } from '../../../sandbox/bigcommerce';
import type { BrevoSandbox } from '../../../sandbox/brevo';
import { openLedgerStore } from '../../../nodes/core/ledger';
import type { LedgerStore } from '../../../nodes/core/ledger/ledger-store';
import { seedPrograms } from '../../../nodes/core/loyalty';
import { saveProgram } from '../../../nodes/core/loyalty-service';
import { nodeOutput, type N8nInstance, type StoredWorkflow } from '../../harness';
import { bindCredentials, configOf, expectBindsByName, expectCliImportAsIs, loadTemplate, nodesRun, templateProblems, startTemplateStack, type TemplateStack } from '../../harness/templates';

const FILE = 'customer-sync.json';
const TRIGGER = 'Customer created or updated';
const FULL_RUN = [
	TRIGGER,
	'Config',
	'Get customer groups',
	'Get the customer',
	'Add the group name',
	'Contact to Brevo',
	'Enrol in loyalty program',
	'Get the program',
	'Account-creation bonus',
	'Points, tier and list to Brevo',
];

type Json = Record<string, unknown>;

const fileStarted = Date.now();
const template = loadTemplate(FILE);
let stack: TemplateStack;
let n8n: N8nInstance;
let bc: BigCommerceSandbox;
let brevo: BrevoSandbox;
let ledger: LedgerStore;
let workflow: StoredWorkflow;
let credentials: Record<'bigCommerceApi' | 'brevoApi' | 'tajoLoyaltyDatabase', { id: string; name: string }>;
let executionsSoFar = 0;
const timings: string[] = [];

beforeAll(async () => {
	stack = await startTemplateStack();
	({ n8n, bc, brevo, credentials } = stack);
	// The ledger the credential points at (a relative path lands in n8n's user folder), with the
	// seed's programs, as the Program setup template leaves it.
	ledger = await openLedgerStore({ type: 'sqlite', sqlitePath: stack.ledgerPath });
	for (const seed of Object.values(seedPrograms)) await saveProgram(ledger, bc.storeHash, withLists(seed));
	workflow = await n8n.importWorkflow(bindCredentials(template, credentials));
	await n8n.activateWorkflow(workflow.id);
}, 15 * 60_000);

afterAll(async () => {
	await Promise.allSettled([ledger?.close(), stack?.close()]);
	if (n8n) {
		process.stdout.write(
			`[template customer-sync e2e] whole file ${((Date.now() - fileStarted) / 1000).toFixed(1)} s; ` +
				`n8n start-up ${(n8n.timings.totalMs / 1000).toFixed(1)} s; ${timings.join('; ')}\n`,
		);
	}
}, 60_000);

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const t0 = Date.now();
	try {
		return await work();
	} finally {
		timings.push(`${label} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	}
}

/** Waits for the next `count` executions of the workflow and returns them with their data. */
async function nextExecutions(count = 1) {
	const all = await n8n.waitForExecutions(workflow.id, { count: executionsSoFar + count, timeoutMs: 60_000 });
	const fresh = all.slice(executionsSoFar, executionsSoFar + count);
	executionsSoFar += count;
	return await Promise.all(fresh.map((e) => n8n.getExecution(e.id, true)));
}

async function executionCount(): Promise<number> {
	return (await n8n.listExecutions({ workflowId: workflow.id })).length;
}

// ---- expected values, from the seed's rules --------------------------------------------------

/**
 * The seed's programs with a Brevo list per customer group in their group mapping, as Program
 * setup (template 1) stores them: the sample Brevo account's lists 1 retail_newsletter,
 * 2 wholesale_updates, 3 vip_exclusive.
 */
const LISTS: Record<string, number> = { Retail: 1, Wholesale: 2, VIP: 3 };
function withLists(config: (typeof seedPrograms)['default']) {
	const mapping = Object.fromEntries(Object.entries(config.customerGroupMapping).map(([group, m]) => [group, { ...m, brevoListId: LISTS[group] ?? null }]));
	return { ...config, customerGroupMapping: mapping };
}
const program = seedPrograms.default;
const BONUS = program.bonusPoints.accountCreation;
/** Starting tier of each group (the program's customer-group mapping; seed step 4). */
const startingTier = (group: string) => program.customerGroupMapping[group]?.loyaltyTier ?? program.tiers[0].name;

const signUps = [
	{ group: 'Retail', groupId: 1, email: 'rita.retail@example.com', first_name: 'Rita', last_name: 'Retail', phone: '+15125550101' },
	{ group: 'VIP', groupId: 2, email: 'victor.vip@example.com', first_name: 'Victor', last_name: 'Vip', phone: '' },
	{ group: 'Wholesale', groupId: 3, email: 'walt.wholesale@example.com', first_name: 'Walt', last_name: 'Wholesale', phone: '(512) 555-0199' },
];
const customerIds = new Map<string, number>();

async function memberOf(customerId: number) {
	const p = await ledger.getProgram({ storeHash: bc.storeHash, name: 'default' });
	const member = await ledger.getMember(p.id, { customerId });
	const entries = (await ledger.history({ programId: p.id, member: { customerId }, limit: 100, cursor: null })).items;
	return { member, entries };
}

function contact(email: string): Json {
	return brevo.contact(email) as unknown as Json;
}

// ---- the tests -------------------------------------------------------------------------------

describe('the customer sync template', () => {
	it('follows the template conventions', () => {
		expect(templateProblems(template)).toEqual([]);
		expect(configOf(template)).toEqual({ loyaltyProgram: '' });
	});

	it('imports with `n8n import:workflow --input=<file>` as it is, credentials bound by their names', async () => {
		await timed('CLI import', () => expectCliImportAsIs(n8n.toolchain, FILE, { bigCommerce: bc.url, brevo: brevo.apiBaseUrl }));
	});

	it('imported through the public API as it is, binds its credentials by their names', async () => {
		const stored = await expectBindsByName(n8n, template, credentials);
		expect(stored.nodes.filter((n) => n.credentials).length).toBeGreaterThan(5);
	});

	it('sign-ups (retail, VIP, wholesale) become Brevo contacts in their group list and members with the account-creation bonus', async () => {
		for (const s of signUps) {
			const created = bc.createCustomer({ email: s.email, first_name: s.first_name, last_name: s.last_name, phone: s.phone, customer_group_id: s.groupId }) as { id: number };
			customerIds.set(s.group, created.id);
		}
		await bc.idle();
		const executions = await timed('3 sign-ups', () => nextExecutions(3));
		for (const execution of executions) {
			expect(execution.status).toBe('success');
			expect(nodesRun(execution)).toEqual(FULL_RUN);
		}
		expect(executions.map((e) => nodeOutput(e, TRIGGER)[0].event)).toEqual(['customer.created', 'customer.created', 'customer.created']);

		for (const s of signUps) {
			const c = contact(s.email);
			const attributes = c.attributes as Json;
			expect(attributes).toEqual(
				expect.objectContaining({
					FIRSTNAME: s.first_name,
					LASTNAME: s.last_name,
					CUSTOMER_GROUP: s.group,
					EXT_ID: String(customerIds.get(s.group)),
					LOYALTY_POINTS: BONUS,
					LOYALTY_TIER: startingTier(s.group),
				}),
			);
			// Only a number with its country code goes to SMS.
			if (s.phone.startsWith('+')) expect(attributes.SMS).toEqual(expect.stringContaining(s.phone.replace('+', '')));
			else expect(attributes.SMS).toBeUndefined();
			expect(c.listIds).toEqual([LISTS[s.group]]);

			const { member, entries } = await memberOf(customerIds.get(s.group)!);
			expect(member.customerGroup).toBe(s.group);
			expect(member.points.available).toBe(BONUS);
			expect(entries.map((e) => ({ kind: e.kind, action: e.action, points: e.points }))).toEqual([{ kind: 'bonus', action: 'accountCreation', points: BONUS }]);
		}
		expect(startingTier('VIP')).toBe('Gold');
		expect(startingTier('Wholesale')).toBe('Silver');
	});

	it('a customer who changes their account is updated in Brevo and in the ledger, without a second bonus', async () => {
		const id = customerIds.get('Retail')!;
		bc.updateCustomer(id, { last_name: 'Retail-Smith', customer_group_id: 2 });
		await bc.idle();
		const [execution] = await timed('customer updated', () => nextExecutions(1));
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, TRIGGER)[0]).toEqual(expect.objectContaining({ event: 'customer.updated', customer_id: id }));
		expect(nodeOutput(execution, 'Account-creation bonus')[0]).toEqual(expect.objectContaining({ duplicate: true }));
		const c = contact('rita.retail@example.com');
		expect(c.attributes).toEqual(
			expect.objectContaining({ LASTNAME: 'Retail-Smith', CUSTOMER_GROUP: 'VIP', LOYALTY_POINTS: BONUS, LOYALTY_TIER: startingTier('VIP') }),
		);
		// Moved to the VIP list, off the Retail one.
		expect(c.listIds).toEqual([LISTS.VIP]);
		const { member, entries } = await memberOf(id);
		expect({ group: member.customerGroup, lastName: member.lastName, available: member.points.available }).toEqual({ group: 'VIP', lastName: 'Retail-Smith', available: BONUS });
		expect(entries).toHaveLength(1);
	});

	it('a duplicate delivery starts nothing; a replayed event (new hash) runs but changes nothing', async () => {
		const events = bc.webhookEvents() as unknown as Array<{ id: number; scope: string; data: { id: number } }>;
		const vipId = customerIds.get('VIP')!;
		const created = events.find((e) => e.scope === 'store/customer/created' && e.data.id === vipId)!;
		const before = await executionCount();
		const brevoBefore = brevo.received({ method: 'PUT' }).length + brevo.received({ method: 'POST' }).length;
		bc.duplicateEvent(created.id);
		await bc.idle();
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await executionCount()).toBe(before);
		expect(brevo.received({ method: 'PUT' }).length + brevo.received({ method: 'POST' }).length).toBe(brevoBefore);

		bc.replayEvent(created.id);
		await bc.idle();
		const [execution] = await timed('replayed sign-up', () => nextExecutions(1));
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'Account-creation bonus')[0]).toEqual(expect.objectContaining({ duplicate: true, points: BONUS }));
		expect((contact('victor.vip@example.com').attributes as Json).LOYALTY_POINTS).toBe(BONUS);
		const balances = await Promise.all([...customerIds.values()].map(async (id) => (await memberOf(id)).member.points.available));
		expect(balances).toEqual([BONUS, BONUS, BONUS]);
		const bonusEntries = await Promise.all([...customerIds.values()].map(async (id) => (await memberOf(id)).entries.length));
		expect(bonusEntries).toEqual([1, 1, 1]);
	});

	it('a household: a second customer with the same phone number is synced without SMS (reported), and nobody is merged', async () => {
		const rita = signUps[0];
		const created = bc.createCustomer({ email: 'sam.retail@example.com', first_name: 'Sam', last_name: 'Retail', phone: rita.phone, customer_group_id: 1 }) as { id: number };
		await bc.idle();
		const [execution] = await timed('household sign-up', () => nextExecutions(1));
		expect(execution.status).toBe('success');
		expect(nodesRun(execution)).toEqual(FULL_RUN);
		expect(nodeOutput(execution, 'Contact to Brevo')[0]).toEqual(
			expect.objectContaining({ created: true, skippedFields: [{ field: 'SMS', value: rita.phone, reason: 'another Brevo contact already has this SMS number' }] }),
		);
		const sam = contact('sam.retail@example.com');
		expect(sam.attributes).toEqual(expect.objectContaining({ FIRSTNAME: 'Sam', EXT_ID: String(created.id), LOYALTY_POINTS: BONUS }));
		expect((sam.attributes as Json).SMS).toBeUndefined();
		// Rita keeps her number, email and customer ID: the two people stay two contacts.
		expect((contact('rita.retail@example.com').attributes as Json)).toEqual(expect.objectContaining({ SMS: expect.stringContaining(rita.phone.replace('+', '')), EXT_ID: String(customerIds.get('Retail')) }));
		expect((await memberOf(created.id)).member.points.available).toBe(BONUS);
	});
});
