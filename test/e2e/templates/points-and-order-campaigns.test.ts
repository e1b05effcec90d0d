// Template 3, points and order campaigns (issue 6), end to end in real n8n 2.41.1 with the package
// installed from its tarball, against the BigCommerce and Brevo emulators and the SQLite ledger in
// n8n's user folder. A scripted store day: orders of a retail, a VIP and a wholesale customer are
// completed (points with the first-purchase bonus, contact points and tier, `tier_upgraded` when a
// tier is reached, `review_request` with the products after the review delay, shortened to 3 s
// through Config), shipped (`order_shipped` with tracking number and carrier), partially (twice on
// one order) and fully refunded (points taken back pro rata or in full); a duplicate delivery starts
// nothing, a replayed completion (new hash) changes nothing, and a shipment and completion delivered
// in reverse order each have their effect once. An award whose execution stopped before Brevo heard
// of it gets its messages from the next delivery, and an order the Reconciliation template awarded
// and announced first still gets its review request (the send-once log). Brevo's e-commerce orders
// get each order once per state — completed, partially refunded (per refunded total), refunded,
// cancelled — guests' orders too, whatever the deliveries' repeats and order; an order Brevo refused
// is sent by the next delivery. Balances are checked against values computed here from the rules.
import type { BigCommerceSandbox } from '../../../sandbox/bigcommerce';
import type { BrevoSandbox } from '../../../sandbox/brevo';
import { openLedgerStore } from '../../../nodes/core/ledger';
import type { LedgerStore } from '../../../nodes/core/ledger/ledger-store';
import { calculateOrderPoints, seedPrograms } from '../../../nodes/core/loyalty';
import { reversePartialRefund } from '../../../nodes/core/loyalty/reversal';
import { memberTier } from '../../../nodes/core/loyalty/tiers';
import { awardOrder, saveProgram } from '../../../nodes/core/loyalty-service';
import { nodeOutput, type Execution, type N8nInstance, type StoredWorkflow } from '../../harness';
import { bindCredentials, configOf, expectBindsByName, expectCliImportAsIs, loadTemplate, nodesRun, secondsAs, templateProblems, startTemplateStack, type TemplateStack, withConfig } from '../../harness/templates';

const FILE = 'points-and-order-campaigns.json';
const TRIGGER = 'Order status changed or refunded';
const REVIEW_DELAY_SECONDS = 3;
const STATUS = { SHIPPED: 2, REFUNDED: 4, CANCELLED: 5, COMPLETED: 10, AWAITING_FULFILLMENT: 11, PARTIALLY_REFUNDED: 14 } as const;

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
const timings: string[] = [];
/** Every finished execution seen so far, by id. */
const seen = new Map<string, Execution>();

beforeAll(async () => {
	stack = await startTemplateStack();
	({ n8n, bc, brevo, credentials } = stack);
	// The ledger the credential points at (a relative path lands in n8n's user folder), with the
	// seed's programs, as the Program setup template leaves it.
	ledger = await openLedgerStore({ type: 'sqlite', sqlitePath: stack.ledgerPath });
	for (const program of Object.values(seedPrograms)) await saveProgram(ledger, bc.storeHash, program);
	const prepared = withConfig(template, { reviewDelayDays: secondsAs(REVIEW_DELAY_SECONDS, 'days') });
	workflow = await n8n.importWorkflow(bindCredentials(prepared, credentials));
	await n8n.activateWorkflow(workflow.id);
}, 15 * 60_000);

afterAll(async () => {
	await Promise.allSettled([ledger?.close(), stack?.close()]);
	if (n8n) {
		process.stdout.write(
			`[template points-and-order-campaigns e2e] whole file ${((Date.now() - fileStarted) / 1000).toFixed(1)} s; ` +
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

/**
 * Waits until `count` more executions have finished and returns them, oldest first. (Completions
 * wait for the review delay, so executions may finish in another order than they started.)
 */
async function nextExecutions(count: number): Promise<Execution[]> {
	const all = await n8n.waitForExecutions(workflow.id, { count: seen.size + count, timeoutMs: 60_000 });
	const fresh = all.filter((e) => !seen.has(String(e.id)));
	const withData = await Promise.all(fresh.map((e) => n8n.getExecution(e.id, true)));
	for (const e of withData) seen.set(String(e.id), e);
	expect(withData).toHaveLength(count);
	return withData;
}

async function executionCount(): Promise<number> {
	return (await n8n.listExecutions({ workflowId: workflow.id })).length;
}

const triggerItem = (execution: Execution) => nodeOutput(execution, TRIGGER)[0] as Json;

// ---- the store and the rules -----------------------------------------------------------------

const program = seedPrograms.default;
const FIRST_PURCHASE = program.bonusPoints.firstPurchase;
const customers: Record<'retail' | 'vip' | 'wholesale' | 'late', { id: number; email: string; group: string }> = {} as never;
const orders: Record<string, Json> = {};

function createCustomer(key: keyof typeof customers, group: string, groupId: number) {
	const email = `${key}.buyer@example.com`;
	const created = bc.createCustomer({ email, first_name: key, last_name: 'Buyer', customer_group_id: groupId }) as { id: number };
	customers[key] = { id: created.id, email, group };
}

function createOrder(customer: keyof typeof customers, amount: string): Json {
	return bc.createOrder({ customer_id: customers[customer].id, status_id: STATUS.AWAITING_FULFILLMENT, products: [{ name: `Order of ${amount}`, quantity: 1, price_ex_tax: amount }] }) as Json;
}

/** Expected ledger state per customer, kept up to date by the test as the rules say. */
const expected = new Map<number, { lifetime: number; available: number; completed: number }>();

function expectAward(customer: keyof typeof customers, order: Json) {
	const c = customers[customer];
	const state = expected.get(c.id) ?? { lifetime: 0, available: 0, completed: 0 };
	const { points } = calculateOrderPoints(order as never, { customerGroupName: c.group, lifetimePoints: state.lifetime, hasCompletedOrder: state.completed > 0 }, program);
	const bonus = state.completed === 0 ? FIRST_PURCHASE : 0;
	const tierBefore = memberTier(program, state.lifetime, c.group).tier.name;
	const next = { lifetime: state.lifetime + points + bonus, available: state.available + points + bonus, completed: state.completed + 1 };
	expected.set(c.id, next);
	return { points, bonus, tierBefore, tierAfter: memberTier(program, next.lifetime, c.group).tier.name, balance: next.available };
}

function expectReversal(customer: keyof typeof customers, points: number) {
	const c = customers[customer];
	const state = expected.get(c.id)!;
	expected.set(c.id, { ...state, lifetime: state.lifetime - points, available: state.available - points });
}

async function ledgerBalance(customerId: number) {
	const p = await ledger.getProgram({ storeHash: bc.storeHash, name: 'default' });
	const member = await ledger.getMember(p.id, { customerId });
	return { lifetime: member.points.lifetime, available: member.points.available };
}

function contactAttributes(email: string): Json {
	return ((brevo.contact(email) as unknown as Json | undefined)?.attributes ?? {}) as Json;
}

function brevoEvents(): Array<{ name: string; email: unknown; properties: Json }> {
	return (brevo.events() as unknown as Array<{ event_name: string; identifiers: Json; event_properties: Json }>).map((e) => ({
		name: e.event_name,
		email: e.identifiers.email_id,
		properties: e.event_properties,
	}));
}

async function bcGet<T>(route: string): Promise<T> {
	const response = await fetch(`${bc.url}/stores/${bc.storeHash}${route}`, { headers: { 'X-Auth-Token': bc.accessToken, accept: 'application/json' } });
	if (response.status !== 200) throw new Error(`GET ${route} answered ${response.status}`);
	return (await response.json()) as T;
}

/** Every post of this order to Brevo's e-commerce orders, in the order received: status, amount, refunded total. */
function brevoOrderPosts(orderId: unknown): Array<{ status: string; amount: number; refunded?: unknown }> {
	return brevo.orders({ id: String(orderId) }).map((o) => ({ status: o.status, amount: o.amount, ...(o.metaInfo ? { refunded: o.metaInfo.refunded_amount } : {}) }));
}

/**
 * The order as Brevo should hold it: the ids and dates as BigCommerce has them now, the contact's
 * identifiers, and the figures the test gives (amount, products, coupons…).
 */
async function brevoOrder(orderId: unknown, status: string, identifiers: Record<string, string>, figures: Json): Promise<Json> {
	const order = await bcGet<Json>(`/v2/orders/${String(orderId)}`);
	return {
		id: String(orderId),
		status,
		createdAt: new Date(String(order.date_created)).toISOString(),
		updatedAt: new Date(String(order.date_modified)).toISOString(),
		identifiers,
		...figures,
	};
}

/** Every Brevo order record with the fields the emulator adds (seq, receivedAt, source, contact_id) left out. */
function brevoOrdersAsSent(orderId: unknown): Json[] {
	return brevo.orders({ id: String(orderId) }).map(({ seq: _seq, receivedAt: _at, source: _source, contact_id: _contact, ...sent }) => sent as Json);
}

const member = (key: keyof typeof customers) => ({ email_id: customers[key].email, ext_id: String(customers[key].id) });
const BREVO_ORDER_NODES = ['Brevo order status', 'Claim the Brevo order', 'Order to Brevo', 'Brevo took the order?', 'Brevo order sent'];

// ---- the tests -------------------------------------------------------------------------------

describe('the points and order campaigns template', () => {
	it('follows the template conventions', () => {
		expect(templateProblems(template)).toEqual([]);
		expect(configOf(template)).toEqual({ reviewDelayDays: 14, loyaltyProgram: '', brevoStoreId: '' });
	});

	it('imports with `n8n import:workflow --input=<file>` as it is, credentials bound by their names', async () => {
		await timed('CLI import', () => expectCliImportAsIs(n8n.toolchain, FILE, { bigCommerce: bc.url, brevo: brevo.apiBaseUrl }));
	});

	it('imported through the public API as it is, binds its credentials by their names', async () => {
		const stored = await expectBindsByName(n8n, template, credentials);
		expect(stored.nodes.filter((n) => n.credentials).length).toBeGreaterThan(5);
	});

	it('completed orders earn points with the first-purchase bonus; Brevo gets points, tier, tier_upgraded and, after the delay, review_request', async () => {
		createCustomer('retail', 'Retail', 1);
		createCustomer('vip', 'VIP', 2);
		createCustomer('wholesale', 'Wholesale', 3);
		orders.retail1 = createOrder('retail', '900.00');
		orders.wholesale1 = createOrder('wholesale', '200.00');
		const retail = expectAward('retail', orders.retail1);
		const wholesale = expectAward('wholesale', orders.wholesale1);
		// The retail customer reaches Silver with this order (900 + the bonus); the wholesale one starts at Silver.
		expect(retail).toEqual({ points: 900, bonus: FIRST_PURCHASE, tierBefore: 'Bronze', tierAfter: 'Silver', balance: 900 + FIRST_PURCHASE });
		expect(wholesale.tierBefore).toBe(wholesale.tierAfter);

		const started = Date.now();
		bc.setOrderStatus(orders.retail1.id as number, STATUS.COMPLETED);
		bc.setOrderStatus(orders.wholesale1.id as number, STATUS.COMPLETED);
		await bc.idle();
		const executions = await timed('2 completions with the review wait', () => nextExecutions(2));
		expect(Date.now() - started).toBeGreaterThanOrEqual(REVIEW_DELAY_SECONDS * 1000);
		for (const execution of executions) {
			expect(execution.status).toBe('success');
			expect(nodesRun(execution)).toEqual(
				expect.arrayContaining([
					'Get the completed order',
					...BREVO_ORDER_NODES,
					'Ensure member',
					'Award points for the order',
					'Claim the points update',
					'Points and tier to Brevo',
					'Points update sent',
					'Schedule the review request',
					'Wait before the review request',
					'Claim the review request',
					'review_request event',
					'Review request sent',
				]),
			);
		}
		const retailRun = executions.find((e) => triggerItem(e).order_id === orders.retail1.id)!;
		expect(nodeOutput(retailRun, 'Award points for the order')[0]).toEqual(
			expect.objectContaining({ awarded: true, duplicate: false, points: retail.points, firstPurchaseBonus: { points: FIRST_PURCHASE, duplicate: false }, tierBefore: 'Bronze', tierAfter: 'Silver', tierChanged: true }),
		);
		expect(nodesRun(retailRun)).toContain('tier_upgraded event');
		const wholesaleRun = executions.find((e) => triggerItem(e).order_id === orders.wholesale1.id)!;
		expect(nodesRun(wholesaleRun)).not.toContain('tier_upgraded event');

		expect(contactAttributes(customers.retail.email)).toEqual(expect.objectContaining({ LOYALTY_POINTS: retail.balance, LOYALTY_TIER: 'Silver' }));
		expect(contactAttributes(customers.wholesale.email)).toEqual(expect.objectContaining({ LOYALTY_POINTS: wholesale.balance, LOYALTY_TIER: wholesale.tierAfter }));
		const events = brevoEvents();
		expect(events.filter((e) => e.name === 'tier_upgraded')).toEqual([
			{ name: 'tier_upgraded', email: customers.retail.email, properties: { orderId: orders.retail1.id, tierBefore: 'Bronze', tierAfter: 'Silver', points: retail.points, balance: retail.balance } },
		]);
		const reviews = events.filter((e) => e.name === 'review_request');
		expect(reviews.map((e) => e.email).sort()).toEqual([customers.retail.email, customers.wholesale.email].sort());
		expect(reviews.find((e) => e.email === customers.retail.email)!.properties).toEqual({
			orderId: orders.retail1.id,
			products: [expect.objectContaining({ name: 'Order of 900.00', quantity: 1 })],
		});
		// In order: for the retail customer the tier event comes before the review request.
		const retailEvents = events.filter((e) => e.email === customers.retail.email).map((e) => e.name);
		expect(retailEvents).toEqual(['tier_upgraded', 'review_request']);
		for (const key of ['retail', 'wholesale'] as const) expect(await ledgerBalance(customers[key].id)).toEqual({ lifetime: expected.get(customers[key].id)!.lifetime, available: expected.get(customers[key].id)!.available });

		// Brevo's e-commerce orders: each order once, completed, with its total and lines, linked to
		// the contact by email and customer ID; sent before the review wait, not after it.
		expect(brevoOrdersAsSent(orders.retail1.id)).toEqual([
			await brevoOrder(orders.retail1.id, 'completed', member('retail'), { amount: 900, products: [{ productId: '0', price: 900, quantity: 1 }] }),
		]);
		expect(brevoOrdersAsSent(orders.wholesale1.id)).toEqual([
			await brevoOrder(orders.wholesale1.id, 'completed', member('wholesale'), { amount: 200, products: [{ productId: '0', price: 200, quantity: 1 }] }),
		]);
		const retailOrderSent = nodesRun(retailRun).indexOf('Order to Brevo');
		expect(retailOrderSent).toBeLessThan(nodesRun(retailRun).indexOf('Wait before the review request'));
		expect(nodeOutput(retailRun, 'Brevo order sent')[0]).toEqual(expect.objectContaining({ marked: true, key: `order:${orders.retail1.id}:brevo_order:completed` }));
	});

	it('a shipped order sends order_shipped with tracking number and carrier; completing it then awards the VIP points', async () => {
		orders.vip1 = createOrder('vip', '100.00');
		bc.shipOrder(orders.vip1.id as number, { tracking_number: '1Z999AA10123456784', shipping_provider: 'ups', tracking_carrier: 'ups' });
		await bc.idle();
		const [shipped] = await timed('shipped', () => nextExecutions(1));
		expect(shipped.status).toBe('success');
		expect(nodesRun(shipped)).toEqual([TRIGGER, 'Config', 'What happened?', 'Get the shipped order', 'Claim the shipping notice', 'order_shipped event', 'Shipping notice sent']);
		expect(nodeOutput(shipped, 'Shipping notice sent')[0]).toEqual(
			expect.objectContaining({ marked: true, status: 'sent', key: `order:${orders.vip1.id}:shipment:${(nodeOutput(shipped, 'Get the shipped order')[0].shipments as Json[]).at(-1)!.id}:order_shipped` }),
		);
		const shippedEvents = brevoEvents().filter((e) => e.name === 'order_shipped');
		expect(shippedEvents).toEqual([
			{ name: 'order_shipped', email: customers.vip.email, properties: expect.objectContaining({ orderId: orders.vip1.id, trackingNumber: '1Z999AA10123456784', carrier: expect.stringMatching(/ups/i) }) },
		]);

		const vip = expectAward('vip', orders.vip1);
		// VIP: group ×1.5 and the starting tier Gold ×1.5.
		expect(vip.points).toBe(225);
		bc.setOrderStatus(orders.vip1.id as number, STATUS.COMPLETED);
		await bc.idle();
		const [completed] = await timed('VIP completion', () => nextExecutions(1));
		expect(completed.status).toBe('success');
		expect(contactAttributes(customers.vip.email)).toEqual(expect.objectContaining({ LOYALTY_POINTS: vip.balance, LOYALTY_TIER: 'Gold' }));
		expect(await ledgerBalance(customers.vip.id)).toEqual({ lifetime: vip.balance, available: vip.balance });
		// The shipment is no order update for Brevo; the completion is, once.
		expect(brevoOrderPosts(orders.vip1.id)).toEqual([{ status: 'completed', amount: 100 }]);
	});

	it('a partial refund takes points back pro rata, a full refund and a cancellation take back the rest; the contact follows', async () => {
		// Partial: 30.00 of the retail customer's 900.00.
		const granted = 900;
		const partial = reversePartialRefund({ granted, alreadyReversed: 0, basisMinor: 90000, previouslyRefundedMinor: 0, refundMinor: 3000 }).points;
		expect(partial).toBe(30);
		bc.refundOrder(orders.retail1.id as number, { amount: '30.00' });
		await bc.idle();
		// refund/created, and statusUpdated to Partially Refunded (which the Switch leaves alone).
		const partialRuns = await timed('partial refund', () => nextExecutions(2));
		const refundRun = partialRuns.find((e) => triggerItem(e).scope === 'store/order/refund/created')!;
		expect(nodesRun(refundRun)).toContain('Take back points pro rata');
		expect(nodeOutput(refundRun, 'Take back points pro rata')[0]).toEqual(expect.objectContaining({ reversed: true, duplicate: false, points: -partial }));
		const statusRun = partialRuns.find((e) => triggerItem(e).new_status_id === STATUS.PARTIALLY_REFUNDED)!;
		expect(nodesRun(statusRun)).toEqual([TRIGGER, 'Config', 'What happened?']);
		// Brevo's order has one amount and no refund field: the order stays at its total, marked
		// partially refunded, with the refunded total in metaInfo.
		expect(nodeOutput(refundRun, 'Brevo order sent')[0]).toEqual(expect.objectContaining({ marked: true, key: `order:${orders.retail1.id}:brevo_order:partially_refunded:30` }));
		expect(brevoOrdersAsSent(orders.retail1.id).at(-1)).toEqual(
			await brevoOrder(orders.retail1.id, 'partially_refunded', member('retail'), { amount: 900, products: [{ productId: '0', price: 900, quantity: 1 }], metaInfo: { refunded_amount: '30.00' } }),
		);
		expectReversal('retail', partial);
		const retailState = expected.get(customers.retail.id)!;
		expect(await ledgerBalance(customers.retail.id)).toEqual({ lifetime: retailState.lifetime, available: retailState.available });
		expect(contactAttributes(customers.retail.email)).toEqual(expect.objectContaining({ LOYALTY_POINTS: retailState.available, LOYALTY_TIER: 'Silver' }));

		// A second partial refund of the same order, 45.55: the order's refunded_amount is now 75.55 in
		// all, and only this refund's share is taken back (75.55 counted as this refund's amount on top
		// of the first would take back 75 points instead).
		const secondPartial = reversePartialRefund({ granted, alreadyReversed: partial, basisMinor: 90000, previouslyRefundedMinor: 3000, refundMinor: 4555 }).points;
		expect(secondPartial).toBe(45);
		bc.refundOrder(orders.retail1.id as number, { amount: '45.55' });
		await bc.idle();
		// refund/created only: the status stays Partially Refunded.
		const [secondRefundRun] = await timed('second partial refund', () => nextExecutions(1));
		expect(secondRefundRun.status).toBe('success');
		expect(triggerItem(secondRefundRun).scope).toBe('store/order/refund/created');
		expect(nodesRun(secondRefundRun)).toContain('Take back points pro rata');
		expect(nodeOutput(secondRefundRun, 'Take back points pro rata')[0]).toEqual(
			expect.objectContaining({
				reversed: true,
				duplicate: false,
				amountIs: 'refundedTotal',
				points: -secondPartial,
				refundAmountMinor: 4555,
				order: expect.objectContaining({ refundedMinor: 7555, reversedPoints: partial + secondPartial }),
			}),
		);
		expectReversal('retail', secondPartial);
		expect(brevoOrderPosts(orders.retail1.id)).toEqual([
			{ status: 'completed', amount: 900 },
			{ status: 'partially_refunded', amount: 900, refunded: '30.00' },
			{ status: 'partially_refunded', amount: 900, refunded: '75.55' },
		]);
		const retailAfterSecond = expected.get(customers.retail.id)!;
		expect(await ledgerBalance(customers.retail.id)).toEqual({ lifetime: retailAfterSecond.lifetime, available: retailAfterSecond.available });
		expect(contactAttributes(customers.retail.email)).toEqual(
			expect.objectContaining({ LOYALTY_POINTS: retailAfterSecond.available, LOYALTY_TIER: memberTier(program, retailAfterSecond.lifetime, customers.retail.group).tier.name }),
		);

		// Full: the wholesale order is refunded entirely. The order's points go; the bonus stays.
		const wholesaleGranted = calculateOrderPoints(orders.wholesale1 as never, { customerGroupName: 'Wholesale', lifetimePoints: 0, hasCompletedOrder: false }, program).points;
		bc.refundOrder(orders.wholesale1.id as number, {});
		await bc.idle();
		const fullRuns = await timed('full refund', () => nextExecutions(2));
		for (const run of fullRuns) expect(run.status).toBe('success');
		expect(fullRuns.map((run) => nodesRun(run).includes('Take back all points'))).toEqual([true, true]);
		expectReversal('wholesale', wholesaleGranted);
		const wholesaleState = expected.get(customers.wholesale.id)!;
		expect(wholesaleState.available).toBe(FIRST_PURCHASE);
		expect(await ledgerBalance(customers.wholesale.id)).toEqual({ lifetime: wholesaleState.lifetime, available: wholesaleState.available });
		expect(contactAttributes(customers.wholesale.email)).toEqual(expect.objectContaining({ LOYALTY_POINTS: FIRST_PURCHASE, LOYALTY_TIER: 'Silver' }));
		// The refund event and the Refunded status both ran; Brevo heard of the refund once.
		expect(fullRuns.filter((run) => nodesRun(run).includes('Order to Brevo'))).toHaveLength(1);
		expect(brevoOrdersAsSent(orders.wholesale1.id).map((o) => o.status)).toEqual(['completed', 'refunded']);
		expect(brevoOrdersAsSent(orders.wholesale1.id)[1]).toEqual(
			await brevoOrder(orders.wholesale1.id, 'refunded', member('wholesale'), { amount: 200, products: [{ productId: '0', price: 200, quantity: 1 }], metaInfo: { refunded_amount: '200.00' } }),
		);

		// Cancelled: the VIP order's points go (no refund ID: once per order as a cancellation).
		bc.setOrderStatus(orders.vip1.id as number, STATUS.CANCELLED);
		await bc.idle();
		const [cancelled] = await timed('cancellation', () => nextExecutions(1));
		expect(cancelled.status).toBe('success');
		expect(nodeOutput(cancelled, 'Take back all points')[0]).toEqual(expect.objectContaining({ reversed: true, duplicate: false, refundId: null, points: -225 }));
		expectReversal('vip', 225);
		expect(await ledgerBalance(customers.vip.id)).toEqual({ lifetime: FIRST_PURCHASE, available: FIRST_PURCHASE });
		// VIP members start at Gold whatever their points (the program's group mapping).
		expect(contactAttributes(customers.vip.email)).toEqual(expect.objectContaining({ LOYALTY_POINTS: FIRST_PURCHASE, LOYALTY_TIER: 'Gold' }));
		expect(brevoOrderPosts(orders.vip1.id)).toEqual([
			{ status: 'completed', amount: 100 },
			{ status: 'cancelled', amount: 100 },
		]);
	});

	it('a duplicate delivery starts nothing; a replayed completion (new hash) changes nothing and sends no second event', async () => {
		const events = bc.webhookEvents() as unknown as Array<{ id: number; scope: string; data: { id: number; status?: { new_status_id: number } } }>;
		const completion = events.find((e) => e.scope === 'store/order/statusUpdated' && e.data.id === orders.retail1.id && e.data.status?.new_status_id === STATUS.COMPLETED)!;
		const shipment = events.find((e) => e.scope === 'store/order/statusUpdated' && e.data.id === orders.vip1.id && e.data.status?.new_status_id === STATUS.SHIPPED)!;
		const before = await executionCount();
		bc.duplicateEvent(completion.id);
		bc.duplicateEvent(shipment.id);
		await bc.idle();
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await executionCount()).toBe(before);

		const eventsBefore = brevoEvents();
		const contactWritesBefore = brevo.received({ pathPrefix: '/v3/contacts' }).length;
		const brevoOrdersBefore = brevo.orders();
		bc.replayEvent(completion.id);
		await bc.idle();
		const [replayed] = await timed('replayed completion', () => nextExecutions(1));
		expect(replayed.status).toBe('success');
		expect(nodeOutput(replayed, 'Award points for the order')[0]).toEqual(expect.objectContaining({ awarded: true, duplicate: true }));
		// Both claims were taken by the first execution, which sent everything: the replay sends nothing.
		expect(nodesRun(replayed)).toEqual(expect.arrayContaining(['Claim the points update', 'Wait before the review request', 'Claim the review request']));
		expect(nodesRun(replayed)).not.toContain('Points and tier to Brevo');
		expect(nodesRun(replayed)).not.toContain('review_request event');
		expect(brevoEvents()).toEqual(eventsBefore);
		expect(brevo.received({ pathPrefix: '/v3/contacts' }).length).toBe(contactWritesBefore);
		// The order's state (partially refunded, 75.55) was sent already: no second post.
		expect(nodesRun(replayed)).toContain('Claim the Brevo order');
		expect(nodesRun(replayed)).not.toContain('Order to Brevo');
		expect(brevo.orders()).toEqual(brevoOrdersBefore);

		// The same for the shipment: replayed, it is read again but not announced again.
		bc.replayEvent(shipment.id);
		await bc.idle();
		const [replayedShipment] = await timed('replayed shipment', () => nextExecutions(1));
		expect(replayedShipment.status).toBe('success');
		expect(nodesRun(replayedShipment)).toEqual([TRIGGER, 'Config', 'What happened?', 'Get the shipped order', 'Claim the shipping notice']);
		expect(brevoEvents()).toEqual(eventsBefore);
		expect(brevo.orders()).toEqual(brevoOrdersBefore);
		const retailState = expected.get(customers.retail.id)!;
		expect(await ledgerBalance(customers.retail.id)).toEqual({ lifetime: retailState.lifetime, available: retailState.available });
	});

	it('a shipment and a completion delivered in reverse order each take effect once', async () => {
		orders.retail2 = createOrder('retail', '100.00');
		const award = expectAward('retail', orders.retail2);
		expect(award.bonus).toBe(0);
		bc.holdDeliveries();
		bc.shipOrder(orders.retail2.id as number, { tracking_number: '9400100000000000000000', shipping_provider: 'usps', tracking_carrier: 'usps' });
		bc.setOrderStatus(orders.retail2.id as number, STATUS.COMPLETED);
		bc.releaseDeliveries('lifo');
		await bc.idle();
		const runs = await timed('out-of-order shipment and completion', () => nextExecutions(2));
		for (const run of runs) expect(run.status).toBe('success');
		const shipped = brevoEvents().filter((e) => e.name === 'order_shipped' && (e.properties.orderId as number) === orders.retail2.id);
		expect(shipped).toEqual([expect.objectContaining({ email: customers.retail.email, properties: expect.objectContaining({ trackingNumber: '9400100000000000000000' }) })]);
		const reviews = brevoEvents().filter((e) => e.name === 'review_request' && (e.properties.orderId as number) === orders.retail2.id);
		expect(reviews).toHaveLength(1);
		expect(brevoOrderPosts(orders.retail2.id)).toEqual([{ status: 'completed', amount: 100 }]);
		const retailState = expected.get(customers.retail.id)!;
		expect(await ledgerBalance(customers.retail.id)).toEqual({ lifetime: retailState.lifetime, available: retailState.available });
		expect(contactAttributes(customers.retail.email)).toEqual(expect.objectContaining({ LOYALTY_POINTS: retailState.available, LOYALTY_TIER: award.tierAfter }));

		// The whole day, per customer, as Brevo received it.
		expect(brevoEvents().filter((e) => e.email === customers.retail.email).map((e) => e.name)).toEqual(['tier_upgraded', 'review_request', 'order_shipped', 'review_request']);
		expect(brevoEvents().filter((e) => e.email === customers.vip.email).map((e) => e.name)).toEqual(['order_shipped', 'review_request']);
		expect(brevoEvents().filter((e) => e.email === customers.wholesale.email).map((e) => e.name)).toEqual(['review_request']);
		// And the ledger: every balance as the rules say, nothing awarded or reversed twice.
		for (const c of Object.values(customers)) {
			const state = expected.get(c.id)!;
			expect(await ledgerBalance(c.id)).toEqual({ lifetime: state.lifetime, available: state.available });
			expect(contactAttributes(c.email).LOYALTY_POINTS).toBe(state.available);
		}
	});

	it('an award whose execution stopped before Brevo heard of it gets its messages from the next delivery; one announced by Reconciliation still gets its review request', async () => {
		createCustomer('late', 'Retail', 1);
		const email = customers.late.email;
		orders.late1 = createOrder('late', '900.00');
		const award = expectAward('late', orders.late1);
		expect(award).toEqual({ points: 900, bonus: FIRST_PURCHASE, tierBefore: 'Bronze', tierAfter: 'Silver', balance: 900 + FIRST_PURCHASE });
		// An execution (or Reconciliation) awarded the order and stopped there: the ledger has the award, Brevo nothing.
		const direct = await awardOrder(ledger, { storeHash: bc.storeHash, order: orders.late1 });
		expect(direct).toEqual(expect.objectContaining({ duplicate: false, points: award.points, firstPurchaseBonus: { points: FIRST_PURCHASE, duplicate: false } }));
		expect(contactAttributes(email)).toEqual({});

		bc.setOrderStatus(orders.late1.id as number, STATUS.COMPLETED);
		await bc.idle();
		const [completed] = await timed('completion after a lost execution', () => nextExecutions(1));
		expect(completed.status).toBe('success');
		expect(nodeOutput(completed, 'Award points for the order')[0]).toEqual(expect.objectContaining({ duplicate: true, tierBefore: 'Bronze', tierAfter: 'Silver', tierChanged: true }));
		expect(nodesRun(completed)).toEqual(expect.arrayContaining(['Points and tier to Brevo', 'tier_upgraded event', 'Points update sent', 'review_request event', 'Review request sent']));
		expect(contactAttributes(email)).toEqual(expect.objectContaining({ LOYALTY_POINTS: award.balance, LOYALTY_TIER: 'Silver' }));
		expect(brevoEvents().filter((e) => e.email === email)).toEqual([
			{ name: 'tier_upgraded', email, properties: { orderId: orders.late1.id, tierBefore: 'Bronze', tierAfter: 'Silver', points: award.points, balance: award.balance } },
			{ name: 'review_request', email, properties: expect.objectContaining({ orderId: orders.late1.id }) },
		]);

		// Reconciliation awarded the next order before its delayed event, and sent the points update
		// under the same key: the points flow sends only the review request.
		orders.late2 = createOrder('late', '100.00');
		const second = expectAward('late', orders.late2);
		await awardOrder(ledger, { storeHash: bc.storeHash, order: orders.late2 });
		const key = `order:${orders.late2.id}:points`;
		expect((await ledger.claimSend({ storeHash: bc.storeHash, sendKey: key, leaseSeconds: 1800 })).claimed).toBe(true);
		await ledger.markSent({ storeHash: bc.storeHash, sendKey: key });
		const contactWrites = brevo.received({ pathPrefix: '/v3/contacts' }).length;
		bc.setOrderStatus(orders.late2.id as number, STATUS.COMPLETED);
		await bc.idle();
		const [late] = await timed('completion already announced', () => nextExecutions(1));
		expect(late.status).toBe('success');
		expect(nodesRun(late)).not.toContain('Points and tier to Brevo');
		expect(nodesRun(late)).toContain('review_request event');
		expect(brevo.received({ pathPrefix: '/v3/contacts' }).length).toBe(contactWrites);
		expect(brevoEvents().filter((e) => e.email === email).map((e) => [e.name, e.properties.orderId])).toEqual([
			['tier_upgraded', orders.late1.id],
			['review_request', orders.late1.id],
			['review_request', orders.late2.id],
		]);
		expect(await ledgerBalance(customers.late.id)).toEqual({ lifetime: second.balance, available: second.balance });
		// Brevo's orders have their own key: both orders reach Brevo, whoever sent the points update.
		expect(brevoOrderPosts(orders.late1.id)).toEqual([{ status: 'completed', amount: 900 }]);
		expect(brevoOrderPosts(orders.late2.id)).toEqual([{ status: 'completed', amount: 100 }]);
	});

	it('guest orders reach Brevo\'s orders with the billing email, coupons and variants; an order Brevo refused is sent by the next delivery; a refund delivered before the completion leaves Brevo with the refund only', async () => {
		const guest = 'guest.buyer@example.com';
		const guestOrder = (products: Json[], more: Json = {}) =>
			bc.createOrder({ customer_id: 0, status_id: STATUS.AWAITING_FULFILLMENT, billing_address: { first_name: 'Guest', last_name: 'Buyer', email: guest }, products, ...more } as never) as Json;
		// Two size-M shirts (a variant with options, named as the Product catalog sync names it) and a
		// mug; 5.00 off with a coupon; 4.99 shipping: 50.00 + 12.50 − 5.00 + 4.99 = 62.49.
		orders.guest1 = guestOrder(
			[
				{ product_id: 1, variant_id: 2, quantity: 2, product_options: [{ display_name: 'Size', display_value: 'M' }] },
				{ product_id: 2, quantity: 1 },
			],
			{ coupons: [{ code: 'WELCOME5', type: 2, amount: 5, discount: '5.00' }], shipping_cost_ex_tax: '4.99' },
		);
		bc.setOrderStatus(orders.guest1.id as number, STATUS.COMPLETED);
		await bc.idle();
		const [completed] = await timed('guest completion', () => nextExecutions(1));
		expect(completed.status).toBe('success');
		expect(nodesRun(completed)).toEqual([TRIGGER, 'Config', 'What happened?', 'Get the completed order', ...BREVO_ORDER_NODES, 'Customer account?']);
		expect(brevoOrdersAsSent(orders.guest1.id)).toEqual([
			await brevoOrder(orders.guest1.id, 'completed', { email_id: guest }, {
				amount: 62.49,
				products: [
					{ productId: '1', variantId: '1-2', price: 25, quantity: 2 },
					{ productId: '2', price: 12.5, quantity: 1 },
				],
				coupons: ['WELCOME5'],
			}),
		]);

		// Brevo answers 500 to the next order: the claim is released and the execution goes on; the
		// next delivery for the order (here a replay) sends it.
		orders.guest2 = guestOrder([{ product_id: 2, quantity: 4 }]);
		brevo.injectServerErrors({ count: 1, family: 'orders' });
		bc.setOrderStatus(orders.guest2.id as number, STATUS.COMPLETED);
		await bc.idle();
		const [refused] = await timed('order refused by Brevo', () => nextExecutions(1));
		expect(refused.status).toBe('success');
		expect(nodesRun(refused)).toEqual(expect.arrayContaining(['Order to Brevo', 'Brevo took the order?', 'Brevo order not sent', 'Customer account?']));
		expect(nodeOutput(refused, 'Order to Brevo')[0]).toEqual(expect.objectContaining({ details: expect.objectContaining({ httpCode: 500 }) }));
		expect(nodesRun(refused)).not.toContain('Brevo order sent');
		expect(nodeOutput(refused, 'Brevo order not sent')[0]).toEqual(expect.objectContaining({ released: true, key: `order:${orders.guest2.id}:brevo_order:completed` }));
		expect(brevoOrderPosts(orders.guest2.id)).toEqual([]);
		const events = bc.webhookEvents() as unknown as Array<{ id: number; scope: string; data: { id: number; status?: { new_status_id: number } } }>;
		const completion = events.find((e) => e.scope === 'store/order/statusUpdated' && e.data.id === orders.guest2.id && e.data.status?.new_status_id === STATUS.COMPLETED)!;
		bc.replayEvent(completion.id);
		await bc.idle();
		const [resent] = await timed('order sent on the next delivery', () => nextExecutions(1));
		expect(resent.status).toBe('success');
		expect(brevoOrderPosts(orders.guest2.id)).toEqual([{ status: 'completed', amount: 50 }]);

		// Completed, then refunded in full, the three deliveries released newest first: every
		// execution reads the order as it is now (refunded), so Brevo gets the refunded order once
		// and never a completed one after it.
		orders.guest3 = guestOrder([{ product_id: 2, quantity: 2 }]);
		bc.holdDeliveries();
		bc.setOrderStatus(orders.guest3.id as number, STATUS.COMPLETED);
		bc.refundOrder(orders.guest3.id as number, {});
		bc.releaseDeliveries('lifo');
		await bc.idle();
		const runs = await timed('refund before completion', () => nextExecutions(3));
		for (const run of runs) expect(run.status).toBe('success');
		expect(runs.filter((run) => nodesRun(run).includes('Order to Brevo'))).toHaveLength(1);
		expect(brevoOrderPosts(orders.guest3.id)).toEqual([{ status: 'refunded', amount: 25, refunded: '25.00' }]);
		// Guests earn no points, so no points update or event goes to them: only the orders.
		expect(brevoEvents().filter((e) => e.email === guest)).toEqual([]);
	});
});
