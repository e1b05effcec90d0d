import { buildTemplateEmail, defaultIdempotencyKey, idempotencyKeyFrom, sendTemplateEmail, toNumber, type Recipient, type TemplateEmailInput } from '../../../core/brevo';
import { keyValues, list, optionalText, optionsOf, text } from '../../shared/params';
import type { ResourceOperations } from '../../shared/types';

export const emailOperations: ResourceOperations = {
	sendTemplate: {
		kind: 'item',
		run: async ({ ctx, client }, i) => {
			const options = optionsOf(ctx, 'options', i);
			const recipients = (value: unknown): Recipient[] => list(value).map((email) => ({ email }));
			const replyTo = optionalText(options.replyToEmail);
			const input: TemplateEmailInput = {
				templateId: toNumber(ctx.getNodeParameter('templateId', i)) ?? Number.NaN,
				to: [{ email: text(ctx, 'toEmail', i), name: text(ctx, 'toName', i) || undefined }],
				params: keyValues(ctx, 'params', i, 'Template Parameters'),
				tags: list(ctx.getNodeParameter('tags', i, '')),
				cc: recipients(options.cc),
				bcc: recipients(options.bcc),
				replyTo: replyTo ? { email: replyTo } : undefined,
			};
			const mode = ctx.getNodeParameter('idempotency', i, 'auto') as string;
			if (mode === 'auto') input.idempotencyKey = defaultIdempotencyKey(input);
			else if (mode === 'custom' && text(ctx, 'idempotencyKey', i)) input.idempotencyKey = idempotencyKeyFrom(text(ctx, 'idempotencyKey', i));

			const result = await sendTemplateEmail(client, buildTemplateEmail(input));
			const common = { templateId: input.templateId, to: input.to[0].email };
			if (!result.sent) {
				return {
					...common,
					...result,
					note: 'Brevo already accepted this email (same idempotency key) within the last 30 minutes, so it was not sent again.',
				};
			}
			return { ...common, ...result };
		},
	},
};
