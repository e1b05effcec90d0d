// What a burst left behind — in n8n's executions, the ledger and Brevo — against what it should
// have, as lists of differences (empty when all is well) so a failure names the orders concerned.
import { Client } from 'pg';
import type { Burst } from './order-burst';
import type { QueueStore } from './queue-store';

const UNFINISHED = ['new', 'running', 'waiting', 'unknown'];

export interface ExecutionCounts {
	[status: string]: number;
}

/** Executions of one workflow by status, read from n8n's own database. */
export async function executionCounts(store: QueueStore, workflowId: string): Promise<ExecutionCounts> {
	const db = await store.cluster.n8nDatabase();
	try {
		const { rows } = await db.query<{ status: string; count: string }>('SELECT status, count(*) FROM execution_entity WHERE "workflowId" = $1 GROUP BY status', [workflowId]);
		return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
	} finally {
		await db.end();
	}
}

/**
 * Waits until BigCommerce has nothing left to deliver and the workflow has no unfinished execution
 * (twice in a row, a second apart: a delivery answered just now may not have its execution yet).
 */
export async function waitUntilQuiet(store: QueueStore, workflowId: string, timeoutMs: number): Promise<ExecutionCounts> {
	const deadline = Date.now() + timeoutMs;
	let quietRounds = 0;
	let counts: ExecutionCounts = {};
	while (quietRounds < 2) {
		await store.bc.idle();
		counts = await executionCounts(store, workflowId);
		const unfinished = UNFINISHED.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
		quietRounds = unfinished === 0 ? quietRounds + 1 : 0;
		if (Date.now() > deadline) {
			throw new Error(`still ${unfinished} unfinished execution(s) after ${timeoutMs} ms: ${JSON.stringify(counts)}\n${store.cluster.describe()}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 1_000));
	}
	return counts;
}

/** How many orders of the burst have their purchase entry in the ledger. */
export async function awardedCount(store: QueueStore, burst: Burst): Promise<number> {
	const rows = await purchaseEntries(store, burst);
	return rows.size;
}

async function purchaseEntries(store: QueueStore, burst: Burst): Promise<Map<string, number>> {
	const ledger = await ledgerClient(store);
	try {
		const ids = burst.orders.map((o) => String(o.orderId));
		const { rows } = await ledger.query<{ order_id: string; count: string }>(
			"SELECT order_id, count(*) FROM tajo_ledger_entries WHERE kind = 'purchase' AND order_id = ANY($1) GROUP BY order_id",
			[ids],
		);
		return new Map(rows.map((r) => [r.order_id, Number(r.count)]));
	} finally {
		await ledger.end();
	}
}

async function ledgerClient(store: QueueStore): Promise<Client> {
	const db = store.cluster.ledgerDatabase;
	const client = new Client(db);
	await client.connect();
	return client;
}

export interface BurstFindings {
	/** Orders whose purchase entry is missing or repeated: `order 12: 0 entries`. */
	ledgerEntries: string[];
	/** Members whose balance or tier differs from the rules: `customer 7: balance 1200 ≠ 1180`. */
	ledgerBalances: string[];
	/** Brevo events missing or repeated per order and name: `order 12 review_request: 2`. */
	brevoEvents: string[];
	/** Contacts whose LOYALTY_POINTS / LOYALTY_TIER differ from the ledger's expected values. */
	brevoContacts: string[];
	totals: { expectedPoints: number; ledgerPoints: number; events: Record<string, number> };
}

/** Compares the ledger and Brevo with what the burst's rules say. */
export async function findings(store: QueueStore, burst: Burst): Promise<BurstFindings> {
	const entries = await purchaseEntries(store, burst);
	const ledger = await ledgerClient(store);
	let members: Map<number, { balance: number; tier: string }>;
	try {
		const { rows } = await ledger.query<{ customer_id: string; balance_points: string; tier: string }>(
			"SELECT m.customer_id, m.balance_points, m.tier FROM tajo_members m JOIN tajo_programs p ON p.id = m.program_id WHERE p.name = 'default' AND m.customer_id = ANY($1)",
			[burst.orders.map((o) => o.customerId)],
		);
		members = new Map(rows.map((r) => [Number(r.customer_id), { balance: Number(r.balance_points), tier: r.tier }]));
	} finally {
		await ledger.end();
	}

	const ledgerEntries: string[] = [];
	const ledgerBalances: string[] = [];
	const brevoContacts: string[] = [];
	const brevoEvents: string[] = [];
	let ledgerPoints = 0;
	const eventsByKey = new Map<string, number>();
	const eventTotals: Record<string, number> = {};
	const burstOrders = new Set(burst.orders.map((o) => o.orderId));
	for (const event of store.brevo.events()) {
		const orderId = Number(event.event_properties?.orderId);
		if (!burstOrders.has(orderId)) continue;
		const key = `${orderId} ${event.event_name}`;
		eventsByKey.set(key, (eventsByKey.get(key) ?? 0) + 1);
		eventTotals[event.event_name] = (eventTotals[event.event_name] ?? 0) + 1;
	}
	for (const order of burst.orders) {
		const count = entries.get(String(order.orderId)) ?? 0;
		if (count !== 1) ledgerEntries.push(`order ${order.orderId}: ${count} purchase entries`);
		const member = members.get(order.customerId);
		ledgerPoints += member?.balance ?? 0;
		if (!member) ledgerBalances.push(`customer ${order.customerId}: not a member`);
		else if (member.balance !== order.expected.balance || member.tier !== order.expected.tierAfter) {
			ledgerBalances.push(`customer ${order.customerId} (${order.group}, ${order.cents} cents): ${member.balance} ${member.tier} ≠ ${order.expected.balance} ${order.expected.tierAfter}`);
		}
		const attributes = (store.brevo.contact(order.email)?.attributes ?? {}) as Record<string, unknown>;
		if (attributes.LOYALTY_POINTS !== order.expected.balance || attributes.LOYALTY_TIER !== order.expected.tierAfter) {
			brevoContacts.push(`${order.email}: ${String(attributes.LOYALTY_POINTS)} ${String(attributes.LOYALTY_TIER)} ≠ ${order.expected.balance} ${order.expected.tierAfter}`);
		}
		const want: Record<string, number> = { review_request: 1, tier_upgraded: order.expected.tierUpgraded ? 1 : 0, order_shipped: order.shipped ? 1 : 0 };
		for (const [name, wanted] of Object.entries(want)) {
			const got = eventsByKey.get(`${order.orderId} ${name}`) ?? 0;
			if (got !== wanted) brevoEvents.push(`order ${order.orderId} ${name}: ${got} (want ${wanted})`);
		}
	}
	const expectedPoints = burst.orders.reduce((sum, o) => sum + o.expected.balance, 0);
	return { ledgerEntries, ledgerBalances, brevoEvents, brevoContacts, totals: { expectedPoints, ledgerPoints, events: eventTotals } };
}

/** The first few lines of a list of differences, for a readable report. */
export function sample(lines: string[], count = 8): string {
	return lines.length === 0 ? 'none' : `${lines.length}: ${lines.slice(0, count).join('; ')}${lines.length > count ? '; …' : ''}`;
}
