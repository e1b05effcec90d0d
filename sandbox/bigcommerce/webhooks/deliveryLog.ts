import type { WebhookEnvelope } from './envelope';

export interface WebhookEvent extends WebhookEnvelope {
	/** Emulator-local event number (control API: duplicate / replay by id). */
	id: number;
}

export interface DeliveryAttempt {
	/** 1 for the first try, 2 for the first retry, … */
	attempt: number;
	at: string;
	/** HTTP status of the destination's answer; null when there was none (connection error, timeout). */
	status: number | null;
	error?: string;
	durationMs: number;
}

export type DeliveryState = 'queued' | 'held' | 'sending' | 'delivered' | 'retry_scheduled' | 'failed' | 'cancelled';

/** One envelope on its way to one hook, with every attempt made. */
export interface Delivery {
	id: number;
	eventId: number;
	hookId: number;
	scope: string;
	destination: string;
	hash: string;
	/** 0 for the original; 1, 2, … for duplicates of the same event to the same hook. */
	copy: number;
	state: DeliveryState;
	attempts: DeliveryAttempt[];
	/** When state is retry_scheduled: BigCommerce's wait before that retry, in (emulated) seconds. */
	nextRetryAfterSeconds?: number;
	/** Set when the final retry failed and the hook was deactivated. */
	deactivatedHook?: boolean;
}
