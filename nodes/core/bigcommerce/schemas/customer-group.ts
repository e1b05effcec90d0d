import { z } from 'zod';
import { dateText } from './common';

/** v2 `/customer_groups` (customers.v2.yml `customerGroup_Full`). */
export const customerGroupSchema = z
	.object({
		id: z.number().int(),
		name: z.string(),
		is_default: z.boolean(),
		is_group_for_guests: z.boolean().optional(),
		category_access: z
			.object({ type: z.string(), categories: z.array(z.number().int()).optional() })
			.passthrough()
			.optional(),
		discount_rules: z.array(z.unknown()).optional(),
		date_created: dateText.optional(),
		date_modified: dateText.optional(),
	})
	.passthrough();

export type BigCommerceCustomerGroup = z.infer<typeof customerGroupSchema>;
