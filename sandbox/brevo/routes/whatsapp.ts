import type { Router, SandboxRequest, SandboxResponse } from '../../http/router';
import { findContact } from '../contacts/contact-lookup';
import { isValidPhone } from '../contacts/phone-numbers';
import type { BrevoContext } from '../context';
import { badRequest } from '../errors';
import { whatsappMessageId } from '../messages/message-ids';
import { objectBody, optionalInteger, optionalObject, optionalString, requiredString } from '../request-checks';

/**
 * POST /whatsapp/sendMessage: a template message (`templateId`, `params`) or a text message
 * (`text`), to `contactNumbers` from `senderNumber`; 201 `{messageId}` (UUID).
 */
export function registerWhatsappRoutes(router: Router, ctx: BrevoContext): void {
	router.post('/v3/whatsapp/sendMessage', (req) => sendMessage(ctx, req));
}

function sendMessage(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const body = objectBody(req);
	const senderNumber = requiredString(body, 'senderNumber');
	if (!isValidPhone(senderNumber)) badRequest('invalid_parameter', 'senderNumber is not a valid WhatsApp number (country code required)');
	const numbers = body.contactNumbers;
	if (numbers === undefined) badRequest('missing_parameter', 'contactNumbers is missing');
	if (!Array.isArray(numbers) || numbers.length === 0 || !numbers.every((n) => typeof n === 'string')) {
		badRequest('invalid_parameter', 'contactNumbers should be a non-empty array of phone numbers');
	}
	const contactNumbers = numbers as string[];
	const invalid = contactNumbers.find((n) => !isValidPhone(n));
	if (invalid !== undefined) badRequest('invalid_parameter', `${invalid} is not a valid WhatsApp number (country code required)`);
	const templateId = optionalInteger(body, 'templateId');
	const text = optionalString(body, 'text');
	if (templateId === undefined && (text === undefined || text === '')) badRequest('missing_parameter', 'templateId or text is required');
	const params = optionalObject(body, 'params');

	const messageId = whatsappMessageId();
	ctx.state.whatsappLog.push({
		seq: ctx.state.nextSeq(),
		receivedAt: ctx.now(),
		messageId,
		senderNumber,
		contactNumbers: [...contactNumbers],
		// "text ... will be overridden if templateId is passed in the same request"
		...(templateId !== undefined ? { templateId, ...(params ? { params } : {}) } : { text }),
		blockedNumbers: contactNumbers.filter((n) => findContact(ctx.state, 'whatsapp_id', n)?.whatsappBlacklisted === true),
	});
	return { status: 201, body: { messageId } };
}
