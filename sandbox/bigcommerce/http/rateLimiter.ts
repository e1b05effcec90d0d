import type { Timeline } from '../core/timeline';

export interface RateLimitSettings {
	/** Window length in emulated ms (scaled by timeScale); BigCommerce's is 30 000. */
	windowMs: number;
	/** Requests allowed per window; 150 on Standard and Plus plans. */
	quota: number;
}

export interface RateLimitDecision {
	allowed: boolean;
	headers: Record<string, string>;
}

/**
 * BigCommerce's per-store quota: a fixed window that starts with the first request after the
 * previous one ended. Every answered API request spends one unit; once spent, requests get 429
 * until the window resets. The headers report real milliseconds (the window as shrunk by
 * timeScale), because that is what a client must actually wait.
 */
export class RateLimiter {
	private windowStart = -Infinity;
	private used = 0;
	totalRequests = 0;
	totalThrottled = 0;

	constructor(
		private readonly timeline: Timeline,
		public settings: RateLimitSettings,
	) {}

	configure(settings: Partial<RateLimitSettings>): void {
		if (settings.windowMs !== undefined) {
			if (!(settings.windowMs > 0)) throw new Error('windowMs must be positive');
			this.settings.windowMs = settings.windowMs;
		}
		if (settings.quota !== undefined) {
			if (!(Number.isInteger(settings.quota) && settings.quota > 0)) throw new Error('quota must be a positive integer');
			this.settings.quota = settings.quota;
		}
		this.resetWindow();
	}

	resetWindow(): void {
		this.windowStart = -Infinity;
		this.used = 0;
	}

	/** Spends one unit if any is left. */
	take(): RateLimitDecision {
		this.roll();
		if (this.used >= this.settings.quota) {
			this.totalThrottled++;
			return { allowed: false, headers: this.headers() };
		}
		this.used++;
		this.totalRequests++;
		return { allowed: true, headers: this.headers() };
	}

	/** Headers describing the window without spending anything (for 401s and injected faults). */
	peek(): Record<string, string> {
		this.roll();
		return this.headers();
	}

	/** Headers of an exhausted window, for an injected 429 storm. */
	exhaustedHeaders(): Record<string, string> {
		return { ...this.peek(), 'X-Rate-Limit-Requests-Left': '0' };
	}

	status() {
		this.roll();
		return {
			windowMs: this.settings.windowMs,
			quota: this.settings.quota,
			used: this.used,
			left: this.settings.quota - this.used,
			resetInRealMs: this.resetIn(),
			windowRealMs: this.windowReal(),
			totalRequests: this.totalRequests,
			totalThrottled: this.totalThrottled,
		};
	}

	private roll(): void {
		const now = this.timeline.now();
		if (now >= this.windowStart + this.settings.windowMs) {
			this.windowStart = now;
			this.used = 0;
		}
	}

	private windowReal(): number {
		return Math.max(1, Math.round(this.settings.windowMs / this.timeline.getScale()));
	}

	private resetIn(): number {
		return Math.max(1, this.timeline.realUntil(this.windowStart + this.settings.windowMs));
	}

	private headers(): Record<string, string> {
		return {
			'X-Rate-Limit-Time-Window-Ms': String(this.windowReal()),
			'X-Rate-Limit-Time-Reset-Ms': String(this.resetIn()),
			'X-Rate-Limit-Requests-Quota': String(this.settings.quota),
			'X-Rate-Limit-Requests-Left': String(this.settings.quota - this.used),
		};
	}
}
