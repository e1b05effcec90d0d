import type { BigCommerceRequest, HttpRequest, HttpResponse } from '../../../../../nodes/core/bigcommerce';
import type { FakeClock } from './fake-clock';

/**
 * A store's quota as BigCommerce runs it: a fixed window that opens with the first request after
 * the previous one ended; each answered request spends one unit; over quota → 429 with the
 * X-Rate-Limit-* headers. Requests take `latencyMs` on the fake clock; the server counts them
 * halfway through.
 */
export class SimulatedStore {
	windowStart = Number.NEGATIVE_INFINITY;
	used = 0;
	windowsOpened = 0;
	served = 0;
	throttled = 0;

	constructor(
		private readonly clock: FakeClock,
		readonly quota = 150,
		readonly windowMs = 30_000,
		readonly latencyMs = 80,
	) {}

	/** Spends quota as another app of the same store would. */
	spend(units: number): void {
		this.roll(this.clock.now());
		this.used += units;
	}

	readonly request: BigCommerceRequest = async (_request: HttpRequest): Promise<HttpResponse> => {
		this.clock.advance(this.latencyMs / 2);
		const now = this.clock.now();
		this.roll(now);
		const allowed = this.used < this.quota;
		if (allowed) {
			this.used++;
			this.served++;
		} else {
			this.throttled++;
		}
		const headers = {
			'x-rate-limit-time-window-ms': String(this.windowMs),
			'x-rate-limit-time-reset-ms': String(Math.max(1, this.windowStart + this.windowMs - now)),
			'x-rate-limit-requests-quota': String(this.quota),
			'x-rate-limit-requests-left': String(Math.max(0, this.quota - this.used)),
		};
		this.clock.advance(this.latencyMs / 2);
		return allowed
			? { statusCode: 200, headers, body: { data: [], meta: {} } }
			: { statusCode: 429, headers, body: { status: 429, title: 'Too many requests', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' } };
	};

	private roll(now: number): void {
		if (now >= this.windowStart + this.windowMs) {
			this.windowStart = now;
			this.used = 0;
			this.windowsOpened++;
		}
	}
}
