import { readRateLimitHeaders } from './headers';
import type { ResponseHeaders } from './http-types';

/**
 * Keeps requests inside the store's quota *before* it runs out, from the X-Rate-Limit-* headers
 * of every answer (docs: api-rate-limits). BigCommerce refreshes the quota at the end of each
 * window; all apps of the store share it.
 *
 * - While plenty is left, requests go out at once: a small read finishes as fast as it can.
 * - Once `left` falls to the low-water mark, the remaining requests are spread evenly over the
 *   time until the reset, so the quota lasts until it refreshes (and other apps keep some room).
 * - With nothing left, the next request waits for the reset.
 *
 * One pacer can be shared by every client of a store in a process (see `shared-pacers.ts`);
 * requests in flight count as spent, so concurrent callers are staggered too.
 */
export interface PacerSettings {
	/** Spread requests out once this share of the quota is left (default 0.1). */
	lowWaterFraction: number;
	/** …but never start spreading with fewer than this many left (default 2). */
	minLowWater: number;
	/** Longest extra wait after the reported reset, against clock and latency differences (default 250 ms). */
	maxResetMarginMs: number;
}

export const DEFAULT_PACER_SETTINGS: PacerSettings = {
	lowWaterFraction: 0.1,
	minLowWater: 2,
	maxResetMarginMs: 250,
};

interface WindowState {
	left: number;
	quota: number;
	windowMs: number;
	/** Local clock time at which BigCommerce said the quota refreshes. */
	resetAt: number;
}

export interface PacerSnapshot {
	left?: number;
	quota?: number;
	resetAt?: number;
	inFlight: number;
}

export class RateLimitPacer {
	private readonly settings: PacerSettings;
	private window?: WindowState;
	private inFlight = 0;
	private lastStartAt = Number.NEGATIVE_INFINITY;

	constructor(settings: Partial<PacerSettings> = {}) {
		this.settings = { ...DEFAULT_PACER_SETTINGS, ...settings };
	}

	/** Books the next request slot; returns how long to wait before sending it. */
	reserve(now: number): number {
		const startAt = this.nextStart(now);
		this.lastStartAt = startAt;
		this.inFlight++;
		return Math.max(0, startAt - now);
	}

	/** Records an answer's headers (any status); ends the in-flight request. */
	observe(headers: ResponseHeaders, now: number): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		const limits = readRateLimitHeaders(headers, now);
		if (limits.left === undefined || limits.resetMs === undefined) return;
		const next: WindowState = {
			left: limits.left,
			quota: limits.quota ?? Math.max(limits.left, this.window?.quota ?? 0),
			windowMs: limits.windowMs ?? limits.resetMs,
			resetAt: now + limits.resetMs,
		};
		const current = this.window;
		// An answer overtaken by a later one (concurrent callers) must not raise what is left.
		const sameWindow = current !== undefined && now < current.resetAt && next.resetAt < current.resetAt + next.windowMs / 2;
		if (sameWindow && current) next.left = Math.min(next.left, current.left);
		this.window = next;
	}

	/** Ends an in-flight request that got no answer (network error). */
	release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
	}

	snapshot(): PacerSnapshot {
		return { left: this.window?.left, quota: this.window?.quota, resetAt: this.window?.resetAt, inFlight: this.inFlight };
	}

	private nextStart(now: number): number {
		const window = this.window;
		if (!window || now >= window.resetAt) return now; // nothing known, or a fresh window
		const left = window.left - this.inFlight;
		if (left <= 0) return window.resetAt + this.resetMargin(window);
		if (left > this.lowWater(window)) return now;
		// Spread the `left` requests evenly between the previous start (possibly a slot booked
		// ahead by a concurrent caller) and the reset.
		const from = Number.isFinite(this.lastStartAt) ? this.lastStartAt : now;
		if (from >= window.resetAt) return Math.max(now, from);
		return Math.max(now, from + (window.resetAt - from) / left);
	}

	private lowWater(window: WindowState): number {
		return Math.max(this.settings.minLowWater, Math.ceil(window.quota * this.settings.lowWaterFraction));
	}

	private resetMargin(window: WindowState): number {
		return Math.min(this.settings.maxResetMarginMs, Math.max(1, Math.round(window.windowMs * 0.01)));
	}
}
