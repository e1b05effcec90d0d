import { z } from 'zod';
import { moneyInput } from '../../core/moneyInput';
import { ApiError, notFoundV2 } from '../../http/apiErrors';
import type { ApiRoutes } from '../../http/apiRoutes';
import { v2List, v2Object } from '../../http/envelopes';
import { paginate } from '../../http/pagination';
import { intParam, param } from '../../http/query';
import { zodErrors } from '../../http/validation';
import type { StoreContext } from '../../store/StoreContext';
import { updateCustomer } from './customerOps';
import { customerV2 } from './customerViews';

/** Writable fields of a v2 customer (customers.v2 `customer_Base`), store credit included. */
const v2CustomerPut = z.object({
	first_name: z.string().min(1).optional(),
	last_name: z.string().min(1).optional(),
	email: z.string().min(3).optional(),
	company: z.string().optional(),
	phone: z.string().optional(),
	notes: z.string().optional(),
	tax_exempt_category: z.string().optional(),
	customer_group_id: z.number().int().min(0).optional(),
	store_credit: moneyInput.optional(),
});

export function registerCustomersV2Routes(api: ApiRoutes, ctx: StoreContext, apiBase: () => string): void {
	api.get('/v2/customers', (req) => {
		const email = param(req, 'email')?.toLowerCase();
		const group = intParam(req, 'customer_group_id');
		const minId = intParam(req, 'min_id');
		const maxId = intParam(req, 'max_id');
		const all = [...ctx.state.customers.values()]
			.filter((c) => (email === undefined || c.email.toLowerCase() === email) && (group === undefined || c.customer_group_id === group))
			.filter((c) => (minId === undefined || c.id >= minId) && (maxId === undefined || c.id <= maxId))
			.sort((a, b) => a.id - b.id);
		return v2List(paginate(req, all).items.map((c) => customerV2(c, apiBase())));
	});

	api.get('/v2/customers/count', () => v2Object({ count: ctx.state.customers.size }));

	api.get('/v2/customers/{id}', (req) => {
		const customer = ctx.state.customers.get(Number(req.params.id));
		return customer ? v2Object(customerV2(customer, apiBase())) : notFoundV2();
	});

	api.put('/v2/customers/{id}', (req) => {
		const id = Number(req.params.id);
		if (!ctx.state.customers.has(id)) return notFoundV2();
		const parsed = v2CustomerPut.safeParse(req.body ?? {});
		if (!parsed.success) {
			const [field, problem] = Object.entries(zodErrors(parsed.error))[0];
			throw new ApiError(400, `The field '${field}' is invalid: ${problem}`);
		}
		const { store_credit, ...fields } = parsed.data;
		return v2Object(customerV2(updateCustomer(ctx, id, fields, { store_credit }), apiBase()));
	});
}
