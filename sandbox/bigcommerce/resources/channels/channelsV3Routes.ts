import { isoSeconds } from '../../core/dates';
import { notFoundV3 } from '../../http/apiErrors';
import type { ApiRoutes } from '../../http/apiRoutes';
import { v3Data, v3List } from '../../http/envelopes';
import { paginate } from '../../http/pagination';
import { boolParam, listParam } from '../../http/query';
import type { StoreContext } from '../../store/StoreContext';
import type { Channel } from '../../store/types';

/** A v3 channel (channels.v3 `ChannelWithoutCurrencies`). */
export function channelV3(c: Channel): Record<string, unknown> {
	return {
		id: c.id,
		name: c.name,
		type: c.type,
		platform: c.platform,
		status: c.status,
		external_id: c.external_id,
		is_listable_from_ui: c.is_listable_from_ui,
		is_visible: c.is_visible,
		is_enabled: c.is_enabled,
		date_created: isoSeconds(c.dateCreated),
		date_modified: isoSeconds(c.dateModified),
		icon_url: 'https://s3.amazonaws.com/bc-channel-platform/bigcommerce.svg',
	};
}

export function registerChannelsV3Routes(api: ApiRoutes, ctx: StoreContext): void {
	api.get('/v3/channels', (req) => {
		const statuses = listParam(req, 'status:in');
		const types = listParam(req, 'type:in');
		const platforms = listParam(req, 'platform:in');
		const available = boolParam(req, 'available');
		const matching = [...ctx.state.channels.values()]
			.filter((c) => (!statuses || statuses.includes(c.status)) && (!types || types.includes(c.type)) && (!platforms || platforms.includes(c.platform)))
			.filter((c) => available === undefined || available === !['deleted', 'terminated', 'archived'].includes(c.status))
			.sort((a, b) => a.id - b.id);
		const page = paginate(req, matching);
		return v3List(page.items.map(channelV3), { pagination: page.pagination });
	});

	api.get('/v3/channels/{id}', (req) => {
		const channel = ctx.state.channels.get(Number(req.params.id));
		return channel ? v3Data(channelV3(channel)) : notFoundV3('Not found');
	});
}
