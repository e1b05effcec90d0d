import { z } from 'zod';
import { moneyInput } from '../core/moneyInput';
import { controlCustomerExtras, customerFields } from '../resources/customers/customerInput';

/** Control-API customer bodies: the v3 fields plus v2-style `store_credit`, `accepts_marketing` and `date_created`. */
export const controlCustomerCreate = customerFields.merge(controlCustomerExtras);
export const controlCustomerUpdate = customerFields.partial().merge(controlCustomerExtras.omit({ date_created: true }));

export const faultInput = z.object({
	kind: z.enum(['rate_limit', 'server_error', 'slow']),
	count: z.number().int().min(1).optional(),
	durationMs: z.number().min(1).optional(),
	status: z.number().int().min(500).max(599).optional(),
	delayMs: z.number().min(1).optional(),
	withHeaders: z.boolean().optional(),
	path: z.string().optional(),
	method: z.string().optional(),
});

export const duplicatesInput = z.object({ extraCopies: z.number().int().min(0).default(1), events: z.number().int().min(1).optional() });
export const rateLimitInput = z.object({ windowMs: z.number().positive().optional(), quota: z.number().int().positive().optional() });
export const timeScaleInput = z.object({ scale: z.number().positive() });
export const advanceInput = z.object({ ms: z.number().min(0) });
export const tokenInput = z.object({ accessToken: z.string().min(1), clientId: z.string().min(1) });
export const statusInput = z.object({ status_id: z.number().int().min(0).max(14) });
export const cartUpdateControlInput = z.object({ email: z.string().optional(), customer_id: z.number().int().min(0).optional() });
export const cartItemControlInput = z.object({ quantity: z.number().int().min(0), list_price: z.number().min(0).optional() });
export const convertInput = z.object({
	status_id: z.number().int().min(0).max(14).optional(),
	payment_method: z.string().optional(),
	coupon_codes: z.array(z.string()).optional(),
	tax_rate: z.number().min(0).max(100).optional(),
	shipping_cost_ex_tax: moneyInput.optional(),
});
export const emitInput = z.object({ scope: z.string().regex(/^store\//), data: z.record(z.unknown()) });
export const duplicateEventInput = z.object({ hookId: z.number().int().optional() });
export const holdInput = z.object({ scope: z.string().optional() });
export const releaseInput = z.object({ order: z.enum(['fifo', 'lifo']).default('fifo'), deliveryIds: z.array(z.number().int()).optional() });
export const webhookSettingsInput = z.object({ timeoutMs: z.number().positive().optional(), concurrency: z.number().int().min(1).optional(), cartAbandonAfterMs: z.number().min(0).nullable().optional() });
