import type { LedgerStore } from '../ledger/ledger-store';
import { isCurrencyCode } from '../loyalty/currency';
import { formatMoney } from '../loyalty/money';
import { findProgram } from './programs';

export interface DashboardInput {
	storeHash: string;
	/** One program; empty: all programs of the store. */
	program?: string;
	/** A member is active with ledger activity in this many days (default 90). */
	activeDays?: number;
}

function money(minor: number, currency: string | null): number | null {
	return currency && isCurrencyCode(currency) ? Number(formatMoney(minor, currency, 'currency')) : null;
}

/**
 * Analytics → Get Dashboard: the seed's step 7 metrics (customers, revenue, loyalty), computed
 * in the database. Money comes per currency, in major units (`total`) and minor units (`totalMinor`).
 */
export async function dashboard(store: LedgerStore, input: DashboardInput) {
	const programId = input.program ? (await findProgram(store, input.storeHash, input.program)).program.id : undefined;
	const a = await store.analytics({ storeHash: input.storeHash, programId, activeDays: input.activeDays });
	return {
		storeHash: input.storeHash,
		program: input.program || null,
		generatedAt: a.generatedAt,
		monthStart: a.monthStart,
		customers: a.customers,
		revenue: {
			total: a.revenue.byCurrency.map((r) => ({
				currency: r.currency,
				orders: r.orders,
				total: money(r.totalMinor, r.currency),
				refunded: money(r.refundedMinor, r.currency),
				averageOrderValue: money(r.averageOrderValueMinor, r.currency),
				totalMinor: r.totalMinor,
				refundedMinor: r.refundedMinor,
				averageOrderValueMinor: r.averageOrderValueMinor,
			})),
			byChannel: a.revenue.byChannel.map((r) => ({ ...r, total: money(r.totalMinor, r.currency) })),
		},
		loyalty: a.loyalty,
	};
}
