import { SandboxClock } from '../clock';
import type { SandboxRequest, SandboxResponse } from '../http/router';
import { createApiHandler } from './api-handler';
import { buildApiRouter } from './api-router';
import { contactDetails, type ContactDetails } from './contacts/contact-view';
import { conflicts, hasIdentifier, insertContact, prepareChanges, type ContactChanges } from './contacts/contact-writes';
import type { BrevoContext } from './context';
import {
	matchContact,
	matchEmail,
	matchEvent,
	matchOrder,
	matchSms,
	matchWhatsapp,
	type ContactFilter,
	type EmailFilter,
	type EventFilter,
	type OrderFilter,
	type SmsFilter,
	type WhatsappFilter,
} from './control/read-filters';
import { ReceivedLog, type ReceivedFilter, type ReceivedRequest } from './control/received-log';
import { BrevoRequestError } from './errors';
import type { EndpointFamily, RateLimit } from './limits/endpoint-families';
import { FaultInjector, type ActiveFault, type RateLimitStorm, type ServerErrors, type SlowAnswers } from './limits/fault-injector';
import { RateLimiter } from './limits/rate-limiter';
import type {
	AttributeDefinition,
	CategoryRecord,
	ContactRecord,
	EmailRecord,
	EventRecord,
	ListRecord,
	OrderRecord,
	ProductRecord,
	SmsRecord,
	TemplateRecord,
	WhatsappRecord,
} from './model';
import { BrevoState } from './state/brevo-state';
import { applySampleSeed, SAMPLE_SENDER } from './state/sample-seed';

export interface BrevoEmulatorOptions {
	apiKey?: string;
	timeScale?: number;
	rateLimits?: Partial<Record<EndpointFamily, RateLimit>>;
	/** Start (and reset) with the sample lists, templates and attributes. Default true. */
	seed?: boolean;
}

/** A contact to create directly, in POST /contacts vocabulary plus the flags only Brevo itself sets. */
export interface ControlContactInput {
	email?: string;
	ext_id?: string;
	attributes?: Record<string, unknown>;
	listIds?: number[];
	emailBlacklisted?: boolean;
	smsBlacklisted?: boolean;
	whatsappBlacklisted?: boolean;
	listUnsubscribed?: number[];
}

/** Consent flags a test can set on a contact, as if the person had unsubscribed in Brevo. */
export interface ConsentChange {
	emailBlacklisted?: boolean;
	smsBlacklisted?: boolean;
	whatsappBlacklisted?: boolean;
	/** Lists the contact unsubscribed from (added to `listUnsubscribed`). */
	unsubscribeFromLists?: number[];
	/** Lists to take out of `listUnsubscribed` again. */
	resubscribeToLists?: number[];
}

export interface TemplateInput {
	id?: number;
	name: string;
	subject: string;
	htmlContent?: string;
	isActive?: boolean;
	tag?: string;
}

/** Thrown by control operations; the HTTP control API turns it into `{error}` with this status. */
export class ControlError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

/**
 * The Brevo emulator without its HTTP server: the `/v3` API handler and every control operation
 * (reads of what was received, seeding, consent, faults, limits, time). The HTTP control API and
 * the in-process `BrevoSandbox` both call these methods.
 */
export class BrevoEmulator {
	readonly clock: SandboxClock;
	readonly apiKey: string;
	private readonly ctx: BrevoContext;
	private readonly limiter: RateLimiter;
	private readonly faultInjector = new FaultInjector();
	private readonly log = new ReceivedLog();
	private readonly seedOnReset: boolean;
	readonly handleApi: (req: SandboxRequest) => Promise<SandboxResponse>;

	constructor(options: BrevoEmulatorOptions = {}) {
		this.clock = new SandboxClock(options.timeScale ?? 1);
		this.apiKey = options.apiKey ?? 'xkeysib-sandbox';
		this.seedOnReset = options.seed ?? true;
		this.limiter = new RateLimiter(this.clock, options.rateLimits);
		this.ctx = { state: new BrevoState(), clock: this.clock, now: () => this.clock.now().toISOString() };
		if (this.seedOnReset) this.seed();
		this.handleApi = createApiHandler({
			router: buildApiRouter(this.ctx),
			apiKey: () => this.apiKey,
			limiter: this.limiter,
			faults: this.faultInjector,
			log: this.log,
			now: this.ctx.now,
		});
	}

	// --- state ---------------------------------------------------------------------------------

	/** Back to a fresh account (seeded unless `seed: false`), empty logs, no faults, fresh rate-limit windows. */
	reset(options: { seed?: boolean } = {}): void {
		this.ctx.state = new BrevoState();
		if (options.seed ?? this.seedOnReset) this.seed();
		this.log.clear();
		this.faultInjector.clear();
		this.limiter.clear();
	}

	/** Adds the sample lists (retail_newsletter 1, wholesale_updates 2, vip_exclusive 3), templates 1-7 and loyalty attributes. */
	seed(): void {
		applySampleSeed(this.ctx.state, this.ctx.now());
	}

	// --- reads ---------------------------------------------------------------------------------

	received(filter: ReceivedFilter = {}): ReceivedRequest[] {
		return this.log.list(filter);
	}

	/** Contacts as GET /contacts shows them (attributes, listIds, blacklist flags), oldest first. */
	contacts(filter: ContactFilter = {}): Array<ContactDetails> {
		return [...this.ctx.state.contacts.values()].filter((c) => matchContact(c, filter)).map(contactDetails);
	}

	/** One contact by id, email or ext_id; undefined when absent. */
	contact(identifier: string | number): ContactDetails | undefined {
		const found = this.findContact(identifier);
		return found ? contactDetails(found) : undefined;
	}

	events(filter: EventFilter = {}): EventRecord[] {
		return clone(this.ctx.state.eventLog.filter((e) => matchEvent(e, filter)));
	}

	emails(filter: EmailFilter = {}): EmailRecord[] {
		return clone(this.ctx.state.emailLog.filter((e) => matchEmail(e, filter)));
	}

	sms(filter: SmsFilter = {}): SmsRecord[] {
		return clone(this.ctx.state.smsLog.filter((s) => matchSms(s, filter)));
	}

	whatsapp(filter: WhatsappFilter = {}): WhatsappRecord[] {
		return clone(this.ctx.state.whatsappLog.filter((w) => matchWhatsapp(w, filter)));
	}

	/** The product catalog as it stands. */
	products(): ProductRecord[] {
		return clone([...this.ctx.state.products.values()]);
	}

	categories(): CategoryRecord[] {
		return clone([...this.ctx.state.categories.values()]);
	}

	/** Every order status post received, in order (an order appears once per update). */
	orders(filter: OrderFilter = {}): OrderRecord[] {
		return clone(this.ctx.state.orderLog.filter((o) => matchOrder(o, filter)));
	}

	lists(): ListRecord[] {
		return clone([...this.ctx.state.lists.values()]);
	}

	templates(): TemplateRecord[] {
		return clone([...this.ctx.state.templates.values()]);
	}

	attributes(): AttributeDefinition[] {
		return clone([...this.ctx.state.attributes.values()]);
	}

	// --- writes a test needs to set the scene -------------------------------------------------------

	/** Creates a contact as POST /contacts would, without auth or rate limits. */
	createContact(input: ControlContactInput): ContactDetails {
		const { ext_id: extId, listUnsubscribed: _unsubscribed, ...rest } = input;
		const changes: ContactChanges = { ...rest, ...(extId !== undefined ? { extId } : {}) };
		const prepared = this.asControl(() => prepareChanges(this.ctx.state, changes));
		if (!hasIdentifier(prepared)) throw new ControlError(400, 'email, ext_id or attributes.SMS is required');
		const clash = conflicts(this.ctx.state, prepared);
		if (clash.length > 0) throw new ControlError(400, `${clash.map((c) => c.field).join(', ')} already belongs to contact ${clash[0].contact.id}`);
		const contact = insertContact(this.ctx.state, prepared, this.ctx.now());
		if (input.listUnsubscribed) contact.listUnsubscribed = [...input.listUnsubscribed];
		return contactDetails(contact);
	}

	/** Sets blacklist / per-list unsubscription, as if the person had opted out in Brevo. */
	setContactConsent(identifier: string | number, change: ConsentChange): ContactDetails {
		const contact = this.findContact(identifier);
		if (!contact) throw new ControlError(404, `No contact ${identifier}`);
		if (change.emailBlacklisted !== undefined) contact.emailBlacklisted = change.emailBlacklisted;
		if (change.smsBlacklisted !== undefined) contact.smsBlacklisted = change.smsBlacklisted;
		if (change.whatsappBlacklisted !== undefined) contact.whatsappBlacklisted = change.whatsappBlacklisted;
		for (const listId of change.unsubscribeFromLists ?? []) if (!contact.listUnsubscribed.includes(listId)) contact.listUnsubscribed.push(listId);
		if (change.resubscribeToLists) contact.listUnsubscribed = contact.listUnsubscribed.filter((id) => !change.resubscribeToLists?.includes(id));
		contact.modifiedAt = this.ctx.now();
		return contactDetails(contact);
	}

	/** Adds (or replaces) a transactional email template. */
	addTemplate(input: TemplateInput): TemplateRecord {
		const state = this.ctx.state;
		const id = input.id ?? state.nextTemplateId();
		state.bumpTemplateCounter(id);
		const now = this.ctx.now();
		const template: TemplateRecord = {
			id,
			name: input.name,
			subject: input.subject,
			isActive: input.isActive ?? true,
			testSent: false,
			sender: { ...SAMPLE_SENDER },
			replyTo: SAMPLE_SENDER.email,
			toField: '',
			tag: input.tag ?? '',
			htmlContent: input.htmlContent ?? `<html><body>${input.subject}</body></html>`,
			createdAt: now,
			modifiedAt: now,
			doiTemplate: false,
		};
		state.templates.set(id, template);
		return clone(template);
	}

	setSmsCredits(credits: number): void {
		this.ctx.state.account.smsCredits = credits;
	}

	// --- faults, limits, time ---------------------------------------------------------------------

	/** The next `count` requests (or `durationMs`), optionally of one family, are answered 429. */
	injectRateLimitStorm(scope: RateLimitStorm = {}): ActiveFault {
		return this.faultInjector.rateLimitStorm(scope);
	}

	/** The next `count` requests (or `durationMs`) are answered 500 (or `status`). */
	injectServerErrors(scope: ServerErrors = {}): ActiveFault {
		return this.faultInjector.serverErrors(scope);
	}

	/** The next `count` requests (or `durationMs`) are answered after `delayMs`. */
	injectSlowAnswers(scope: SlowAnswers): ActiveFault {
		return this.faultInjector.slowAnswers(scope);
	}

	faults(): ActiveFault[] {
		return this.faultInjector.active();
	}

	clearFaults(): void {
		this.faultInjector.clear();
	}

	setRateLimit(family: EndpointFamily, limit: RateLimit): void {
		this.limiter.setLimit(family, limit);
	}

	rateLimits(): Record<EndpointFamily, RateLimit> {
		return this.limiter.config();
	}

	/** Moves emulated time forward (idempotency keys expire, rate-limit windows end). */
	advanceTime(ms: number): void {
		this.clock.advance(ms);
	}

	private findContact(identifier: string | number): ContactRecord | undefined {
		const text = String(identifier);
		const contacts = [...this.ctx.state.contacts.values()];
		if (/^\d+$/.test(text)) return this.ctx.state.contacts.get(Number(text));
		if (text.includes('@')) return contacts.find((c) => c.email === text.toLowerCase());
		return contacts.find((c) => c.attributes.EXT_ID === text);
	}

	private asControl<T>(fn: () => T): T {
		try {
			return fn();
		} catch (error) {
			if (error instanceof BrevoRequestError) throw new ControlError(error.response.status, error.message);
			throw error;
		}
	}
}

function clone<T>(value: T): T {
	return structuredClone(value);
}
