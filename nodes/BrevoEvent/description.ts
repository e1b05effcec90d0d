import type { INodeProperties } from 'n8n-workflow';
import { attributeFields, attributeOperations } from './resources/attribute/description';
import { contactFields, contactOperations } from './resources/contact/description';
import { emailFields, emailOperations } from './resources/email/description';
import { eventFields, eventOperations } from './resources/event/description';
import { listFields, listOperations } from './resources/list/description';
import { orderFields, orderOperations } from './resources/order/description';
import { productFields, productOperations } from './resources/product/description';
import { smsFields, smsOperations } from './resources/sms/description';
import { whatsappFields, whatsappOperations } from './resources/whatsapp/description';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Attribute', value: 'attribute', description: 'Contact attributes of the account' },
			{ name: 'Contact', value: 'contact', description: 'People in Brevo, their attributes, lists and consent' },
			{ name: 'Email', value: 'email', description: 'Transactional emails from templates' },
			{ name: 'Event', value: 'event', description: 'Custom events that start Brevo automations' },
			{ name: 'List', value: 'list', description: 'Contact lists and their folders, e.g. to create the lists the templates use' },
			{ name: 'Order', value: 'order', description: 'E-commerce orders, for revenue attribution' },
			{ name: 'Product', value: 'product', description: 'The e-commerce catalog that emails show products from' },
			{ name: 'SMS', value: 'sms', description: 'Transactional SMS' },
			{ name: 'WhatsApp', value: 'whatsapp', description: 'WhatsApp template messages' },
		],
		default: 'event',
	},
	...attributeOperations,
	...attributeFields,
	...contactOperations,
	...contactFields,
	...emailOperations,
	...emailFields,
	...eventOperations,
	...eventFields,
	...listOperations,
	...listFields,
	...orderOperations,
	...orderFields,
	...productOperations,
	...productFields,
	...smsOperations,
	...smsFields,
	...whatsappOperations,
	...whatsappFields,
];
