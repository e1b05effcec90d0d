import { buildEvent, createBrevoClient, BrevoRateLimitPacer, isBrevoApiError, trackEvent, type BrevoClient } from '../nodes/core/brevo';
import { startBrevoSandbox, type BrevoSandbox } from '../sandbox/brevo';
import type { Benchmark, BenchFigure } from './figures';
import { fetchRequest, rateLimitFigures, runCalls } from './rate-limit';

/**
 * Brevo events per second against the emulator's events limit (Brevo's General tier: 10 per
 * second, fixed windows, whole-second `x-sib-ratelimit-reset`), in real time: how much of the
 * limit the transport uses (goal ≥ 0.9), and how many 429s reach the flow (goal 0). Once
 * sequentially (one execution), once with four concurrent executions sharing the account's pacer.
 */
const WINDOWS = 5;

interface RunResult {
	events: number;
	elapsedMs: number;
	surfaced429: number;
	answered429: number;
	requests: number;
}

/**
 * Sends `WINDOWS × limit + 1` events and times first send → last acceptance: ideally exactly
 * WINDOWS windows, so events/s = (n − 1) / elapsed compares directly with the limit.
 */
async function measure(sandbox: BrevoSandbox, limit: number, callers: number): Promise<RunResult> {
	sandbox.reset({ seed: false });
	const pacer = new BrevoRateLimitPacer();
	const clients: BrevoClient[] = Array.from({ length: callers }, () => createBrevoClient({ baseUrl: sandbox.apiBaseUrl, request: fetchRequest({ 'api-key': sandbox.apiKey }), pacer }));
	// Start on a fresh window, as a flow would after a pause.
	await new Promise((resolve) => setTimeout(resolve, 1_100));
	const { lastSuccessMs, surfaced429 } = await runCalls(
		clients,
		WINDOWS * limit + 1,
		async (client, n) => {
			await trackEvent(client, buildEvent({ eventName: 'points_awarded', identifiers: { email: `member${n}@example.com` }, eventProperties: { points: n } }));
		},
		(error) => isBrevoApiError(error) && error.status === 429,
	);
	const received = sandbox.received({ path: '/v3/events' });
	return {
		events: sandbox.events().length,
		elapsedMs: lastSuccessMs,
		surfaced429,
		answered429: received.filter((r) => r.status === 429).length,
		requests: received.length,
	};
}

function figures(label: string, result: RunResult, limitPerSecond: number): BenchFigure[] {
	const rate = ((result.events - 1) / result.elapsedMs) * 1000;
	return rateLimitFigures({
		throughput: { name: `events/s, ${label}`, value: rate, unit: 'events/s', reference: { name: "emulator's events limit", value: limitPerSecond }, limitName: 'the limit' },
		surfaced429: { name: `429s reaching the flow, ${label}`, value: result.surfaced429, reference: { name: 'events sent', value: result.events } },
		answered429: { name: `429 answers retried inside the transport, ${label}`, value: result.answered429, requests: result.requests },
	});
}

const bench: Benchmark = {
	title: 'Brevo transport: events against the rate limit',
	async run() {
		const sandbox = await startBrevoSandbox({ seed: false });
		try {
			const { limit, windowMs } = sandbox.rateLimits().events;
			const perSecond = (limit * 1000) / windowMs;
			const sequential = await measure(sandbox, limit, 1);
			const concurrent = await measure(sandbox, limit, 4);
			return [...figures('1 execution', sequential, perSecond), ...figures('4 concurrent executions', concurrent, perSecond)];
		} finally {
			await sandbox.close();
		}
	},
};

export default bench;
