import { z } from 'zod';

/** v3 `/hooks` (webhooks.v3.yml `webhook_Full`). Times are Unix seconds. */
export const hookSchema = z
	.object({
		id: z.number().int(),
		client_id: z.string().optional(),
		store_hash: z.string().optional(),
		scope: z.string(),
		destination: z.string(),
		is_active: z.boolean(),
		headers: z.record(z.string()).nullish(),
		created_at: z.number().int().optional(),
		updated_at: z.number().int().optional(),
	})
	.passthrough();

export type BigCommerceHook = z.infer<typeof hookSchema>;
