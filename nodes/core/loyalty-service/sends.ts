import type { LedgerStore } from '../ledger/ledger-store';
import type { SendRecord } from '../ledger/send-types';
import { LoyaltyInputError } from '../loyalty/loyalty-input-error';

/**
 * Message → Claim, Mark Sent, Release: the ledger's send-once log (ledger/send-types.ts) as the
 * Tajo Loyalty node offers it. Keys are the caller's, per store, e.g. `order:123:review_request`.
 */

/** Whole seconds, at least one: the ledger's unit; the node asks for minutes (fractions allowed). */
function leaseSeconds(minutes: number): number {
	if (!Number.isFinite(minutes) || minutes <= 0) throw new LoyaltyInputError('leaseMinutes', `must be more than 0 (got ${JSON.stringify(minutes)})`);
	return Math.max(1, Math.round(minutes * 60));
}

export interface ClaimInput {
	storeHash: string;
	key: string;
	leaseMinutes: number;
}

/** The claim as items carry it: what a following If or expression looks at. */
export function sendView(send: SendRecord | null, key: string) {
	return {
		key,
		status: send?.status ?? null,
		attempts: send?.attempts ?? 0,
		leaseUntil: send?.leaseUntil ?? null,
		claimedAt: send?.claimedAt ?? null,
		sentAt: send?.sentAt ?? null,
		detail: send?.detail ?? null,
	};
}

export async function claimSend(store: LedgerStore, input: ClaimInput) {
	const result = await store.claimSend({ storeHash: input.storeHash, sendKey: input.key, leaseSeconds: leaseSeconds(input.leaseMinutes) });
	return { claimed: result.claimed, ...sendView(result.send, input.key) };
}

export async function markSent(store: LedgerStore, input: { storeHash: string; key: string; detail?: Record<string, unknown> }) {
	const result = await store.markSent({ storeHash: input.storeHash, sendKey: input.key, detail: input.detail });
	return { marked: !result.alreadySent, alreadySent: result.alreadySent, ...sendView(result.send, input.key) };
}

export async function releaseSend(store: LedgerStore, input: { storeHash: string; key: string }) {
	const result = await store.releaseSend({ storeHash: input.storeHash, sendKey: input.key });
	return { released: result.released, ...sendView(result.send, input.key) };
}
