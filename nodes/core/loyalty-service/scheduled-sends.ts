import type { LedgerStore } from '../ledger/ledger-store';
import type { DueSend, ScheduledSend } from '../ledger/scheduled-send-types';

/**
 * Message → Schedule, Get Due, Prune Sent: the ledger's scheduled messages
 * (ledger/scheduled-send-types.ts) as the Tajo Loyalty node offers them. A flow schedules a
 * message under the key it will claim it with; a later run (Reconciliation) gets what is due and
 * unsent, and claims it under that key; then it deletes the schedules sent long enough ago.
 */

function scheduledView(send: ScheduledSend) {
	return { key: send.sendKey, dueAt: send.dueAt, payload: send.payload, scheduledAt: send.createdAt };
}

/** A due send as Get Due outputs it: `key` and `payload` are what the Claim and the message after it read. */
export function dueView(send: DueSend) {
	return { ...scheduledView(send), status: send.status, attempts: send.attempts };
}

export interface ScheduleInput {
	storeHash: string;
	key: string;
	dueAt: string;
	payload: Record<string, unknown>;
}

export async function scheduleSend(store: LedgerStore, input: ScheduleInput) {
	const result = await store.scheduleSend({ storeHash: input.storeHash, sendKey: input.key, dueAt: input.dueAt, payload: input.payload });
	return { scheduled: result.scheduled, ...scheduledView(result.send) };
}

export interface DueInput {
	storeHash: string;
	keyEndsWith?: string;
	dueBefore?: string;
	/** Only sends due strictly after this time (undefined: no lower bound). */
	dueAfter?: string;
	/** Undefined: every due send. */
	limit?: number;
}

export async function listDueSends(store: LedgerStore, input: DueInput) {
	const found: Array<ReturnType<typeof dueView>> = [];
	let cursor: string | null = null;
	do {
		const pageSize: number = Math.min(500, input.limit === undefined ? 500 : input.limit - found.length);
		if (pageSize <= 0) break;
		const page = await store.listDueSends({ storeHash: input.storeHash, keySuffix: input.keyEndsWith, dueBefore: input.dueBefore, dueAfter: input.dueAfter, limit: pageSize, cursor });
		for (const send of page.items) found.push(dueView(send));
		cursor = page.nextCursor;
	} while (cursor);
	return found;
}

export interface PruneInput {
	storeHash: string;
	/** Sent schedules due before this time are deleted. */
	dueBefore: string;
}

/** Message → Prune Sent: one item, how many schedules went and the bound they were due before. */
export async function pruneSentSends(store: LedgerStore, input: PruneInput) {
	const { deleted } = await store.pruneScheduledSends(input.storeHash, input.dueBefore);
	return { deleted, dueBefore: new Date(Date.parse(input.dueBefore)).toISOString() };
}
