import type { INodeProperties } from 'n8n-workflow';
import { returnAllFields } from '../../shared/fields';

/** The parameters of Message → Schedule, Get Due and Prune Sent (the operations themselves are listed in description.ts). */
const show = (...operation: string[]) => ({ resource: ['message'], operation });

export const messageDueAt: INodeProperties = {
	displayName: 'Due At',
	name: 'dueAt',
	type: 'dateTime',
	required: true,
	default: '',
	description:
		'When the message should go out, e.g. the order\'s completion plus the review delay. Scheduling the same key again keeps the first due time, so a repeated or replayed execution never pushes the message later.',
	hint: 'An expression such as {{ $now.plus(14, "days").toISO() }}',
	displayOptions: { show: show('schedule') },
};

export const messagePayload: INodeProperties = {
	displayName: 'Payload (JSON)',
	name: 'payload',
	type: 'json',
	required: true,
	default: '{}',
	description:
		'Everything needed to send the message without the execution that scheduled it: the contact\'s email and the event properties, e.g. { "email": …, "orderId": …, "products": […] }. Get Due outputs it as payload.',
	hint: 'A JSON object, up to 16,000 characters',
	displayOptions: { show: show('schedule') },
};

export const messageKeyEndsWith: INodeProperties = {
	displayName: 'Key Ends With',
	name: 'keyEndsWith',
	type: 'string',
	default: '',
	placeholder: 'e.g. :review_request',
	description: 'Only messages whose send key ends with this text (exact, case-sensitive). Leave empty for every scheduled message of the store.',
	displayOptions: { show: show('getDue') },
};

export const messageDueBefore: INodeProperties = {
	displayName: 'Due Before',
	name: 'dueBefore',
	type: 'dateTime',
	default: '',
	description: 'Messages due at or before this time. Empty: now.',
	displayOptions: { show: show('getDue') },
};

export const messageDueAfter: INodeProperties = {
	displayName: 'Due After',
	name: 'dueAfter',
	type: 'dateTime',
	default: '',
	description:
		'Only messages due after this time: one due earlier is not output, however long it has waited, so it is never sent that late. Get Due then reads only the messages due between the two times, not every message the store ever scheduled.',
	hint: 'Leave empty for no lower bound. Reconciliation uses 7 days ago, so that a message weeks overdue (n8n stopped for a month) is not sent late',
	displayOptions: { show: show('getDue') },
};

export const messageDueListFields = returnAllFields(show('getDue'), 'messages, earliest due first,');

export const messagePruneDueBefore: INodeProperties = {
	displayName: 'Due Before',
	name: 'pruneDueBefore',
	type: 'dateTime',
	required: true,
	default: '',
	description:
		'Delete the scheduled messages that were sent and were due before this time. A message not sent yet is never deleted. The send-once log keeps every sent key, so a deleted message is still never sent again.',
	hint: 'Use the same time as the Get Due\'s Due After, e.g. {{ $now.minus(7, "days").toISO() }}: what it will never output again',
	displayOptions: { show: show('pruneSent') },
};

export const scheduleDescription: INodeProperties[] = [messageDueAt, messagePayload, messageKeyEndsWith, messageDueBefore, messageDueAfter, ...messageDueListFields, messagePruneDueBefore];
