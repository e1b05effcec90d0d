import type { BrevoClient } from './client';
import { sendSmsSchema } from './responses';
import type { TransactionalSmsBody } from './sdk-types';
import { compact, compactPhone, isValidPhone, Problems } from './validation';

export interface SmsInput {
	/** Alphanumeric name (at most 11 letters and digits) or a number (at most 15 digits). */
	sender: string;
	recipient: string;
	content: string;
	type?: 'transactional' | 'marketing';
	tag?: string;
	unicodeEnabled?: boolean;
	organisationPrefix?: string;
}

export interface SmsResult {
	messageId: number | string;
	reference?: string;
	smsCount?: number;
	usedCredits?: number;
	remainingCredits?: number;
}

const HINT = 'Correct the SMS fields named and run again.';

/**
 * Brevo: "The number of characters is limited to 11 for alphanumeric characters and 15 for
 * numeric characters. Alphanumeric sender names … must contain only letters and digits."
 */
export function isValidSmsSender(sender: string): boolean {
	return /^[A-Za-z0-9]{1,11}$/.test(sender) || /^\d{1,15}$/.test(sender);
}

export function buildSms(input: SmsInput): TransactionalSmsBody {
	const problems = new Problems();
	const sender = input.sender?.trim() ?? '';
	if (!isValidSmsSender(sender)) problems.add('sender', `"${sender}" is not a valid SMS sender: up to 11 letters and digits (no spaces), or a number of up to 15 digits`);
	const recipient = input.recipient?.trim() ?? '';
	if (!isValidPhone(recipient)) problems.add('recipient', `"${recipient}" is not a mobile number with its country code (6 to 15 digits, e.g. +33612345678)`);
	if (!input.content?.trim()) problems.add('content', 'the message text is required');
	problems.throwIfAny('The SMS cannot be sent to Brevo:', HINT);
	return compact({
		sender,
		recipient: compactPhone(recipient),
		content: input.content,
		type: input.type ?? 'transactional',
		tag: input.tag?.trim() || undefined,
		unicodeEnabled: input.unicodeEnabled,
		organisationPrefix: input.organisationPrefix?.trim() || undefined,
	});
}

/** POST /transactionalSMS/sms. Never repeated after a timeout or 5xx: that could send the SMS twice. */
export async function sendSms(client: BrevoClient, body: TransactionalSmsBody): Promise<SmsResult> {
	const answer = await client.sendFor(
		{
			method: 'POST',
			path: '/transactionalSMS/sms',
			body,
			action: `send an SMS to ${body.recipient}`,
			hints: { invalid: 'Check the sender name (registered in Brevo for some countries) and the recipient number.' },
		},
		sendSmsSchema,
	);
	return compact({ messageId: answer.messageId, reference: answer.reference, smsCount: answer.smsCount, usedCredits: answer.usedCredits, remainingCredits: answer.remainingCredits });
}
