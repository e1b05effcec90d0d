import { z } from 'zod';
import type { LedgerStore } from '../ledger/ledger-store';
import type { Member, MemberFilter, MemberRef } from '../ledger/member-types';
import { groupMapping } from '../loyalty/customer-groups';
import { formatMoney } from '../loyalty/money';
import { memberTier, tierProgress } from '../loyalty/tiers';
import { optionalText, parseInput, wholeNumber } from './input';
import { chooseProgram, findProgram, tierRule, type ResolvedProgram } from './programs';

/**
 * A BigCommerce v3 customer as the BigCommerce node outputs it (GET /v3/customers). Only what
 * membership needs is read; every other field may be present.
 */
const customerSchema = z
	.object({
		id: wholeNumber(1),
		email: optionalText,
		first_name: optionalText,
		last_name: optionalText,
		phone: optionalText,
		customer_group_id: wholeNumber(0).nullish(),
		date_created: optionalText,
		origin_channel_id: wholeNumber(1).nullish(),
		channel_ids: z.array(wholeNumber(1)).nullish(),
	})
	.passthrough();

export interface EnrolInput {
	storeHash: string;
	/** Program id; empty: the program of the customer's origin channel. */
	program?: string;
	/** The BigCommerce customer item. */
	customer: Record<string, unknown>;
	/** The name of the customer's group (BigCommerce customers carry only its id). */
	customerGroupName?: string | null;
	birthday?: string | null;
}

/** Marketing data a customer group maps to in the program (seed step 4). */
export interface GroupMappingView {
	segment: string | null;
	startingTier: string;
	emailList: string | null;
	brevoListId: number | null;
}

function mappingOf(p: ResolvedProgram, group: string | null): GroupMappingView {
	const mapping = groupMapping(p.config, group);
	return {
		segment: mapping?.tajoSegment ?? null,
		startingTier: memberTier(p.config, 0, group).tier.name,
		emailList: mapping?.emailList ?? null,
		brevoListId: mapping?.brevoListId ?? null,
	};
}

/**
 * Enrols a BigCommerce customer, or updates their profile: the customer's group goes through
 * the program's group mapping (segment, starting tier, Brevo list). Fields the item does not
 * have keep their stored value; a field the item has empty is cleared.
 *
 * The group is the exception: an empty group name keeps the stored group (a mapping that found
 * no name must not wipe a VIP's group), unless the customer item says BigCommerce's "no group"
 * (`customer_group_id: 0`). The stored tier is worked out again with the profile after the
 * upsert, so a customer moved to a group with a higher starting tier has it at once.
 */
export async function enrolCustomer(store: LedgerStore, input: EnrolInput) {
	const customer = parseInput(customerSchema, input.customer, 'customer');
	const channelId = customer.origin_channel_id ?? customer.channel_ids?.[0] ?? null;
	const p = await chooseProgram(store, { storeHash: input.storeHash, program: input.program, channelId });
	const groupName = input.customerGroupName?.trim() || null;
	const group = groupName ?? (customer.customer_group_id === 0 ? null : undefined);
	const has = (field: string) => Object.prototype.hasOwnProperty.call(input.customer, field);
	const keep = <T>(field: string, value: T | undefined): T | null | undefined => (has(field) ? (value ?? null) : undefined);
	const result = await store.upsertMember({
		programId: p.program.id,
		customerId: customer.id,
		email: keep('email', customer.email),
		firstName: keep('first_name', customer.first_name),
		lastName: keep('last_name', customer.last_name),
		phone: keep('phone', customer.phone),
		customerGroup: group,
		channelId: channelId ?? undefined,
		birthday: input.birthday === undefined ? undefined : input.birthday?.trim() || null,
		registeredAt: keep('date_created', customer.date_created),
		startingTier: mappingOf(p, group ?? null).startingTier,
		tierFor: tierRule,
	});
	const tierChanged = !result.created && result.tierBefore !== result.member.tier;
	return { created: result.created, updated: result.updated, tierBefore: result.tierBefore, tierChanged, member: memberView(result.member, p) };
}

/** Member → Get: balances, tier progress and stats. */
export async function getMember(store: LedgerStore, storeHash: string, program: string, ref: MemberRef) {
	const p = await findProgram(store, storeHash, program);
	return memberView(await store.getMember(p.program.id, ref), p);
}

export interface ListMembersInput extends Omit<MemberFilter, 'programId' | 'limit' | 'cursor'> {
	storeHash: string;
	program: string;
	/** Stop after this many members; undefined: all. */
	limit?: number;
}

/** Member → List: pages through the store 500 at a time. */
export async function listMembers(store: LedgerStore, input: ListMembersInput) {
	const p = await findProgram(store, input.storeHash, input.program);
	const { storeHash: _s, program: _p, limit, ...filter } = input;
	const members: Array<Record<string, unknown>> = [];
	let cursor: string | null = null;
	do {
		const pageSize: number = Math.min(500, limit === undefined ? 500 : limit - members.length);
		if (pageSize <= 0) break;
		const page = await store.listMembers({ ...filter, programId: p.program.id, limit: pageSize, cursor });
		for (const member of page.items) members.push(memberView(member, p));
		cursor = page.nextCursor;
	} while (cursor);
	return members;
}

/** Member → Erase: personal data removed; points, entries and stats stay, anonymised. */
export async function eraseMember(store: LedgerStore, storeHash: string, program: string, ref: MemberRef) {
	const p = await findProgram(store, storeHash, program);
	const result = await store.eraseMember(p.program.id, ref);
	return { erased: true, alreadyErased: result.alreadyErased, cartsErased: result.cartsErased, member: memberView(result.member, p) };
}

function money(minor: number, currency: string): number {
	return Number(formatMoney(minor, currency, 'currency'));
}

/**
 * A member as the node outputs it. Profile and order statistics keep BigCommerce's and the
 * seed's field names (customer_id, customer_group, orders_count, total_spent, last_order_date…),
 * so the seed's segment conditions work on these items unchanged; loyalty fields are camelCase.
 * The tier is worked out from lifetime points and the customer group under the current rules.
 */
export function memberView(member: Member, p: ResolvedProgram): Record<string, unknown> {
	const { config, program } = p;
	const progress = tierProgress(config, member.points.lifetime, member.customerGroup);
	const mapping = mappingOf(p, member.customerGroup);
	return {
		customer_id: member.customerId,
		email: member.email,
		first_name: member.firstName,
		last_name: member.lastName,
		phone: member.phone,
		customer_group: member.customerGroup,
		channel_id: member.channelId,
		birthday: member.birthday,
		date_created: member.registeredAt ?? member.enrolledAt,
		orders_count: member.stats.ordersCount,
		total_spent: money(member.stats.totalSpentMinor, config.currency),
		currency: config.currency,
		first_order_date: member.stats.firstOrderAt,
		last_order_date: member.stats.lastOrderAt,
		memberId: member.id,
		program: program.name,
		programId: program.id,
		storeHash: member.storeHash,
		points: member.points,
		tier: progress.tier.name,
		tierMultiplier: progress.tier.multiplier,
		tierBenefits: progress.tier.benefits,
		tierReason: progress.reason,
		nextTier: progress.nextTier?.name ?? null,
		pointsToNextTier: progress.pointsToNextTier,
		segment: mapping.segment,
		emailList: mapping.emailList,
		brevoListId: mapping.brevoListId,
		lastActivityAt: member.stats.lastActivityAt,
		enrolledAt: member.enrolledAt,
		updatedAt: member.updatedAt,
		erased: member.erased,
		erasedAt: member.erasedAt,
	};
}
