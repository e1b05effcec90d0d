import type { INodeProperties } from 'n8n-workflow';
import { additionalFields, itemField, storeHashField } from '../../shared/fields';

const show = (...operation: string[]) => ({ resource: ['cart'], operation });

export const cartOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['cart'] } },
	options: [
		{
			name: 'Check',
			value: 'check',
			description: 'Before each recovery message: is the cart still abandoned and still owned by this sequence? If not, why',
			action: 'Check a tracked cart',
		},
		{
			name: 'End Sequence',
			value: 'endSequence',
			description: 'Mark the recovery sequence as finished, so that a later abandonment of the cart may start a new one',
			action: 'End a cart recovery sequence',
		},
		{
			name: 'Mark Converted',
			value: 'markConverted',
			description: "Record that the cart became an order (by cart ID, or an order's cart_id); running sequences stop",
			action: 'Mark a cart as converted',
		},
		{
			name: 'Record Message Sent',
			value: 'recordMessage',
			description: 'Record that a recovery message went out, once per cart, sequence and step',
			action: 'Record a cart recovery message',
		},
		{
			name: 'Track',
			value: 'track',
			description: 'Keep a cart current from a cart event or item; says whether a recovery sequence should start (only an abandoned cart starts one)',
			action: 'Track a cart',
		},
	],
	default: 'track',
};

export const cartStoreHash = storeHashField(show('track', 'check', 'markConverted', 'recordMessage', 'endSequence'));

export const cartItem = itemField(
	show('track'),
	'Cart',
	'cart',
	'The cart as BigCommerce → Cart → Get outputs it (line_items, email, customer_id, cart_amount, currency, checkout_url), or a BigCommerce Trigger cart event',
	'By default the whole incoming item',
);

export const cartEvent: INodeProperties = {
	displayName: 'Cart Event',
	name: 'event',
	type: 'options',
	options: [
		{ name: 'Abandoned', value: 'abandoned', description: "BigCommerce's store/cart/abandoned: the cart was idle for an hour; the one event that starts a sequence" },
		{ name: 'Deleted or Emptied', value: 'deleted', description: 'The cart is gone; a running sequence stops' },
		{
			name: 'Detect From the Item',
			value: 'auto',
			description: "From the trigger event's scope; a cart BigCommerce no longer has (exists: false) counts as deleted; otherwise Updated",
		},
		{ name: 'Updated', value: 'updated', description: 'The cart was created or changed: kept current; never starts a sequence, and a running one goes on' },
	],
	default: 'auto',
	description: 'What happened to the cart',
	displayOptions: { show: show('track') },
};

export const cartOptions: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	description: 'More about the shopper',
	placeholder: 'Add Field',
	default: {},
	displayOptions: { show: show('track') },
	options: [
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: 'e.g. +14155550123',
			description: "The shopper's phone number for the SMS step (carts do not carry one; map it from the customer)",
		},
	],
};

export const cartId: INodeProperties = {
	displayName: 'Cart ID',
	name: 'cartId',
	type: 'string',
	required: true,
	default: '={{ $json.cart_id }}',
	placeholder: 'e.g. 4b8e3d2a-0c1f-4e57-9b1a-6f3c2d1e0a9b',
	description: "The BigCommerce cart ID (an order's cart_id for Mark Converted)",
	hint: 'By default the cart_id of the incoming item',
	displayOptions: { show: show('check', 'markConverted', 'recordMessage', 'endSequence') },
};

export const generation: INodeProperties = {
	displayName: 'Sequence Generation',
	name: 'generation',
	type: 'number',
	required: true,
	typeOptions: { minValue: 1 },
	default: 1,
	description: 'The generation token Cart → Track returned when the sequence started; it shows whether this sequence still owns the cart',
	hint: "Map the generation from the Track node's output, e.g. {{ $('Track Cart').item.json.generation }}",
	displayOptions: { show: show('check', 'recordMessage', 'endSequence') },
};

export const unsubscribed: INodeProperties = {
	displayName: 'Contact Unsubscribed',
	name: 'unsubscribed',
	type: 'boolean',
	default: false,
	description: 'Whether the shopper unsubscribed or is blacklisted in Brevo for this channel (map it from Brevo Event → consent); if so the sequence stops',
	displayOptions: { show: show('check') },
};

export const convertedOrderId: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	default: '={{ $json.order_id ?? $json.id ?? "" }}',
	placeholder: 'e.g. 1043',
	description: 'The order the cart became (kept with the cart)',
	displayOptions: { show: show('markConverted') },
};

export const messageStep: INodeProperties = {
	displayName: 'Step',
	name: 'step',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. email_1h',
	description: "Which message of the sequence went out, e.g. email_1h, email_24h, sms_72h. Each step is recorded once per sequence.",
	displayOptions: { show: show('recordMessage') },
};

export const messageOptions = additionalFields(show('recordMessage'), 'More about the message that was sent', [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'SMS', value: 'sms' },
			{ name: 'WhatsApp', value: 'whatsapp' },
		],
		default: 'email',
		description: 'How the message was sent',
	},
	{ displayName: 'Message ID', name: 'messageId', type: 'string', default: '', description: "Brevo's message ID, for tracing" },
]);

export const cartDescription: INodeProperties[] = [
	cartOperation,
	cartStoreHash,
	cartItem,
	cartEvent,
	cartOptions,
	cartId,
	generation,
	unsubscribed,
	convertedOrderId,
	messageStep,
	messageOptions,
];
