import { z } from 'zod';
import { dateText } from './common';

/** v3 `/channels` (channels.v3.yml); the loyalty programs are chosen per storefront channel. */
export const channelSchema = z
	.object({
		id: z.number().int(),
		name: z.string(),
		type: z.string().optional(),
		platform: z.string().optional(),
		status: z.string().optional(),
		is_enabled: z.boolean().optional(),
		is_visible: z.boolean().optional(),
		is_listable_from_ui: z.boolean().optional(),
		external_id: z.string().optional(),
		icon_url: z.string().optional(),
		date_created: dateText.optional(),
		date_modified: dateText.optional(),
	})
	.passthrough();

export type BigCommerceChannel = z.infer<typeof channelSchema>;
