import type { SandboxClock } from '../../clock';
import { defaultRateLimits, type EndpointFamily, type RateLimit } from './endpoint-families';

interface Window {
	startedAt: number;
	used: number;
}

export interface RateDecision {
	allowed: boolean;
	headers: Record<string, string>;
}

/**
 * Fixed windows per endpoint family, with Brevo's `x-sib-ratelimit-*` headers on every answer.
 * Windows are measured on the sandbox clock (so `advance()` also ends them) and shrunk by its scale.
 */
export class RateLimiter {
	private readonly limits: Record<EndpointFamily, RateLimit>;
	private windows = new Map<EndpointFamily, Window>();

	constructor(
		private readonly clock: SandboxClock,
		overrides: Partial<Record<EndpointFamily, RateLimit>> = {},
	) {
		this.limits = { ...defaultRateLimits(), ...overrides };
	}

	/** Counts one request against the family's window. */
	take(family: EndpointFamily): RateDecision {
		const window = this.current(family);
		const { limit } = this.limits[family];
		const allowed = window.used < limit;
		if (allowed) window.used++;
		return { allowed, headers: this.headers(family, window) };
	}

	/** Headers of an exhausted window, for injected 429 storms. */
	exhaustedHeaders(family: EndpointFamily): Record<string, string> {
		const window = this.current(family);
		return { ...this.headers(family, window), 'x-sib-ratelimit-remaining': '0' };
	}

	setLimit(family: EndpointFamily, limit: RateLimit): void {
		this.limits[family] = { ...limit };
		this.windows.delete(family);
	}

	config(): Record<EndpointFamily, RateLimit> {
		return structuredClone(this.limits);
	}

	/** Starts every window afresh (reset of the sandbox). */
	clear(): void {
		this.windows.clear();
	}

	private realWindowMs(family: EndpointFamily): number {
		return Math.max(1, this.clock.real(this.limits[family].windowMs));
	}

	private current(family: EndpointFamily): Window {
		const now = this.clock.nowMs();
		const existing = this.windows.get(family);
		if (existing && now - existing.startedAt < this.realWindowMs(family)) return existing;
		const fresh = { startedAt: now, used: 0 };
		this.windows.set(family, fresh);
		return fresh;
	}

	/**
	 * `x-sib-ratelimit-reset` is the time left in the window in seconds. Brevo sends whole seconds;
	 * under a time scale the window can be milliseconds long, so the value then keeps its fraction
	 * (e.g. "0.008") to tell a client the real wait.
	 */
	private headers(family: EndpointFamily, window: Window): Record<string, string> {
		const { limit } = this.limits[family];
		const leftMs = Math.max(0, window.startedAt + this.realWindowMs(family) - this.clock.nowMs());
		const reset = this.clock.scale === 1 ? String(Math.max(1, Math.ceil(leftMs / 1000))) : String(Math.round(leftMs) / 1000);
		return {
			'x-sib-ratelimit-limit': String(limit),
			'x-sib-ratelimit-remaining': String(Math.max(0, limit - window.used)),
			'x-sib-ratelimit-reset': reset,
		};
	}
}
