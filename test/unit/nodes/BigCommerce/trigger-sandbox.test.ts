import type { IDataObject } from 'n8n-workflow';
import { RETRY_INTERVALS_SECONDS } from '../../../../sandbox/bigcommerce';
import { forgetProcessAcceptedHashes } from '../../../../nodes/core/bigcommerce/webhook-dedupe';
import { hookContext, lifecycle } from './support/contexts';
import { startTestStore, type TestStore } from './support/store';
import { startTriggerServer, type TriggerServer } from './support/trigger-server';

/** The emulator delivering real webhooks to the trigger, over HTTP. */
let store: TestStore;
let server: TriggerServer;
const staticData: IDataObject = {};
const parameters = { events: ['store/order/statusUpdated', 'store/cart/converted', 'store/order/refund/created'], channelId: 0, options: {} };

const hookCtx = () => hookContext({ credentials: store.credentials, request: store.request, parameters, webhookUrl: server.url, staticData });

beforeAll(async () => {
	forgetProcessAcceptedHashes();
	store = await startTestStore();
	server = await startTriggerServer(staticData, parameters);
	expect(await lifecycle.create(hookCtx())).toBe(true);
});
afterAll(async () => {
	await lifecycle.delete(hookCtx());
	await server.close();
	await store.close();
});
beforeEach(() => {
	server.executions.length = 0;
	server.answers.length = 0;
});

it('an order status change starts one execution with both statuses', async () => {
	store.sandbox.setOrderStatus(102, 2);
	await store.sandbox.idle();
	expect(server.executions).toEqual([
		[expect.objectContaining({ event: 'order.statusUpdated', order_id: 102, previous_status_id: 11, previous_status_name: 'Awaiting Fulfillment', new_status_id: 2, new_status_name: 'Shipped', store_hash: store.sandbox.storeHash })],
	]);
	expect(server.answers).toEqual([200]);
});

it('a duplicate delivery (same hash) is acknowledged and starts nothing', async () => {
	store.sandbox.setOrderStatus(106, 11);
	await store.sandbox.idle();
	const event = store.sandbox.webhookEvents().filter((e) => e.scope === 'store/order/statusUpdated').at(-1)!;
	store.sandbox.duplicateEvent(event.id);
	await store.sandbox.idle();
	store.sandbox.duplicateDeliveries(2, 1);
	store.sandbox.setOrderStatus(107, 2);
	await store.sandbox.idle();
	expect(server.executions.map((items) => items[0].order_id)).toEqual([106, 107]);
	expect(server.answers).toEqual([200, 200, 200, 200, 200]);
});

it('a converted cart and a refund carry their ids', async () => {
	const cart = store.sandbox.createCart({ customer_id: 1, channel_id: 1, line_items: [{ product_id: 2, quantity: 1 }] }) as { id: string };
	const { order } = store.sandbox.convertCart(cart.id) as { order: { id: number } };
	store.sandbox.refundOrder(order.id, {});
	await store.sandbox.idle();
	const items = server.executions.map((execution) => execution[0]);
	expect(items).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ event: 'cart.converted', cart_id: cart.id, order_id: order.id }),
			expect.objectContaining({ event: 'order.refund.created', order_id: order.id, refund_id: expect.anything() }),
		]),
	);
	expect(items.some((item) => item.event === 'order.created')).toBe(false);
});

it('a delivery without the secret gets 401', async () => {
	const response = await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(store.sandbox.webhookEvents()[0].envelope) });
	expect(response.status).toBe(401);
	expect(server.executions).toHaveLength(0);
});

it('a hook BigCommerce deactivated after 48 h of failed deliveries is active again after checkExists', async () => {
	server.down = true;
	store.sandbox.setOrderStatus(104, 10);
	await store.sandbox.idle();
	for (const seconds of RETRY_INTERVALS_SECONDS) {
		store.sandbox.advanceTime(seconds * 1000);
		await store.sandbox.idle();
	}
	const hook = (store.sandbox.allHooks() as Array<{ scope: string; is_active: boolean }>).find((h) => h.scope === 'store/order/statusUpdated');
	expect(hook?.is_active).toBe(false);
	server.down = false;
	expect(await lifecycle.checkExists(hookCtx())).toBe(true);
	expect((store.sandbox.allHooks() as Array<{ is_active: boolean }>).every((h) => h.is_active)).toBe(true);
	store.sandbox.setOrderStatus(104, 2);
	await store.sandbox.idle();
	expect(server.executions.map((items) => [items[0].order_id, items[0].new_status_name])).toEqual([[104, 'Shipped']]);
});
