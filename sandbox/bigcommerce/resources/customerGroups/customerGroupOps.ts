import { z } from 'zod';
import { nowSecond, type StoreContext } from '../../store/StoreContext';
import type { CustomerGroup } from '../../store/types';

export const customerGroupInput = z.object({
	name: z.string().min(1),
	is_default: z.boolean().default(false),
	is_group_for_guests: z.boolean().default(false),
});

/** Customer groups have no webhooks on BigCommerce; creating one only changes data. */
export function createCustomerGroup(ctx: StoreContext, raw: z.input<typeof customerGroupInput>): CustomerGroup {
	const input = customerGroupInput.parse(raw);
	const now = nowSecond(ctx);
	if (input.is_default) for (const g of ctx.state.customerGroups.values()) g.is_default = false;
	const group: CustomerGroup = {
		id: ctx.state.ids.customerGroup.take(),
		name: input.name,
		is_default: input.is_default,
		is_group_for_guests: input.is_group_for_guests,
		category_access: { type: 'all' },
		dateCreated: now,
		dateModified: now,
	};
	ctx.state.customerGroups.set(group.id, group);
	return group;
}
