import type { Timeline } from '../core/timeline';
import type { Hook } from '../store/types';
import type { Delivery, DeliveryAttempt, WebhookEvent } from './deliveryLog';
import { eventHash, type WebhookEnvelope } from './envelope';
import type { EventDraft } from './events';
import { retryDelayMs } from './retrySchedule';
import { scopeMatches } from './scopes';

export interface DispatcherDeps {
	timeline: Timeline;
	/** Current time for `created_at` (the emulator's clock, which `advance()` moves). */
	nowMs: () => number;
	storeId: string;
	storeHash: string;
	hooks: () => Iterable<Hook>;
	hook: (id: number) => Hook | undefined;
	/** Extra copies of each delivery the duplicate fault asks for (consumed per event). */
	duplicateCopies: () => number;
	/** The final retry failed: BigCommerce sets the hook inactive. */
	deactivate: (hook: Hook) => void;
	/** The channel-specific form of an event (`store/channel/{id}/…`), fired right after it; see channelEvents. */
	channelEvent?: (draft: EventDraft) => EventDraft | undefined;
}

export interface DispatcherSettings {
	/** Real ms a destination has to answer before the attempt counts as failed. */
	timeoutMs: number;
	/**
	 * Deliveries in flight at once per hook (default 1: one at a time, in event order). BigCommerce
	 * itself does not promise order and sends a busy store's events in parallel; load tests raise it.
	 */
	concurrency: number;
}

export type ReleaseOrder = 'fifo' | 'lifo';

/**
 * Delivers events to hooks the way BigCommerce does: asynchronously, one POST per matching active
 * hook with the hook's custom headers, a 2xx answer within the timeout counts as received, anything
 * else is retried on BigCommerce's schedule and finally deactivates the hook. Deliveries to one
 * hook go out one at a time in event order by default (so tests see a stable order), or in
 * `concurrency` parallel lanes; holding lets a test release them later in another order.
 */
export class WebhookDispatcher {
	readonly events: WebhookEvent[] = [];
	readonly deliveries: Delivery[] = [];
	settings: DispatcherSettings = { timeoutMs: 10_000, concurrency: 1 };

	private nextEventId = 1;
	private nextDeliveryId = 1;
	/** Per hook and lane (`hookId:lane`), the promise of the last delivery queued there. */
	private chains = new Map<string, Promise<void>>();
	private pending = 0;
	private idleWaiters: (() => void)[] = [];
	private held: Delivery[] = [];
	private holding: { scope?: string } | null = null;
	private retryTasks = new Set<number>();
	private generation = 0;

	constructor(private readonly deps: DispatcherDeps) {}

	/**
	 * Records a new event and sends it to every active hook whose scope matches; then does the same
	 * for its channel-specific form, if it has one (that is a separate event with its own hash,
	 * duplicated as often as the store-wide one when the duplicate fault is on).
	 */
	publish(draft: EventDraft): WebhookEvent {
		const copies = 1 + this.deps.duplicateCopies();
		const event = this.record(draft, copies);
		const channel = this.deps.channelEvent?.(draft);
		if (channel) this.record(channel, copies);
		return event;
	}

	private record(draft: EventDraft, copies: number): WebhookEvent {
		const envelopeFields: Omit<WebhookEnvelope, 'hash'> = {
			scope: draft.scope,
			store_id: this.deps.storeId,
			data: draft.data,
			created_at: Math.floor(this.deps.nowMs() / 1000),
			producer: `stores/${this.deps.storeHash}`,
		};
		const event: WebhookEvent = {
			id: this.nextEventId++,
			scope: envelopeFields.scope,
			store_id: envelopeFields.store_id,
			data: envelopeFields.data,
			hash: eventHash(envelopeFields),
			created_at: envelopeFields.created_at,
			producer: envelopeFields.producer,
		};
		this.events.push(event);
		for (const hook of this.matchingHooks(event.scope)) {
			for (let copy = 0; copy < copies; copy++) this.dispatch(event, hook, copy);
		}
		return event;
	}

	/** Sends an earlier event again, same envelope and hash, as BigCommerce's duplicates are. */
	duplicate(eventId: number, hookId?: number): Delivery[] {
		const event = this.event(eventId);
		const hooks = [...this.matchingHooks(event.scope)].filter((h) => hookId === undefined || h.id === hookId);
		return hooks.map((hook) => {
			const copy = this.deliveries.filter((d) => d.eventId === event.id && d.hookId === hook.id).length;
			return this.dispatch(event, hook, copy);
		});
	}

	/** Fires an earlier event's scope and data again as a new event (new hash and created_at). */
	replay(eventId: number): WebhookEvent {
		const event = this.event(eventId);
		return this.publish({ scope: event.scope, data: structuredClone(event.data) });
	}

	/** From now on, new deliveries (optionally of one scope) wait until `release()`. */
	hold(scope?: string): void {
		this.holding = { scope };
	}

	/** Sends held deliveries, oldest first or newest first, and stops holding. */
	release(order: ReleaseOrder = 'fifo', deliveryIds?: number[]): Delivery[] {
		this.holding = null;
		let batch = this.held;
		if (deliveryIds) {
			batch = deliveryIds.map((id) => {
				const d = this.held.find((h) => h.id === id);
				if (!d) throw new Error(`Delivery ${id} is not held`);
				return d;
			});
		} else if (order === 'lifo') {
			batch = [...batch].reverse();
		}
		this.held = this.held.filter((d) => !batch.includes(d));
		for (const d of batch) this.enqueue(d, 1);
		return batch;
	}

	heldDeliveries(): Delivery[] {
		return [...this.held];
	}

	/** Resolves once no delivery is queued or in flight (held deliveries and scheduled retries excepted). */
	idle(): Promise<void> {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	/** Forgets all events and deliveries and cancels scheduled retries (deliveries in flight finish unrecorded). */
	reset(): void {
		this.generation++;
		for (const id of this.retryTasks) this.deps.timeline.cancel(id);
		this.retryTasks.clear();
		this.events.length = 0;
		this.deliveries.length = 0;
		this.held = [];
		this.holding = null;
		this.nextEventId = 1;
		this.nextDeliveryId = 1;
	}

	event(eventId: number): WebhookEvent {
		const event = this.events.find((e) => e.id === eventId);
		if (!event) throw new Error(`No webhook event ${eventId}`);
		return event;
	}

	private *matchingHooks(scope: string): Iterable<Hook> {
		for (const hook of this.deps.hooks()) if (hook.is_active && scopeMatches(hook.scope, scope)) yield hook;
	}

	private dispatch(event: WebhookEvent, hook: Hook, copy: number): Delivery {
		const delivery: Delivery = {
			id: this.nextDeliveryId++,
			eventId: event.id,
			hookId: hook.id,
			scope: event.scope,
			destination: hook.destination,
			hash: event.hash,
			copy,
			state: 'queued',
			attempts: [],
		};
		this.deliveries.push(delivery);
		if (this.holding && (!this.holding.scope || scopeMatches(this.holding.scope, event.scope))) {
			delivery.state = 'held';
			this.held.push(delivery);
		} else {
			this.enqueue(delivery, 1);
		}
		return delivery;
	}

	private enqueue(delivery: Delivery, attempt: number): void {
		delivery.state = 'queued';
		this.pending++;
		const generation = this.generation;
		// Round robin over the lanes; with one lane this is the hook's single ordered queue.
		const lane = `${delivery.hookId}:${delivery.id % Math.max(1, this.settings.concurrency)}`;
		const previous = this.chains.get(lane) ?? Promise.resolve();
		const next = previous
			.then(() => (generation === this.generation ? this.attempt(delivery, attempt) : undefined))
			.catch(() => undefined)
			.finally(() => this.settled());
		this.chains.set(lane, next);
	}

	private settled(): void {
		this.pending--;
		if (this.pending === 0) {
			const waiters = this.idleWaiters;
			this.idleWaiters = [];
			for (const w of waiters) w();
		}
	}

	private async attempt(delivery: Delivery, attempt: number): Promise<void> {
		const hook = this.deps.hook(delivery.hookId);
		if (!hook || !hook.is_active) {
			delivery.state = 'cancelled';
			return;
		}
		const event = this.event(delivery.eventId);
		delivery.state = 'sending';
		const started = Date.now();
		const record: DeliveryAttempt = { attempt, at: new Date(this.deps.nowMs()).toISOString(), status: null, durationMs: 0 };
		try {
			const response = await fetch(hook.destination, {
				method: 'POST',
				headers: { ...(hook.headers ?? {}), 'Content-Type': 'application/json' },
				body: JSON.stringify(toEnvelope(event)),
				signal: AbortSignal.timeout(this.settings.timeoutMs),
			});
			record.status = response.status;
			await response.arrayBuffer().catch(() => undefined);
		} catch (error) {
			record.error = describe(error);
		}
		record.durationMs = Date.now() - started;
		delivery.attempts.push(record);
		if (record.status !== null && record.status >= 200 && record.status < 300) {
			delivery.state = 'delivered';
			return;
		}
		this.scheduleRetry(delivery, attempt, hook);
	}

	private scheduleRetry(delivery: Delivery, attempt: number, hook: Hook): void {
		const delay = retryDelayMs(attempt);
		if (delay === undefined) {
			delivery.state = 'failed';
			delivery.deactivatedHook = true;
			this.deps.deactivate(hook);
			return;
		}
		delivery.state = 'retry_scheduled';
		delivery.nextRetryAfterSeconds = delay / 1000;
		const task = this.deps.timeline.after(delay, () => {
			this.retryTasks.delete(task);
			delete delivery.nextRetryAfterSeconds;
			this.enqueue(delivery, attempt + 1);
		});
		this.retryTasks.add(task);
	}
}

export function toEnvelope(event: WebhookEvent): WebhookEnvelope {
	return {
		scope: event.scope,
		store_id: event.store_id,
		data: event.data,
		hash: event.hash,
		created_at: event.created_at,
		producer: event.producer,
	};
}

/** A short reason: 'timeout', or the network error code (ECONNREFUSED, …). */
function describe(error: unknown): string {
	// AbortSignal.timeout rejects with a DOMException, which is not always an Error instance.
	const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
	if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
	return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}
