import { z } from 'zod';
import { nowSecond, type StoreContext } from '../../store/StoreContext';
import type { Channel } from '../../store/types';

export const channelInput = z.object({
	name: z.string().min(1),
	type: z.enum(['storefront', 'pos', 'marketplace', 'marketing']).default('storefront'),
	platform: z.string().default('bigcommerce'),
	status: z.enum(['active', 'prelaunch', 'inactive', 'connected', 'disconnected', 'archived', 'deleted', 'terminated']).default('active'),
});

/** Adds a channel (channel 1 always exists). */
export function createChannel(ctx: StoreContext, raw: z.input<typeof channelInput>): Channel {
	const input = channelInput.parse(raw);
	const now = nowSecond(ctx);
	const channel: Channel = {
		id: ctx.state.ids.channel.take(),
		name: input.name,
		type: input.type,
		platform: input.platform,
		status: input.status,
		is_listable_from_ui: true,
		is_visible: true,
		is_enabled: input.status === 'active' || input.status === 'connected',
		external_id: '',
		dateCreated: now,
		dateModified: now,
	};
	ctx.state.channels.set(channel.id, channel);
	return channel;
}
