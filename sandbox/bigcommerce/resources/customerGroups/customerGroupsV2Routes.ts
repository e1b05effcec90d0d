import { sqlDateTime } from '../../core/dates';
import { notFoundV2 } from '../../http/apiErrors';
import type { ApiRoutes } from '../../http/apiRoutes';
import { v2List, v2Object } from '../../http/envelopes';
import { paginate } from '../../http/pagination';
import { boolParam, param } from '../../http/query';
import type { StoreContext } from '../../store/StoreContext';
import type { CustomerGroup } from '../../store/types';

/** A v2 customer group (customers.v2 `customerGroup_Full`). */
export function customerGroupV2(g: CustomerGroup): Record<string, unknown> {
	return {
		id: g.id,
		name: g.name,
		is_default: g.is_default,
		category_access: { ...g.category_access },
		discount_rules: [],
		date_created: sqlDateTime(g.dateCreated),
		date_modified: sqlDateTime(g.dateModified),
		is_group_for_guests: g.is_group_for_guests,
	};
}

export function registerCustomerGroupsV2Routes(api: ApiRoutes, ctx: StoreContext): void {
	api.get('/v2/customer_groups', (req) => {
		const name = param(req, 'name');
		const like = param(req, 'name:like')?.toLowerCase();
		const isDefault = boolParam(req, 'is_default');
		const all = [...ctx.state.customerGroups.values()]
			.filter((g) => (name === undefined || g.name === name) && (like === undefined || g.name.toLowerCase().includes(like)))
			.filter((g) => isDefault === undefined || g.is_default === isDefault)
			.sort((a, b) => a.id - b.id);
		return v2List(paginate(req, all).items.map(customerGroupV2));
	});

	api.get('/v2/customer_groups/count', () => v2Object({ count: ctx.state.customerGroups.size }));

	api.get('/v2/customer_groups/{id}', (req) => {
		const group = ctx.state.customerGroups.get(Number(req.params.id));
		return group ? v2Object(customerGroupV2(group)) : notFoundV2();
	});
}
