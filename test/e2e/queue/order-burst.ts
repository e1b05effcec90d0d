// A burst of order completions for the queue-mode suite, and what it must leave behind, computed
// here from the seed's rules (DESIGN §4) with integer arithmetic — not with the package's engine.
import type { BigCommerceSandbox } from '../../../sandbox/bigcommerce';

const STATUS = { COMPLETED: 10, AWAITING_FULFILLMENT: 11 } as const;

/** The seed's groups: multiplier and starting tier (customer-group mapping), in thousandths. */
const GROUPS = {
	Retail: { multiplier: 1000, startTier: 0 },
	VIP: { multiplier: 1500, startTier: 2 },
	Wholesale: { multiplier: 500, startTier: 1 },
} as const;
type GroupName = keyof typeof GROUPS;

/** The seed's tiers: minimum lifetime points and multiplier in thousandths. */
const TIERS = [
	{ name: 'Bronze', min: 0, multiplier: 1000 },
	{ name: 'Silver', min: 1000, multiplier: 1250 },
	{ name: 'Gold', min: 5000, multiplier: 1500 },
	{ name: 'Platinum', min: 15000, multiplier: 2000 },
] as const;
const FIRST_PURCHASE_BONUS = 200;

export interface BurstOrder {
	orderId: number;
	customerId: number;
	email: string;
	group: GroupName;
	/** Merchandise amount ex tax, in cents. */
	cents: number;
	/** Shipped before it was completed, the two status changes delivered newest first. */
	shipped: boolean;
	expected: { points: number; balance: number; tierBefore: string; tierAfter: string; tierUpgraded: boolean };
}

export interface Burst {
	label: string;
	orders: BurstOrder[];
	/** Emulator event ids that were delivered a second time with the same hash. */
	duplicatedEvents: number[];
	/** When the first status change was made (ms since epoch). */
	startedAt: number;
	/** The emulator's last event id before the burst: the burst's events come after it. */
	firstEventId: number;
}

/** A small deterministic generator, so a failing burst can be replayed exactly. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** What one first order earns under the seed's default program: floor(basis × group × tier) + first-purchase bonus. */
export function expectedFirstOrder(group: GroupName, cents: number): BurstOrder['expected'] {
	const { multiplier, startTier } = GROUPS[group];
	const tierMultiplier = TIERS[startTier].multiplier;
	// cents × (group/1000) × (tier/1000) / 100, floored, in integers only.
	const points = Math.floor((cents * multiplier * tierMultiplier) / 100_000_000);
	const balance = points + FIRST_PURCHASE_BONUS;
	let tierAfter: number = startTier;
	for (let i = TIERS.length - 1; i > startTier; i--) {
		if (balance >= TIERS[i].min) {
			tierAfter = i;
			break;
		}
	}
	return { points, balance, tierBefore: TIERS[startTier].name, tierAfter: TIERS[tierAfter].name, tierUpgraded: tierAfter > startTier };
}

/** Creates the seed's three customer groups in the emulator; returns their ids by name. */
export function createGroups(bc: BigCommerceSandbox): Record<GroupName, number> {
	const ids = {} as Record<GroupName, number>;
	for (const name of Object.keys(GROUPS) as GroupName[]) ids[name] = (bc.createCustomerGroup({ name }) as { id: number }).id;
	return ids;
}

export interface BurstOptions {
	label: string;
	count: number;
	seed: number;
	/** Share of completions delivered a second time with the same hash (default 0.1). */
	duplicateShare?: number;
	/** Keep every delivery of the burst held in the emulator (the caller releases them; fault tests). */
	holdAll?: boolean;
	/** Share of orders also shipped, their two status changes delivered newest first (default 0.05). */
	outOfOrderShare?: number;
}

/**
 * Makes `count` customers with one order each, then completes every order at once: the emulator
 * queues the `store/order/statusUpdated` deliveries and sends them as BigCommerce does. A share of
 * the orders is shipped and then completed, with deliveries held and released newest first; a share of
 * the completion events is delivered again with the same hash afterwards.
 */
export function playBurst(bc: BigCommerceSandbox, groups: Record<GroupName, number>, options: BurstOptions): Burst {
	const next = random(options.seed);
	const names = Object.keys(GROUPS) as GroupName[];
	const orders: BurstOrder[] = [];
	for (let i = 0; i < options.count; i++) {
		const group = names[i % names.length];
		const email = `${options.label}.${i}@burst.example.com`;
		const customer = bc.createCustomer({ email, first_name: 'Burst', last_name: `${options.label} ${i}`, customer_group_id: groups[group] }) as { id: number };
		// 1.00 to 1,500.00, any cents: crosses the Silver threshold for some, never the B2B volume bonus.
		const cents = 100 + Math.floor(next() * 149_900);
		const price = (cents / 100).toFixed(2);
		const order = bc.createOrder({ customer_id: customer.id, status_id: STATUS.AWAITING_FULFILLMENT, products: [{ name: `Burst item ${i}`, quantity: 1, price_ex_tax: price, price_inc_tax: price }] }) as { id: number };
		const shipped = next() < (options.outOfOrderShare ?? 0.05);
		orders.push({ orderId: order.id, customerId: customer.id, email, group, cents, shipped, expected: expectedFirstOrder(group, cents) });
	}

	const eventsBefore = bc.webhookEvents().length;
	const firstEventId = bc.webhookEvents().at(-1)?.id ?? 0;
	const startedAt = Date.now();
	if (options.holdAll) bc.holdDeliveries('store/order/statusUpdated');
	for (const order of orders.filter((o) => !o.shipped)) bc.setOrderStatus(order.orderId, STATUS.COMPLETED);
	// Out of order: shipped, then completed (BigCommerce's usual order); the completion is delivered first.
	bc.holdDeliveries('store/order/statusUpdated');
	for (const order of orders.filter((o) => o.shipped)) {
		// Moves the order to Shipped (store/order/statusUpdated 11 → 2), then it is completed (2 → 10).
		bc.shipOrder(order.orderId, { tracking_number: `TRK-${order.orderId}`, shipping_provider: 'usps' });
		bc.setOrderStatus(order.orderId, STATUS.COMPLETED);
	}
	if (!options.holdAll) bc.releaseDeliveries('lifo');

	const statusEvents = bc.webhookEvents().slice(eventsBefore).filter((e) => e.scope === 'store/order/statusUpdated');
	const duplicatedEvents: number[] = [];
	for (const event of statusEvents) {
		if (next() < (options.duplicateShare ?? 0.1)) {
			bc.duplicateEvent(event.id);
			duplicatedEvents.push(event.id);
		}
	}
	return { label: options.label, orders, duplicatedEvents, startedAt, firstEventId };
}
