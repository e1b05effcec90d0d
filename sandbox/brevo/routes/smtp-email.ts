import type { Router, SandboxRequest, SandboxResponse } from '../../http/router';
import { findContact } from '../contacts/contact-lookup';
import type { BrevoContext } from '../context';
import { badRequest } from '../errors';
import { validateEmail, type ValidEmail } from '../messages/email-validation';
import { smtpMessageId } from '../messages/message-ids';
import type { EmailRecord } from '../model';
import { objectBody } from '../request-checks';

/** Brevo: "The TTL for idempotencyKey is 30 minutes" (developers.brevo.com, idempotency guide). */
export const IDEMPOTENCY_TTL_MS = 30 * 60 * 1000;

/** POST /smtp/email: 201 `{messageId}`, 202 when `scheduledAt` is set. */
export function registerSmtpEmailRoutes(router: Router, ctx: BrevoContext): void {
	router.post('/v3/smtp/email', (req) => sendEmail(ctx, req));
}

function sendEmail(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	const email = validateEmail(objectBody(req));
	if (email.templateId !== undefined) {
		const template = ctx.state.templates.get(email.templateId);
		if (!template) badRequest('invalid_parameter', `Template ID ${email.templateId} does not exist`);
		if (!template!.isActive) badRequest('invalid_parameter', `Template ID ${email.templateId} is inactive`);
	}
	claimIdempotencyKey(ctx, email.idempotencyKey);

	const at = ctx.clock.now();
	const seq = ctx.state.nextSeq();
	const messageId = smtpMessageId(at, seq);
	const messageIds = email.messageVersions?.map((_v, i) => smtpMessageId(at, seq * 1000 + i + 1));
	const record: EmailRecord = {
		seq,
		receivedAt: at.toISOString(),
		messageId,
		...(messageIds ? { messageIds } : {}),
		...stripUndefined(email),
		to: email.to,
		blockedRecipients: blockedRecipients(ctx, email),
	};
	ctx.state.emailLog.push(record);

	if (email.scheduledAt) {
		return { status: 202, body: { messageId, ...(messageIds ? { messageIds, batchId: email.batchId ?? `sandbox-batch-${seq}` } : {}) } };
	}
	return { status: 201, body: messageIds ? { messageId, messageIds } : { messageId } };
}

/** A key reused within 30 minutes is refused with `duplicate_parameter` and nothing is sent. */
function claimIdempotencyKey(ctx: BrevoContext, key: string | undefined): void {
	if (key === undefined) return;
	const now = ctx.clock.nowMs();
	const firstUse = ctx.state.idempotencyKeys.get(key);
	if (firstUse !== undefined && now - firstUse < IDEMPOTENCY_TTL_MS) {
		badRequest('duplicate_parameter', `idempotencyKey ${key} has already been used in the last 30 minutes`);
	}
	ctx.state.idempotencyKeys.set(key, now);
}

/** Recipients Brevo would block: email-blacklisted contacts, or contacts that blocked this sender. */
function blockedRecipients(ctx: BrevoContext, email: ValidEmail): string[] {
	const addresses = [...email.to, ...(email.cc ?? []), ...(email.bcc ?? [])].map((r) => r.email);
	for (const version of email.messageVersions ?? []) {
		for (const r of (version.to as Array<{ email: string }>) ?? []) addresses.push(r.email);
	}
	return addresses.filter((address) => {
		const contact = findContact(ctx.state, 'email_id', address);
		if (!contact) return false;
		return contact.emailBlacklisted || (email.sender?.email !== undefined && contact.smtpBlacklistSender.includes(email.sender.email));
	});
}

function stripUndefined(email: ValidEmail): Partial<EmailRecord> {
	const { idempotencyKey: _key, batchId: _batch, ...rest } = email;
	return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as Partial<EmailRecord>;
}
