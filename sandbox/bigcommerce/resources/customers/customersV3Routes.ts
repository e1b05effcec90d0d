import { toSecond } from '../../core/dates';
import { ApiError } from '../../http/apiErrors';
import type { ApiRequest, ApiRoutes } from '../../http/apiRoutes';
import { paginateWithCursor } from '../../http/cursor';
import { noContent, v3Data, v3List } from '../../http/envelopes';
import { paginate } from '../../http/pagination';
import { dateParam, includes, intListParam, listParam, param } from '../../http/query';
import { parseBatch } from '../../http/validation';
import type { StoreContext } from '../../store/StoreContext';
import type { Customer } from '../../store/types';
import { isoSeconds } from '../../core/dates';
import { customerCreateInput, customerUpdateInput } from './customerInput';
import { createCustomer, deleteCustomer, updateCustomer } from './customerOps';
import { customerV3 } from './customerViews';

const SORTS: Record<string, (a: Customer, b: Customer) => number> = {
	'date_created:asc': (a, b) => a.dateCreated - b.dateCreated || a.id - b.id,
	'date_created:desc': (a, b) => b.dateCreated - a.dateCreated || b.id - a.id,
	'date_modified:asc': (a, b) => a.dateModified - b.dateModified || a.id - b.id,
	'date_modified:desc': (a, b) => b.dateModified - a.dateModified || b.id - a.id,
	'last_name:asc': (a, b) => a.last_name.localeCompare(b.last_name) || a.id - b.id,
	'last_name:desc': (a, b) => b.last_name.localeCompare(a.last_name) || b.id - a.id,
};

/** GET /v3/customers filters (customers.v3 getCustomers). */
function filterCustomers(req: ApiRequest, all: Customer[]): Customer[] {
	const ids = intListParam(req, 'id:in');
	const emails = listParam(req, 'email:in')?.map((e) => e.toLowerCase());
	const groups = listParam(req, 'customer_group_id:in')?.map(Number);
	const companies = listParam(req, 'company:in')?.map((c) => c.toLowerCase());
	const names = listParam(req, 'name:in')?.map((n) => n.toLowerCase());
	const nameLike = listParam(req, 'name:like')?.map((n) => n.toLowerCase());
	const phones = listParam(req, 'phone:in');
	const ips = listParam(req, 'registration_ip_address:in');
	const created = dateParam(req, 'date_created');
	const createdMin = dateParam(req, 'date_created:min');
	const createdMax = dateParam(req, 'date_created:max');
	const modified = dateParam(req, 'date_modified');
	const modifiedMin = dateParam(req, 'date_modified:min');
	const modifiedMax = dateParam(req, 'date_modified:max');
	return all.filter((c) => {
		const full = `${c.first_name} ${c.last_name}`.toLowerCase();
		const dc = toSecond(c.dateCreated);
		const dm = toSecond(c.dateModified);
		return (
			(!ids || ids.includes(c.id)) &&
			(!emails || emails.includes(c.email.toLowerCase())) &&
			(!groups || groups.includes(c.customer_group_id)) &&
			(!companies || companies.includes(c.company.toLowerCase())) &&
			(!names || names.includes(full)) &&
			(!nameLike || nameLike.some((n) => full.includes(n))) &&
			(!phones || phones.includes(c.phone)) &&
			(!ips || ips.includes(c.registration_ip_address)) &&
			(created === undefined || dc === toSecond(created)) &&
			(createdMin === undefined || dc >= createdMin) &&
			(createdMax === undefined || dc <= createdMax) &&
			(modified === undefined || dm === toSecond(modified)) &&
			(modifiedMin === undefined || dm >= modifiedMin) &&
			(modifiedMax === undefined || dm <= modifiedMax)
		);
	});
}

const ALL_INCLUDES = new Set(['addresses', 'storecredit', 'attributes']);

export function registerCustomersV3Routes(api: ApiRoutes, ctx: StoreContext): void {
	api.get('/v3/customers', (req) => {
		const sort = param(req, 'sort');
		if (sort !== undefined && !SORTS[sort]) throw new ApiError(422, 'The filter sort is invalid.', { sort: `'${sort}' is not a valid sort` });
		const matching = filterCustomers(req, [...ctx.state.customers.values()]).sort(SORTS[sort ?? ''] ?? ((a, b) => a.id - b.id));
		const { items, meta } = paginateWithCursor(req, matching);
		const include = includes(req);
		return v3List(items.map((c) => customerV3(c, include)), meta);
	});

	api.post('/v3/customers', (req) => {
		const inputs = parseBatch(customerCreateInput, req.body, 10);
		const seen = new Set<string>();
		for (const input of inputs) {
			const email = input.email.toLowerCase();
			if (seen.has(email)) throw new ApiError(422, 'Create customers failed.', { '.customer_create': `The email address ${input.email} is given twice.` });
			seen.add(email);
		}
		const created = inputs.map((input) => createCustomer(ctx, input));
		return v3Data(created.map((c) => customerV3(c, ALL_INCLUDES)));
	});

	api.put('/v3/customers', (req) => {
		const inputs = parseBatch(customerUpdateInput, req.body, 10);
		for (const input of inputs) {
			if (!ctx.state.customers.has(input.id)) throw new ApiError(422, 'Update customers failed.', { '.customer_update': `Customer ${input.id} does not exist.` });
		}
		const updated = inputs.map(({ id, ...fields }) => updateCustomer(ctx, id, fields));
		return v3Data(updated.map((c) => customerV3(c, ALL_INCLUDES)));
	});

	api.delete('/v3/customers', (req) => {
		// Without id:in BigCommerce answers 204 and deletes nothing.
		for (const id of intListParam(req, 'id:in') ?? []) deleteCustomer(ctx, id);
		return noContent();
	});

	api.get('/v3/customers/attributes', (req) => {
		const all = [...ctx.state.customerAttributes.values()].sort((a, b) => a.id - b.id);
		const page = paginate(req, all);
		return v3List(
			page.items.map((a) => ({ id: a.id, name: a.name, type: a.type, date_created: isoSeconds(a.dateCreated), date_modified: isoSeconds(a.dateModified) })),
			{ pagination: page.pagination },
		);
	});
}
