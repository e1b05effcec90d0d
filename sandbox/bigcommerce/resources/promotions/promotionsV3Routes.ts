import type { SandboxResponse } from '../../../http/router';
import { ApiError, STATUS_CODES_DOC } from '../../http/apiErrors';
import type { ApiRequest, ApiRoutes } from '../../http/apiRoutes';
import { paginateWithCursor } from '../../http/cursor';
import { noContent, v3Data, v3List } from '../../http/envelopes';
import { paginate } from '../../http/pagination';
import { intListParam, intParam, param } from '../../http/query';
import { zodErrors } from '../../http/validation';
import type { StoreContext } from '../../store/StoreContext';
import type { Promotion } from '../../store/types';
import type { ZodType } from 'zod';
import { addCouponCode, couponCodeInput, createPromotion, promotionCreateInput, updatePromotion } from './promotionOps';
import { couponCodeV3, promotionV3 } from './promotionViews';

/** promotions.v3 answers validation errors as `{errors: [{status, title}]}` (its ErrorResponse). */
function promotionError(status: number, title: string, details: string[] = []): SandboxResponse {
	return {
		status,
		body: { status, title, type: STATUS_CODES_DOC, errors: (details.length ? details : [title]).map((t) => ({ status, title: t })) },
	};
}

type Parsed<T> = { ok: true; value: T } | { ok: false; response: SandboxResponse };

function parse<T>(schema: ZodType<T>, body: unknown): Parsed<T> {
	const result = schema.safeParse(body);
	if (result.success) return { ok: true, value: result.data };
	const details = Object.entries(zodErrors(result.error)).map(([k, v]) => `${k}: ${v}`);
	return { ok: false, response: promotionError(422, 'JSON data is missing or invalid', details) };
}

export function registerPromotionsV3Routes(api: ApiRoutes, ctx: StoreContext): void {
	const promotionOf = (req: ApiRequest, key = 'id'): Promotion => {
		const promotion = ctx.state.promotions.get(Number(req.params[key]));
		if (!promotion) throw new ApiError(404, 'Promotion not found.');
		return promotion;
	};

	api.get('/v3/promotions', (req) => {
		const id = intParam(req, 'id');
		const name = param(req, 'name')?.toLowerCase();
		const code = param(req, 'code')?.toLowerCase();
		const currency = param(req, 'currency_code');
		const type = param(req, 'redemption_type');
		const status = param(req, 'status');
		const channels = intListParam(req, 'channels');
		const matching = [...ctx.state.promotions.values()].filter((p) => {
			const view = promotionV3(p);
			return (
				(id === undefined || p.id === id) &&
				(name === undefined || String(view.name).toLowerCase().includes(name)) &&
				(code === undefined || p.codes.some((c) => c.code.toLowerCase() === code)) &&
				(currency === undefined || view.currency_code === currency) &&
				(type === undefined || p.redemption_type === type) &&
				(status === undefined || view.status === status) &&
				(!channels || (view.channels as { id: number }[]).some((c) => channels.includes(c.id)))
			);
		});
		const sort = param(req, 'sort') ?? 'id';
		const sign = param(req, 'direction') === 'desc' ? -1 : 1;
		matching.sort((a, b) => (sort === 'name' ? String(a.body.name).localeCompare(String(b.body.name)) : a.id - b.id) * sign);
		const page = paginate(req, matching);
		return v3List(page.items.map(promotionV3), { pagination: page.pagination });
	});

	api.post('/v3/promotions', (req) => {
		const input = parse(promotionCreateInput, req.body);
		if (!input.ok) return input.response;
		return v3Data(promotionV3(createPromotion(ctx, input.value)), 201);
	});

	api.get('/v3/promotions/codes', (req) => {
		const code = param(req, 'code')?.toLowerCase();
		if (!code) return promotionError(422, 'The query parameter code is required.');
		const found = [...ctx.state.promotions.values()].flatMap((p) => p.codes).filter((c) => c.code.toLowerCase() === code);
		const { items, meta } = paginateWithCursor(req, found);
		return v3List(items.map(couponCodeV3), meta);
	});

	api.delete('/v3/promotions/codes', (req) => {
		const code = param(req, 'code')?.toLowerCase();
		if (!code) return promotionError(422, 'The query parameter code is required.');
		for (const p of ctx.state.promotions.values()) p.codes = p.codes.filter((c) => c.code.toLowerCase() !== code);
		return noContent();
	});

	api.get('/v3/promotions/{id}', (req) => v3Data(promotionV3(promotionOf(req))));

	api.put('/v3/promotions/{id}', (req) => {
		const promotion = promotionOf(req);
		if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) return promotionError(422, 'JSON data is missing or invalid');
		return v3Data(promotionV3(updatePromotion(ctx, promotion.id, req.body as Record<string, unknown>)));
	});

	api.delete('/v3/promotions/{id}', (req) => {
		ctx.state.promotions.delete(promotionOf(req).id);
		return noContent();
	});

	api.delete('/v3/promotions', (req) => {
		const ids = intListParam(req, 'id:in');
		if (!ids) return promotionError(422, 'The query parameter id:in is required.');
		const blocked = ids.filter((id) => (ctx.state.promotions.get(id)?.codes.length ?? 0) > 0);
		if (blocked.length) return promotionError(422, 'Promotions with coupon codes cannot be deleted.', blocked.map((id) => `Promotion ${id} still has coupon codes.`));
		for (const id of ids) ctx.state.promotions.delete(id);
		return noContent();
	});

	api.get('/v3/promotions/{promotion_id}/codes', (req) => {
		const promotion = promotionOf(req, 'promotion_id');
		const code = param(req, 'code')?.toLowerCase();
		const codes = promotion.codes.filter((c) => code === undefined || c.code.toLowerCase() === code);
		const { items, meta } = paginateWithCursor(req, codes);
		return v3List(items.map(couponCodeV3), meta);
	});

	api.post('/v3/promotions/{promotion_id}/codes', (req) => {
		const promotion = promotionOf(req, 'promotion_id');
		const input = parse(couponCodeInput, req.body);
		if (!input.ok) return input.response;
		return v3Data(couponCodeV3(addCouponCode(ctx, promotion.id, input.value)), 201);
	});

	api.delete('/v3/promotions/{promotion_id}/codes', (req) => {
		const promotion = promotionOf(req, 'promotion_id');
		const ids = intListParam(req, 'id:in');
		if (!ids) return promotionError(422, 'The query parameter id:in is required.');
		promotion.codes = promotion.codes.filter((c) => !ids.includes(c.id));
		return noContent();
	});

	api.delete('/v3/promotions/{promotion_id}/codes/{code_id}', (req) => {
		const promotion = promotionOf(req, 'promotion_id');
		const before = promotion.codes.length;
		promotion.codes = promotion.codes.filter((c) => c.id !== Number(req.params.code_id));
		if (promotion.codes.length === before) throw new ApiError(404, 'Coupon code not found.');
		return noContent();
	});
}
