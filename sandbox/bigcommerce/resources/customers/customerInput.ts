import { z } from 'zod';
import { moneyInput } from '../../core/moneyInput';

/**
 * The customer fields accepted by v3 POST/PUT /customers and by the control API. Unknown fields
 * are ignored, like BigCommerce ignores read-only ones it does not reject.
 */
export const addressInput = z.object({
	first_name: z.string().min(1),
	last_name: z.string().min(1),
	company: z.string().optional(),
	address1: z.string().min(1),
	address2: z.string().optional(),
	city: z.string().min(1),
	state_or_province: z.string().optional(),
	postal_code: z.string().optional(),
	country_code: z.string().length(2),
	phone: z.string().optional(),
	address_type: z.enum(['residential', 'commercial']).optional(),
});

const money = moneyInput;

export const customerFields = z.object({
	email: z.string().min(3).max(255),
	first_name: z.string().min(1).max(100),
	last_name: z.string().min(1).max(100),
	company: z.string().max(255).optional(),
	phone: z.string().max(50).optional(),
	notes: z.string().optional(),
	tax_exempt_category: z.string().optional(),
	customer_group_id: z.number().int().min(0).optional(),
	addresses: z.array(addressInput).max(10).optional(),
	attributes: z.array(z.object({ attribute_id: z.number().int(), attribute_value: z.string() })).max(10).optional(),
	store_credit_amounts: z.array(z.object({ amount: z.number() })).optional(),
	accepts_product_review_abandoned_cart_emails: z.boolean().optional(),
	origin_channel_id: z.number().int().optional(),
	channel_ids: z.array(z.number().int()).nullable().optional(),
	authentication: z.object({ force_password_reset: z.boolean().optional() }).passthrough().optional(),
	registration_ip_address: z.string().optional(),
});

export type CustomerFields = z.infer<typeof customerFields>;

/** Control-API extras: v2-style store credit, the newsletter flag, and a back-dated creation time. */
export const controlCustomerExtras = z.object({
	store_credit: money.optional(),
	accepts_marketing: z.boolean().optional(),
	date_created: z.string().optional(),
});

export const customerCreateInput = customerFields;
export const customerUpdateInput = customerFields.partial().extend({ id: z.number().int() });
export type CustomerCreateInput = z.infer<typeof customerCreateInput>;
export type CustomerUpdateInput = z.infer<typeof customerUpdateInput>;
