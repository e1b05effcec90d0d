import { countryName } from '../../core/countries';
import { toCents } from '../../core/money';
import { parseDateFilter } from '../../core/dates';
import { ApiError } from '../../http/apiErrors';
import { nowSecond, type StoreContext } from '../../store/StoreContext';
import type { Customer, CustomerAddress } from '../../store/types';
import { customerEvent } from '../../webhooks/events';
import type { CustomerFields } from './customerInput';

export interface CustomerExtras {
	store_credit?: string | number;
	accepts_marketing?: boolean;
	date_created?: string;
}

function emailTaken(ctx: StoreContext, email: string, exceptId?: number): boolean {
	const wanted = email.toLowerCase();
	for (const c of ctx.state.customers.values()) if (c.id !== exceptId && c.email.toLowerCase() === wanted) return true;
	return false;
}

function checkGroup(ctx: StoreContext, groupId: number | undefined): void {
	if (groupId && !ctx.state.customerGroups.has(groupId)) {
		throw new ApiError(422, 'JSON data is missing or invalid', { customer_group_id: `Customer group ${groupId} does not exist` });
	}
}

function toAddress(ctx: StoreContext, customerId: number, a: NonNullable<CustomerFields['addresses']>[number]): CustomerAddress {
	return {
		id: ctx.state.ids.customerAddress.take(),
		customer_id: customerId,
		first_name: a.first_name,
		last_name: a.last_name,
		company: a.company ?? '',
		address1: a.address1,
		address2: a.address2 ?? '',
		city: a.city,
		state_or_province: a.state_or_province ?? '',
		postal_code: a.postal_code ?? '',
		country_code: a.country_code.toUpperCase(),
		country: countryName(a.country_code),
		phone: a.phone ?? '',
		address_type: a.address_type ?? 'residential',
	};
}

function attributeValues(ctx: StoreContext, attrs: CustomerFields['attributes'], existing: Customer['attributes'] = []) {
	const now = nowSecond(ctx);
	const result = [...existing];
	for (const a of attrs ?? []) {
		if (!ctx.state.customerAttributes.has(a.attribute_id)) {
			throw new ApiError(422, 'JSON data is missing or invalid', { attribute_id: `Customer attribute ${a.attribute_id} does not exist` });
		}
		const current = result.find((r) => r.attribute_id === a.attribute_id);
		if (current) {
			current.attribute_value = a.attribute_value;
			current.dateModified = now;
		} else {
			result.push({ id: ctx.state.ids.customerAttributeValue.take(), attribute_id: a.attribute_id, attribute_value: a.attribute_value, dateCreated: now, dateModified: now });
		}
	}
	return result;
}

function storeCreditOf(input: Partial<CustomerFields>, extras: CustomerExtras): number | undefined {
	if (extras.store_credit !== undefined) return toCents(extras.store_credit);
	if (input.store_credit_amounts) return input.store_credit_amounts.reduce((sum, s) => sum + toCents(s.amount), 0);
	return undefined;
}

/** Creates a customer and fires store/customer/created. */
export function createCustomer(ctx: StoreContext, input: CustomerFields, extras: CustomerExtras = {}): Customer {
	if (emailTaken(ctx, input.email)) {
		throw new ApiError(422, 'Create customers failed.', { '.customer_create': `The email address ${input.email} is already in use.` });
	}
	checkGroup(ctx, input.customer_group_id);
	const now = nowSecond(ctx);
	const created = extras.date_created !== undefined ? parseDateFilter(extras.date_created) : now;
	if (created === undefined) throw new ApiError(422, 'JSON data is missing or invalid', { date_created: 'not a date' });
	const id = ctx.state.ids.customer.take();
	const customer: Customer = {
		id,
		email: input.email,
		first_name: input.first_name,
		last_name: input.last_name,
		company: input.company ?? '',
		phone: input.phone ?? '',
		notes: input.notes ?? '',
		tax_exempt_category: input.tax_exempt_category ?? '',
		customer_group_id: input.customer_group_id ?? 0,
		registration_ip_address: input.registration_ip_address ?? '',
		dateCreated: created,
		dateModified: created,
		addresses: (input.addresses ?? []).map((a) => toAddress(ctx, id, a)),
		attributes: attributeValues(ctx, input.attributes),
		storeCredit: storeCreditOf(input, extras) ?? 0,
		accepts_product_review_abandoned_cart_emails: input.accepts_product_review_abandoned_cart_emails ?? false,
		accepts_marketing: extras.accepts_marketing ?? false,
		origin_channel_id: input.origin_channel_id ?? 1,
		channel_ids: input.channel_ids ?? null,
		force_password_reset: input.authentication?.force_password_reset ?? false,
	};
	ctx.state.customers.set(id, customer);
	ctx.emit(customerEvent('created', id));
	return customer;
}

/** Applies the given fields to a customer and fires store/customer/updated. */
export function updateCustomer(ctx: StoreContext, id: number, input: Partial<CustomerFields>, extras: CustomerExtras = {}): Customer {
	const customer = ctx.state.customers.get(id);
	if (!customer) throw new ApiError(404, `Customer ${id} not found`);
	if (input.email !== undefined && emailTaken(ctx, input.email, id)) {
		throw new ApiError(422, 'Update customers failed.', { '.customer_update': `The email address ${input.email} is already in use.` });
	}
	checkGroup(ctx, input.customer_group_id);
	const simple = ['email', 'first_name', 'last_name', 'company', 'phone', 'notes', 'tax_exempt_category', 'customer_group_id', 'accepts_product_review_abandoned_cart_emails'] as const;
	for (const key of simple) {
		if (input[key] !== undefined) (customer as unknown as Record<string, unknown>)[key] = input[key];
	}
	if (input.channel_ids !== undefined) customer.channel_ids = input.channel_ids;
	if (input.authentication?.force_password_reset !== undefined) customer.force_password_reset = input.authentication.force_password_reset;
	if (input.attributes) customer.attributes = attributeValues(ctx, input.attributes, customer.attributes);
	if (input.addresses) customer.addresses = input.addresses.map((a) => toAddress(ctx, id, a));
	const credit = storeCreditOf(input, extras);
	if (credit !== undefined) customer.storeCredit = credit;
	if (extras.accepts_marketing !== undefined) customer.accepts_marketing = extras.accepts_marketing;
	customer.dateModified = nowSecond(ctx);
	ctx.emit(customerEvent('updated', id));
	return customer;
}

/** Deletes a customer and fires store/customer/deleted. */
export function deleteCustomer(ctx: StoreContext, id: number): boolean {
	if (!ctx.state.customers.delete(id)) return false;
	ctx.emit(customerEvent('deleted', id));
	return true;
}
