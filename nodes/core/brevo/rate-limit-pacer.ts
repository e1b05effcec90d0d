import type { ResponseHeaders } from '../http';
import { readBrevoRateLimit } from './rate-limit';

/**
 * Keeps requests inside Brevo's per-group quota *before* it runs out, so that flows see no 429s
 * (a 429 still gets retried, but costs a round trip and the wait). Brevo's windows are short and
 * fixed (10 events per second), so the best use of the quota is: send at once while the last
 * answer says requests remain, then wait for the reset.
 *
 * The reset header counts whole seconds, rounded up, so "1" may mean anything up to a second.
 * To waste less of each window, the pacer remembers when a window began: an answer that reports
 * only the requests we had in flight as spent comes from the first moments of a fresh window, so
 * its reset is (nearly) the whole window; later answers in that window cannot end it later than
 * that. Estimates err late (by about a round trip), never early.
 *
 * One pacer is shared by every client of an account in the process (`shared-pacers.ts`);
 * requests in flight count as spent, so concurrent executions do not overrun the quota together.
 */
export interface PacerSettings {
	/** Extra wait after the estimated reset, against clock granularity (default 2 ms). */
	resetMarginMs: number;
	/** Wait before looking again when the quota is spent by requests still in flight (default 5 ms). */
	inFlightPollMs: number;
}

export const DEFAULT_PACER_SETTINGS: PacerSettings = { resetMarginMs: 2, inFlightPollMs: 5 };

interface GroupState {
	limit?: number;
	remaining?: number;
	/** Local time at which the quota refreshes; undefined when not known. */
	resetAt?: number;
	/** End of the current window, learnt from its first answer. */
	windowEnd?: number;
	inFlight: number;
}

export interface GroupSnapshot {
	limit?: number;
	remaining?: number;
	resetAt?: number;
	inFlight: number;
}

export class BrevoRateLimitPacer {
	private readonly settings: PacerSettings;
	private readonly groups = new Map<string, GroupState>();

	constructor(settings: Partial<PacerSettings> = {}) {
		this.settings = { ...DEFAULT_PACER_SETTINGS, ...settings };
	}

	/**
	 * Books a request slot in `group` and returns 0, or returns how long to wait before asking
	 * again (nothing booked).
	 */
	tryReserve(group: string, now: number): number {
		const state = this.state(group);
		if (state.resetAt !== undefined && now >= state.resetAt) this.startNewWindow(state);
		const available = state.remaining === undefined ? Number.POSITIVE_INFINITY : state.remaining - state.inFlight;
		if (available > 0) {
			state.inFlight++;
			return 0;
		}
		if (state.resetAt === undefined) return this.settings.inFlightPollMs;
		return Math.max(1, state.resetAt - now + this.settings.resetMarginMs);
	}

	/** Records an answer's headers (any status, 429 included); ends the in-flight request. */
	observe(group: string, headers: ResponseHeaders, now: number): void {
		const state = this.state(group);
		const inFlightBefore = state.inFlight;
		state.inFlight = Math.max(0, state.inFlight - 1);
		const limits = readBrevoRateLimit(headers, now);
		if (limits.remaining === undefined || limits.resetMs === undefined) return;

		// Within the window we know, an answer overtaken by a later one (concurrent callers) must
		// not raise what is left. Once that window has ended, an answer that accounts for no more
		// requests than we had in flight comes from the start of a fresh window: its reset then
		// spans (nearly) the whole window, and later answers cannot end the window later.
		const sameWindow = state.resetAt !== undefined && now < state.resetAt;
		const spent = limits.limit === undefined ? undefined : limits.limit - limits.remaining;
		const windowStart = !sameWindow && spent !== undefined && spent <= Math.max(1, inFlightBefore);
		if (windowStart) state.windowEnd = now + limits.resetMs;
		else if (state.windowEnd !== undefined && now >= state.windowEnd) state.windowEnd = undefined;

		let resetAt = now + limits.resetMs;
		if (state.windowEnd !== undefined) resetAt = Math.min(resetAt, state.windowEnd);
		state.limit = limits.limit ?? state.limit;
		state.remaining = sameWindow && state.remaining !== undefined ? Math.min(limits.remaining, state.remaining) : limits.remaining;
		state.resetAt = resetAt;
	}

	/** Ends an in-flight request that got no answer (network error). */
	release(group: string): void {
		const state = this.state(group);
		state.inFlight = Math.max(0, state.inFlight - 1);
	}

	snapshot(group: string): GroupSnapshot {
		const state = this.state(group);
		return { limit: state.limit, remaining: state.remaining, resetAt: state.resetAt, inFlight: state.inFlight };
	}

	private startNewWindow(state: GroupState): void {
		// The quota refreshed; how much is known only from the limit, and when it ends only from
		// the next answer.
		state.remaining = state.limit;
		state.resetAt = undefined;
	}

	private state(group: string): GroupState {
		let state = this.groups.get(group);
		if (!state) {
			state = { inFlight: 0 };
			this.groups.set(group, state);
		}
		return state;
	}
}
