import { isoMillis, isoOffset } from '../../core/dates';
import type { CouponCode, Promotion } from '../../store/types';

export function couponCodeV3(c: CouponCode): Record<string, unknown> {
	return {
		id: c.id,
		code: c.code,
		current_uses: c.current_uses,
		max_uses: c.max_uses,
		max_uses_per_customer: c.max_uses_per_customer,
		created: isoMillis(c.created),
	};
}

/** A saved promotion (promotions.v3 SavedCouponPromotion / SavedAutomaticPromotion). */
export function promotionV3(p: Promotion): Record<string, unknown> {
	const b = p.body;
	const view: Record<string, unknown> = {
		id: p.id,
		redemption_type: p.redemption_type,
		name: b.name,
		display_name: b.display_name ?? b.name,
		created_from: 'api',
		channels: b.channels ?? [{ id: 1 }],
		customer: b.customer ?? { group_ids: [], minimum_order_count: 0, excluded_group_ids: [] },
		rules: b.rules,
		current_uses: p.current_uses,
		max_uses: b.max_uses ?? 0,
		status: b.status ?? 'ENABLED',
		start_date: b.start_date ?? isoOffset(p.dateCreated),
		stop: b.stop ?? false,
		can_be_used_with_other_promotions: b.can_be_used_with_other_promotions ?? true,
		currency_code: b.currency_code ?? '*',
		notifications: b.notifications ?? [],
	};
	for (const optional of ['end_date', 'shipping_address', 'schedule']) if (b[optional] !== undefined) view[optional] = b[optional];
	if (p.redemption_type === 'COUPON') {
		const type = b.coupon_type ?? 'SINGLE';
		view.coupon_type = type;
		view.coupon_overrides_other_promotions = b.coupon_overrides_other_promotions ?? false;
		view.coupon_overrides_automatic_when_offering_higher_discounts = b.coupon_overrides_automatic_when_offering_higher_discounts ?? false;
		view.multiple_codes = { has_multiple_codes: p.codes.length > 1 };
		if (type === 'SINGLE' && p.codes[0]) view.codes = couponCodeV3(p.codes[0]);
	}
	return view;
}
