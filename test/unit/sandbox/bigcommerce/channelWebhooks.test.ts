import { channelEventFor } from '../../../../sandbox/bigcommerce/webhooks/channelEvents';
import { isValidScope, scopeMatches } from '../../../../sandbox/bigcommerce/webhooks/scopes';
import { startReceiver, startStore, type Store } from './helpers';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('BigCommerce sandbox: channel-specific webhooks (events/channels.mdx)', () => {
	describe('scopes', () => {
		it('accepts store/channel/{channel_id}/… scopes, rejects malformed channel ids', () => {
			for (const scope of ['store/channel/1/cart/created', 'store/channel/2/order/statusUpdated', 'store/channel/3/order/refund/created', 'store/channel/1/cart/*', 'store/channel/1/cart/lineItem/*', 'store/channel/12/order/*', 'store/channel/created', 'store/channel/*']) {
				expect([scope, isValidScope(scope)]).toEqual([scope, true]);
			}
			for (const scope of ['store/channel/x/cart/created', 'store/channel/0/cart/created', 'store/channel/1', 'store/channel/1/', 'store/channel/-1/order/created']) {
				expect([scope, isValidScope(scope)]).toEqual([scope, false]);
			}
		});

		it('matches channel events only to hooks of that channel', () => {
			expect(scopeMatches('store/channel/2/order/created', 'store/channel/2/order/created')).toBe(true);
			expect(scopeMatches('store/channel/2/order/*', 'store/channel/2/order/refund/created')).toBe(true);
			expect(scopeMatches('store/channel/2/cart/*', 'store/channel/2/cart/lineItem/created')).toBe(true);
			expect(scopeMatches('store/channel/1/order/*', 'store/channel/2/order/created')).toBe(false);
			expect(scopeMatches('store/channel/12/order/created', 'store/channel/1/order/created')).toBe(false);
			// Store-wide hooks, wildcards included, do not get the channel forms (each is its own subscription).
			expect(scopeMatches('store/*', 'store/channel/1/cart/created')).toBe(false);
			expect(scopeMatches('store/channel/*', 'store/channel/1/cart/created')).toBe(false);
			expect(scopeMatches('store/order/created', 'store/channel/1/order/created')).toBe(false);
			expect(scopeMatches('store/channel/1/order/created', 'store/order/created')).toBe(false);
		});
	});

	describe('payloads', () => {
		const lookup = { cartChannel: (id: string) => (id === 'c-1' ? 2 : undefined), orderChannel: (id: number) => (id === 7 ? 3 : undefined) };

		it('builds the channel payloads of channels.mdx, keeping the event-specific fields', () => {
			expect(channelEventFor({ scope: 'store/cart/created', data: { type: 'cart', id: 'c-1' } }, lookup)).toEqual({ scope: 'store/channel/2/cart/created', data: { cart_id: 'c-1' } });
			expect(channelEventFor({ scope: 'store/cart/converted', data: { type: 'cart', id: 'c-1', orderId: 7 } }, lookup)).toEqual({ scope: 'store/channel/2/cart/converted', data: { cart_id: 'c-1', order_id: 7 } });
			expect(channelEventFor({ scope: 'store/cart/abandoned', data: { type: 'cart', id: 'c-1', token: 't' } }, lookup)).toEqual({ scope: 'store/channel/2/cart/abandoned', data: { cart_id: 'c-1', token: 't' } });
			expect(channelEventFor({ scope: 'store/cart/lineItem/updated', data: { type: 'cart_line_item', id: 'li-1', cartId: 'c-1' } }, lookup)).toEqual({
				scope: 'store/channel/2/cart/lineItem/updated',
				data: { cart_id: 'c-1', cart_item_id: 'li-1' },
			});
			expect(channelEventFor({ scope: 'store/order/updated', data: { type: 'order', id: 7 } }, lookup)).toEqual({ scope: 'store/channel/3/order/updated', data: { order_id: 7 } });
			expect(channelEventFor({ scope: 'store/order/statusUpdated', data: { type: 'order', id: 7, status: { previous_status_id: 1, new_status_id: 11 } } }, lookup)).toEqual({
				scope: 'store/channel/3/order/statusUpdated',
				data: { order_id: 7, status: { previous_status_id: 1, new_status_id: 11 } },
			});
			expect(channelEventFor({ scope: 'store/order/refund/created', data: { type: 'order', id: 7, refund: { refund_id: 4 } } }, lookup)).toEqual({
				scope: 'store/channel/3/order/refund/created',
				data: { order_id: 7, refund: { refund_id: 4 } },
			});
		});

		it('has no channel form for store-wide resources, unknown carts or orders, or channel events themselves', () => {
			expect(channelEventFor({ scope: 'store/customer/created', data: { type: 'customer', id: 1 } }, lookup)).toBeUndefined();
			expect(channelEventFor({ scope: 'store/product/updated', data: { type: 'product', id: 1 } }, lookup)).toBeUndefined();
			expect(channelEventFor({ scope: 'store/shipment/created', data: { type: 'shipment', id: 1, orderId: 7 } }, lookup)).toBeUndefined();
			expect(channelEventFor({ scope: 'store/cart/created', data: { type: 'cart', id: 'other' } }, lookup)).toBeUndefined();
			expect(channelEventFor({ scope: 'store/order/created', data: { type: 'order', id: 8 } }, lookup)).toBeUndefined();
			expect(channelEventFor({ scope: 'store/channel/2/cart/created', data: { cart_id: 'c-1' } }, lookup)).toBeUndefined();
		});
	});

	describe('delivery', () => {
		let store: Store;
		let receiver: Receiver;

		beforeEach(async () => {
			store = await startStore({ seed: true });
			receiver = await startReceiver();
		});

		afterEach(async () => {
			await store.sandbox.close();
			await receiver.close();
		});

		async function hook(scope: string, path = '/bc') {
			const res = await store.api('POST', '/v3/hooks', { scope, destination: `${receiver.url}${path}`, is_active: true, headers: { 'X-Secret': 's' } });
			expect(res.status).toBe(200);
			expect(res.body.data.scope).toBe(scope);
			return res.body.data as { id: number };
		}

		const received = () => receiver.calls.map((c) => ({ scope: c.body.scope, data: c.body.data }));

		it('registers channel hooks through the API and lists them by scope', async () => {
			await hook('store/channel/2/cart/created');
			await hook('store/channel/2/order/*');
			const list = await store.api('GET', '/v3/hooks?scope=store/channel/2/cart/created');
			expect(list.body.data).toHaveLength(1);
			expect((await store.api('POST', '/v3/hooks', { scope: 'store/channel/abc/cart/created', destination: `${receiver.url}/x` })).status).toBe(422);
		});

		it('delivers cart events of that channel only, with {cart_id}', async () => {
			await hook('store/channel/2/cart/created');
			await hook('store/channel/2/cart/converted', '/converted');
			const other = store.sandbox.createCart({ customer_id: 1, channel_id: 1, line_items: [{ product_id: 2, quantity: 1 }] }) as { id: string };
			const cart = store.sandbox.createCart({ customer_id: 3, channel_id: 2, line_items: [{ product_id: 4, quantity: 1 }] }) as { id: string };
			const { order } = store.sandbox.convertCart(cart.id, {}) as { order: { id: number } };
			await store.sandbox.idle();
			expect(received()).toEqual([
				{ scope: 'store/channel/2/cart/created', data: { cart_id: cart.id } },
				{ scope: 'store/channel/2/cart/converted', data: { cart_id: cart.id, order_id: order.id } },
			]);
			expect(receiver.calls.some((c) => JSON.stringify(c.body).includes(other.id))).toBe(false);
			const envelope = receiver.calls[0].body;
			expect(Object.keys(envelope)).toEqual(['scope', 'store_id', 'data', 'hash', 'created_at', 'producer']);
			expect(envelope).toMatchObject({ store_id: store.sandbox.storeId, producer: 'stores/sandbox1', hash: expect.stringMatching(/^[0-9a-f]{40}$/) });
		});

		it('delivers order events of that channel, with {order_id} plus the status change and refund id', async () => {
			await hook('store/channel/2/order/*');
			store.sandbox.setOrderStatus(101, 2); // channel 1: not delivered
			store.sandbox.setOrderStatus(103, 2); // channel 2 (Wholesale)
			store.sandbox.refundOrder(103, { amount: '5.00' });
			await store.sandbox.idle();
			expect(received()).toEqual([
				{ scope: 'store/channel/2/order/statusUpdated', data: { order_id: 103, status: { previous_status_id: 10, new_status_id: 2 } } },
				{ scope: 'store/channel/2/order/updated', data: { order_id: 103 } },
				{ scope: 'store/channel/2/order/refund/created', data: { order_id: 103, refund: { refund_id: expect.any(Number) } } },
				{ scope: 'store/channel/2/order/statusUpdated', data: { order_id: 103, status: { previous_status_id: 2, new_status_id: 14 } } },
				{ scope: 'store/channel/2/order/updated', data: { order_id: 103 } },
			]);
		});

		it('fires the channel form as its own event next to the store-wide one, each with its own hash', async () => {
			await hook('store/order/statusUpdated', '/all');
			await hook('store/channel/3/order/statusUpdated', '/ch3');
			store.sandbox.setOrderStatus(104, 2);
			await store.sandbox.idle();
			const paths = receiver.calls.map((c) => [c.path, c.body.scope]);
			expect(paths).toEqual(
				expect.arrayContaining([
					['/all', 'store/order/statusUpdated'],
					['/ch3', 'store/channel/3/order/statusUpdated'],
				]),
			);
			expect(receiver.calls).toHaveLength(2);
			expect(receiver.calls[0].body.hash).not.toBe(receiver.calls[1].body.hash);
			const events = store.sandbox.webhookEvents().map((e) => e.scope);
			expect(events).toEqual(['store/order/statusUpdated', 'store/channel/3/order/statusUpdated', 'store/order/updated', 'store/channel/3/order/updated']);
		});

		it('duplicates and retries channel deliveries like any other', async () => {
			await hook('store/channel/1/cart/*');
			store.sandbox.duplicateDeliveries(1, 1);
			const cart = store.sandbox.createCart({ customer_id: 1, line_items: [{ product_id: 2, quantity: 1 }] }) as { id: string; line_items: { physical_items: { id: string }[] } };
			await store.sandbox.idle();
			const scopes = receiver.calls.map((c) => c.body.scope);
			// The first (store-wide) event and its channel form are both sent twice; later ones once.
			expect(scopes).toEqual(['store/channel/1/cart/created', 'store/channel/1/cart/created', 'store/channel/1/cart/lineItem/created', 'store/channel/1/cart/updated']);
			expect(receiver.calls[0].body.hash).toBe(receiver.calls[1].body.hash);
			expect(receiver.calls[2].body.data).toEqual({ cart_id: cart.id, cart_item_id: cart.line_items.physical_items[0].id });
			const event = store.sandbox.webhookEvents().find((e) => e.scope === 'store/channel/1/cart/updated')!;
			store.sandbox.duplicateEvent(event.id);
			await store.sandbox.idle();
			expect(receiver.calls.at(-1)!.body.hash).toBe(event.hash);
		});
	});
});
