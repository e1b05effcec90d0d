import { MemberNotFound } from '../ledger/errors';
import type { LedgerStore } from '../ledger/ledger-store';
import type { Member } from '../ledger/member-types';
import { memberTier } from '../loyalty/tiers';
import { listPrograms, tierRule, type ResolvedProgram } from './programs';

/** How a customer who was not a member of the order's program got enrolled for the award. */
export interface OrderEnrolment {
	/** `program`: their profile was copied from their membership in another program of the store; `order`: from the order. */
	source: 'program' | 'order';
	/** With `program`: the program the profile came from. */
	fromProgram: string | null;
	/** The group the new member has: copied from the other membership; unknown (null) from an order. */
	customerGroup: string | null;
}

export interface OrderCustomer {
	customerId: number;
	channelId: number | null;
	/** The order's billing address: who ordered. */
	billing: { email?: string; first_name?: string; last_name?: string; phone?: string } | null;
}

/**
 * Enrols the order's customer in the program of the order's storefront channel, so that the
 * order can earn points there (seed: channel 1 default, 2 b2b_program, 3 global_program; a
 * customer synced through one storefront may order in another).
 *
 * Marketers expect a customer who ordered to earn points, not an execution that fails. A
 * BigCommerce order does not carry the customer's group, which sets the group multiplier and the
 * starting tier; so the profile is copied from the customer's membership in another program of
 * the store when there is one (the most recently updated, not erased), and only otherwise taken
 * from the order itself: customer id, billing email, name and phone, no group. `enrolled` in the
 * node's output says which; enrolling customers first (Member → Create or Update, as the Points
 * and order campaigns template does) keeps the group for every order.
 */
export async function enrolFromOrder(store: LedgerStore, p: ResolvedProgram, storeHash: string, customer: OrderCustomer): Promise<OrderEnrolment> {
	const elsewhere = await membershipElsewhere(store, p, storeHash, customer.customerId);
	const profile = elsewhere
		? {
				email: elsewhere.member.email,
				firstName: elsewhere.member.firstName,
				lastName: elsewhere.member.lastName,
				phone: elsewhere.member.phone,
				customerGroup: elsewhere.member.customerGroup,
				birthday: elsewhere.member.birthday,
				registeredAt: elsewhere.member.registeredAt,
			}
		: {
				email: customer.billing?.email ?? null,
				firstName: customer.billing?.first_name ?? null,
				lastName: customer.billing?.last_name ?? null,
				phone: customer.billing?.phone ?? null,
				customerGroup: null,
			};
	await store.upsertMember({
		programId: p.program.id,
		customerId: customer.customerId,
		...profile,
		channelId: customer.channelId,
		startingTier: memberTier(p.config, 0, profile.customerGroup).tier.name,
		tierFor: tierRule,
	});
	return { source: elsewhere ? 'program' : 'order', fromProgram: elsewhere?.program ?? null, customerGroup: profile.customerGroup };
}

async function membershipElsewhere(store: LedgerStore, p: ResolvedProgram, storeHash: string, customerId: number): Promise<{ program: string; member: Member } | null> {
	const others = (await listPrograms(store, storeHash)).filter((other) => other.program.id !== p.program.id);
	let found: { program: string; member: Member } | null = null;
	for (const other of others) {
		const member = await store.getMember(other.program.id, { customerId }).catch((error: unknown) => {
			if (error instanceof MemberNotFound) return null;
			throw error;
		});
		// An erased member's personal data is gone: nothing to copy.
		if (member && !member.erased && (!found || member.updatedAt > found.member.updatedAt)) found = { program: other.program.name, member };
	}
	return found;
}
