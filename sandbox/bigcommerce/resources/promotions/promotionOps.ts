import { z } from 'zod';
import { ApiError } from '../../http/apiErrors';
import { nowSecond, type StoreContext } from '../../store/StoreContext';
import type { CouponCode, Promotion } from '../../store/types';
import { findCouponCode } from './couponRedemption';

/** What POST /v3/promotions needs (promotions.v3 Draft*Promotion: redemption_type, name, rules with an action). */
export const promotionCreateInput = z
	.object({
		redemption_type: z.enum(['AUTOMATIC', 'COUPON']),
		name: z.string().min(1),
		rules: z.array(z.object({ action: z.record(z.unknown()) }).passthrough()).min(1),
		status: z.enum(['ENABLED', 'DISABLED']).optional(),
		channels: z.array(z.object({ id: z.number().int() })).optional(),
		coupon_type: z.enum(['SINGLE', 'BULK']).optional(),
		codes: z.object({ code: z.string() }).passthrough().optional(),
	})
	.passthrough();

export type PromotionCreateInput = z.infer<typeof promotionCreateInput>;

/** Coupon codes: letters, digits, spaces, underscores and hyphens, at most 50 (promotions.v3 CouponCode). */
export const couponCodeInput = z.object({
	code: z
		.string()
		.min(1)
		.max(50)
		.regex(/^[a-zA-Z0-9_ -]+$/, 'Only letters, numbers, white spaces, underscores and hyphens are allowed.'),
	max_uses: z.number().int().min(0).optional(),
	max_uses_per_customer: z.number().int().min(0).optional(),
});

export type CouponCodeInput = z.infer<typeof couponCodeInput>;

/** Read-only and managed fields a client may send back but cannot set. */
const MANAGED = ['id', 'current_uses', 'created_from', 'multiple_codes', 'codes'];

function stripManaged(body: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(body).filter(([k]) => !MANAGED.includes(k)));
}

export function createPromotion(ctx: StoreContext, input: PromotionCreateInput): Promotion {
	const id = ctx.state.ids.promotion.take();
	const promotion: Promotion = {
		id,
		redemption_type: input.redemption_type,
		body: stripManaged(input),
		current_uses: 0,
		codes: [],
		dateCreated: nowSecond(ctx),
	};
	ctx.state.promotions.set(id, promotion);
	// A single-code coupon promotion can be created with its code.
	if (input.redemption_type === 'COUPON' && input.codes?.code) addCouponCode(ctx, id, couponCodeInput.parse(input.codes));
	return promotion;
}

export function updatePromotion(ctx: StoreContext, id: number, body: Record<string, unknown>): Promotion {
	const promotion = ctx.state.promotions.get(id);
	if (!promotion) throw new ApiError(404, 'Promotion not found.');
	if (body.redemption_type !== undefined && body.redemption_type !== promotion.redemption_type) {
		throw new ApiError(422, 'The redemption type of a promotion cannot be changed.');
	}
	promotion.body = { ...promotion.body, ...stripManaged(body) };
	return promotion;
}

export function addCouponCode(ctx: StoreContext, promotionId: number, input: CouponCodeInput): CouponCode {
	const promotion = ctx.state.promotions.get(promotionId);
	if (!promotion) throw new ApiError(404, 'Promotion not found.');
	if (promotion.redemption_type !== 'COUPON') throw new ApiError(422, 'Coupon codes can only be added to coupon promotions.');
	if (findCouponCode(ctx, input.code)) throw new ApiError(409, `Coupon code "${input.code}" already exists.`);
	const code: CouponCode = {
		id: ctx.state.ids.couponCode.take(),
		code: input.code,
		current_uses: 0,
		max_uses: input.max_uses ?? 0,
		max_uses_per_customer: input.max_uses_per_customer ?? 0,
		created: nowSecond(ctx),
	};
	promotion.codes.push(code);
	return code;
}
