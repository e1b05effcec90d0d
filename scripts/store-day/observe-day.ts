// Gathers what the summary of a store day is made of: the ledger's members and entries (through
// the ledger store), its tracked carts, and what the Brevo emulator received.
import { openLedgerStore } from '../../nodes/core/ledger';
import type { LedgerEntry, Member } from '../../nodes/core/ledger';
import type { LedgerStore } from '../../nodes/core/ledger/ledger-store';
import type { BrevoControl } from './brevo-control';
import type { DayObservations } from './day-summary';
import { readTrackedCarts } from './tracked-carts';

export interface ObserveOptions {
	brevo: BrevoControl;
	/** The Tajo Loyalty credential's SQLite file. */
	ledgerPath: string;
	storeHash: string;
	/** When the day started (ISO). */
	since: string;
	brevoCheckpoint: number;
}

export async function observeDay(options: ObserveOptions): Promise<DayObservations> {
	const ledger = await openLedgerStore({ type: 'sqlite', sqlitePath: options.ledgerPath });
	try {
		const programs = await ledger.listPrograms({ storeHash: options.storeHash });
		const members: Member[] = [];
		const entries: LedgerEntry[] = [];
		for (const program of programs) {
			const all = await allMembers(ledger, program.id);
			members.push(...all);
			// Entries of the members whose points (or profile) changed during the day.
			for (const member of all.filter((m) => Date.parse(m.updatedAt) >= Date.parse(options.since))) {
				entries.push(...(await entriesSince(ledger, program.id, member.id, options.since)));
			}
		}
		const [events, emails, sms] = await Promise.all([options.brevo.events(), options.brevo.emails(), options.brevo.sms()]);
		const firstProgram = programs[0]?.config as { tiers?: Array<{ name: string }> } | undefined;
		return {
			since: options.since,
			tierOrder: (firstProgram?.tiers ?? []).map((t) => t.name),
			members,
			entries,
			brevoCheckpoint: options.brevoCheckpoint,
			events,
			emails,
			sms,
			carts: readTrackedCarts(options.ledgerPath, options.storeHash),
		};
	} finally {
		await ledger.close();
	}
}

async function allMembers(ledger: LedgerStore, programId: string): Promise<Member[]> {
	const members: Member[] = [];
	let cursor: string | null = null;
	do {
		const page = await ledger.listMembers({ programId, limit: 1000, cursor });
		members.push(...page.items);
		cursor = page.nextCursor;
	} while (cursor);
	return members;
}

/** The member's entries from `since` on (history is newest first, so it stops at the first older one). */
async function entriesSince(ledger: LedgerStore, programId: string, memberId: string, since: string): Promise<LedgerEntry[]> {
	const found: LedgerEntry[] = [];
	let cursor: string | null = null;
	do {
		const page = await ledger.history({ programId, member: { memberId }, limit: 1000, cursor });
		for (const entry of page.items) {
			if (Date.parse(entry.createdAt) < Date.parse(since)) return found;
			found.push(entry);
		}
		cursor = page.nextCursor;
	} while (cursor);
	return found;
}
