// The Brevo emulator's control API (sandbox/brevo/CONTROL_API.md), as far as the store day and its
// summary use it, over HTTP. Events, emails and SMS share one sequence number (`seq`) across the
// emulator's logs, so "what arrived since" is every record with a higher seq than a checkpoint.
import { z } from 'zod';
import { controlCall } from './control-http';

const eventSchema = z
	.object({
		seq: z.number().int(),
		event_name: z.string(),
		identifiers: z.object({ email_id: z.string().optional() }).passthrough(),
		event_properties: z.record(z.unknown()).optional(),
	})
	.passthrough();
const emailSchema = z
	.object({
		seq: z.number().int(),
		receivedAt: z.string(),
		messageId: z.string(),
		templateId: z.number().int().optional(),
		to: z.array(z.object({ email: z.string(), name: z.string().optional() }).passthrough()),
		params: z.record(z.unknown()).optional(),
		blockedRecipients: z.array(z.string()),
	})
	.passthrough();
const smsSchema = z
	.object({ seq: z.number().int(), receivedAt: z.string(), recipient: z.string(), sender: z.string(), content: z.string(), blocked: z.boolean() })
	.passthrough();
const contactSchema = z
	.object({
		email: z.string().optional(),
		id: z.number().int(),
		emailBlacklisted: z.boolean(),
		smsBlacklisted: z.boolean(),
		listIds: z.array(z.number().int()),
		attributes: z.record(z.unknown()),
	})
	.passthrough();
const productSchema = z.object({ id: z.string(), name: z.string(), price: z.number().optional(), parentId: z.string().optional() }).passthrough();
const anything = z.unknown();

export type BrevoEvent = z.infer<typeof eventSchema>;
export type BrevoEmail = z.infer<typeof emailSchema>;
export type BrevoSms = z.infer<typeof smsSchema>;
export type BrevoContact = z.infer<typeof contactSchema>;
export type BrevoProduct = z.infer<typeof productSchema>;

export class BrevoControl {
	/** @param url the emulator's URL, e.g. http://127.0.0.1:4020 (its API is under /v3) */
	constructor(readonly url: string) {}

	private call<T>(method: string, route: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, body?: unknown): Promise<T> {
		return controlCall('Brevo', this.url, method, `/_sandbox${route}`, schema, body);
	}

	health() {
		return this.call('GET', '/health', z.object({ ok: z.literal(true), apiKey: z.string() }).passthrough());
	}

	/** Simulates the person opting out (or back in): flags shown by the API, messages recorded as blocked. */
	async setContactConsent(identifier: string, change: { emailBlacklisted?: boolean; smsBlacklisted?: boolean }): Promise<void> {
		await this.call('POST', `/contacts/${encodeURIComponent(identifier)}/consent`, anything, change);
	}

	events(): Promise<BrevoEvent[]> {
		return this.call('GET', '/events', z.array(eventSchema));
	}

	emails(): Promise<BrevoEmail[]> {
		return this.call('GET', '/emails', z.array(emailSchema));
	}

	sms(): Promise<BrevoSms[]> {
		return this.call('GET', '/sms', z.array(smsSchema));
	}

	contacts(): Promise<BrevoContact[]> {
		return this.call('GET', '/contacts', z.array(contactSchema));
	}

	products(): Promise<BrevoProduct[]> {
		return this.call('GET', '/products', z.array(productSchema));
	}

	/** The highest seq of the event, email and SMS logs: a checkpoint to read "what arrived since". */
	async lastSeq(): Promise<number> {
		const [events, emails, sms] = await Promise.all([this.events(), this.emails(), this.sms()]);
		return Math.max(0, ...[...events, ...emails, ...sms].map((r) => r.seq));
	}
}
