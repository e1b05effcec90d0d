import type { SendStatus } from './send-types';

/**
 * Scheduled messages: a small outbox beside the send-once log. A flow that will send a message
 * later (a review request 14 days after an order) first records it here — key, due time and
 * what the message needs — so that when the execution waiting to send it is lost (a worker
 * killed, an execution that never reached its Wait), a later run can find the message due and
 * send it, claimed under the same key so it still goes out once.
 */
export interface ScheduledSend {
	storeHash: string;
	/** The same key the send is claimed under in the send-once log, e.g. `order:123:review_request`. */
	sendKey: string;
	dueAt: string;
	/** Whatever the message needs to be sent without the execution that scheduled it. */
	payload: Record<string, unknown>;
	createdAt: string;
}

export interface ScheduleSendInput {
	storeHash: string;
	sendKey: string;
	/** Any date-time JavaScript parses; stored as ISO-8601 UTC. */
	dueAt: string;
	/** A JSON object, at most MAX_PAYLOAD_CHARS as JSON. */
	payload: Record<string, unknown>;
}

export interface ScheduleSendResult {
	/** False when the key was scheduled before: the first schedule stands, unchanged. */
	scheduled: boolean;
	send: ScheduledSend;
}

export interface DueSendsQuery {
	storeHash: string;
	/** Scheduled at or before this instant (default: now). */
	dueBefore?: string;
	/**
	 * Scheduled strictly after this instant (default: no lower bound). With it the query reads only
	 * the (store_hash, due_at) index range between the two bounds, however many rows the store has
	 * scheduled before; and a message due longer ago than the caller still wants to send is left out.
	 */
	dueAfter?: string;
	/** Only keys that start or end with these texts (exact, case-sensitive). */
	keyPrefix?: string;
	keySuffix?: string;
	/** 1–1000, default 100. */
	limit?: number;
	/** From a previous page's nextCursor. */
	cursor?: string | null;
}

/** A scheduled send a claim would win now, with its send-log row's state (null when never claimed). */
export interface DueSend extends ScheduledSend {
	status: SendStatus | null;
	attempts: number;
}

export interface DueSendsPage {
	items: DueSend[];
	nextCursor: string | null;
}

export interface PruneScheduledResult {
	/** How many scheduled sends were deleted. */
	deleted: number;
}
