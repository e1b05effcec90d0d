import type { EndpointFamily } from '../limits/endpoint-families';

/** One API request as the emulator received and answered it. */
export interface ReceivedRequest {
	seq: number;
	at: string;
	method: string;
	/** Full path as sent (still URL-encoded), e.g. `/v3/contacts/jane%40example.com`. */
	path: string;
	query: Record<string, string[]>;
	body: unknown;
	status: number;
	family: EndpointFamily;
	/** Set when an injected fault, not the API, produced the answer. */
	fault?: 'rateLimit' | 'serverError';
}

export interface ReceivedFilter {
	method?: string;
	/** Exact path, with or without the `/v3` prefix. */
	path?: string;
	/** Path prefix, with or without the `/v3` prefix. */
	pathPrefix?: string;
	family?: EndpointFamily;
	status?: number;
	/** Only entries after this sequence number (to read what arrived since a checkpoint). */
	afterSeq?: number;
}

/** Every API request in arrival order, including rejected ones (401, 400, 429, injected 5xx). */
export class ReceivedLog {
	private entries: ReceivedRequest[] = [];
	private seq = 0;

	record(entry: Omit<ReceivedRequest, 'seq'>): void {
		this.entries.push({ seq: ++this.seq, ...entry });
	}

	list(filter: ReceivedFilter = {}): ReceivedRequest[] {
		const withPrefix = (p: string) => (p.startsWith('/v3') ? p : `/v3${p.startsWith('/') ? '' : '/'}${p}`);
		return this.entries
			.filter(
				(e) =>
					(filter.method === undefined || e.method === filter.method.toUpperCase()) &&
					(filter.path === undefined || e.path === withPrefix(filter.path)) &&
					(filter.pathPrefix === undefined || e.path.startsWith(withPrefix(filter.pathPrefix))) &&
					(filter.family === undefined || e.family === filter.family) &&
					(filter.status === undefined || e.status === filter.status) &&
					(filter.afterSeq === undefined || e.seq > filter.afterSeq),
			)
			.map((e) => structuredClone(e));
	}

	clear(): void {
		this.entries = [];
	}
}
