import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { consentOf, findContact, type BrevoClient, type ContactIdentifier } from '../../core/brevo';

export type Channel = 'sms' | 'whatsapp';

const LABEL: Record<Channel, string> = { sms: 'SMS', whatsapp: 'WhatsApp' };

export interface ConsentDecision {
	send: boolean;
	/** Why nothing was sent, in words for the flow's output. */
	reason?: string;
	consent: IDataObject;
}

/**
 * Looks the recipient up in Brevo before a message goes out. A contact blacklisted for the
 * channel is skipped; a number Brevo does not know is sent to, or skipped, as the user chose.
 */
export async function checkConsent(client: BrevoClient, identifier: ContactIdentifier, channel: Channel, unknownContacts: 'send' | 'skip'): Promise<ConsentDecision> {
	const contact = await findContact(client, identifier);
	const consent = consentOf(contact, { unknownContacts: unknownContacts === 'send' ? 'reachable' : 'unreachable' });
	const summary: IDataObject = { found: consent.found, smsBlacklisted: consent.smsBlacklisted, whatsappBlacklisted: consent.whatsappBlacklisted };
	if (!consent.found) {
		return unknownContacts === 'send'
			? { send: true, consent: summary }
			: { send: false, consent: summary, reason: `No Brevo contact has the number ${identifier.value}, and unknown contacts are set to be skipped, so no ${LABEL[channel]} was sent.` };
	}
	const blacklisted = channel === 'sms' ? consent.smsBlacklisted : consent.whatsappBlacklisted;
	if (blacklisted) {
		return { send: false, consent: summary, reason: `The contact ${identifier.value} has opted out of ${LABEL[channel]} in Brevo (${channel}Blacklisted), so no ${LABEL[channel]} was sent.` };
	}
	return { send: true, consent: summary };
}

/** "Skip Contacts Who Opted Out" and "Unknown Numbers" for a channel's send operation. */
export function consentProperties(show: Record<string, string[]>, channel: Channel): INodeProperties[] {
	const label = LABEL[channel];
	return [
		{
			displayName: `Skip Contacts Who Opted Out of ${label}`,
			name: 'checkConsent',
			type: 'boolean',
			displayOptions: { show },
			default: true,
			description: `Whether to look the recipient up in Brevo first and send nothing to a contact blacklisted for ${label}; the output then says skipped: true and why`,
		},
		{
			displayName: 'Unknown Numbers',
			name: 'unknownContacts',
			type: 'options',
			displayOptions: { show: { ...show, checkConsent: [true] } },
			options: [
				{ name: 'Send', value: 'send', description: 'No opt-out is on record for a number Brevo does not know' },
				{ name: 'Skip', value: 'skip', description: 'Send only to numbers of known contacts' },
			],
			default: 'send',
			description: 'What to do when no Brevo contact has the recipient’s number',
		},
	];
}
