import type { AccountRecord, AttributeDefinition, FolderRecord } from '../model';

/**
 * The contact attributes every Brevo account starts with. EXT_ID, SMS, WHATSAPP and
 * LANDLINE_NUMBER double as contact identifiers (identifierType ext_id, phone_id, whatsapp_id,
 * landline_number_id).
 */
export function standardAttributes(): AttributeDefinition[] {
	return [
		{ name: 'FIRSTNAME', category: 'normal', type: 'text' },
		{ name: 'LASTNAME', category: 'normal', type: 'text' },
		{ name: 'SMS', category: 'normal', type: 'text' },
		{ name: 'WHATSAPP', category: 'normal', type: 'text' },
		{ name: 'LANDLINE_NUMBER', category: 'normal', type: 'text' },
		{ name: 'EXT_ID', category: 'normal', type: 'text' },
	];
}

/** Attributes whose values identify a contact and must be unique across contacts. */
export const IDENTIFIER_ATTRIBUTES = ['EXT_ID', 'SMS', 'WHATSAPP', 'LANDLINE_NUMBER'] as const;

/** Attributes holding phone numbers (validated and matched by their digits). */
export const PHONE_ATTRIBUTES = new Set(['SMS', 'WHATSAPP', 'LANDLINE_NUMBER']);

export function defaultFolder(): FolderRecord {
	return { id: 1, name: 'Your first folder' };
}

export function defaultAccount(): AccountRecord {
	return {
		organization_id: '66a1f0c0b2d3e4f5a6b7c8d9',
		user_id: 1000001,
		enterprise: false,
		email: 'marketing@tajo-sandbox.example',
		firstName: 'Sandbox',
		lastName: 'Owner',
		companyName: 'Tajo Sandbox Store',
		address: { street: '1 Sandbox Street', city: 'Austin', zipCode: '78701', country: 'United States' },
		smsCredits: 1000,
		emailCredits: 300000,
	};
}
