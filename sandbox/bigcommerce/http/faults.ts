/**
 * Injected failures, so clients can be tested against a misbehaving store. Request faults apply
 * to API requests (never to the control API); each has an optional method and path filter and
 * lasts for a number of matching requests, or a real-time duration, or both (whichever ends first).
 */
export type RequestFaultKind = 'rate_limit' | 'server_error' | 'slow';

export interface RequestFaultSpec {
	kind: RequestFaultKind;
	/** Matching requests affected; unlimited when omitted (then durationMs should be set). */
	count?: number;
	/** Real milliseconds the fault stays active. */
	durationMs?: number;
	/** server_error: status to answer (500, 502, 503 or 504). */
	status?: number;
	/** slow: real milliseconds added before answering. */
	delayMs?: number;
	/** rate_limit: send the X-Rate-Limit-* headers (default true). BigCommerce sends a headerless 429 under platform load. */
	withHeaders?: boolean;
	/** Only requests whose path contains this text. */
	path?: string;
	/** Only requests with this method. */
	method?: string;
}

export interface ActiveFault extends RequestFaultSpec {
	id: number;
	remaining: number | null;
	until: number | null;
	hits: number;
}

export interface DuplicateFault {
	/** Each webhook delivery is sent this many extra times (same hash). */
	extraCopies: number;
	/** Events affected; unlimited when omitted. */
	remainingEvents: number | null;
}

export class FaultInjector {
	private faults: ActiveFault[] = [];
	private nextId = 1;
	duplicates: DuplicateFault | null = null;

	add(spec: RequestFaultSpec): ActiveFault {
		if (spec.count === undefined && spec.durationMs === undefined) throw new Error('A fault needs a count or a durationMs');
		if (spec.kind === 'server_error' && spec.status !== undefined && (spec.status < 500 || spec.status > 599)) {
			throw new Error('server_error status must be 5xx');
		}
		if (spec.kind === 'slow' && !(Number(spec.delayMs) > 0)) throw new Error('slow needs delayMs > 0');
		const fault: ActiveFault = {
			...spec,
			id: this.nextId++,
			remaining: spec.count ?? null,
			until: spec.durationMs !== undefined ? Date.now() + spec.durationMs : null,
			hits: 0,
		};
		this.faults.push(fault);
		return fault;
	}

	/** Consumes and returns the first active fault of `kind` matching the request, if any. */
	take(kind: RequestFaultKind, method: string, path: string): ActiveFault | undefined {
		this.expire();
		const fault = this.faults.find(
			(f) => f.kind === kind && (!f.method || f.method.toUpperCase() === method) && (!f.path || path.includes(f.path)),
		);
		if (!fault) return undefined;
		fault.hits++;
		if (fault.remaining !== null) fault.remaining--;
		this.expire();
		return fault;
	}

	setDuplicates(extraCopies: number, events?: number): void {
		this.duplicates = extraCopies > 0 ? { extraCopies, remainingEvents: events ?? null } : null;
	}

	/** Extra copies to send for the next event (and counts that event against the fault). */
	takeDuplicateCopies(): number {
		const d = this.duplicates;
		if (!d) return 0;
		if (d.remainingEvents !== null) {
			d.remainingEvents--;
			if (d.remainingEvents <= 0) this.duplicates = null;
		}
		return d.extraCopies;
	}

	list(): { request: ActiveFault[]; duplicates: DuplicateFault | null } {
		this.expire();
		return { request: this.faults.map((f) => ({ ...f })), duplicates: this.duplicates };
	}

	clear(): void {
		this.faults = [];
		this.duplicates = null;
	}

	private expire(): void {
		const now = Date.now();
		this.faults = this.faults.filter((f) => (f.remaining === null || f.remaining > 0) && (f.until === null || now < f.until));
	}
}
