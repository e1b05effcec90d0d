import type { INodeProperties } from 'n8n-workflow';
import { WEBHOOK_EVENTS } from '../../core/bigcommerce/webhook-events';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		options: WEBHOOK_EVENTS.map((event) => ({ name: event.name, value: event.scope, description: event.description })),
		description: 'The store events that start this workflow. Each event becomes one webhook in BigCommerce while the workflow is active.',
		hint: 'Every execution gets one item with the event, the ID of what changed and, for order status changes, the previous and new status. Add a BigCommerce node after it to read the full order, customer or cart.',
	},
	{
		displayName: 'Channel ID',
		name: 'channelId',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Only cart and order events of this storefront channel (see BigCommerce › Channel › Get Many). 0 listens to every channel.',
		hint: 'BigCommerce has no per-channel form of customer, product and shipment events: those always come from the whole store.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Raw Delivery',
				name: 'includeRawDelivery',
				type: 'boolean',
				default: false,
				description: 'Whether to add the body BigCommerce sent, unchanged, as "delivery" (for debugging or events with extra data)',
			},
		],
	},
];
