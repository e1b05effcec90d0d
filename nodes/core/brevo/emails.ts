import type { BrevoClient } from './client';
import { isBrevoApiError } from './api-error';
import { stableUuid } from './idempotency';
import { sendEmailSchema } from './responses';
import type { TransactionalEmailBody } from './sdk-types';
import { compact, isPlainObject, isValidEmail, Problems } from './validation';

export interface Recipient {
	email: string;
	name?: string;
}

export interface TemplateEmailInput {
	templateId: number;
	to: Recipient[];
	/** Template parameters, `{{ params.orderId }}` in the template. */
	params?: Record<string, unknown>;
	tags?: string[];
	replyTo?: Recipient;
	cc?: Recipient[];
	bcc?: Recipient[];
	/** A UUID (see `idempotency.ts`); `undefined` sends without one. */
	idempotencyKey?: string;
}

export type TemplateEmailResult =
	| { sent: true; messageId?: string; idempotencyKey?: string }
	/** Brevo already accepted an email with this key within 30 minutes: nothing was sent again. */
	| { sent: false; duplicate: true; idempotencyKey: string };

const HINT = 'Correct the email fields named and run again.';
/** Brevo: "Maximum length is 70 characters" for display names. */
const MAX_NAME = 70;

/**
 * The default idempotency key: the same template, recipients and parameters give the same key,
 * so re-running a failed execution does not send the same email twice (within Brevo's 30 minutes).
 */
export function defaultIdempotencyKey(input: Pick<TemplateEmailInput, 'templateId' | 'to' | 'cc' | 'bcc' | 'params'>): string {
	const addresses = (list?: Recipient[]) => (list ?? []).map((r) => r.email.trim().toLowerCase()).sort();
	return stableUuid({ templateId: input.templateId, to: addresses(input.to), cc: addresses(input.cc), bcc: addresses(input.bcc), params: input.params ?? {} });
}

export function buildTemplateEmail(input: TemplateEmailInput): TransactionalEmailBody {
	const problems = new Problems();
	if (Number.isNaN(input.templateId)) problems.add('templateId', 'is required: choose a template, or give its ID');
	else if (!Number.isInteger(input.templateId) || input.templateId <= 0) problems.add('templateId', `"${String(input.templateId)}" is not a Brevo template ID (a positive whole number)`);
	if (!input.to?.length) problems.add('to', 'at least one recipient email address is required');
	const checkList = (field: string, list: Recipient[] | undefined) =>
		(list ?? []).forEach((r, i) => {
			if (!isValidEmail(r.email?.trim() ?? '')) problems.add(`${field}[${i}].email`, `"${r.email ?? ''}" is not a valid email address`);
			if (r.name !== undefined && r.name.length > MAX_NAME) problems.add(`${field}[${i}].name`, `is longer than ${MAX_NAME} characters`);
		});
	checkList('to', input.to);
	checkList('cc', input.cc);
	checkList('bcc', input.bcc);
	if (input.replyTo) checkList('replyTo', [input.replyTo]);
	if (input.params !== undefined && !isPlainObject(input.params)) problems.add('params', 'should be an object of parameter names and values');
	const tags = (input.tags ?? []).map((t) => t.trim()).filter((t) => t !== '');
	problems.throwIfAny('The email cannot be sent to Brevo:', HINT);

	const recipient = (r: Recipient) => compact({ email: r.email.trim(), name: r.name?.trim() || undefined });
	return compact({
		templateId: input.templateId,
		to: input.to.map(recipient),
		cc: input.cc?.length ? input.cc.map(recipient) : undefined,
		bcc: input.bcc?.length ? input.bcc.map(recipient) : undefined,
		replyTo: input.replyTo ? recipient(input.replyTo) : undefined,
		params: input.params && Object.keys(input.params).length ? input.params : undefined,
		tags: tags.length ? tags : undefined,
		headers: input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : undefined,
	});
}

/**
 * POST /smtp/email. With an idempotency key the call is repeatable (5xx and timeouts are retried:
 * Brevo processes the key once), and Brevo's refusal of a key it has already seen means the email
 * went out before — reported as `duplicate`, not as an error.
 */
export async function sendTemplateEmail(client: BrevoClient, body: TransactionalEmailBody): Promise<TemplateEmailResult> {
	const key = typeof body.headers?.idempotencyKey === 'string' ? body.headers.idempotencyKey : undefined;
	try {
		const answer = await client.sendFor(
			{
				method: 'POST',
				path: '/smtp/email',
				body,
				action: `send email template ${body.templateId} to ${(body.to ?? []).map((r) => r.email).join(', ')}`,
				repeatable: key !== undefined,
				hints: { invalid: 'Check that the template exists and is active in Brevo (Campaigns → Templates), and the recipient addresses.' },
			},
			sendEmailSchema,
		);
		return compact({ sent: true as const, messageId: answer.messageId ?? answer.messageIds?.[0], idempotencyKey: key });
	} catch (error) {
		if (key !== undefined && isBrevoApiError(error) && error.failure === 'duplicate') return { sent: false, duplicate: true, idempotencyKey: key };
		throw error;
	}
}
