// The scripted store day (issue 6): one day of a BigCommerce store with every template live, played
// against the emulators' control APIs. The end-to-end test plays it and checks what Brevo and the
// ledger hold against the loyalty rules; `npm run demo` plays it and prints a summary.
//
// The day, in order (each step waits until n8n has handled what the previous one caused, so that
// what Brevo receives has a definite order):
//  1. The store opens: Program setup and Initial backfill run.
//  2. Sign-ups: a retail, a VIP and a wholesale (channel 2, company) customer, every delivery sent
//     twice by BigCommerce; then one sign-up replayed as a new event.
//  3. Orders: Victor's is shipped, then completed; Rita's shipment and completion arrive in reverse
//     order; Walt's channel-2 order is big enough for the B2B volume bonus; a completion is
//     delivered twice and another replayed; Rita's second, larger order and Walt's reorder are
//     completed; Victor's first order is refunded in full and Rita's second in part.
//  4. Abandoned carts: Victor buys after the first reminder, Ben (a guest) empties his cart, Walt
//     unsubscribes, Rita changes her cart mid-sequence and gets both emails and the SMS; Victor's
//     recovered order is then completed.
//  5. The catalog: the mug is repriced and a product is added.
//  6. The end of the day: Reconciliation, the hourly full catalog sync, Segment sync and the
//     Analytics report run, as their schedules would run them.
//
// The cart reminders and the review request need the shortened delays of day-timings.ts.
import type { Execution } from '../../test/harness/n8n-api';
import type { BcCart, BcWebhookEvent, BigCommerceControl } from './bigcommerce-control';
import type { BrevoControl } from './brevo-control';
import { type Customer, type DayCast, WHOLESALE_CHANNEL } from './day-cast';
import type { DayFlows } from './day-flows';

/** BigCommerce order status ids (v2). */
export const ORDER_STATUS = { SHIPPED: 2, REFUNDED: 4, COMPLETED: 10, AWAITING_FULFILLMENT: 11, PARTIALLY_REFUNDED: 14 } as const;

export const TEMPLATE_FILES = {
	programSetup: 'program-setup.json',
	customerSync: 'customer-sync.json',
	points: 'points-and-order-campaigns.json',
	carts: 'abandoned-cart-recovery.json',
	backfill: 'initial-backfill.json',
	reconciliation: 'reconciliation.json',
	segmentSync: 'segment-sync.json',
	analyticsReport: 'analytics-report.json',
	catalogSync: 'product-catalog-sync.json',
} as const;

export interface StoreDayOptions {
	bc: BigCommerceControl;
	brevo: BrevoControl;
	flows: DayFlows;
	cast: DayCast;
	/** One line per step, for the demo's console. */
	log?: (line: string) => void;
	/** How long a cart reminder or SMS may take to arrive (default 60 s, for the shortened delays). */
	messageTimeoutMs?: number;
}

export interface TrackedCartRef {
	id: string;
	checkoutUrl: string;
}

/** What the day did: the ids BigCommerce gave, and the executions of the templates it ran itself. */
export interface StoreDay {
	cast: DayCast;
	storeHash: string;
	startedAt: string;
	/** Brevo records (events, emails, SMS) with a higher seq arrived during the day. */
	brevoCheckpoint: number;
	customers: { rita: number; victor: number; walt: number };
	orders: { ritaFirst: number; ritaBig: number; victorFirst: number; victorFromCart: number; waltVolume: number; waltReorder: number };
	carts: { victor: TrackedCartRef; ben: TrackedCartRef; walt: TrackedCartRef; rita: TrackedCartRef };
	newProductId: number;
	/** The runs of the manual and scheduled templates, by template file. */
	runs: Record<string, Execution>;
	finishedAt: string;
}

export async function playStoreDay(options: StoreDayOptions): Promise<StoreDay> {
	const { bc, brevo, flows, cast } = options;
	const log = options.log ?? (() => undefined);
	const messageTimeoutMs = options.messageTimeoutMs ?? 60_000;
	const { storeHash } = await bc.info();
	await flows.markStart();
	const day: Partial<StoreDay> & Pick<StoreDay, 'cast' | 'storeHash' | 'runs'> = {
		cast,
		storeHash,
		startedAt: new Date().toISOString(),
		brevoCheckpoint: await brevo.lastSeq(),
		runs: {},
	};
	const run = async (file: string) => {
		day.runs[file] = await flows.run(file);
	};

	// 1. The store opens.
	log('The store opens: Program setup, then Initial backfill (the sample store\'s customers and recent orders).');
	await run(TEMPLATE_FILES.programSetup);
	await run(TEMPLATE_FILES.backfill);

	// 2. Sign-ups, each delivered twice by BigCommerce (same hash): one execution each.
	log('Sign-ups: Rita (Retail), Victor (VIP) and Walt (Wholesale, channel 2); BigCommerce delivers each twice.');
	await bc.duplicateDeliveries(1, 3);
	const signUp = async (c: Customer) =>
		(
			await bc.createCustomer({
				email: c.email,
				first_name: c.firstName,
				last_name: c.lastName,
				customer_group_id: c.groupId,
				...(c.phone ? { phone: c.phone } : {}),
				...(c.company ? { company: c.company } : {}),
				...(c.originChannelId ? { origin_channel_id: c.originChannelId } : {}),
				...(c.channelIds ? { channel_ids: c.channelIds } : {}),
			})
		).id;
	const customers = { rita: await signUp(cast.rita), victor: await signUp(cast.victor), walt: await signUp(cast.walt) };
	day.customers = customers;
	await flows.settle();
	log('Victor\'s sign-up arrives once more as a new event: no second bonus.');
	await bc.replayEvent(await findEvent(bc, 'store/customer/created', (e) => e.data.id === customers.victor));
	await flows.settle();

	// 3. Orders.
	log('Orders: Rita 75.00, Victor 299.00 (beans on sale), Walt 11 205.00 on the Wholesale channel.');
	const order = async (customerId: number, lines: DayCast['lines']['ritaFirst'], channelId?: number) =>
		(await bc.createOrder({ customer_id: customerId, status_id: ORDER_STATUS.AWAITING_FULFILLMENT, products: lines, ...(channelId ? { channel_id: channelId } : {}) })).id;
	const orders = {
		ritaFirst: await order(customers.rita, cast.lines.ritaFirst),
		victorFirst: await order(customers.victor, cast.lines.victorFirst),
		waltVolume: await order(customers.walt, cast.lines.waltVolume, WHOLESALE_CHANNEL),
		ritaBig: 0,
		waltReorder: 0,
		victorFromCart: 0,
	};
	day.orders = orders;
	log('Victor\'s order ships (UPS).');
	await bc.shipOrder(orders.victorFirst, cast.shipments.victorFirst);
	await flows.settle();
	log('Rita\'s order ships (USPS) and is completed; BigCommerce delivers the two status changes in reverse order.');
	await bc.holdDeliveries();
	await bc.shipOrder(orders.ritaFirst, cast.shipments.ritaFirst);
	await bc.setOrderStatus(orders.ritaFirst, ORDER_STATUS.COMPLETED);
	await bc.releaseDeliveries('lifo');
	await flows.settle();
	log('Victor\'s and Walt\'s orders are completed.');
	await bc.setOrderStatus(orders.victorFirst, ORDER_STATUS.COMPLETED);
	await bc.setOrderStatus(orders.waltVolume, ORDER_STATUS.COMPLETED);
	await flows.settle();
	log('BigCommerce repeats Walt\'s completion (same hash) and replays Rita\'s (new hash): nothing is awarded twice.');
	const completionOf = (orderId: number) => (e: BcWebhookEvent) =>
		e.data.id === orderId && (e.data.status as { new_status_id?: number } | undefined)?.new_status_id === ORDER_STATUS.COMPLETED;
	await bc.duplicateEvent(await findEvent(bc, 'store/order/statusUpdated', completionOf(orders.waltVolume)));
	await bc.replayEvent(await findEvent(bc, 'store/order/statusUpdated', completionOf(orders.ritaFirst)));
	await flows.settle();
	log('Rita completes a 700.00 team order; Walt reorders 2 490.00 on the Wholesale channel.');
	orders.ritaBig = await order(customers.rita, cast.lines.ritaBig);
	orders.waltReorder = await order(customers.walt, cast.lines.waltReorder, WHOLESALE_CHANNEL);
	await bc.setOrderStatus(orders.ritaBig, ORDER_STATUS.COMPLETED);
	await bc.setOrderStatus(orders.waltReorder, ORDER_STATUS.COMPLETED);
	await flows.settle();
	log(`Refunds: Victor's first order in full, ${cast.ritaPartialRefund} of Rita's team order.`);
	await bc.refundOrder(orders.victorFirst, { reason: 'Changed his mind' });
	await bc.refundOrder(orders.ritaBig, { amount: cast.ritaPartialRefund, reason: 'Three shirts returned' });
	await flows.settle();

	// 4. Abandoned carts.
	log('Carts: Victor, Ben (a guest), Walt and Rita fill carts and leave them.');
	const cartOf = async (lines: DayCast['carts']['ben'], email: string, customerId?: number): Promise<BcCart> =>
		await bc.createCart({ email, line_items: lines, ...(customerId ? { customer_id: customerId } : {}) });
	const bcCarts = {
		victor: await cartOf(cast.carts.victor, cast.victor.email, customers.victor),
		ben: await cartOf(cast.carts.ben, cast.ben.email),
		walt: await cartOf(cast.carts.walt, cast.walt.email, customers.walt),
		rita: await cartOf(cast.carts.rita, cast.rita.email, customers.rita),
	};
	const ref = (cart: BcCart): TrackedCartRef => ({ id: cart.id, checkoutUrl: cart.redirect_urls.checkout_url });
	day.carts = { victor: ref(bcCarts.victor), ben: ref(bcCarts.ben), walt: ref(bcCarts.walt), rita: ref(bcCarts.rita) };
	await flows.settle();
	for (const cart of Object.values(bcCarts)) await bc.abandonCart(cart.id);
	const firstReminder = (email: string) => waitFor(`the first cart reminder to ${email}`, messageTimeoutMs, async () => (await emailsSince(brevo, day.brevoCheckpoint!, email)).length > 0);
	await Promise.all([
		firstReminder(cast.victor.email).then(async () => {
			log('Victor got the first reminder and buys his cart.');
			orders.victorFromCart = (await bc.convertCart(bcCarts.victor.id)).order.id;
		}),
		firstReminder(cast.ben.email).then(async () => {
			log('Ben got the first reminder and empties his cart.');
			await bc.removeCartItem(bcCarts.ben.id, bcCarts.ben.line_items.physical_items[0].id);
		}),
		firstReminder(cast.walt.email).then(async () => {
			log('Walt got the first reminder and unsubscribes from emails.');
			await brevo.setContactConsent(cast.walt.email, { emailBlacklisted: true });
		}),
		firstReminder(cast.rita.email).then(async () => {
			log('Rita got the first reminder and adds a tote bag to her cart.');
			await bc.addCartItems(bcCarts.rita.id, cast.carts.ritaAddsLater);
		}),
	]);
	await waitFor(`the SMS to ${cast.rita.phone}`, messageTimeoutMs, async () => (await brevo.sms()).some((s) => s.seq > day.brevoCheckpoint! && s.content.includes(bcCarts.rita.redirect_urls.checkout_url)));
	log('Rita got the second reminder with a 10% code, then the SMS.');
	await flows.settle();
	log('Victor\'s recovered order is completed.');
	await bc.setOrderStatus(orders.victorFromCart, ORDER_STATUS.COMPLETED);
	await flows.settle();

	// 5. The catalog.
	log(`The mug now costs ${cast.catalog.newPrice}; "${cast.catalog.newProduct.name}" is added.`);
	await bc.updateProduct(cast.catalog.repricedProductId, { price: cast.catalog.newPrice });
	day.newProductId = (await bc.createProduct(cast.catalog.newProduct)).id;
	await flows.settle();

	// 6. The end of the day.
	log('End of the day: Reconciliation, the full catalog sync, Segment sync and the Analytics report.');
	for (const file of [TEMPLATE_FILES.reconciliation, TEMPLATE_FILES.catalogSync, TEMPLATE_FILES.segmentSync, TEMPLATE_FILES.analyticsReport]) await run(file);
	await flows.settle();
	return { ...(day as StoreDay), finishedAt: new Date().toISOString() };
}

/** The id of the one event of that scope matching `which`; the step that needs it fails otherwise. */
async function findEvent(bc: BigCommerceControl, scope: string, which: (e: BcWebhookEvent) => boolean): Promise<number> {
	const found = (await bc.webhookEvents()).filter((e) => e.scope === scope && which(e));
	if (found.length !== 1) throw new Error(`expected one ${scope} event to repeat, found ${found.length}`);
	return found[0].id;
}

async function emailsSince(brevo: BrevoControl, checkpoint: number, to: string) {
	return (await brevo.emails()).filter((e) => e.seq > checkpoint && e.to.some((r) => r.email === to));
}

async function waitFor(what: string, timeoutMs: number, done: () => Promise<boolean>): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await done())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
