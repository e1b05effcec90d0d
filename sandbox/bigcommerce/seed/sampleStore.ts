import type { StoreContext } from '../store/StoreContext';
import { createCart } from '../resources/carts/cartOps';
import { createChannel } from '../resources/channels/channelOps';
import { createCustomerGroup } from '../resources/customerGroups/customerGroupOps';
import { createCustomer } from '../resources/customers/customerOps';
import { createOrder } from '../resources/orders/orderOps';
import { refundOrder } from '../resources/orders/refundOps';
import { addShipment } from '../resources/orders/shipmentOps';
import { createProduct } from '../resources/products/productOps';
import { addCouponCode, createPromotion } from '../resources/promotions/promotionOps';
import { sampleCustomers } from './sampleCustomers';
import { sampleProducts } from './sampleProducts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The sample store the tests and the demo start from: the seed program's customer groups and
 * channels, customers across groups, a catalog with variants, orders in every channel (a guest
 * order, a shipped one, a large B2B one, a partially refunded one), promotions and one open cart.
 * Nothing here fires webhooks: the seed runs on a context whose events go nowhere.
 */
export function seedSampleStore(live: StoreContext): void {
	const ctx: StoreContext = { ...live, emit: () => undefined, cartAbandonAfterMs: () => null };
	const ago = (days: number) => new Date(ctx.now() - days * DAY).toISOString();

	for (const name of ['Retail', 'VIP', 'Wholesale', 'Platinum']) createCustomerGroup(ctx, { name, is_default: name === 'Retail' });
	createChannel(ctx, { name: 'Wholesale' });
	createChannel(ctx, { name: 'International' });
	for (const [name, type] of [['Date of birth', 'date'], ['Preferred language', 'string']] as const) {
		const id = ctx.state.ids.customerAttribute.take();
		ctx.state.customerAttributes.set(id, { id, name, type, dateCreated: ctx.now() - 400 * DAY, dateModified: ctx.now() - 400 * DAY });
	}

	for (const { fields, extras } of sampleCustomers(ago)) createCustomer(ctx, fields, extras);
	for (const product of sampleProducts(ago)) createProduct(ctx, product);

	const welcome = createPromotion(ctx, {
		redemption_type: 'COUPON',
		name: 'Welcome 10% off',
		coupon_type: 'SINGLE',
		rules: [{ action: { cart_value: { discount: { percentage_amount: '10' } } }, apply_once: true, stop: false }],
	});
	addCouponCode(ctx, welcome.id, { code: 'WELCOME10', max_uses: 0, max_uses_per_customer: 1 });
	createPromotion(ctx, {
		redemption_type: 'COUPON',
		name: 'Abandoned cart recovery 10% off',
		coupon_type: 'BULK',
		rules: [{ action: { cart_value: { discount: { percentage_amount: '10' } } }, apply_once: true, stop: false }],
	});

	const jane = 1;
	// 100: a completed, shipped order of a Retail customer, with the welcome coupon, tax and shipping.
	const o100 = createOrder(ctx, {
		customer_id: jane,
		channel_id: 1,
		status_id: 11,
		date_created: ago(30),
		tax_rate: 8.25,
		shipping_cost_ex_tax: '5.00',
		payment_method: 'Credit Card',
		products: [
			{ product_id: 1, variant_id: 2, quantity: 2 },
			{ product_id: 2, quantity: 1 },
		],
		coupons: [{ code: 'WELCOME10' }],
	});
	addShipment(ctx, o100.id, { tracking_number: '1Z999AA10123456784', shipping_provider: 'ups', tracking_carrier: 'ups' });
	o100.status_id = 10;
	// 101: a VIP customer's order, shipped with USPS.
	const o101 = createOrder(ctx, { customer_id: 2, channel_id: 1, status_id: 11, date_created: ago(12), products: [{ product_id: 3, quantity: 2 }], shipping_cost_ex_tax: '7.50' });
	addShipment(ctx, o101.id, { tracking_number: '9400111899223817412345', shipping_provider: 'usps', tracking_carrier: 'usps', shipping_method: 'Priority Mail' });
	// 102: a guest order (customer_id 0) awaiting fulfillment.
	createOrder(ctx, {
		customer_id: 0,
		channel_id: 1,
		status_id: 11,
		date_created: ago(2),
		billing_address: { first_name: 'Guest', last_name: 'Buyer', email: 'guest.buyer@example.com', street_1: '1 Market St', city: 'San Francisco', state: 'California', zip: '94105', country_iso2: 'US' },
		products: [{ product_id: 2, quantity: 1 }],
	});
	// 103: a large B2B order in the Wholesale channel (merchandise above 10 000).
	createOrder(ctx, { customer_id: 3, channel_id: 2, status_id: 10, date_created: ago(20), products: [{ product_id: 4, quantity: 45 }], shipping_cost_ex_tax: '120.00' });
	// 104: an international order.
	createOrder(ctx, { customer_id: 5, channel_id: 3, status_id: 11, date_created: ago(3), products: [{ product_id: 1, variant_id: 1, quantity: 1 }, { product_id: 6, variant_id: 8, quantity: 1 }], tax_rate: 19, shipping_cost_ex_tax: '12.00' });
	// 105: a Platinum customer's completed order, partially refunded.
	const o105 = createOrder(ctx, { customer_id: 4, channel_id: 1, status_id: 10, date_created: ago(45), products: [{ product_id: 3, quantity: 3 }, { product_id: 2, quantity: 2 }] });
	refundOrder(ctx, o105.id, { items: [{ order_product_id: o105.products[1].id, quantity: 1 }], reason: 'Damaged in transit' });
	// 106: awaiting payment; 107: a digital gift card, completed.
	createOrder(ctx, { customer_id: 7, channel_id: 1, status_id: 7, date_created: ago(1), products: [{ product_id: 6, variant_id: 9, quantity: 2 }] });
	createOrder(ctx, { customer_id: 1, channel_id: 1, status_id: 10, date_created: ago(60), products: [{ product_id: 5, quantity: 1 }] });
	// The seed's follow-ups (shipping, refunding) happened a day after each order, not today.
	for (const order of ctx.state.orders.values()) {
		const dayAfter = Math.min(order.dateCreated + DAY, ctx.now());
		order.dateModified = dayAfter;
		if (order.dateShipped !== null) order.dateShipped = dayAfter;
		for (const s of order.shipments) s.dateCreated = dayAfter;
		for (const r of order.refunds) r.dateCreated = dayAfter;
	}

	// One open cart of a registered customer, for the abandoned-cart flow.
	createCart(ctx, { customer_id: 2, channel_id: 1, line_items: [{ product_id: 1, variant_id: 3, quantity: 1 }, { product_id: 2, quantity: 2 }] });
}
