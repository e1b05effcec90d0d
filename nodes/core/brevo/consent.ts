import type { ContactDetails } from './responses';

/**
 * A contact's consent as booleans a flow can branch on (an IF node on `canEmail`): Brevo's
 * per-channel blacklists, plus unsubscription from the lists the flow cares about.
 */
export interface Consent {
	found: boolean;
	contactId?: number;
	email?: string;
	/** The contact's SMS number (its SMS attribute), when it has one. */
	sms?: string;
	emailBlacklisted: boolean;
	smsBlacklisted: boolean;
	/** Only newer Brevo accounts report it; false when absent. */
	whatsappBlacklisted: boolean;
	/** Lists the contact is on. */
	listIds: number[];
	/** Lists the contact unsubscribed from (Brevo's `listUnsubscribed`). */
	unsubscribedListIds: number[];
	/** The checked lists the contact unsubscribed from. */
	unsubscribedFromCheckedLists: number[];
	canEmail: boolean;
	canSms: boolean;
	canWhatsapp: boolean;
}

export interface ConsentOptions {
	/** Lists whose unsubscription also counts as "no" (e.g. the newsletter list a campaign belongs to). */
	checkListIds?: number[];
	/**
	 * A contact Brevo does not know has no opt-out on record: `reachable` (default) lets the flow
	 * go on, `unreachable` stops it.
	 */
	unknownContacts?: 'reachable' | 'unreachable';
}

export function consentOf(contact: ContactDetails | undefined, options: ConsentOptions = {}): Consent {
	if (!contact) {
		const reachable = (options.unknownContacts ?? 'reachable') === 'reachable';
		return {
			found: false,
			emailBlacklisted: false,
			smsBlacklisted: false,
			whatsappBlacklisted: false,
			listIds: [],
			unsubscribedListIds: [],
			unsubscribedFromCheckedLists: [],
			canEmail: reachable,
			canSms: reachable,
			canWhatsapp: reachable,
		};
	}
	const unsubscribed = contact.listUnsubscribed ?? [];
	const checked = (options.checkListIds ?? []).filter((id) => unsubscribed.includes(id));
	const listsOk = checked.length === 0;
	const whatsappBlacklisted = contact.whatsappBlacklisted ?? false;
	return {
		found: true,
		contactId: contact.id,
		email: contact.email ?? undefined,
		sms: typeof contact.attributes.SMS === 'string' || typeof contact.attributes.SMS === 'number' ? String(contact.attributes.SMS) : undefined,
		emailBlacklisted: contact.emailBlacklisted,
		smsBlacklisted: contact.smsBlacklisted,
		whatsappBlacklisted,
		listIds: contact.listIds,
		unsubscribedListIds: unsubscribed,
		unsubscribedFromCheckedLists: checked,
		canEmail: !contact.emailBlacklisted && listsOk,
		canSms: !contact.smsBlacklisted && listsOk,
		canWhatsapp: !whatsappBlacklisted && listsOk,
	};
}
