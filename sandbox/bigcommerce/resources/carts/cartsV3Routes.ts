import { hexToken } from '../../core/ids';
import { ApiError, notFoundV3 } from '../../http/apiErrors';
import type { ApiRequest, ApiRoutes } from '../../http/apiRoutes';
import { noContent, v3Data } from '../../http/envelopes';
import { includes } from '../../http/query';
import { parseBody } from '../../http/validation';
import type { StoreContext } from '../../store/StoreContext';
import type { Cart } from '../../store/types';
import { cartItemUpdateInput, cartUpdateInput } from './cartInput';
import { addCartItems, createCart, deleteCart, removeCartItem, updateCart, updateCartItem } from './cartOps';
import { cartV3, redirectUrls } from './cartViews';

/** Optimistic concurrency: a `version` that is not the cart's current one is a 409, as carts.v3 documents. */
function checkVersion(cart: Cart, body: unknown): void {
	const version = (body as { version?: unknown } | undefined)?.version;
	if (typeof version === 'number' && version !== cart.version) {
		throw new ApiError(409, 'The request cannot be processed due to a possible conflict. Please review the changes and try again.');
	}
}

export function registerCartsV3Routes(api: ApiRoutes, ctx: StoreContext): void {
	const cartOf = (req: ApiRequest): Cart => {
		const cart = ctx.state.activeCart(req.params.id);
		if (!cart) throw new ApiError(404, 'The resource at that URL is not found.');
		return cart;
	};
	const render = (req: ApiRequest, cart: Cart) => cartV3(ctx, cart, includes(req));

	api.post('/v3/carts', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		// The management API has no email field on create; it is a control-API extra.
		const { email: _ignored, ...fields } = body;
		return v3Data(render(req, createCart(ctx, fields as Parameters<typeof createCart>[1])), 201);
	});

	api.get('/v3/carts/{id}', (req) => v3Data(render(req, cartOf(req))));

	api.put('/v3/carts/{id}', (req) => {
		const cart = cartOf(req);
		checkVersion(cart, req.body);
		const input = parseBody(cartUpdateInput, req.body);
		return v3Data(render(req, updateCart(ctx, cart.id, { customer_id: input.customer_id })), 201);
	});

	api.delete('/v3/carts/{id}', (req) => {
		deleteCart(ctx, cartOf(req).id);
		return noContent();
	});

	api.post('/v3/carts/{id}/items', (req) => {
		const cart = cartOf(req);
		checkVersion(cart, req.body);
		return v3Data(render(req, addCartItems(ctx, cart.id, (req.body ?? {}) as Parameters<typeof addCartItems>[2])), 201);
	});

	api.put('/v3/carts/{id}/items/{itemId}', (req) => {
		const cart = cartOf(req);
		checkVersion(cart, req.body);
		const input = parseBody(cartItemUpdateInput, req.body);
		const updated = updateCartItem(ctx, cart.id, req.params.itemId, input.line_item);
		return updated ? v3Data(render(req, updated)) : noContent();
	});

	api.delete('/v3/carts/{id}/items/{itemId}', (req) => {
		const cart = cartOf(req);
		checkVersion(cart, req.body);
		const updated = removeCartItem(ctx, cart.id, req.params.itemId);
		return updated ? v3Data(render(req, updated)) : noContent();
	});

	api.post('/v3/carts/{id}/redirect_urls', (req) => {
		const cart = cartOf(req);
		// Each redirect URL is single-use on BigCommerce, so every request mints a new token.
		cart.redirectToken = hexToken(32);
		const urls = redirectUrls(ctx, cart);
		const query = (req.body as { query_params?: Record<string, string> } | undefined)?.query_params;
		if (query) {
			const extra = new URLSearchParams(query).toString();
			for (const key of Object.keys(urls)) urls[key] = `${urls[key]}&${extra}`;
		}
		return v3Data(urls, 201);
	});

	api.get('/v3/abandoned-carts/{token}', (req) => {
		const cart = [...ctx.state.carts.values()].find((c) => c.abandonToken === req.params.token);
		if (!cart || cart.state !== 'active') return notFoundV3('Abandoned cart not found.');
		return v3Data({ cart_id: cart.id });
	});
}
