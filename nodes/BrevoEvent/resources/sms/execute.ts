import type { IDataObject } from 'n8n-workflow';
import { buildSms, compactPhone, sendSms } from '../../../core/brevo';
import { checkConsent } from '../../shared/consent-check';
import { optionalText, optionsOf, text } from '../../shared/params';
import type { ResourceOperations } from '../../shared/types';

export const smsOperations: ResourceOperations = {
	send: {
		kind: 'item',
		run: async ({ ctx, client }, i) => {
			const options = optionsOf(ctx, 'options', i);
			// Built (and checked) first, so that an invalid number fails before any lookup.
			const body = buildSms({
				sender: text(ctx, 'sender', i),
				recipient: text(ctx, 'recipient', i),
				content: ctx.getNodeParameter('content', i, '') as string,
				type: (options.type as 'transactional' | 'marketing' | undefined) ?? 'transactional',
				tag: optionalText(options.tag),
				unicodeEnabled: options.unicodeEnabled as boolean | undefined,
				organisationPrefix: optionalText(options.organisationPrefix),
			});
			let consent: IDataObject | undefined;
			if (ctx.getNodeParameter('checkConsent', i, true)) {
				const decision = await checkConsent(client, { kind: 'phone_id', value: compactPhone(body.recipient) }, 'sms', ctx.getNodeParameter('unknownContacts', i, 'send') as 'send' | 'skip');
				if (!decision.send) return { sent: false, skipped: true, reason: decision.reason ?? null, recipient: body.recipient, consent: decision.consent };
				consent = decision.consent;
			}
			const result = await sendSms(client, body);
			return { sent: true, recipient: body.recipient, ...result, ...(consent ? { consent } : {}) } as IDataObject;
		},
	},
};
