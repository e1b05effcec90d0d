import { z } from 'zod';
import { dateText } from './common';

/** v3 `/promotions` and `/promotions/{id}/codes` (promotions.v3.yml). */

export const couponCodeSchema = z
	.object({
		id: z.number().int(),
		code: z.string(),
		current_uses: z.number().int(),
		max_uses: z.number().int().optional(),
		max_uses_per_customer: z.number().int().optional(),
		created: dateText,
	})
	.passthrough();

export const promotionSchema = z
	.object({
		id: z.number().int(),
		name: z.string(),
		redemption_type: z.enum(['AUTOMATIC', 'COUPON']),
		display_name: z.string().optional(),
		channels: z.array(z.object({ id: z.number().int() }).passthrough()).optional(),
		customer: z.object({}).passthrough().optional(),
		rules: z.array(z.object({}).passthrough()),
		current_uses: z.number().int(),
		max_uses: z.number().int().optional(),
		status: z.string(),
		start_date: dateText.optional(),
		end_date: dateText.nullish(),
		stop: z.boolean().optional(),
		can_be_used_with_other_promotions: z.boolean().optional(),
		currency_code: z.string().optional(),
		coupon_type: z.enum(['SINGLE', 'BULK']).optional(),
	})
	.passthrough();

export type BigCommerceCouponCode = z.infer<typeof couponCodeSchema>;
export type BigCommercePromotion = z.infer<typeof promotionSchema>;
