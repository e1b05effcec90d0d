import {
	createBigCommerceClient,
	customerSchema,
	isBigCommerceApiError,
	RateLimitPacer,
	type BigCommerceRequest,
	type ResponseHeaders,
} from '../nodes/core/bigcommerce';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '../sandbox/bigcommerce';
import { figure, type Benchmark, type BenchFigure } from './figures';

/**
 * Paginated BigCommerce reads against the store's quota (DESIGN §10; issue 3, item 5): the
 * transport reads the emulator's 10,000 customers, 250 per page (40 requests), under BigCommerce's
 * Standard/Plus quota of 150 requests per 30 s window, with the window time-scaled so the run takes
 * seconds. The reference is the quota itself.
 *
 * One read of 10,000 customers is 40 requests, far below one window's 150, so it never meets the
 * quota; the quota only binds when reads add up. Each scenario therefore makes exactly
 * WINDOWS × 150 requests (15 reads of the 10,000 customers): one execution reading them again and
 * again, and 15 executions reading them at the same time through the store's shared pacer (as n8n
 * runs them). Share of the quota used = requests per window achieved / quota, where the windows
 * counted are the run's wall time divided by the window; 429s surfaced = calls that failed with 429.
 */
const CUSTOMERS = 10_000;
const PAGE_SIZE = 250;
const QUOTA = 150;
const WINDOW_MS = 30_000;
/** 30 s of emulated time last 2 s: long enough that ~150 page reads fit in one window with room to spare. */
const TIME_SCALE = 15;
const WINDOWS = 4;
const REQUESTS_PER_READ = CUSTOMERS / PAGE_SIZE;
const READS = (WINDOWS * QUOTA) / REQUESTS_PER_READ;

function fetchRequest(token: string): BigCommerceRequest {
	return async (request) => {
		const response = await fetch(request.url, {
			method: request.method,
			headers: { ...(request.headers ?? {}), 'X-Auth-Token': token },
			body: request.body === undefined ? undefined : JSON.stringify(request.body),
			signal: request.timeoutMs ? AbortSignal.timeout(request.timeoutMs) : undefined,
		});
		const headers: ResponseHeaders = {};
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

interface RunResult {
	reads: number;
	customersRead: number;
	requests: number;
	served429: number;
	surfaced429: number;
	elapsedMs: number;
	windowRealMs: number;
}

async function measure(sandbox: BigCommerceSandbox, executions: number): Promise<RunResult> {
	// A fresh window, as a flow starting after a pause meets.
	sandbox.setRateLimit({ quota: QUOTA, windowMs: WINDOW_MS });
	const before = sandbox.rateLimit() as { totalRequests: number; totalThrottled: number; windowRealMs: number };
	// n8n shares one pacer per store among all executions of the process (shared-pacers.ts).
	const pacer = new RateLimitPacer();
	const client = () => createBigCommerceClient({ baseUrl: sandbox.url, storeHash: sandbox.storeHash, request: fetchRequest(sandbox.accessToken), pacer, pageSize: PAGE_SIZE });
	const readsPerExecution = READS / executions;
	let customersRead = 0;
	let surfaced429 = 0;
	const startedAt = performance.now();
	await Promise.all(
		Array.from({ length: executions }, async () => {
			const c = client();
			for (let i = 0; i < readsPerExecution; i++) {
				try {
					const customers = await c.listV3('/customers', customerSchema).getAll();
					customersRead += customers.length;
				} catch (error) {
					if (isBigCommerceApiError(error) && error.status === 429) surfaced429++;
					else throw error;
				}
			}
		}),
	);
	const elapsedMs = performance.now() - startedAt;
	const after = sandbox.rateLimit() as { totalRequests: number; totalThrottled: number };
	return {
		reads: READS,
		customersRead,
		requests: after.totalRequests - before.totalRequests,
		served429: after.totalThrottled - before.totalThrottled,
		surfaced429,
		elapsedMs,
		windowRealMs: before.windowRealMs,
	};
}

function figures(label: string, r: RunResult): BenchFigure[] {
	if (r.customersRead !== r.reads * CUSTOMERS) throw new Error(`${label}: read ${r.customersRead} customers, expected ${r.reads * CUSTOMERS}`);
	const perWindow = r.requests / (r.elapsedMs / r.windowRealMs);
	return [
		figure({
			name: `requests per window, ${label} (${r.requests} pages of ${PAGE_SIZE} in ${(r.elapsedMs / 1000).toFixed(1)} s, window ${r.windowRealMs} ms)`,
			value: perWindow,
			unit: 'req/window',
			reference: { name: "the store's quota", value: QUOTA },
			goal: '≥ 0.9 of the quota',
			met: (ratio) => ratio >= 0.9,
		}),
		figure({
			name: `429s surfaced to the flow, ${label}`,
			value: r.surfaced429,
			unit: 'n',
			reference: { name: 'reads of 10,000 customers', value: r.reads },
			goal: '0',
			met: () => r.surfaced429 === 0,
		}),
		figure({
			name: `429s the emulator answered (retried inside the transport), ${label}`,
			value: r.served429,
			unit: 'n',
			reference: { name: 'requests', value: r.requests },
			goal: '≤ 0.05 of requests',
			met: (ratio) => ratio <= 0.05,
		}),
	];
}

const bench: Benchmark = {
	title: `BigCommerce transport: reading ${CUSTOMERS.toLocaleString('en-US')} customers (${PAGE_SIZE} per page) against the quota (${QUOTA} per 30 s window, time-scaled ×${TIME_SCALE})`,
	async run() {
		const sandbox = await startBigCommerceSandbox({ timeScale: TIME_SCALE, rateLimit: { quota: QUOTA, windowMs: WINDOW_MS }, cartAbandonAfterMs: null });
		try {
			for (let i = 1; i <= CUSTOMERS; i++) sandbox.createCustomer({ email: `reader${i}@example.com`, first_name: 'Read', last_name: `Customer ${i}` });
			const sequential = await measure(sandbox, 1);
			const concurrent = await measure(sandbox, READS);
			return [...figures(`1 execution, ${READS} reads in a row`, sequential), ...figures(`${READS} executions at once, 1 read each`, concurrent)];
		} finally {
			await sandbox.close();
		}
	},
};

export default bench;
