import type { Timeline } from '../core/timeline';
import type { EventDraft } from '../webhooks/events';
import type { StoreState } from './StoreState';

/** What resource operations need: the data, the time, and a way to fire webhook events. */
export interface StoreContext {
	state: StoreState;
	storeHash: string;
	/** Emulator time in epoch ms (real time shifted by `advance()`). */
	now(): number;
	timeline: Timeline;
	/** Fires a webhook event (delivered asynchronously). */
	emit(draft: EventDraft): void;
	/** Base URL the emulator listens on, e.g. http://127.0.0.1:4010. */
	baseUrl(): string;
	/** Storefront base of product and cart redirect URLs (the emulator's stand-in page by default). */
	storefrontUrl(): string;
	/** Cart idle time (emulated ms) after which `store/cart/abandoned` fires by itself; null turns it off. */
	cartAbandonAfterMs(): number | null;
}

/** Emulator time truncated to the second, since every API renders dates to the second. */
export function nowSecond(ctx: StoreContext): number {
	return Math.floor(ctx.now() / 1000) * 1000;
}
