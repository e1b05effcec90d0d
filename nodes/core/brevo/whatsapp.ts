import type { BrevoClient } from './client';
import { sendWhatsappSchema } from './responses';
import type { WhatsappMessageBody } from './sdk-types';
import { isPlainObject, isValidPhone, phoneDigits, Problems } from './validation';

export interface WhatsappTemplateInput {
	/** The WhatsApp Business number registered in Brevo, with its country code. */
	senderNumber: string;
	contactNumbers: string[];
	/** A WhatsApp template approved in Brevo (the first message to a contact must use one). */
	templateId: number;
	params?: Record<string, unknown>;
}

const HINT = 'Correct the WhatsApp fields named and run again.';

/** Numbers go as digits with the country code, the way Brevo's reference writes them (919876543210). */
export function buildWhatsappTemplate(input: WhatsappTemplateInput): WhatsappMessageBody {
	const problems = new Problems();
	if (!isValidPhone(input.senderNumber ?? '')) problems.add('senderNumber', `"${input.senderNumber ?? ''}" is not a phone number with its country code`);
	const numbers = (input.contactNumbers ?? []).map((n) => n.trim()).filter((n) => n !== '');
	if (numbers.length === 0) problems.add('contactNumbers', 'at least one recipient number is required');
	numbers.forEach((n, i) => {
		if (!isValidPhone(n)) problems.add(`contactNumbers[${i}]`, `"${n}" is not a phone number with its country code (e.g. +33612345678)`);
	});
	if (Number.isNaN(input.templateId)) problems.add('templateId', 'is required: give the ID of an approved WhatsApp template');
	else if (!Number.isInteger(input.templateId) || input.templateId <= 0) problems.add('templateId', `"${String(input.templateId)}" is not a WhatsApp template ID (a positive whole number)`);
	if (input.params !== undefined && !isPlainObject(input.params)) problems.add('params', 'should be an object of parameter names and values');
	problems.throwIfAny('The WhatsApp message cannot be sent to Brevo:', HINT);

	const body: WhatsappMessageBody = { senderNumber: phoneDigits(input.senderNumber), contactNumbers: numbers.map(phoneDigits), templateId: input.templateId };
	if (input.params && Object.keys(input.params).length) body.params = input.params;
	return body;
}

/** POST /whatsapp/sendMessage. Not repeated after a timeout or 5xx: that could send it twice. */
export async function sendWhatsapp(client: BrevoClient, body: WhatsappMessageBody): Promise<{ messageId: string }> {
	const answer = await client.sendFor(
		{
			method: 'POST',
			path: '/whatsapp/sendMessage',
			body,
			action: `send a WhatsApp message to ${body.contactNumbers.join(', ')}`,
			hints: { invalid: 'Check that the sender number is your WhatsApp Business number in Brevo and that the template ID exists and is approved.' },
		},
		sendWhatsappSchema,
	);
	return { messageId: answer.messageId };
}
