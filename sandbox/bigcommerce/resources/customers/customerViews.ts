import { isoSeconds, rfc2822 } from '../../core/dates';
import { v2Money, v3Money } from '../../core/money';
import type { Customer } from '../../store/types';

/** A v3 customer (customers.v3 `customer_Full`); sub-resources only when `include` asks for them. */
export function customerV3(c: Customer, include: ReadonlySet<string>): Record<string, unknown> {
	const view: Record<string, unknown> = {
		id: c.id,
		authentication: { force_password_reset: c.force_password_reset },
		company: c.company,
		customer_group_id: c.customer_group_id,
		email: c.email,
		first_name: c.first_name,
		last_name: c.last_name,
		notes: c.notes,
		phone: c.phone,
		registration_ip_address: c.registration_ip_address,
		tax_exempt_category: c.tax_exempt_category,
		date_created: isoSeconds(c.dateCreated),
		date_modified: isoSeconds(c.dateModified),
		accepts_product_review_abandoned_cart_emails: c.accepts_product_review_abandoned_cart_emails,
		origin_channel_id: c.origin_channel_id,
		address_count: c.addresses.length,
		attribute_count: c.attributes.length,
	};
	// BigCommerce leaves channel_ids null for customers with global access; the spec types it as an
	// array only, so it is rendered when the customer is limited to channels.
	if (c.channel_ids) view.channel_ids = c.channel_ids;
	if (include.has('addresses')) view.addresses = c.addresses.map((a) => ({ ...a }));
	if (include.has('storecredit')) view.store_credit_amounts = [{ amount: v3Money(c.storeCredit) }];
	if (include.has('attributes')) {
		view.attributes = c.attributes.map((a) => ({
			id: a.id,
			customer_id: c.id,
			attribute_id: a.attribute_id,
			attribute_value: a.attribute_value,
			date_created: isoSeconds(a.dateCreated),
			date_modified: isoSeconds(a.dateModified),
		}));
	}
	if (include.has('formfields')) view.form_fields = [];
	return view;
}

/** A v2 customer (customers.v2 `customer_Full`), where store credit is a 4-decimal string. */
export function customerV2(c: Customer, apiBase: string): Record<string, unknown> {
	return {
		id: c.id,
		company: c.company,
		first_name: c.first_name,
		last_name: c.last_name,
		email: c.email,
		phone: c.phone,
		form_fields: null,
		date_created: rfc2822(c.dateCreated),
		date_modified: rfc2822(c.dateModified),
		store_credit: v2Money(c.storeCredit),
		registration_ip_address: c.registration_ip_address,
		customer_group_id: c.customer_group_id,
		notes: c.notes,
		tax_exempt_category: c.tax_exempt_category,
		reset_pass_on_login: c.force_password_reset,
		accepts_marketing: c.accepts_marketing,
		addresses: { url: `${apiBase}/customers/${c.id}/addresses`, resource: `/customers/${c.id}/addresses` },
	};
}
