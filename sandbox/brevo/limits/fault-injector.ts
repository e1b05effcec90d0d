import type { EndpointFamily } from './endpoint-families';

/** How long a fault lasts: the next `count` matching requests, or `durationMs` of real time (default: 1 request). */
export interface FaultScope {
	count?: number;
	durationMs?: number;
	/** Only requests of this endpoint family; all API requests when absent. */
	family?: EndpointFamily;
}

export type RateLimitStorm = FaultScope;
export interface ServerErrors extends FaultScope {
	status?: 500 | 502 | 503 | 504;
}
export interface SlowAnswers extends FaultScope {
	delayMs: number;
}

export interface ActiveFault {
	id: number;
	kind: 'rateLimit' | 'serverError' | 'slow';
	family?: EndpointFamily;
	remaining?: number;
	/** Real epoch ms after which the fault ends. */
	until?: number;
	status?: number;
	delayMs?: number;
}

/** What the injected faults do to one request. */
export interface FaultEffect {
	rateLimited: boolean;
	serverError?: number;
	delayMs?: number;
}

/**
 * Faults for tests and demos: 429 storms, 5xx answers, slow answers. Durations are wall-clock,
 * so they are not affected by the sandbox clock's scale or `advance()`.
 */
export class FaultInjector {
	private faults: ActiveFault[] = [];
	private nextId = 0;

	rateLimitStorm(scope: RateLimitStorm = {}): ActiveFault {
		return this.add('rateLimit', scope, {});
	}

	serverErrors(scope: ServerErrors = {}): ActiveFault {
		return this.add('serverError', scope, { status: scope.status ?? 500 });
	}

	slowAnswers(scope: SlowAnswers): ActiveFault {
		return this.add('slow', scope, { delayMs: Math.max(0, scope.delayMs) });
	}

	clear(): void {
		this.faults = [];
	}

	active(): ActiveFault[] {
		this.prune();
		return this.faults.map((f) => ({ ...f }));
	}

	/** Consumes one use of the first matching fault of each kind. */
	apply(family: EndpointFamily): FaultEffect {
		this.prune();
		const take = (kind: ActiveFault['kind']): ActiveFault | undefined => {
			const fault = this.faults.find((f) => f.kind === kind && (f.family === undefined || f.family === family));
			if (fault?.remaining !== undefined) fault.remaining--;
			return fault;
		};
		const slow = take('slow');
		const storm = take('rateLimit');
		const error = storm ? undefined : take('serverError');
		this.prune();
		return { rateLimited: storm !== undefined, serverError: error?.status, delayMs: slow?.delayMs };
	}

	private add(kind: ActiveFault['kind'], scope: FaultScope, extra: Partial<ActiveFault>): ActiveFault {
		const fault: ActiveFault = { id: ++this.nextId, kind, ...extra };
		if (scope.family !== undefined) fault.family = scope.family;
		if (scope.durationMs !== undefined) fault.until = Date.now() + scope.durationMs;
		if (scope.count !== undefined || scope.durationMs === undefined) fault.remaining = scope.count ?? 1;
		this.faults.push(fault);
		return { ...fault };
	}

	private prune(): void {
		const now = Date.now();
		this.faults = this.faults.filter((f) => (f.remaining === undefined || f.remaining > 0) && (f.until === undefined || now < f.until));
	}
}
