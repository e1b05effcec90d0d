import type { Router, SandboxRequest, SandboxResponse } from '../../http/router';
import { findContact } from '../contacts/contact-lookup';
import { isValidPhone } from '../contacts/phone-numbers';
import type { BrevoContext } from '../context';
import { badRequest, fail } from '../errors';
import { smsMessageId, smsReference } from '../messages/message-ids';
import type { SmsRecord } from '../model';
import { objectBody, optionalBoolean, optionalString, requiredString } from '../request-checks';

/**
 * POST /transactionalSMS/sms (synchronous: reference, credits) and POST /transactionalSMS/send
 * (asynchronous, 2025 API: `{messageId}` only). Both take sendTransacSms and spend SMS credits;
 * 402 `not_enough_credits` once the account's credits run out.
 */
export function registerTransactionalSmsRoutes(router: Router, ctx: BrevoContext): void {
	router.post('/v3/transactionalSMS/sms', (req) => sendSms(ctx, req, 'sms'));
	router.post('/v3/transactionalSMS/send', (req) => sendSms(ctx, req, 'send'));
}

/** One credit per SMS part. */
const CREDITS_PER_PART = 1;

function sendSms(ctx: BrevoContext, req: SandboxRequest, endpoint: SmsRecord['endpoint']): SandboxResponse {
	const body = objectBody(req);
	const sender = requiredString(body, 'sender');
	// "limited to 11 for alphanumeric characters and 15 for numeric characters"
	if (!(/^\d{1,15}$/.test(sender) || /^[A-Za-z0-9 ]{1,11}$/.test(sender))) {
		badRequest('invalid_parameter', 'sender is invalid: at most 11 alphanumeric or 15 numeric characters');
	}
	const recipient = requiredString(body, 'recipient');
	if (!isValidPhone(recipient)) badRequest('invalid_parameter', 'recipient is not a valid mobile number (country code required)');
	const content = requiredString(body, 'content');
	const type = optionalString(body, 'type') ?? 'transactional';
	if (type !== 'transactional' && type !== 'marketing') badRequest('invalid_parameter', 'type should be transactional or marketing');
	const tag = body.tag;
	if (tag !== undefined && typeof tag !== 'string' && !(Array.isArray(tag) && tag.every((t) => typeof t === 'string'))) {
		badRequest('invalid_parameter', 'tag should be a string or an array of strings');
	}
	const unicode = optionalBoolean(body, 'unicodeEnabled') ?? false;
	const prefix = optionalString(body, 'organisationPrefix') ?? '';
	optionalString(body, 'webUrl');

	const smsCount = countParts(`${prefix}${content}`, unicode);
	const cost = smsCount * CREDITS_PER_PART;
	if (ctx.state.account.smsCredits < cost) fail(402, 'not_enough_credits', "You don't have enough credit to send your SMS. Please update your plan");
	ctx.state.account.smsCredits -= cost;

	const at = ctx.clock.now();
	const seq = ctx.state.nextSeq();
	const messageId = smsMessageId(at, seq);
	const reference = endpoint === 'sms' ? smsReference() : undefined;
	const contact = findContact(ctx.state, 'phone_id', recipient);
	ctx.state.smsLog.push({
		seq,
		receivedAt: at.toISOString(),
		endpoint,
		messageId,
		...(reference ? { reference } : {}),
		sender,
		recipient,
		content,
		type,
		...(tag !== undefined ? { tag } : {}),
		smsCount,
		blocked: contact?.smsBlacklisted ?? false,
	});
	if (endpoint === 'send') return { status: 201, body: { messageId } };
	return {
		status: 201,
		body: { reference, messageId, smsCount, usedCredits: cost, remainingCredits: ctx.state.account.smsCredits },
	};
}

/** GSM-7: 160 characters in one SMS, 153 per part beyond; Unicode: 70, then 67 per part. */
function countParts(text: string, unicodeEnabled: boolean): number {
	const unicode = unicodeEnabled || /[^\x20-\x7E\n\r£¥èéùìòÇØøÅå_ÆæßÉÄÖÑÜ§¿äöñüà€]/.test(text);
	const single = unicode ? 70 : 160;
	const part = unicode ? 67 : 153;
	return text.length <= single ? 1 : Math.ceil(text.length / part);
}
