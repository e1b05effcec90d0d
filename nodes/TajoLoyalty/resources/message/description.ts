import type { INodeProperties } from 'n8n-workflow';
import { additionalFields, storeHashField } from '../../shared/fields';
import { scheduleDescription } from './schedule-description';

const show = (...operation: string[]) => ({ resource: ['message'], operation });

export const messageOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [
		{
			name: 'Claim',
			value: 'claim',
			description:
				'Before sending: take the send for this key, so that no other execution sends it too. Items whose send was already sent, or is being sent by another execution, are dropped (or marked).',
			action: 'Claim a message before sending it',
		},
		{
			name: 'Get Due',
			value: 'getDue',
			description:
				'Scheduled messages whose time has come and that nobody sent or is sending: one item each with key and payload, earliest first. Claim each under its key before sending it.',
			action: 'Get scheduled messages that are due',
		},
		{
			name: 'Mark Sent',
			value: 'markSent',
			description: 'After sending: record that the message for this key went out, so that it is never sent again',
			action: 'Mark a message as sent',
		},
		{
			name: 'Prune Sent',
			value: 'pruneSent',
			description:
				'Housekeeping: delete the scheduled messages that were sent and were due before a given time, so that the schedule stays small and Get Due stays fast. They stay recorded as sent, so none is sent again.',
			action: 'Delete scheduled messages already sent',
		},
		{
			name: 'Release',
			value: 'release',
			description: 'After a failed send: give the claim up, so that the next execution can send the message at once',
			action: 'Release a message claim',
		},
		{
			name: 'Schedule',
			value: 'schedule',
			description:
				'When a message will be sent later (after a Wait): record its key, due time and data, so that a later run (Reconciliation) can send it if the waiting execution is lost',
			action: 'Schedule a message for later',
		},
	],
	default: 'claim',
};

export const messageStoreHash = storeHashField(show('claim', 'markSent', 'release', 'schedule', 'getDue', 'pruneSent'));

export const messageKey: INodeProperties = {
	displayName: 'Send Key',
	name: 'key',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. order:1043:review_request',
	description:
		'Names the message (or other side effect) to send once per store. Build it from what makes it unique: the order ID for a review request (order:1043:review_request), the order and shipment IDs for a shipping notice (order:1043:shipment:7:order_shipped). Schedule, Claim, Mark Sent and Release of one message use the same key.',
	hint: 'Up to 300 characters. Another workflow that uses the same key shares its sends with this one',
	displayOptions: { show: show('claim', 'markSent', 'release', 'schedule') },
};

export const messageLease: INodeProperties = {
	displayName: 'Lease (Minutes)',
	name: 'leaseMinutes',
	type: 'number',
	typeOptions: { minValue: 0.02, numberPrecision: 2 },
	default: 10,
	description:
		'How long the claim holds while the message is sent. If the execution stops before Mark Sent (n8n or a worker restarted), another execution may claim and send the message once this time has passed, so it is not lost. Keep it well above how long sending takes.',
	displayOptions: { show: show('claim') },
};

export const messageOutput: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{
			name: 'Claimed Items Only',
			value: 'claimed',
			description: 'Items whose claim succeeded go on; the rest are dropped (like Remove Duplicates)',
		},
		{
			name: 'All Items',
			value: 'all',
			description: 'Every item goes on, with claim.claimed true or false and claim.status, e.g. to branch with an If node',
		},
	],
	default: 'claimed',
	description: 'Which items the node outputs. Each output item is the input item with a claim object added (key, claimed, status, attempts, leaseUntil).',
	displayOptions: { show: show('claim') },
};

export const messageSentOptions = additionalFields(show('markSent'), 'More about the message that was sent', [
	{
		displayName: 'Details (JSON)',
		name: 'detail',
		type: 'json',
		default: '{}',
		description: "Kept with the send for tracing, e.g. an object with the messageId from Brevo's answer",
	},
]);

export const messageDescription: INodeProperties[] = [messageOperation, messageStoreHash, messageKey, messageLease, messageOutput, messageSentOptions, ...scheduleDescription];
