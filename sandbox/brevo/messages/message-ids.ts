import { randomUUID } from 'node:crypto';

/** Message ids in the formats Brevo returns, unique within one emulator run. */

/** `<202501021504.000000000017@smtp-relay.mailin.fr>` — an SMTP Message-ID, as POST /smtp/email returns. */
export function smtpMessageId(at: Date, seq: number): string {
	const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 12);
	return `<${stamp}.${String(seq).padStart(12, '0')}@smtp-relay.mailin.fr>`;
}

/** A 16-digit integer, like 1511882900176220 in the spec: epoch milliseconds followed by a 3-digit sequence. */
export function smsMessageId(at: Date, seq: number): number {
	return at.getTime() * 1000 + (seq % 1000);
}

/** A 19-character reference like "ab1cde2fgh3i4jklmno". */
export function smsReference(): string {
	return randomUUID().replace(/-/g, '').slice(0, 19);
}

/** WhatsApp message ids are UUID v4 (`format: uuidv4` in the spec). */
export function whatsappMessageId(): string {
	return randomUUID();
}
