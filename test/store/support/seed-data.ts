import type { LedgerStore } from '../../../nodes/core/ledger/ledger-store';
import type { RuleContext } from '../../../nodes/core/ledger/entry-types';

export const STORE = 'abc123';

/** A stand-in for the rules engine (written elsewhere): 1 point per whole currency unit, tiers by lifetime points. */
export const pointsPerUnit = (totalMinor: number, pendingDays = 0) => () => ({
	points: Math.floor(totalMinor / 100),
	breakdown: { basisMinor: totalMinor, rate: 1, rounding: 'floor' },
	pendingDays,
});

export const TIERS: Array<[string, number]> = [
	['Platinum', 15000],
	['Gold', 5000],
	['Silver', 1000],
	['Bronze', 0],
];

export function tierFor(lifetime: number, _context?: RuleContext): string {
	return TIERS.find(([, min]) => lifetime >= min)![0];
}

/** A program and one enrolled member, ready for points. */
export async function programWithMember(store: LedgerStore, customerId = 1, extra: { customerGroup?: string; channelId?: number } = {}) {
	const { program } = await store.upsertProgram({ storeHash: STORE, name: 'default', config: { purchasePoints: { rate: 1 } } });
	const { member } = await store.upsertMember({
		programId: program.id,
		customerId,
		email: `customer${customerId}@example.com`,
		firstName: 'Ada',
		lastName: 'Lovelace',
		birthday: '1990-04-23',
		customerGroup: extra.customerGroup ?? 'Retail',
		channelId: extra.channelId ?? 1,
		startingTier: 'Bronze',
	});
	return { program, member };
}

export function award(store: LedgerStore, programId: string, customerId: number, orderId: number, totalMinor: number, pendingDays = 0) {
	return store.awardForOrder({
		programId,
		member: { customerId },
		idempotencyKey: `${STORE}:order:${orderId}:purchase`,
		order: { id: orderId, totalMinor, currency: 'USD', channelId: 1 },
		compute: pointsPerUnit(totalMinor, pendingDays),
		tierFor,
	});
}
