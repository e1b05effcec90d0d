import type { AttributeValue, ContactRecord } from '../model';

/** getContactDetails, plus the newer `whatsappBlacklisted`. */
export interface ContactDetails {
	email?: string;
	id: number;
	emailBlacklisted: boolean;
	smsBlacklisted: boolean;
	whatsappBlacklisted: boolean;
	createdAt: string;
	modifiedAt: string;
	listIds: number[];
	listUnsubscribed: number[];
	attributes: Record<string, AttributeValue>;
}

/** A contact as GET /contacts and GET /contacts/lists/{id}/contacts list it (getContactDetails). */
export function contactDetails(contact: ContactRecord): ContactDetails {
	return {
		...(contact.email !== undefined ? { email: contact.email } : {}),
		id: contact.id,
		emailBlacklisted: contact.emailBlacklisted,
		smsBlacklisted: contact.smsBlacklisted,
		// Newer field (2025+ API, SDK v6); absent from the 2025-02 spec copy.
		whatsappBlacklisted: contact.whatsappBlacklisted,
		createdAt: contact.createdAt,
		modifiedAt: contact.modifiedAt,
		listIds: [...contact.listIds],
		listUnsubscribed: [...contact.listUnsubscribed],
		attributes: { ...contact.attributes },
	};
}

/**
 * GET /contacts/{identifier} adds campaign statistics (getExtendedContactDetails). The emulator
 * sends no campaigns, so every statistic list is empty.
 */
export function extendedContactDetails(contact: ContactRecord): ContactDetails & { statistics: Record<string, unknown> } {
	return {
		...contactDetails(contact),
		statistics: {
			messagesSent: [],
			hardBounces: [],
			softBounces: [],
			complaints: [],
			unsubscriptions: { userUnsubscription: [], adminUnsubscription: [] },
			opened: [],
			clicked: [],
			transacAttributes: [],
			delivered: [],
		},
	};
}
