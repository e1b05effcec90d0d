import { badRequest } from '../errors';
import type { EmailRecipient } from '../model';
import { isRecord, isValidEmail, optionalInteger, optionalObject, optionalString, optionalStringArray } from '../request-checks';

/** A POST /smtp/email body that passed Brevo's rules. */
export interface ValidEmail {
	templateId?: number;
	params?: Record<string, unknown>;
	sender?: { name?: string; email?: string; id?: number };
	to: EmailRecipient[];
	cc?: EmailRecipient[];
	bcc?: EmailRecipient[];
	replyTo?: EmailRecipient;
	subject?: string;
	htmlContent?: string;
	textContent?: string;
	tags?: string[];
	headers?: Record<string, unknown>;
	messageVersions?: Array<Record<string, unknown>>;
	scheduledAt?: string;
	batchId?: string;
	idempotencyKey?: string;
}

/**
 * sendSmtpEmail rules: without `templateId`, `sender`, `subject` and `htmlContent` or
 * `textContent` are mandatory; `to` is mandatory unless `messageVersions` is passed; every address
 * must be valid ("email is not valid in to").
 */
export function validateEmail(body: Record<string, unknown>): ValidEmail {
	const templateId = optionalInteger(body, 'templateId');
	const messageVersions = readVersions(body.messageVersions);
	const email: ValidEmail = {
		templateId,
		params: optionalObject(body, 'params'),
		sender: readSender(body.sender, templateId === undefined),
		to: messageVersions ? [] : readRecipients(body.to, 'to', true),
		cc: readRecipients(body.cc, 'cc', false),
		bcc: readRecipients(body.bcc, 'bcc', false),
		replyTo: readReplyTo(body.replyTo),
		subject: optionalString(body, 'subject'),
		htmlContent: optionalString(body, 'htmlContent'),
		textContent: optionalString(body, 'textContent'),
		tags: optionalStringArray(body, 'tags'),
		headers: optionalObject(body, 'headers'),
		messageVersions,
		batchId: optionalString(body, 'batchId'),
	};
	if (templateId === undefined) {
		if (!email.subject) badRequest('missing_parameter', 'subject is missing');
		if (!email.htmlContent && !email.textContent) badRequest('missing_parameter', 'htmlContent or textContent is missing');
	}
	const scheduledAt = optionalString(body, 'scheduledAt');
	if (scheduledAt !== undefined) {
		if (Number.isNaN(Date.parse(scheduledAt))) badRequest('invalid_parameter', 'scheduledAt should be a valid date-time (YYYY-MM-DDTHH:mm:ss.SSSZ)');
		email.scheduledAt = scheduledAt;
	}
	email.idempotencyKey = idempotencyKey(email.headers);
	return email;
}

function readSender(raw: unknown, required: boolean): ValidEmail['sender'] {
	if (raw === undefined || raw === null) {
		if (required) badRequest('missing_parameter', 'sender is missing');
		return undefined;
	}
	if (!isRecord(raw)) badRequest('invalid_parameter', 'sender should be an object with email or id');
	const sender = raw as Record<string, unknown>;
	if (sender.id !== undefined) {
		if (!Number.isInteger(sender.id)) badRequest('invalid_parameter', 'sender id should be an integer');
		return { id: sender.id as number };
	}
	if (typeof sender.email !== 'string' || !isValidEmail(sender.email)) badRequest('invalid_parameter', 'valid sender email required');
	if (sender.name !== undefined && (typeof sender.name !== 'string' || sender.name.length > 70)) badRequest('invalid_parameter', 'sender name should be a string of at most 70 characters');
	return { email: sender.email as string, ...(sender.name !== undefined ? { name: sender.name as string } : {}) };
}

function readRecipients(raw: unknown, field: string, required: boolean): EmailRecipient[] {
	if (raw === undefined || raw === null) {
		if (required) badRequest('missing_parameter', `${field} is missing`);
		return [];
	}
	if (!Array.isArray(raw) || (required && raw.length === 0)) badRequest('invalid_parameter', `${field} should be a non-empty array of {email, name}`);
	return (raw as unknown[]).map((item) => {
		if (!isRecord(item) || typeof item.email !== 'string' || !isValidEmail(item.email)) badRequest('invalid_parameter', `email is not valid in ${field}`);
		const recipient = item as { email: string; name?: unknown };
		if (recipient.name !== undefined && typeof recipient.name !== 'string') badRequest('invalid_parameter', `name should be a string in ${field}`);
		return { email: recipient.email, ...(typeof recipient.name === 'string' ? { name: recipient.name } : {}) };
	});
}

function readReplyTo(raw: unknown): EmailRecipient | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (!isRecord(raw) || typeof raw.email !== 'string' || !isValidEmail(raw.email)) badRequest('invalid_parameter', 'email is not valid in replyTo');
	const reply = raw as { email: string; name?: unknown };
	return { email: reply.email, ...(typeof reply.name === 'string' ? { name: reply.name } : {}) };
}

function readVersions(raw: unknown): Array<Record<string, unknown>> | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (!Array.isArray(raw) || raw.length === 0) badRequest('invalid_parameter', 'messageVersions should be a non-empty array');
	const versions = raw as unknown[];
	for (const version of versions) {
		if (!isRecord(version)) badRequest('invalid_parameter', 'each messageVersions item should be an object');
		const recipients = readRecipients((version as Record<string, unknown>).to, 'messageVersions.to', true);
		if (recipients.length > 99) badRequest('out_of_range', 'A message version can have at most 99 recipients');
	}
	return versions as Array<Record<string, unknown>>;
}

/** Brevo reads the key from the body's `headers.idempotencyKey` (header names are case-normalised). */
function idempotencyKey(headers: Record<string, unknown> | undefined): string | undefined {
	if (!headers) return undefined;
	const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'idempotencykey');
	return entry && entry[1] !== undefined && entry[1] !== null && entry[1] !== '' ? String(entry[1]) : undefined;
}
