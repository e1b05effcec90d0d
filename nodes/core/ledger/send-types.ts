/**
 * The send-once log: one row per side effect (a Brevo message, a contact update, …) and store,
 * so that a message goes out once however many executions reach it — duplicate or replayed
 * deliveries, the Reconciliation template, a retry after an execution died half-way.
 *
 * A sender first claims the send's key: the claim is granted to exactly one claimer, for a
 * lease. The winner sends, then marks the send sent; a send marked sent is never claimed again.
 * A winner that dies before marking it leaves the claim to expire with its lease, after which
 * the next claimer gets it (so a lost message is sent by a later run, at the price of a possible
 * second message when the first had in fact gone out just before the process died). A sender
 * that knows it failed releases its claim, so that a retry may claim it at once.
 */

/** `claimed`: someone holds (or held, until its lease ran out) the send; `sent`: done for good; `released`: given up, free to claim. */
export type SendStatus = 'claimed' | 'sent' | 'released';

export interface SendRecord {
	storeHash: string;
	/** The caller's name for the side effect, e.g. `order:123:review_request`. */
	sendKey: string;
	status: SendStatus;
	/** While `claimed`: until when the claim holds; after it, another claimer may take the send over. */
	leaseUntil: string | null;
	/** How many claims were granted (1 for a send that went out on its first try). */
	attempts: number;
	/** When the last granted claim was made (null for a send marked sent without a claim). */
	claimedAt: string | null;
	sentAt: string | null;
	/** Whatever the caller recorded with the claim or the send (e.g. Brevo's message id). */
	detail: Record<string, unknown> | null;
	createdAt: string;
	updatedAt: string;
}

export interface ClaimSendInput {
	storeHash: string;
	sendKey: string;
	/** How long the claim holds (whole seconds, at least 1): longer than sending takes, short enough for a retry to come soon. */
	leaseSeconds: number;
	/** Kept with the send (replaces an earlier claim's detail when given). */
	detail?: Record<string, unknown> | null;
}

export interface ClaimSendResult {
	/** True for exactly one of any number of concurrent claimers of a free send. */
	claimed: boolean;
	/** The send as it is after the claim (the winner's claim when `claimed` is false and someone else holds it). */
	send: SendRecord;
}

export interface MarkSentInput {
	storeHash: string;
	sendKey: string;
	/** Kept with the send (replaces the claim's detail when given). */
	detail?: Record<string, unknown> | null;
}

export interface MarkSentResult {
	/** It was marked sent before: nothing changed. */
	alreadySent: boolean;
	send: SendRecord;
}

export interface ReleaseSendInput {
	storeHash: string;
	sendKey: string;
}

export interface ReleaseSendResult {
	/** A claim was given up; false when the send was not claimed (never claimed, already sent or released). */
	released: boolean;
	/** The send as it is now; null when it was never claimed. */
	send: SendRecord | null;
}
