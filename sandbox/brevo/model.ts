/**
 * Records the Brevo emulator keeps in memory. Field names follow Brevo's JSON where a record is
 * returned as-is; everything else is internal bookkeeping the control API exposes to tests.
 */

export type AttributeValue = string | number | boolean | string[];

export type AttributeCategory = 'normal' | 'transactional' | 'category' | 'calculated' | 'global';
export type AttributeType = 'text' | 'date' | 'float' | 'id' | 'boolean' | 'category' | 'multiple-choice' | 'user';

export interface AttributeDefinition {
	name: string;
	category: AttributeCategory;
	type?: AttributeType;
	enumeration?: Array<{ value: number; label: string }>;
	multiCategoryOptions?: string[];
	calculatedValue?: string;
}

export interface ContactRecord {
	id: number;
	/** Lower-cased, as Brevo stores it; absent for SMS- or ext_id-only contacts. */
	email?: string;
	/** Known attributes only (unknown ones are dropped on write); EXT_ID, SMS, WHATSAPP live here too. */
	attributes: Record<string, AttributeValue>;
	emailBlacklisted: boolean;
	smsBlacklisted: boolean;
	whatsappBlacklisted: boolean;
	listIds: number[];
	listUnsubscribed: number[];
	smtpBlacklistSender: string[];
	createdAt: string;
	modifiedAt: string;
}

export interface FolderRecord {
	id: number;
	name: string;
}

export interface ListRecord {
	id: number;
	name: string;
	folderId: number;
	createdAt: string;
}

export interface TemplateRecord {
	id: number;
	name: string;
	subject: string;
	isActive: boolean;
	testSent: boolean;
	sender: { name?: string; email?: string; id?: string };
	replyTo: string;
	toField: string;
	tag: string;
	htmlContent: string;
	createdAt: string;
	modifiedAt: string;
	doiTemplate: boolean;
}

export interface EventIdentifiers {
	email_id?: string;
	ext_id?: string;
	phone_id?: string;
	whatsapp_id?: string;
	landline_number_id?: string;
	contact_id?: number;
}

/** One accepted custom event (POST /events, or one item of POST /events/batch). */
export interface EventRecord {
	seq: number;
	receivedAt: string;
	source: 'single' | 'batch';
	event_name: string;
	event_date: string;
	identifiers: EventIdentifiers;
	contact_id?: number;
	contact_properties?: Record<string, unknown>;
	event_properties?: Record<string, unknown>;
	object?: unknown;
}

export interface EmailRecipient {
	email: string;
	name?: string;
}

/** One accepted POST /smtp/email. */
export interface EmailRecord {
	seq: number;
	receivedAt: string;
	messageId: string;
	messageIds?: string[];
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
	messageVersions?: unknown[];
	scheduledAt?: string;
	/** Recipients that are email-blacklisted contacts: Brevo accepts the call but does not deliver to them. */
	blockedRecipients: string[];
}

/** One accepted transactional SMS (either endpoint). */
export interface SmsRecord {
	seq: number;
	receivedAt: string;
	endpoint: 'sms' | 'send';
	messageId: number;
	reference?: string;
	sender: string;
	recipient: string;
	content: string;
	type: 'transactional' | 'marketing';
	tag?: unknown;
	smsCount: number;
	/** True when the recipient is an SMS-blacklisted contact (accepted, not delivered). */
	blocked: boolean;
}

/** One accepted POST /whatsapp/sendMessage. */
export interface WhatsappRecord {
	seq: number;
	receivedAt: string;
	messageId: string;
	senderNumber: string;
	contactNumbers: string[];
	templateId?: number;
	params?: Record<string, unknown>;
	text?: string;
	/** Numbers of WhatsApp-blacklisted contacts (accepted, not delivered). */
	blockedNumbers: string[];
}

export interface ProductRecord {
	id: string;
	internalId: number;
	name: string;
	url?: string;
	imageUrl?: string;
	sku?: string;
	price?: number;
	categories?: string[];
	parentId?: string;
	metaInfo?: Record<string, unknown>;
	/** brand, description and stock are 2026 fields (SDK v6 CreateUpdateProductRequest). */
	brand?: string;
	description?: string;
	stock?: number;
	isDeleted?: boolean;
	deletedAt?: string;
	createdAt: string;
	modifiedAt: string;
}

export interface CategoryRecord {
	id: string;
	internalId: number;
	name: string;
	url?: string;
	isDeleted?: boolean;
	deletedAt?: string;
	createdAt: string;
	modifiedAt: string;
}

export interface OrderProduct {
	productId: string;
	quantity?: number;
	quantityFloat?: number;
	variantId?: string;
	price: number;
}

/** One order status post (POST /orders/status, or one item of a batch), in the order received. */
export interface OrderRecord {
	seq: number;
	receivedAt: string;
	source: 'single' | 'batch';
	batchId?: number;
	historical?: boolean;
	id: string;
	createdAt: string;
	updatedAt: string;
	status: string;
	amount: number;
	storeId?: string;
	identifiers?: Record<string, string>;
	contact_id?: number;
	products: OrderProduct[];
	billing?: Record<string, unknown>;
	coupons?: string[];
	metaInfo?: Record<string, unknown>;
}

export interface AccountRecord {
	organization_id: string;
	user_id: number;
	enterprise: boolean;
	email: string;
	firstName: string;
	lastName: string;
	companyName: string;
	address: { street: string; city: string; zipCode: string; country: string };
	/** Remaining SMS credits; POST /transactionalSMS/* spends them and answers 402 once they run out. */
	smsCredits: number;
	emailCredits: number;
}
