import { attributeOperations } from './resources/attribute/execute';
import { contactOperations } from './resources/contact/execute';
import { emailOperations } from './resources/email/execute';
import { eventOperations } from './resources/event/execute';
import { listOperations } from './resources/list/execute';
import { orderOperations } from './resources/order/execute';
import { productOperations } from './resources/product/execute';
import { smsOperations } from './resources/sms/execute';
import { whatsappOperations } from './resources/whatsapp/execute';
import type { Operation, ResourceOperations } from './shared/types';

const operations: Record<string, ResourceOperations> = {
	attribute: attributeOperations,
	contact: contactOperations,
	email: emailOperations,
	event: eventOperations,
	list: listOperations,
	order: orderOperations,
	product: productOperations,
	sms: smsOperations,
	whatsapp: whatsappOperations,
};

export function operationFor(resource: string, operation: string): Operation | undefined {
	return operations[resource]?.[operation];
}
