import type {
	AccountRecord,
	AttributeDefinition,
	CategoryRecord,
	ContactRecord,
	EmailRecord,
	EventRecord,
	FolderRecord,
	ListRecord,
	OrderRecord,
	ProductRecord,
	SmsRecord,
	TemplateRecord,
	WhatsappRecord,
} from '../model';
import { defaultAccount, standardAttributes, defaultFolder } from './account-defaults';

/**
 * Everything one emulated Brevo account holds. A fresh state is what a brand-new Brevo account
 * has: the standard contact attributes, one folder, no lists, no templates.
 */
export class BrevoState {
	account: AccountRecord = defaultAccount();
	attributes = new Map<string, AttributeDefinition>();
	contacts = new Map<number, ContactRecord>();
	folders = new Map<number, FolderRecord>();
	lists = new Map<number, ListRecord>();
	templates = new Map<number, TemplateRecord>();
	products = new Map<string, ProductRecord>();
	categories = new Map<string, CategoryRecord>();
	/** Latest state of each order, by order id (GET /orders). */
	orders = new Map<string, OrderRecord>();

	/** What was accepted, in arrival order (the control API reads these). */
	eventLog: EventRecord[] = [];
	emailLog: EmailRecord[] = [];
	smsLog: SmsRecord[] = [];
	whatsappLog: WhatsappRecord[] = [];
	orderLog: OrderRecord[] = [];

	/** idempotencyKey -> time (ms) it was first used, for POST /smtp/email. */
	idempotencyKeys = new Map<string, number>();

	private counters = { contact: 0, list: 0, folder: 0, template: 0, product: 0, category: 0, seq: 0, batch: 0 };

	constructor() {
		for (const attribute of standardAttributes()) this.attributes.set(attribute.name, attribute);
		const folder = defaultFolder();
		this.folders.set(folder.id, folder);
		this.counters.folder = folder.id;
	}

	nextContactId(): number {
		return ++this.counters.contact;
	}
	nextListId(): number {
		return ++this.counters.list;
	}
	nextFolderId(): number {
		return ++this.counters.folder;
	}
	nextTemplateId(): number {
		return ++this.counters.template;
	}
	nextProductInternalId(): number {
		return ++this.counters.product;
	}
	nextCategoryInternalId(): number {
		return ++this.counters.category;
	}
	nextBatchId(): number {
		return ++this.counters.batch;
	}
	/** One sequence across all logs, so tests can order an email against an event. */
	nextSeq(): number {
		return ++this.counters.seq;
	}

	/** Template ids are chosen by the seed; keep the counter above them. */
	bumpTemplateCounter(id: number): void {
		this.counters.template = Math.max(this.counters.template, id);
	}
	bumpListCounter(id: number): void {
		this.counters.list = Math.max(this.counters.list, id);
	}
}
