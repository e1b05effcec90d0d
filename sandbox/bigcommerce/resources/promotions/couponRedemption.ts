import { percentOf, toCents, type Cents } from '../../core/money';
import type { StoreContext } from '../../store/StoreContext';
import type { CouponCode, Promotion } from '../../store/types';

export interface FoundCode {
	promotion: Promotion;
	code: CouponCode;
}

/** Coupon codes are unique per store and matched without regard to case, as BigCommerce does. */
export function findCouponCode(ctx: StoreContext, code: string): FoundCode | undefined {
	const wanted = code.toLowerCase();
	for (const promotion of ctx.state.promotions.values()) {
		const found = promotion.codes.find((c) => c.code.toLowerCase() === wanted);
		if (found) return { promotion, code: found };
	}
	return undefined;
}

interface DiscountShape {
	percentage_amount?: string;
	fixed_amount?: string;
}

/** The discount of a promotion's first cart-wide or item action, as a v2 order coupon line sees it. */
export function couponLineFor(promotion: Promotion, merchandise: Cents): { type: 1 | 2 | 5; amount: number; discount: Cents } {
	const rules = (promotion.body.rules as { action?: Record<string, { discount?: DiscountShape }> }[] | undefined) ?? [];
	for (const rule of rules) {
		const discount = rule.action?.cart_value?.discount ?? rule.action?.cart_items?.discount;
		if (discount?.percentage_amount !== undefined) {
			const percent = Number(discount.percentage_amount);
			return { type: 1, amount: percent, discount: percentOf(merchandise, percent) };
		}
		if (discount?.fixed_amount !== undefined) {
			const fixed = Math.min(toCents(discount.fixed_amount), merchandise);
			return { type: 2, amount: fixed / 100, discount: fixed };
		}
	}
	return { type: 5, amount: 0, discount: 0 };
}

/** Counts one use of a code and of its promotion. */
export function recordCouponUse(found: FoundCode): void {
	found.code.current_uses++;
	found.promotion.current_uses++;
}
