import { z } from 'zod';
import { dateText } from './common';

/**
 * v3 refunds of an order (orders.v3.yml `GET /orders/{order_id}/payment_actions/refunds`,
 * `RefundCollection_Resp` → `Refund`). Money here is a number (`Amount`: "a non-negative 2 decimal
 * place rounded value"), not v2's decimal string; `requested_amount` is a string in the
 * single-refund operation, so both are accepted.
 */

const v3Amount = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, 'Expected an amount such as 12.5')]);

export const refundItemSchema = z
	.object({
		/** PRODUCT, GIFT_WRAPPING, SHIPPING, HANDLING, ORDER or FEE. */
		item_type: z.string(),
		/** The order product (PRODUCT, GIFT_WRAPPING), order address (SHIPPING, HANDLING) or order (ORDER). */
		item_id: z.number().int(),
		quantity: z.number().int().optional(),
		requested_amount: v3Amount.nullish(),
		reason: z.string().optional(),
	})
	.passthrough();

export const refundSchema = z
	.object({
		id: z.number().int(),
		order_id: z.number().int(),
		created: dateText,
		total_amount: v3Amount,
		total_tax: z.number().optional(),
		reason: z.string().optional(),
		items: z.array(refundItemSchema).optional(),
		payments: z.array(z.object({ provider_id: z.string().optional(), amount: v3Amount.optional(), offline: z.boolean().optional() }).passthrough()).optional(),
	})
	.passthrough();

export type BigCommerceRefund = z.infer<typeof refundSchema>;
export type BigCommerceRefundItem = z.infer<typeof refundItemSchema>;
