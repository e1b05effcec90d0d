import type { SandboxRequest, SandboxResponse } from '../../../http/router';
import { v3Money } from '../../core/money';
import type { StoreContext } from '../../store/StoreContext';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A one-page stand-in for the storefront the redirect URLs point at, so a recovery email's link
 * opens something in the demo: it shows the cart, or says the cart is gone.
 */
export function storefrontCartPage(ctx: StoreContext, req: SandboxRequest): SandboxResponse {
	const id = req.query.id?.[0] ?? '';
	const cart = ctx.state.carts.get(id);
	const html = (body: string) => ({
		status: 200,
		headers: { 'content-type': 'text/html; charset=utf-8' },
		body: `<!doctype html><html><head><meta charset="utf-8"><title>Sandbox store ${escape(ctx.storeHash)}</title></head><body>${body}</body></html>`,
	});
	if (!cart || cart.state !== 'active' || cart.redirectToken !== req.query.token?.[0]) {
		return html('<h1>Cart not found</h1><p>This cart link is no longer valid (the cart was checked out, deleted, or the link was replaced).</p>');
	}
	const rows = cart.lines.map((l) => `<li>${l.quantity} × ${escape(l.name)} — ${v3Money(l.salePrice * l.quantity).toFixed(2)} ${cart.currency}</li>`).join('');
	const action = req.query.action?.[0] === 'loadInCheckout' ? 'Checkout' : 'Your cart';
	return html(`<h1>${action}</h1><ul>${rows}</ul><p>Sandbox storefront of store ${escape(ctx.storeHash)}; cart ${escape(cart.id)}.</p>`);
}
