import { z } from 'zod';
import { dateText } from './common';

/** v3 `/customers` (customers.v3.yml `customer_Full`), with what `include=` adds. */

export const customerAddressSchema = z
	.object({
		id: z.number().int(),
		customer_id: z.number().int(),
		first_name: z.string(),
		last_name: z.string(),
		company: z.string().optional(),
		address1: z.string(),
		address2: z.string().optional(),
		city: z.string(),
		state_or_province: z.string(),
		postal_code: z.string(),
		country_code: z.string(),
		country: z.string().optional(),
		phone: z.string().optional(),
		address_type: z.string().optional(),
	})
	.passthrough();

/** A value of a customer attribute (`include=attributes`). */
export const customerAttributeValueSchema = z
	.object({
		id: z.number().int(),
		attribute_id: z.number().int(),
		attribute_value: z.string(),
		customer_id: z.number().int().optional(),
		date_created: dateText.optional(),
		date_modified: dateText.optional(),
	})
	.passthrough();

/** `include=storecredit`: one amount per currency, as a number. */
export const storeCreditAmountSchema = z.object({ amount: z.number() }).passthrough();

export const customerSchema = z
	.object({
		id: z.number().int(),
		email: z.string(),
		first_name: z.string(),
		last_name: z.string(),
		company: z.string().optional(),
		phone: z.string().optional(),
		notes: z.string().optional(),
		customer_group_id: z.number().int(),
		date_created: dateText,
		date_modified: dateText,
		registration_ip_address: z.string().optional(),
		tax_exempt_category: z.string().optional(),
		accepts_product_review_abandoned_cart_emails: z.boolean().optional(),
		origin_channel_id: z.number().int().optional(),
		channel_ids: z.array(z.number().int()).nullish(),
		address_count: z.number().int().optional(),
		attribute_count: z.number().int().optional(),
		addresses: z.array(customerAddressSchema).optional(),
		attributes: z.array(customerAttributeValueSchema).optional(),
		store_credit_amounts: z.array(storeCreditAmountSchema).optional(),
	})
	.passthrough();

export type BigCommerceCustomer = z.infer<typeof customerSchema>;
export type BigCommerceCustomerAddress = z.infer<typeof customerAddressSchema>;
export type BigCommerceCustomerAttributeValue = z.infer<typeof customerAttributeValueSchema>;
export type BigCommerceStoreCreditAmount = z.infer<typeof storeCreditAmountSchema>;
