// What the store day should leave in the ledger, worked out from the seed's rules (seed-rules.ts)
// and the store's own data (customers, groups and order amounts read from the BigCommerce API), in
// the order the templates act: the backfill, the sign-ups, then each award and refund of the day.
import type { StoreDay } from '../../../scripts/store-day/store-day';
import { cents, ExpectedLedger, SEED, type AwardOutcome, type OrderAmounts } from './seed-rules';

/** A GET on the store's BigCommerce API (`/v2/…`, `/v3/…`), answered by the emulator. */
export type BigCommerceGet = <T>(route: string) => Promise<T>;

interface ApiCustomer {
	id: number;
	email: string;
	customer_group_id: number;
	origin_channel_id: number;
}

export interface ExpectedDay {
	ledger: ExpectedLedger;
	/** Customer id → email, for every customer of the store. */
	emails: Map<number, string>;
	orders: Record<keyof StoreDay['orders'], OrderAmounts>;
	awards: Record<'ritaFirst' | 'ritaBig' | 'victorFirst' | 'victorFromCart' | 'waltVolume' | 'waltReorder', AwardOutcome>;
	reversed: { victorFirst: number; ritaBig: number };
}

const BACKFILL_LOOKBACK_DAYS = 90;

export async function expectedStoreDay(get: BigCommerceGet, day: StoreDay): Promise<ExpectedDay> {
	const ledger = new ExpectedLedger();
	const groups = new Map((await get<Array<{ id: number; name: string }>>('/v2/customer_groups')).map((g) => [g.id, g.name]));
	const customers = (await get<{ data: ApiCustomer[] }>('/v3/customers?limit=250')).data;
	const allOrders = await get<OrderAmounts[]>('/v2/orders?limit=250&sort=id:asc');
	const dayCustomers = new Set(Object.values(day.customers));
	const dayOrders = new Set(Object.values(day.orders));
	const program = (channel: number) => SEED.programByChannel[channel] ?? 'default';

	// The backfill at opening: every customer of the sample store enrolled (no account-creation
	// bonus: they signed up long ago), completed orders of the last 90 days awarded, oldest id first.
	for (const c of customers.filter((c) => !dayCustomers.has(c.id))) ledger.enrol(program(c.origin_channel_id), c.id, groups.get(c.customer_group_id) ?? null, { accountCreationBonus: false });
	const since = Date.now() - BACKFILL_LOOKBACK_DAYS * 86_400_000;
	for (const order of allOrders.filter((o) => !dayOrders.has(o.id) && o.status_id === 10 && o.customer_id > 0 && Date.parse(o.date_created) >= since)) ledger.award(order);

	// The sign-ups: members of their origin channel's program, with the account-creation bonus.
	for (const id of dayCustomers) {
		const c = customers.find((x) => x.id === id)!;
		ledger.enrol(program(c.origin_channel_id), c.id, groups.get(c.customer_group_id) ?? null, { accountCreationBonus: true });
	}

	const orders = Object.fromEntries(Object.entries(day.orders).map(([role, id]) => [role, allOrders.find((o) => o.id === id)!])) as ExpectedDay['orders'];
	// In the day's order: first completions, the repeated ones changing nothing, the second
	// completions, the refunds, then the order recovered from Victor's cart.
	const awards = {} as ExpectedDay['awards'];
	awards.ritaFirst = ledger.award(orders.ritaFirst);
	awards.victorFirst = ledger.award(orders.victorFirst);
	awards.waltVolume = ledger.award(orders.waltVolume);
	awards.ritaBig = ledger.award(orders.ritaBig);
	awards.waltReorder = ledger.award(orders.waltReorder);
	const reversed = {
		victorFirst: ledger.refundInFull('default', day.customers.victor, day.orders.victorFirst),
		ritaBig: ledger.refundInPart('default', day.customers.rita, day.orders.ritaBig, cents(day.cast.ritaPartialRefund)),
	};
	awards.victorFromCart = ledger.award(orders.victorFromCart);
	return { ledger, emails: new Map(customers.map((c) => [c.id, c.email])), orders, awards, reversed };
}
