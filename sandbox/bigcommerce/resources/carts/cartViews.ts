import { isoMillis } from '../../core/dates';
import { v3Money } from '../../core/money';
import type { StoreContext } from '../../store/StoreContext';
import type { Cart, CartLine } from '../../store/types';

function catalogItem(l: CartLine, storefront: string): Record<string, unknown> {
	return {
		id: l.id,
		variant_id: l.variant_id,
		product_id: l.product_id,
		sku: l.sku,
		name: l.name,
		url: `${storefront}${l.url}`,
		quantity: l.quantity,
		taxable: true,
		image_url: l.image_url,
		discounts: [],
		coupons: [],
		discount_amount: 0,
		coupon_amount: 0,
		original_price: v3Money(l.originalPrice),
		list_price: v3Money(l.listPrice),
		sale_price: v3Money(l.salePrice),
		extended_list_price: v3Money(l.listPrice * l.quantity),
		extended_sale_price: v3Money(l.salePrice * l.quantity),
		is_require_shipping: l.kind === 'physical',
		is_mutable: true,
	};
}

function customItem(l: CartLine): Record<string, unknown> {
	const item: Record<string, unknown> = {
		id: l.id,
		sku: l.sku,
		name: l.name,
		quantity: l.quantity,
		list_price: v3Money(l.listPrice),
		extended_list_price: v3Money(l.listPrice * l.quantity),
	};
	if (l.image_url) item.image_url = l.image_url;
	return item;
}

/** The cart's redirect URLs (carts.v3 `CartRedirectResponse`), pointing at the emulator's tiny storefront. */
export function redirectUrls(ctx: StoreContext, cart: Cart): Record<string, string> {
	const base = `${ctx.storefrontUrl()}/cart.php`;
	const q = `id=${cart.id}&token=${cart.redirectToken}`;
	return {
		cart_url: `${base}?action=load&${q}`,
		checkout_url: `${base}?action=loadInCheckout&${q}`,
		embedded_checkout_url: `${base}?embedded=1&action=loadInCheckout&${q}`,
	};
}

/** A v3 cart (carts.v3 `Cart_Full`); `include=redirect_urls` adds `redirect_urls`. */
export function cartV3(ctx: StoreContext, cart: Cart, include: ReadonlySet<string>): Record<string, unknown> {
	const base = cart.lines.reduce((sum, l) => sum + l.listPrice * l.quantity, 0);
	const amount = cart.lines.reduce((sum, l) => sum + l.salePrice * l.quantity, 0);
	const view: Record<string, unknown> = {
		id: cart.id,
		customer_id: cart.customer_id,
		channel_id: cart.channel_id,
		email: cart.email,
		currency: { code: cart.currency },
		tax_included: false,
		base_amount: v3Money(base),
		discount_amount: 0,
		manual_discount_amount: 0,
		cart_amount: v3Money(amount),
		coupons: [],
		discounts: [],
		line_items: {
			physical_items: cart.lines.filter((l) => l.kind === 'physical').map((l) => catalogItem(l, ctx.storefrontUrl())),
			digital_items: cart.lines.filter((l) => l.kind === 'digital').map((l) => catalogItem(l, ctx.storefrontUrl())),
			gift_certificates: [],
			custom_items: cart.lines.filter((l) => l.kind === 'custom').map(customItem),
		},
		created_time: isoMillis(cart.dateCreated),
		updated_time: isoMillis(cart.dateModified),
		locale: cart.locale,
		version: cart.version,
	};
	if (include.has('redirect_urls')) view.redirect_urls = redirectUrls(ctx, cart);
	return view;
}
