import { findByGroupName } from './customer-groups';
import { LoyaltyInputError, requireWholeNumber } from './loyalty-input-error';
import type { ProgramConfig } from './program-config';

/** What the rules need to know about the member placing an order, as it stood before the order. */
export interface MemberStanding {
	/** BigCommerce customer group name; null/absent for guests and customers without a group. */
	customerGroupName?: string | null;
	/** BigCommerce customer group id (0 = none); matched before the name when the program lists ids. */
	customerGroupId?: number | null;
	/** Earned minus reversed, before this order; sets the tier. */
	lifetimePoints: number;
	/** The member already has a completed order (this order not counted): a B2B reorder. */
	hasCompletedOrder: boolean;
	/** Is a B2B (company) account; when absent, the program's b2bLoyalty groups decide. */
	isB2B?: boolean;
}

export interface B2BStatus {
	isB2B: boolean;
	why: string;
}

export function checkMemberStanding(member: MemberStanding): void {
	if (member === null || typeof member !== 'object') throw new LoyaltyInputError('member', 'is required');
	requireWholeNumber(member.lifetimePoints, 'member.lifetimePoints');
	if (typeof member.hasCompletedOrder !== 'boolean') {
		throw new LoyaltyInputError('member.hasCompletedOrder', `must be true or false (got ${JSON.stringify(member.hasCompletedOrder)})`);
	}
}

/** Whether the B2B rules (reorder rate, volume bonus) apply to this member, and why. */
export function b2bStatus(program: ProgramConfig, member: MemberStanding): B2BStatus {
	const rules = program.b2bLoyalty;
	if (member.isB2B !== undefined) return { isB2B: member.isB2B, why: `member is ${member.isB2B ? '' : 'not '}marked as a B2B account` };
	if (rules.allMembersAreB2B) return { isB2B: true, why: `every member of program "${program.id}" is a B2B account` };
	if (member.customerGroupId && rules.accountGroupIds.includes(member.customerGroupId)) {
		return { isB2B: true, why: `customer group id ${member.customerGroupId} is a B2B group` };
	}
	const byName = findByGroupName(Object.fromEntries(rules.accountGroups.map((name) => [name, true])), member.customerGroupName);
	if (byName) return { isB2B: true, why: `customer group "${byName[0]}" is a B2B group` };
	return { isB2B: false, why: 'not in a B2B customer group' };
}
