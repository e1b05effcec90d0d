import type { IDataObject } from 'n8n-workflow';
import { buildWhatsappTemplate, compactPhone, sendWhatsapp, toNumber } from '../../../core/brevo';
import { checkConsent } from '../../shared/consent-check';
import { keyValues, text } from '../../shared/params';
import type { ResourceOperations } from '../../shared/types';

export const whatsappOperations: ResourceOperations = {
	sendTemplate: {
		kind: 'item',
		run: async ({ ctx, client }, i) => {
			const recipient = text(ctx, 'contactNumber', i);
			const templateId = toNumber(ctx.getNodeParameter('templateId', i)) ?? Number.NaN;
			const body = buildWhatsappTemplate({
				senderNumber: text(ctx, 'senderNumber', i),
				contactNumbers: [recipient],
				templateId,
				params: keyValues(ctx, 'params', i, 'Template Parameters'),
			});
			let consent: IDataObject | undefined;
			if (ctx.getNodeParameter('checkConsent', i, true)) {
				const decision = await checkConsent(client, { kind: 'whatsapp_id', value: compactPhone(recipient) }, 'whatsapp', ctx.getNodeParameter('unknownContacts', i, 'send') as 'send' | 'skip');
				if (!decision.send) return { sent: false, skipped: true, reason: decision.reason ?? null, recipient, consent: decision.consent };
				consent = decision.consent;
			}
			const result = await sendWhatsapp(client, body);
			return { sent: true, recipient, templateId, ...result, ...(consent ? { consent } : {}) } as IDataObject;
		},
	},
};
