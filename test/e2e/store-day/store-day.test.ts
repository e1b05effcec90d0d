// The scripted store day (issue 6) end to end: all nine templates in one n8n 2.41.1, the package
// installed from its tarball, the BigCommerce and Brevo emulators, the SQLite ledger in n8n's user
// folder, delays shortened through each template's Config node. The day itself is
// scripts/store-day/store-day.ts (the demo plays the same one); this file checks what Brevo received
// and what the ledger holds against values worked out here from the seed's rules (seed-rules.ts).
//
// The long wait with an n8n restart is covered by test/e2e/templates/abandoned-cart-recovery.test.ts.
import { openLedgerStore, type LedgerStore } from '../../../nodes/core/ledger';
import type { BigCommerceSandbox } from '../../../sandbox/bigcommerce';
import type { BrevoSandbox } from '../../../sandbox/brevo';
import { importTemplates } from '../../../scripts/demo/template-import';
import { BigCommerceControl } from '../../../scripts/store-day/bigcommerce-control';
import { BrevoControl } from '../../../scripts/store-day/brevo-control';
import { castFor } from '../../../scripts/store-day/day-cast';
import { DayFlows } from '../../../scripts/store-day/day-flows';
import { summarizeDay } from '../../../scripts/store-day/day-summary';
import { DAY_DELAYS } from '../../../scripts/store-day/day-timings';
import { observeDay } from '../../../scripts/store-day/observe-day';
import { playStoreDay, TEMPLATE_FILES, type StoreDay } from '../../../scripts/store-day/store-day';
import { readTrackedCarts } from '../../../scripts/store-day/tracked-carts';
import { nodeOutput, type N8nInstance } from '../../harness';
import { startTemplateStack, templateFiles, type TemplateStack } from '../../harness/templates';
import { expectedStoreDay, type ExpectedDay } from './expected-store-day';
import { cents, SEED, segmentListsOf, type ExpectedMember } from './seed-rules';

type Json = Record<string, unknown>;

const OWNER_EMAIL = 'owner@tajo-sandbox.example';
/** The sample Brevo account's "loyalty_report" template. */
const REPORT_TEMPLATE_ID = 8;
const CART_REMINDER_1 = 1;
const CART_REMINDER_2 = 2;

const fileStarted = Date.now();
let stack: TemplateStack;
let n8n: N8nInstance;
let bc: BigCommerceSandbox;
let brevo: BrevoSandbox;
let flows: DayFlows;
let workflowIds: Record<string, string>;
let day: StoreDay;
let expected: ExpectedDay;
const timings: string[] = [];

interface OrderLine {
	product_id: number;
	name: string;
	quantity: number;
}
/** The day's orders' product lines, as BigCommerce has them (review requests list them). */
const orderLines = new Map<number, OrderLine[]>();

beforeAll(async () => {
	const t0 = Date.now();
	stack = await startTemplateStack({ bigcommerce: { cartAbandonAfterMs: null } });
	({ n8n, bc, brevo } = stack);
	timings.push(`start-up ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	const t1 = Date.now();
	workflowIds = await importTemplates(n8n, {
		config: { storeHash: bc.storeHash, storefrontUrl: `${bc.url}/storefront/${bc.storeHash}`, reportTemplateId: REPORT_TEMPLATE_ID, ownerEmail: OWNER_EMAIL, ...DAY_DELAYS },
		quietSchedules: true,
	});
	const bcControl = new BigCommerceControl(bc.url);
	flows = await DayFlows.load(n8n, bcControl, workflowIds);
	timings.push(`9 templates imported ${((Date.now() - t1) / 1000).toFixed(1)} s`);
	const t2 = Date.now();
	day = await playStoreDay({ bc: bcControl, brevo: new BrevoControl(brevo.url), flows, cast: castFor('') });
	timings.push(`the day ${((Date.now() - t2) / 1000).toFixed(1)} s`);
	expected = await expectedStoreDay(bcGet, day);
	for (const id of Object.values(day.orders)) orderLines.set(id, await bcGet<OrderLine[]>(`/v2/orders/${id}/products`));
}, 10 * 60_000);

afterAll(async () => {
	await stack?.close();
	process.stdout.write(`[store day e2e] whole file ${((Date.now() - fileStarted) / 1000).toFixed(1)} s; ${timings.join('; ')}\n`);
}, 60_000);

async function bcGet<T>(route: string): Promise<T> {
	const response = await fetch(`${bc.url}/stores/${bc.storeHash}${route}`, { headers: { 'X-Auth-Token': bc.accessToken, accept: 'application/json' } });
	if (response.status !== 200) throw new Error(`GET ${route} answered ${response.status}`);
	return (await response.json()) as T;
}

async function withLedger<T>(work: (ledger: LedgerStore) => Promise<T>): Promise<T> {
	const ledger = await openLedgerStore({ type: 'sqlite', sqlitePath: stack.ledgerPath });
	try {
		return await work(ledger);
	} finally {
		await ledger.close();
	}
}

/** What Brevo received during the day (its records share one sequence). */
const ofTheDay = <T extends { seq: number }>(records: T[]) => records.filter((r) => r.seq > day.brevoCheckpoint);
const eventsTo = (email: string) => ofTheDay(brevo.events({ email })).map((e) => ({ name: e.event_name, properties: e.event_properties }));
const emailsTo = (email: string) => ofTheDay(brevo.emails({ to: email }));

const people = () => ({ rita: day.cast.rita.email, victor: day.cast.victor.email, walt: day.cast.walt.email, ben: day.cast.ben.email });
const dayMember = (who: 'rita' | 'victor' | 'walt') => expected.ledger.member(who === 'walt' ? SEED.b2bProgram : 'default', day.customers[who]);

describe('the store day with every template live', () => {
	it('imports all nine templates; those started by BigCommerce or a schedule are active, and BigCommerce has their hooks', async () => {
		expect(Object.keys(workflowIds).sort()).toEqual(templateFiles());
		const manual = [TEMPLATE_FILES.programSetup, TEMPLATE_FILES.backfill];
		for (const [file, id] of Object.entries(workflowIds)) {
			expect({ file, active: (await n8n.getWorkflow(id)).active }).toEqual({ file, active: !manual.includes(file as (typeof manual)[number]) });
		}
		const triggered = flows.workflows.filter((w) => w.webhookIds.length > 0).map((w) => w.file).sort();
		expect(triggered).toEqual([TEMPLATE_FILES.carts, TEMPLATE_FILES.customerSync, TEMPLATE_FILES.points, TEMPLATE_FILES.catalogSync].sort());
		const hooks = bc.allHooks() as Array<{ destination: string; is_active: boolean }>;
		for (const w of flows.workflows.filter((x) => x.webhookIds.length > 0)) {
			expect({ file: w.file, hooks: hooks.filter((h) => h.destination.includes(w.webhookIds[0]) && h.is_active).length > 0 }).toEqual({ file: w.file, hooks: true });
		}
	});

	it('every execution of the day succeeded; doubled sign-up deliveries started one execution each', async () => {
		const executions = await flows.executionsOfTheDay();
		expect(executions.filter((e) => e.status !== 'success').map((e) => `#${e.id} ${e.status}`)).toEqual([]);
		// 3 sign-ups delivered twice each (same hash) and one replayed (new hash): 7 deliveries, 4 executions.
		const customerSync = flows.workflow(TEMPLATE_FILES.customerSync);
		const hookIds = new Set((bc.allHooks() as Array<{ id: number; destination: string }>).filter((h) => h.destination.includes(customerSync.webhookIds[0])).map((h) => h.id));
		expect(bc.deliveries({ state: 'delivered' }).filter((d) => hookIds.has(d.hookId)).length).toBe(7);
		expect(executions.filter((e) => e.workflowId === customerSync.id)).toHaveLength(4);
	});

	it('Brevo received each customer\'s events once, in order, with the points and tiers the rules give', () => {
		const { awards } = expected;
		const shipped = (role: 'ritaFirst' | 'victorFirst', carrier: RegExp) => ({
			name: 'order_shipped',
			properties: expect.objectContaining({ orderId: day.orders[role], trackingNumber: day.cast.shipments[role].tracking_number, carrier: expect.stringMatching(carrier) }),
		});
		const review = (role: keyof ExpectedDay['awards']) => ({
			name: 'review_request',
			properties: {
				orderId: day.orders[role],
				products: orderLines.get(day.orders[role])!.map((line) => expect.objectContaining({ productId: line.product_id, name: line.name, quantity: line.quantity })),
			},
		});
		const upgraded = (role: keyof ExpectedDay['awards']) => ({
			name: 'tier_upgraded',
			properties: { orderId: day.orders[role], tierBefore: awards[role].tierBefore, tierAfter: awards[role].tierAfter, points: awards[role].points, balance: awards[role].balance },
		});
		// The rules' verdicts the events stand on: Rita reaches Silver with her team order, Walt Gold
		// with his volume order; Victor starts at Gold (VIP) and stays there.
		expect([awards.ritaBig.tierBefore, awards.ritaBig.tierAfter]).toEqual(['Bronze', 'Silver']);
		expect([awards.waltVolume.tierBefore, awards.waltVolume.tierAfter]).toEqual(['Silver', 'Gold']);
		expect(awards.victorFirst.tierBefore).toBe(awards.victorFirst.tierAfter);
		// Rita's shipment and completion were delivered in reverse order: the shipment is announced
		// at once, the review request after its delay; the replayed completion sent nothing again.
		expect(eventsTo(people().rita)).toEqual([shipped('ritaFirst', /usps/i), review('ritaFirst'), upgraded('ritaBig'), review('ritaBig')]);
		expect(eventsTo(people().victor)).toEqual([shipped('victorFirst', /ups/i), review('victorFirst'), review('victorFromCart')]);
		// Walt's completion delivered twice (same hash) gave one set of events.
		expect(eventsTo(people().walt)).toEqual([upgraded('waltVolume'), review('waltVolume'), review('waltReorder')]);
		expect(eventsTo(people().ben)).toEqual([]);
	});

	it('Brevo\'s e-commerce orders got each completed order of the day once, with its total and lines, then its refund', () => {
		const owner = { ritaFirst: 'rita', ritaBig: 'rita', victorFirst: 'victor', victorFromCart: 'victor', waltVolume: 'walt', waltReorder: 'walt' } as const;
		const total = (role: keyof typeof owner) => cents(expected.orders[role].total_inc_tax) / 100;
		for (const [role, who] of Object.entries(owner) as Array<[keyof typeof owner, (typeof owner)[keyof typeof owner]]>) {
			const id = day.orders[role];
			const posts = ofTheDay(brevo.orders({ id: String(id) }));
			// Rita's completion came after her shipment and was replayed, Walt's was delivered twice: one post each.
			expect({ role, completed: posts.filter((p) => p.status === 'completed').length }).toEqual({ role, completed: 1 });
			expect({ role, first: posts[0] }).toEqual({
				role,
				first: expect.objectContaining({
					status: 'completed',
					amount: total(role),
					identifiers: { email_id: day.cast[who].email, ext_id: String(day.customers[who]) },
					products: orderLines.get(id)!.map((line) => expect.objectContaining({ productId: String(line.product_id), quantity: line.quantity })),
				}),
			});
		}
		const statuses = (role: keyof typeof owner) => ofTheDay(brevo.orders({ id: String(day.orders[role]) })).map((p) => [p.status, p.amount, p.metaInfo?.refunded_amount]);
		// Victor's first order refunded in full (refund event and Refunded status: one update); Rita's team order in part.
		expect(statuses('victorFirst')).toEqual([
			['completed', total('victorFirst'), undefined],
			['refunded', total('victorFirst'), total('victorFirst').toFixed(2)],
		]);
		expect(statuses('ritaBig')).toEqual([
			['completed', total('ritaBig'), undefined],
			['partially_refunded', total('ritaBig'), Number(day.cast.ritaPartialRefund).toFixed(2)],
		]);
		for (const role of ['ritaFirst', 'victorFromCart', 'waltVolume', 'waltReorder'] as const) expect({ role, statuses: statuses(role).map((s) => s[0]) }).toEqual({ role, statuses: ['completed'] });
	});

	it('contacts carry name, group, points and tier as the rules give, in their group list and their segments\' lists', () => {
		for (const who of ['rita', 'victor', 'walt'] as const) {
			const member = dayMember(who);
			const person = day.cast[who];
			const contact = brevo.contact(person.email) as unknown as { attributes: Json; listIds: number[]; emailBlacklisted: boolean };
			expect({ who, attributes: contact.attributes }).toEqual({
				who,
				attributes: expect.objectContaining({
					FIRSTNAME: person.firstName,
					LASTNAME: person.lastName,
					EXT_ID: String(day.customers[who]),
					CUSTOMER_GROUP: member.group,
					LOYALTY_POINTS: member.balance,
					LOYALTY_TIER: expected.ledger.tier(member),
				}),
			});
			// Segment sync at the end of the day: the group's list plus one list per segment.
			expect({ who, lists: [...contact.listIds].sort((a, b) => a - b) }).toEqual({ who, lists: [SEED.groupList[member.group!], ...segmentListsOf(member)].sort((a, b) => a - b) });
		}
		// Rita's partial refund took her back below Silver; Walt is a repeat, high-value wholesale account.
		expect(expected.ledger.tier(dayMember('rita'))).toBe('Bronze');
		expect(segmentListsOf(dayMember('walt'))).toEqual([5, 6, 7]);
		expect((brevo.contact(people().rita) as unknown as { attributes: Json }).attributes.SMS).toEqual(expect.stringContaining(day.cast.rita.phone!.replace('+', '')));
		expect((brevo.contact(people().walt) as unknown as { emailBlacklisted: boolean }).emailBlacklisted).toBe(true);
		// The sample store's customers, from the backfill: their points as the rules give them.
		for (const member of [...expected.ledger.members.values()].filter((m) => !Object.values(day.customers).includes(m.customerId))) {
			const email = expected.emails.get(member.customerId)!;
			const attributes = (brevo.contact(email) as unknown as { attributes: Json }).attributes;
			expect({ email, points: attributes.LOYALTY_POINTS, tier: attributes.LOYALTY_TIER }).toEqual({ email, points: member.balance, tier: expected.ledger.tier(member) });
		}
	});

	it('cart reminders: one email each to the buyer, the emptier and the unsubscriber, both emails then the SMS to Rita', () => {
		expect(emailsTo(people().victor).map((e) => e.templateId)).toEqual([CART_REMINDER_1]);
		expect(emailsTo(people().ben).map((e) => e.templateId)).toEqual([CART_REMINDER_1]);
		expect(emailsTo(people().walt).map((e) => e.templateId)).toEqual([CART_REMINDER_1]);
		const rita = emailsTo(people().rita);
		expect(rita.map((e) => e.templateId)).toEqual([CART_REMINDER_1, CART_REMINDER_2]);
		expect(rita[0].params).toEqual(expect.objectContaining({ checkoutUrl: day.carts.rita.checkoutUrl, itemCount: 1 }));
		// Email 2 shows the cart as it is now (the tote bag added mid-sequence) and a unique 10% code.
		expect(rita[1].params).toEqual(expect.objectContaining({ checkoutUrl: day.carts.rita.checkoutUrl, itemCount: 2, discountPercent: 10, couponCode: expect.stringMatching(/^COMEBACK-/) }));
		const sms = ofTheDay(brevo.sms());
		expect(sms).toEqual([expect.objectContaining({ sender: 'MyShop', content: `Your cart is still waiting for you. Complete your order here: ${day.carts.rita.checkoutUrl}` })]);
		expect(sms[0].recipient.replace(/\D/g, '')).toBe(day.cast.rita.phone!.replace(/\D/g, ''));
		expect(rita[1].seq).toBeLessThan(sms[0].seq);
		// The owner's report is the day's only other email.
		expect(ofTheDay(brevo.emails()).map((e) => e.to[0].email).sort()).toEqual([...Object.values(people()), people().rita, OWNER_EMAIL].sort());
	});

	it('the ledger tracked the carts: bought after email 1, deleted when emptied, ended on unsubscribing, run to the SMS', () => {
		const carts = new Map(readTrackedCarts(stack.ledgerPath, bc.storeHash).map((c) => [c.cartId, c]));
		const steps = (id: string) => carts.get(id)?.messagesSent.map((m) => m.step);
		expect(carts.get(day.carts.victor.id)).toEqual(expect.objectContaining({ status: 'converted', convertedOrderId: String(day.orders.victorFromCart), sequenceRunning: false }));
		expect(steps(day.carts.victor.id)).toEqual(['email_1']);
		expect(carts.get(day.carts.ben.id)).toEqual(expect.objectContaining({ status: 'deleted', sequenceRunning: false }));
		expect(steps(day.carts.ben.id)).toEqual(['email_1']);
		expect(carts.get(day.carts.walt.id)).toEqual(expect.objectContaining({ sequenceRunning: false, sequenceEndedAt: expect.any(String) }));
		expect(steps(day.carts.walt.id)).toEqual(['email_1']);
		expect(steps(day.carts.rita.id)).toEqual(['email_1', 'email_2', 'sms']);
	});

	it('Brevo\'s catalog follows BigCommerce: the repriced mug, the new product, every product and variant of the full sync', async () => {
		const products = new Map(brevo.products().map((p) => [p.id, p]));
		expect(products.get(String(day.cast.catalog.repricedProductId))?.price).toBe(Number(day.cast.catalog.newPrice));
		expect(products.get(String(day.newProductId))).toEqual(expect.objectContaining({ name: day.cast.catalog.newProduct.name, price: Number(day.cast.catalog.newProduct.price), sku: day.cast.catalog.newProduct.sku }));
		const store = (await bcGet<{ data: Array<{ id: number; calculated_price: number; variants: Array<{ id: number; option_values: unknown[]; calculated_price: number }> }> }>('/v3/catalog/products?include=variants&limit=250')).data;
		const wanted = store.flatMap((p) => [String(p.id), ...p.variants.filter((v) => v.option_values.length > 0).map((v) => `${p.id}-${v.id}`)]);
		expect([...products.keys()].sort()).toEqual(wanted.sort());
		for (const p of store) expect({ id: p.id, price: products.get(String(p.id))?.price }).toEqual({ id: p.id, price: p.calculated_price });
	});

	it('the ledger holds what the rules give every member, each order awarded and refunded once', async () => {
		const actual = await withLedger(async (ledger) => {
			const found: Array<Json> = [];
			for (const program of await ledger.listPrograms({ storeHash: bc.storeHash })) {
				for (const m of (await ledger.listMembers({ programId: program.id, limit: 1000 })).items) {
					const entries = (await ledger.history({ programId: program.id, member: { memberId: m.id }, limit: 1000 })).items.reverse();
					found.push({
						program: program.name,
						customerId: m.customerId,
						group: m.customerGroup,
						balance: m.points.available,
						lifetime: m.points.lifetime,
						orders: m.stats.ordersCount,
						totalSpentCents: m.stats.totalSpentMinor,
						tier: m.tier,
						// A refund's status event reverses what the refund event left: nothing, a 0-point entry.
						entries: entries.filter((e) => e.points !== 0).map((e) => ({ kind: e.kind, points: e.points, orderId: e.orderId })),
					});
				}
			}
			return found;
		});
		const wanted = [...expected.ledger.members.values()].map((m: ExpectedMember) => ({
			program: m.program,
			customerId: m.customerId,
			group: m.group,
			balance: m.balance,
			lifetime: m.lifetime,
			orders: m.orders,
			totalSpentCents: m.totalSpentCents,
			tier: expected.ledger.tier(m),
			// Bonus entries carry no order id; the backfill's entries are in its own order.
			entries: Object.values(day.customers).includes(m.customerId) ? m.entries : expect.arrayContaining(m.entries),
		}));
		const byCustomer = (a: Json, b: Json) => `${a.program}:${a.customerId}`.localeCompare(`${b.program}:${b.customerId}`);
		expect(actual.sort(byCustomer)).toEqual(wanted.sort(byCustomer));
		// The numbers the day is built on.
		expect(expected.awards.waltVolume.points).toBe(10_504); // 11 205.00 × 0.5 (Wholesale) × 1.25 (Silver) × 1.5 (volume)
		expect(expected.awards.waltReorder.points).toBe(933); // 2 490.00 × 0.5 (reorder) × 0.5 × 1.5 (Gold)
		expect(expected.reversed).toEqual({ victorFirst: expected.awards.victorFirst.points, ritaBig: 105 });
	});

	it('at the end of the day Reconciliation finds nothing to repair and the owner\'s report shows the ledger', () => {
		const reconciliation = day.runs[TEMPLATE_FILES.reconciliation];
		const awarded = nodeOutput(reconciliation, 'Award missing points');
		expect(awarded.map((i) => i.orderId).sort()).toEqual([day.orders.ritaFirst, day.orders.victorFromCart, day.orders.waltReorder, day.orders.waltVolume].sort());
		expect(awarded.every((i) => i.duplicate === true)).toBe(true);
		// The points flow sent every points update (the send-once log): Reconciliation sends none again.
		expect(nodeOutput(reconciliation, 'Claim the points update')).toEqual([]);
		// Victor's refunded order: already taken back by the refund and status events (whichever ran first).
		const taken = nodeOutput(reconciliation, 'Take back remaining points');
		expect(taken.map((i) => ({ orderId: Number(i.orderId), changed: i.duplicate === false && i.points !== 0 }))).toEqual([{ orderId: day.orders.victorFirst, changed: false }]);

		const [report, ...more] = ofTheDay(brevo.emails({ templateId: REPORT_TEMPLATE_ID }));
		expect(more).toEqual([]);
		expect(report.to).toEqual([expect.objectContaining({ email: OWNER_EMAIL })]);
		const loyalty = (report.params as { loyalty: Json }).loyalty;
		const members = [...expected.ledger.members.values()];
		const perTier = new Map<string, number>();
		for (const m of members) perTier.set(expected.ledger.tier(m), (perTier.get(expected.ledger.tier(m)) ?? 0) + 1);
		expect(Object.fromEntries((loyalty.membersPerTier as Array<{ tier: string; count: number }>).map((t) => [t.tier, t.count]))).toEqual(Object.fromEntries(perTier));
		const entries = members.flatMap((m) => m.entries);
		expect(loyalty).toEqual(
			expect.objectContaining({
				members: members.length,
				pointsIssued: entries.filter((e) => e.kind !== 'reversal').reduce((sum, e) => sum + e.points, 0),
				pointsReversed: -entries.filter((e) => e.kind === 'reversal').reduce((sum, e) => sum + e.points, 0),
				outstanding: { available: members.reduce((sum, m) => sum + m.balance, 0), pending: 0, total: members.reduce((sum, m) => sum + m.balance, 0) },
			}),
		);
	});

	it('the demo\'s summary of the day adds up to the same figures', async () => {
		const summary = summarizeDay(await observeDay({ brevo: new BrevoControl(brevo.url), ledgerPath: stack.ledgerPath, storeHash: bc.storeHash, since: day.startedAt, brevoCheckpoint: day.brevoCheckpoint }));
		const members = [...expected.ledger.members.values()];
		const entries = members.flatMap((m) => m.entries);
		const tiers = SEED.tiers.map((t) => t.name).map((tier) => ({ tier, count: members.filter((m) => expected.ledger.tier(m) === tier).length })).filter((t) => t.count > 0);
		expect(summary).toEqual({
			membersPerTier: tiers,
			points: {
				awarded: entries.filter((e) => e.kind !== 'reversal').reduce((sum, e) => sum + e.points, 0),
				purchases: entries.filter((e) => e.kind === 'purchase').reduce((sum, e) => sum + e.points, 0),
				bonuses: entries.filter((e) => e.kind === 'bonus').reduce((sum, e) => sum + e.points, 0),
				reversed: expected.reversed.victorFirst + expected.reversed.ritaBig,
			},
			brevo: {
				events: [
					{ name: 'order_shipped', count: 2 },
					{ name: 'review_request', count: 6 },
					{ name: 'tier_upgraded', count: 2 },
				],
				// 4 carts' first reminders, Rita's second, the owner's report.
				emails: 6,
				emailsToUnsubscribed: 0,
				sms: 1,
			},
			carts: { reminded: 4, recovered: 1 },
		});
	});
});
