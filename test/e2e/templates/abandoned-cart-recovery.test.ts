// Template 4, abandoned-cart recovery (issue 6), end to end in real n8n 2.41.1 with the package
// installed from its tarball, against the BigCommerce and Brevo emulators and the Tajo Loyalty
// ledger on SQLite in n8n's user folder. Delays are shortened through the Config node.
//
// A store day of four abandoned carts, run side by side: one bought after email 1 (gets only email
// 1), one emptied after email 1 (nothing after), one whose contact is blacklisted after email 1
// (no more emails), and one that runs to the SMS (email 1, email 2 with a unique single-use 10%
// code that exists in BigCommerce, SMS) although its items change mid-sequence and its abandoned
// event is delivered again (same hash) and replayed (new hash). Then n8n is restarted during a wait
// longer than 65 s (the execution is stored as "waiting"): the sequence resumes and completes once.
// One n8n for the whole file, kept in a data folder so that it can be restarted.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '../../../sandbox/bigcommerce';
import { startBrevoSandbox, type BrevoSandbox } from '../../../sandbox/brevo';
import { nodeOutput, startN8n, type Execution, type N8nInstance, type StoredWorkflow } from '../../harness';
import {
	bindCredentials,
	configOf,
	expectBindsByName,
	expectCliImportAsIs,
	loadTemplate,
	nodesRun,
	secondsAs,
	templateProblems,
	withConfig,
} from '../../harness/templates';

const FILE = 'abandoned-cart-recovery.json';
const TRIGGER = 'Cart event';
const LEDGER_FILE = 'tajo-loyalty.sqlite';
const CART_SCOPES = ['store/cart/abandoned', 'store/cart/converted', 'store/cart/created', 'store/cart/deleted', 'store/cart/updated'];
const COUPON_CODE = /^COMEBACK-[A-HJ-KM-NP-Z2-9]{10}$/;

type Json = Record<string, unknown>;
interface CartLine {
	id: string;
	product_id: number;
	name: string;
	quantity: number;
}
interface BcCart {
	id: string;
	redirect_urls: { checkout_url: string };
	line_items: { physical_items: CartLine[] };
}
interface LedgerCart {
	status: string;
	generation: number;
	sequenceStartedAt: string | null;
	sequenceEndedAt: string | null;
	messages: Array<{ generation: number; step: string; channel: string | null; messageId: string | null }>;
	convertedOrderId: string | null;
	email: string | null;
}

const fileStarted = Date.now();
const template = loadTemplate(FILE);
let dataDir: string;
let n8n: N8nInstance;
let bc: BigCommerceSandbox;
let brevo: BrevoSandbox;
let credentials: Record<'bigCommerceApi' | 'brevoApi' | 'tajoLoyaltyDatabase', { id: string; name: string }>;
let workflow: StoredWorkflow;
const timings: string[] = [];

beforeAll(async () => {
	dataDir = await mkdtemp(path.join(os.tmpdir(), 'tajo-e2e-cart-recovery-'));
	const started = await Promise.allSettled([startN8n({ dataDir }), startBigCommerceSandbox({ seed: true, cartAbandonAfterMs: null }), startBrevoSandbox()]);
	const [n8nResult, bcResult, brevoResult] = started;
	if (n8nResult.status === 'fulfilled') n8n = n8nResult.value;
	if (bcResult.status === 'fulfilled') bc = bcResult.value;
	if (brevoResult.status === 'fulfilled') brevo = brevoResult.value;
	const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failure) throw failure.reason;
	brevo.seed(); // templates 1 cart_reminder_1 and 2 cart_reminder_2
	credentials = {
		bigCommerceApi: await n8n.createCredential('BigCommerce', 'bigCommerceApi', { storeHash: bc.storeHash, accessToken: bc.accessToken, apiBaseUrl: bc.url }),
		brevoApi: await n8n.createCredential('Brevo', 'brevoApi', { apiKey: brevo.apiKey, baseUrl: brevo.apiBaseUrl }),
		tajoLoyaltyDatabase: await n8n.createCredential('Tajo Loyalty', 'tajoLoyaltyDatabase', { type: 'sqlite', sqlitePath: LEDGER_FILE }),
	};
}, 15 * 60_000);

afterAll(async () => {
	await Promise.allSettled([n8n?.stop(), bc?.close(), brevo?.close()]);
	if (n8n) {
		process.stdout.write(
			`[template abandoned-cart-recovery e2e] whole file ${((Date.now() - fileStarted) / 1000).toFixed(1)} s; ` +
				`n8n start-up ${(n8n.timings.totalMs / 1000).toFixed(1)} s; ${timings.join('; ')}\n`,
		);
	}
	if (dataDir && process.env.KEEP_N8N !== '1') await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
}, 60_000);

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const t0 = Date.now();
	try {
		return await work();
	} finally {
		timings.push(`${label} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	}
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n--- n8n log tail ---\n${n8n.logTail(40)}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

// ---- what n8n, the ledger, Brevo and BigCommerce hold ----------------------------------------

/** Finished executions of the active workflow, with their data (fetched once per execution). */
const executionCache = new Map<string, Execution>();
async function finishedExecutions(): Promise<Execution[]> {
	const listed = await n8n.listExecutions({ workflowId: workflow.id });
	for (const e of listed) {
		if (executionCache.has(e.id) || !['success', 'error', 'crashed', 'canceled'].includes(e.status)) continue;
		executionCache.set(e.id, await n8n.getExecution(e.id, true));
	}
	return [...executionCache.values()].filter((e) => e.workflowId === workflow.id).sort((a, b) => Number(a.id) - Number(b.id));
}

const eventOf = (e: Execution) => nodeOutput(e, TRIGGER)[0] as { event: string; cart_id: string; hash: string };

async function executionsOf(cartId: string, event?: string): Promise<Execution[]> {
	return (await finishedExecutions()).filter((e) => eventOf(e).cart_id === cartId && (event === undefined || eventOf(e).event === event));
}

/**
 * Every delivery to the trigger's hooks has its execution, and all have finished (in-memory waits
 * run inside theirs). n8n answers a delivery before the execution is listed, so the executions are
 * counted against the distinct hashes delivered (the trigger drops a repeated hash).
 */
async function settled(): Promise<void> {
	await bc.idle();
	const webhookId = template.nodes.find((n) => n.name === TRIGGER)!.webhookId as string;
	const hookIds = new Set((bc.allHooks() as Array<{ id: number; destination: string }>).filter((hook) => hook.destination.includes(webhookId)).map((hook) => hook.id));
	const delivered = new Set(bc.deliveries({ state: 'delivered' }).filter((d) => hookIds.has(d.hookId)).map((d) => d.hash)).size;
	await until(`${delivered} cart executions to finish`, async () => {
		const listed = await n8n.listExecutions({ workflowId: workflow.id });
		return listed.length >= delivered && listed.every((e) => ['success', 'error', 'crashed', 'canceled'].includes(e.status)) ? true : undefined;
	});
}

async function ledgerCart(cartId: string): Promise<LedgerCart | undefined> {
	const { DatabaseSync } = await import('node:sqlite');
	const db = new DatabaseSync(path.join(n8n.userFolder, '.n8n', LEDGER_FILE), { readOnly: true });
	try {
		const row = db.prepare('SELECT * FROM tajo_carts WHERE cart_id = ?').get(cartId) as Json | undefined;
		if (!row) return undefined;
		const messages = (JSON.parse(String(row.messages_sent ?? '[]')) as LedgerCart['messages']).map(({ generation, step, channel, messageId }) => ({ generation, step, channel, messageId }));
		return {
			status: String(row.status),
			generation: Number(row.generation),
			sequenceStartedAt: (row.sequence_started_at as string | null) ?? null,
			sequenceEndedAt: (row.sequence_ended_at as string | null) ?? null,
			messages,
			convertedOrderId: (row.converted_order_id as string | null) ?? null,
			email: (row.email as string | null) ?? null,
		};
	} finally {
		db.close();
	}
}

const running = (cart: LedgerCart | undefined) => !!cart?.sequenceStartedAt && !cart.sequenceEndedAt;

function emailsTo(email: string) {
	return brevo.emails({ to: email }) as unknown as Array<{ seq: number; receivedAt: string; templateId: number; params: Json; messageId: string; tags: string[] }>;
}

function smsTo(recipient: string) {
	return brevo.sms({ recipient }) as unknown as Array<{ seq: number; receivedAt: string; content: string; sender: string; messageId: string }>;
}

async function bcApi<T>(apiPath: string): Promise<{ status: number; body: T }> {
	const response = await fetch(`${bc.url}/stores/${bc.storeHash}${apiPath}`, { headers: { 'X-Auth-Token': bc.accessToken, accept: 'application/json' } });
	return { status: response.status, body: (response.status === 200 ? await response.json() : undefined) as T };
}

function abandonedEventId(cartId: string): number {
	const events = bc.webhookEvents().filter((e) => e.scope === 'store/cart/abandoned' && JSON.stringify(e.data).includes(cartId));
	expect(events).toHaveLength(1);
	return events[0].id;
}

/** What the emails' item list shows for a BigCommerce cart (the tracked line: title, quantity…). */
const itemsOf = (cart: BcCart) => cart.line_items.physical_items.map((line) => expect.objectContaining({ title: line.name, quantity: line.quantity }));

async function activate(config: Json): Promise<StoredWorkflow> {
	const imported = await n8n.importWorkflow(bindCredentials(withConfig(template, config), credentials));
	await n8n.activateWorkflow(imported.id);
	return imported;
}

// ---- the store day ---------------------------------------------------------------------------

const SHOPPERS = {
	converts: 'ana.converts@example.com',
	empties: 'ben.empties@example.com',
	unsubscribes: 'cleo.unsubscribes@example.com',
	toSms: 'dev.sms@example.com',
};
const PHONE = '+33612345678';
const carts = {} as Record<keyof typeof SHOPPERS, BcCart>;
// Delays of the store day (in the hours the Config fields are named after): email 1 3 s after the
// abandonment, email 2 at 10 s, the SMS at 15 s. Each wait stays in memory (< 65 s).
const DAY_CONFIG = {
	firstReminderDelayHours: secondsAs(3, 'hours'),
	secondReminderDelayHours: secondsAs(10, 'hours'),
	smsReminderDelayHours: secondsAs(15, 'hours'),
};

describe('the abandoned-cart recovery template', () => {
	it('follows the template conventions', () => {
		expect(templateProblems(template)).toEqual([]);
		expect(configOf(template)).toEqual({
			firstReminderDelayHours: 1,
			secondReminderDelayHours: 24,
			smsReminderDelayHours: 72,
			firstReminderTemplateId: 1,
			secondReminderTemplateId: 2,
			couponDiscountPercent: 10,
			couponValidDays: 7,
			couponCodePrefix: 'COMEBACK-',
			smsSender: 'MyShop',
			smsText: 'Your cart is still waiting for you. Complete your order here:',
		});
	});

	it('imports with `n8n import:workflow --input=<file>` as it is, credentials bound by their names', async () => {
		await timed('CLI import', () => expectCliImportAsIs(n8n.toolchain, FILE, { bigCommerce: bc.url, brevo: brevo.apiBaseUrl }));
	});

	it('imported through the public API as it is, binds its credentials by their names', async () => {
		await expectBindsByName(n8n, template, credentials);
	});

	it('activated, registers one hook per cart event in BigCommerce', async () => {
		workflow = await timed('activation', () => activate(DAY_CONFIG));
		const webhookId = template.nodes.find((n) => n.name === TRIGGER)!.webhookId as string;
		const hooks = (bc.allHooks() as Array<{ scope: string; destination: string; is_active: boolean }>).filter((hook) => hook.destination.includes(webhookId));
		expect(hooks.map((hook) => hook.scope).sort()).toEqual(CART_SCOPES);
		expect(hooks.every((hook) => hook.is_active)).toBe(true);
	});

	it('tracks carts as they are created and changed, without starting a sequence or sending anything', async () => {
		brevo.createContact({ email: SHOPPERS.unsubscribes });
		brevo.createContact({ email: SHOPPERS.toSms, attributes: { SMS: PHONE } });
		carts.converts = bc.createCart({ email: SHOPPERS.converts, line_items: [{ product_id: 2, quantity: 1 }] }) as unknown as BcCart;
		carts.empties = bc.createCart({ email: SHOPPERS.empties, line_items: [{ product_id: 3, quantity: 2 }] }) as unknown as BcCart;
		carts.unsubscribes = bc.createCart({ email: SHOPPERS.unsubscribes, line_items: [{ product_id: 2, quantity: 3 }] }) as unknown as BcCart;
		carts.toSms = bc.createCart({ customer_id: 0, email: SHOPPERS.toSms, line_items: [{ product_id: 2, quantity: 2 }] }) as unknown as BcCart;
		await timed('4 carts created → tracked', settled);

		for (const [who, cart] of Object.entries(carts)) {
			const executions = await executionsOf(cart.id);
			expect(executions.map(eventOf).map((e) => e.event).sort()).toEqual(['cart.created', 'cart.updated']);
			for (const execution of executions) {
				expect(execution.status).toBe('success');
				// Tajo Loyalty itself starts nothing on a created or updated cart: the branch ends at Track.
				expect(nodesRun(execution)).toEqual(['Cart event', 'Config', 'Which cart event?', 'Get the cart', 'Track the cart']);
				expect(nodeOutput(execution, 'Track the cart')[0]).toEqual(expect.objectContaining({ startSequence: false, reason: 'not_abandoned', generation: 0 }));
			}
			const tracked = await ledgerCart(cart.id);
			expect({ who, status: tracked?.status, email: tracked?.email, generation: tracked?.generation, running: running(tracked), messages: tracked?.messages }).toEqual({
				who,
				status: 'active',
				email: SHOPPERS[who as keyof typeof SHOPPERS],
				generation: 0,
				running: false,
				messages: [],
			});
		}
		expect(brevo.emails()).toEqual([]);
	});

	it('runs the sequence per abandoned cart and stops it on conversion, emptying and unsubscription', async () => {
		const t0 = Date.now();
		const generations: Record<string, number> = {};
		for (const cart of Object.values(carts)) bc.abandonCart(cart.id);
		await bc.idle();

		// Each scenario acts as soon as its cart's first email is in Brevo (email 2 is due 7 s later).
		const firstEmail = (who: keyof typeof SHOPPERS) => until(`email 1 to ${who}`, () => (emailsTo(SHOPPERS[who]).length ? true : undefined), 30_000);
		const sequenceStarted = async (who: keyof typeof SHOPPERS) => {
			const tracked = await until(`the sequence of ${who}`, async () => {
				const cart = await ledgerCart(carts[who].id);
				return running(cart) ? cart : undefined;
			});
			generations[who] = tracked.generation;
		};
		let order: { id: number } | undefined;
		let newLine: CartLine | undefined;
		await timed('4 sequences', async () => {
			await Promise.all(Object.keys(carts).map((who) => sequenceStarted(who as keyof typeof SHOPPERS)));
			await Promise.all([
				firstEmail('converts').then(() => {
					order = (bc.convertCart(carts.converts.id) as { order: { id: number } }).order;
				}),
				firstEmail('empties').then(() => {
					bc.removeCartItem(carts.empties.id, carts.empties.line_items.physical_items[0].id);
				}),
				firstEmail('unsubscribes').then(() => {
					brevo.setContactConsent(SHOPPERS.unsubscribes, { emailBlacklisted: true });
				}),
				firstEmail('toSms').then(() => {
					// Mid-sequence: the shopper adds an item, and BigCommerce delivers the abandoned event again
					// (same hash) and once more as a new event (new hash).
					const changed = bc.addCartItems(carts.toSms.id, { line_items: [{ product_id: 6, variant_id: 8, quantity: 1 }] }) as unknown as BcCart;
					newLine = changed.line_items.physical_items.find((line) => line.product_id === 6);
					carts.toSms = changed;
					const eventId = abandonedEventId(carts.toSms.id);
					bc.duplicateEvent(eventId);
					bc.replayEvent(eventId);
				}),
			]);
			await until('the SMS', () => (smsTo(PHONE).length ? true : undefined), 40_000);
			await settled();
		});
		expect(Date.now() - t0).toBeLessThan(60_000);

		// Ana bought after email 1: nothing more.
		const [anaEmail, ...anaMore] = emailsTo(SHOPPERS.converts);
		expect(anaMore).toEqual([]);
		expect(anaEmail).toEqual(
			expect.objectContaining({
				templateId: 1,
				params: expect.objectContaining({ checkoutUrl: carts.converts.redirect_urls.checkout_url, items: itemsOf(carts.converts), itemCount: 1, currency: 'USD' }),
			}),
		);
		expect(order).toBeDefined();
		expect(await ledgerCart(carts.converts.id)).toEqual(
			expect.objectContaining({
				status: 'converted',
				convertedOrderId: String(order!.id),
				generation: generations.converts,
				sequenceEndedAt: expect.any(String),
				messages: [{ generation: generations.converts, step: 'email_1', channel: 'email', messageId: anaEmail.messageId }],
			}),
		);
		const [anaSequence] = await executionsOf(carts.converts.id, 'cart.abandoned');
		expect(nodeOutput(anaSequence, 'Check the cart (2)')[0]).toEqual(expect.objectContaining({ proceed: false, reason: 'converted' }));
		expect(nodesRun(anaSequence)).not.toContain('Create the coupon code');
		expect((await executionsOf(carts.converts.id, 'cart.converted')).map((e) => nodesRun(e).at(-1))).toEqual(['Mark the cart converted']);

		// Ben emptied the cart (BigCommerce deletes a cart whose last line goes): nothing more.
		expect(emailsTo(SHOPPERS.empties).map((e) => e.templateId)).toEqual([1]);
		expect(await ledgerCart(carts.empties.id)).toEqual(
			expect.objectContaining({ status: 'deleted', generation: generations.empties, sequenceEndedAt: expect.any(String), messages: [expect.objectContaining({ step: 'email_1' })] }),
		);
		const [benSequence] = await executionsOf(carts.empties.id, 'cart.abandoned');
		expect(nodeOutput(benSequence, 'Cart still in BigCommerce? (2)')[0]).toEqual({ exists: false, cart_id: carts.empties.id });
		expect(nodeOutput(benSequence, 'Check the cart (2)')[0]).toEqual(expect.objectContaining({ proceed: false, reason: 'deleted' }));

		// Cleo was blacklisted for email after email 1: no more emails, the sequence is over.
		expect(emailsTo(SHOPPERS.unsubscribes).map((e) => e.templateId)).toEqual([1]);
		expect(await ledgerCart(carts.unsubscribes.id)).toEqual(
			expect.objectContaining({ status: 'abandoned', generation: generations.unsubscribes, sequenceEndedAt: expect.any(String), messages: [expect.objectContaining({ step: 'email_1' })] }),
		);
		const [cleoSequence] = await executionsOf(carts.unsubscribes.id, 'cart.abandoned');
		expect(nodeOutput(cleoSequence, 'Consent for email 2')[0]).toEqual(expect.objectContaining({ canEmail: false, emailBlacklisted: true }));
		expect(nodeOutput(cleoSequence, 'Check the cart (2)')[0]).toEqual(expect.objectContaining({ proceed: false, reason: 'unsubscribed' }));
		expect(nodesRun(cleoSequence).at(-1)).toBe('End the sequence');

		// Dev's cart ran to the SMS: email 1, email 2 with a unique code, SMS, in that order.
		const devEmails = emailsTo(SHOPPERS.toSms);
		const devSms = smsTo(PHONE);
		expect(devEmails.map((e) => e.templateId)).toEqual([1, 2]);
		expect(devSms).toHaveLength(1);
		expect(Date.parse(devEmails[0].receivedAt)).toBeLessThan(Date.parse(devEmails[1].receivedAt));
		expect(Date.parse(devEmails[1].receivedAt)).toBeLessThan(Date.parse(devSms[0].receivedAt));
		const checkoutUrl = carts.toSms.redirect_urls.checkout_url;
		expect(devEmails[0].params).toEqual(expect.objectContaining({ checkoutUrl, itemCount: 1 }));
		// Email 2 shows the cart as it is now, with the item added mid-sequence.
		expect(newLine).toBeDefined();
		expect(devEmails[1].params).toEqual(
			expect.objectContaining({ checkoutUrl, itemCount: 2, items: itemsOf(carts.toSms), discountPercent: 10, couponCode: expect.stringMatching(COUPON_CODE), couponExpiresAt: expect.any(String) }),
		);
		const code = String(devEmails[1].params.couponCode);
		const expiresInDays = (Date.parse(String(devEmails[1].params.couponExpiresAt)) - Date.now()) / 86_400_000;
		expect(expiresInDays).toBeGreaterThan(6.9);
		expect(expiresInDays).toBeLessThan(7.1);
		expect(devSms[0]).toEqual(expect.objectContaining({ sender: 'MyShop', content: `Your cart is still waiting for you. Complete your order here: ${checkoutUrl}` }));

		// The code exists in BigCommerce: a single-use 10% promotion of its own.
		const [devSequence, ...devAgain] = await executionsOf(carts.toSms.id, 'cart.abandoned');
		const coupon = nodeOutput(devSequence, 'Create the coupon code')[0] as { promotion_id: number; code: string };
		expect(coupon.code).toBe(code);
		const promotion = await bcApi<{ data: Json }>(`/v3/promotions/${coupon.promotion_id}`);
		expect(promotion.status).toBe(200);
		expect(promotion.body.data).toEqual(
			expect.objectContaining({ redemption_type: 'COUPON', status: 'ENABLED', max_uses: 1, rules: [expect.objectContaining({ action: { cart_value: { discount: { percentage_amount: '10' } } } })] }),
		);
		const codes = await bcApi<{ data: Array<{ code: string; max_uses: number }> }>(`/v3/promotions/${coupon.promotion_id}/codes`);
		expect(codes.body.data).toEqual([expect.objectContaining({ code, max_uses: 1 })]);
		// The codes of all promotions: this one once (unique).
		expect(nodesRun(devSequence).slice(-3)).toEqual(['SMS', 'Record the SMS', 'End the sequence']);

		// One sequence: the update and the repeated abandoned event started nothing new.
		const tracked = await ledgerCart(carts.toSms.id);
		expect(tracked).toEqual(
			expect.objectContaining({
				// active after the update, abandoned after the replayed event: whichever ran last.
				status: expect.stringMatching(/^(active|abandoned)$/),
				generation: generations.toSms,
				sequenceEndedAt: expect.any(String),
				messages: [
					{ generation: generations.toSms, step: 'email_1', channel: 'email', messageId: devEmails[0].messageId },
					{ generation: generations.toSms, step: 'email_2', channel: 'email', messageId: devEmails[1].messageId },
					{ generation: generations.toSms, step: 'sms', channel: 'sms', messageId: expect.any(String) },
				],
			}),
		);
		// The duplicate (same hash) was dropped by the trigger; the replay (new hash) ran and stopped at once.
		expect(devAgain).toHaveLength(1);
		expect(eventOf(devAgain[0]).hash).not.toBe(eventOf(devSequence).hash);
		expect(nodeOutput(devAgain[0], 'Track the abandoned cart')[0]).toEqual(expect.objectContaining({ startSequence: false, reason: 'sequence_running', generation: generations.toSms }));
		expect(nodesRun(devAgain[0]).at(-1)).toBe('Start the sequence?');
		const update = (await executionsOf(carts.toSms.id, 'cart.updated')).at(-1)!;
		expect(nodeOutput(update, 'Track the cart')[0]).toEqual(expect.objectContaining({ startSequence: false, reason: 'sequence_running' }));

		// Every execution of the day succeeded.
		expect((await finishedExecutions()).filter((e) => e.status !== 'success').map((e) => [e.id, e.status, eventOf(e).event])).toEqual([]);
	});

	it('survives an n8n restart during a wait longer than 65 s: the sequence resumes and completes once', async () => {
		// A copy whose first wait is 70 s, so n8n stores the execution as "waiting" (DESIGN §2).
		await n8n.deactivateWorkflow(workflow.id);
		const webhookId = template.nodes.find((n) => n.name === TRIGGER)!.webhookId as string;
		expect((bc.allHooks() as Array<{ destination: string }>).filter((hook) => hook.destination.includes(webhookId))).toEqual([]);
		executionCache.clear();
		workflow = await activate({
			firstReminderDelayHours: secondsAs(70, 'hours'),
			secondReminderDelayHours: secondsAs(73, 'hours'),
			smsReminderDelayHours: secondsAs(76, 'hours'),
		});
		const email = 'eve.restart@example.com';
		const phone = '+33698765432';
		brevo.createContact({ email, attributes: { SMS: phone } });
		const cart = bc.createCart({ email, line_items: [{ product_id: 2, quantity: 1 }] }) as unknown as BcCart;
		await settled();
		bc.abandonCart(cart.id);
		await bc.idle();
		const waiting = await timed('abandoned → waiting', () =>
			until('the execution to be stored as waiting', async () => {
				const listed = await n8n.listExecutions({ workflowId: workflow.id, status: 'waiting' });
				return listed.length === 1 ? listed[0] : undefined;
			}),
		);
		const { port, userFolder } = n8n;
		expect(path.dirname(userFolder)).toBe(dataDir);

		await timed('restart', async () => {
			await n8n.stop();
			n8n = await startN8n({ dataDir, port, installPackage: false });
		});
		expect((await n8n.getExecution(waiting.id, false)).status).toBe('waiting');

		const resumed = await timed('wait → resumed → finished', async () => {
			await until('the resumed sequence to finish', async () => {
				const execution = await n8n.getExecution(waiting.id, false);
				return ['success', 'error', 'crashed', 'canceled'].includes(execution.status) ? true : undefined;
			}, 150_000);
			return await n8n.getExecution(waiting.id, true);
		});
		expect(resumed.status).toBe('success');
		expect(nodesRun(resumed).slice(-3)).toEqual(['SMS', 'Record the SMS', 'End the sequence']);
		// Once: one email of each kind and one SMS, one sequence in the ledger.
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		expect(emailsTo(email).map((e) => e.templateId)).toEqual([1, 2]);
		expect(smsTo(phone)).toHaveLength(1);
		const tracked = await ledgerCart(cart.id);
		expect(tracked?.messages.map((m) => m.step)).toEqual(['email_1', 'email_2', 'sms']);
		expect(tracked?.sequenceEndedAt).toEqual(expect.any(String));
		const sequences = (await finishedExecutions()).filter((e) => eventOf(e).cart_id === cart.id && nodesRun(e).includes('Wait for email 1'));
		expect(sequences.map((e) => e.id)).toEqual([waiting.id]);
	}, 240_000);
});
