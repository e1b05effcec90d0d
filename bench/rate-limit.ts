import { figure, type BenchFigure } from './figures';

/**
 * What the transport benchmarks (BigCommerce reads, Brevo events) share: a fetch-based request
 * function for the core clients, the round of concurrent calls against an emulator's rate limit,
 * and the three figures each scenario reports.
 */

/** The request and response shapes of the core transports (nodes/core/http, nodes/core/bigcommerce). */
interface FetchRequest {
	method: string;
	url: string;
	body?: unknown;
	headers?: Record<string, string>;
	timeoutMs?: number;
}

/**
 * Sends a core client's requests with fetch, adding `auth` (the credential's headers): every status
 * resolves, the body comes back parsed when it is JSON and as text otherwise.
 */
export function fetchRequest(auth: Record<string, string>) {
	return async (request: FetchRequest): Promise<{ statusCode: number; headers: Record<string, string>; body: unknown }> => {
		const response = await fetch(request.url, {
			method: request.method,
			headers: { ...(request.headers ?? {}), ...auth },
			body: request.body === undefined ? undefined : JSON.stringify(request.body),
			signal: request.timeoutMs ? AbortSignal.timeout(request.timeoutMs) : undefined,
		});
		const headers: Record<string, string> = {};
		response.headers.forEach((value, name) => {
			headers[name] = value;
		});
		const text = await response.text();
		let body: unknown = text;
		try {
			body = text ? JSON.parse(text) : undefined;
		} catch {
			// not JSON: keep the text
		}
		return { statusCode: response.status, headers, body };
	};
}

export interface CallsRun {
	/** From the first call to the end of the last one. */
	elapsedMs: number;
	/** From the first call to the end of the last one that succeeded. */
	lastSuccessMs: number;
	/** Calls that failed with a 429, i.e. a 429 the transport let through to the flow. */
	surfaced429: number;
}

/**
 * Makes `total` calls, numbered 0…total−1, from all `callers` at once (executions sharing the
 * store's pacer, as n8n runs them): each caller takes the next number as soon as its previous call
 * ends. A call failing with a 429 (`is429`) is counted; any other failure ends the run.
 */
export async function runCalls<C>(callers: C[], total: number, call: (caller: C, n: number) => Promise<void>, is429: (error: unknown) => boolean): Promise<CallsRun> {
	let next = 0;
	let surfaced429 = 0;
	let lastSuccessAt = 0;
	const startedAt = performance.now();
	await Promise.all(
		callers.map(async (caller) => {
			while (next < total) {
				const n = next++;
				try {
					await call(caller, n);
					lastSuccessAt = performance.now();
				} catch (error) {
					if (is429(error)) surfaced429++;
					else throw error;
				}
			}
		}),
	);
	return { elapsedMs: performance.now() - startedAt, lastSuccessMs: lastSuccessAt - startedAt, surfaced429 };
}

/**
 * The three figures of a scenario against a rate limit: the throughput achieved (goal ≥ 0.9 of the
 * limit), the 429s that reached the flow (goal 0) and the 429 answers retried inside the transport
 * (goal ≤ 0.05 of the requests).
 */
export function rateLimitFigures(f: {
	/** The throughput; its goal reads "≥ 0.9 of <limitName>", e.g. limitName "the quota". */
	throughput: { name: string; value: number; unit: string; reference: { name: string; value: number }; limitName: string };
	surfaced429: { name: string; value: number; reference: { name: string; value: number } };
	answered429: { name: string; value: number; requests: number };
}): BenchFigure[] {
	const { limitName, ...throughput } = f.throughput;
	return [
		figure({ ...throughput, goal: `≥ 0.9 of ${limitName}`, met: (ratio) => ratio >= 0.9 }),
		figure({ ...f.surfaced429, unit: 'n', goal: '0', met: () => f.surfaced429.value === 0 }),
		figure({
			name: f.answered429.name,
			value: f.answered429.value,
			unit: 'n',
			reference: { name: 'requests', value: f.answered429.requests },
			goal: '≤ 0.05 of requests',
			met: (ratio) => ratio <= 0.05,
		}),
	];
}
