import { createBigCommerceClient, customerSchema, isBigCommerceApiError, RateLimitPacer } from '../nodes/core/bigcommerce';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '../sandbox/bigcommerce';
import type { Benchmark, BenchFigure } from './figures';
import { fetchRequest, rateLimitFigures, runCalls } from './rate-limit';

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
	const client = () => createBigCommerceClient({ baseUrl: sandbox.url, storeHash: sandbox.storeHash, request: fetchRequest({ 'X-Auth-Token': sandbox.accessToken }), pacer, pageSize: PAGE_SIZE });
	let customersRead = 0;
	// One caller per execution; READS is a multiple of `executions`, so each makes READS / executions reads in a row.
	const { elapsedMs, surfaced429 } = await runCalls(
		Array.from({ length: executions }, client),
		READS,
		async (c) => {
			const customers = await c.listV3('/customers', customerSchema).getAll();
			customersRead += customers.length;
		},
		(error) => isBigCommerceApiError(error) && error.status === 429,
	);
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
	return rateLimitFigures({
		throughput: {
			name: `requests per window, ${label} (${r.requests} pages of ${PAGE_SIZE} in ${(r.elapsedMs / 1000).toFixed(1)} s, window ${r.windowRealMs} ms)`,
			value: perWindow,
			unit: 'req/window',
			reference: { name: "the store's quota", value: QUOTA },
			limitName: 'the quota',
		},
		surfaced429: { name: `429s surfaced to the flow, ${label}`, value: r.surfaced429, reference: { name: 'reads of 10,000 customers', value: r.reads } },
		answered429: { name: `429s the emulator answered (retried inside the transport), ${label}`, value: r.served429, requests: r.requests },
	});
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
