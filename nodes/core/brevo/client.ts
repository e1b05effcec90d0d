import type { z, ZodTypeAny } from 'zod';
import {
	backoffDelay,
	classifyNetworkError,
	defaultSleep,
	isRetryableServerStatus,
	networkErrorText,
	normaliseBody,
	parseAt,
	rateLimitRetry,
	runWithRetries,
	type AttemptOutcome,
	type HttpMethod,
	type HttpResponse,
	type RequestFunction,
	type ResponseHeaders,
	type RetryProgress,
} from '../http';
import type { BrevoApiError, FailedRequest } from './api-error';
import { httpFailure, networkFailure, rateLimitExhausted, rateLimitWaitTooLong, unexpectedResponse, type ErrorHints, type FailureContext } from './error-messages';
import { rateLimitGroup, readBrevoRateLimit } from './rate-limit';
import { BrevoRateLimitPacer } from './rate-limit-pacer';
import { DEFAULT_RETRY_SETTINGS, isReadMethod, type BrevoRetrySettings } from './retry-policy';
import { buildUrl, displayPath, type QueryInput } from './urls';

export interface BrevoClientOptions {
	/** The credential's Base URL, e.g. https://api.brevo.com/v3 or the sandbox's `apiBaseUrl`. */
	baseUrl: string;
	/** Sends one request with the `api-key` header added (n8n: httpRequestWithAuthentication). */
	request: RequestFunction;
	/** Injected so tests run instantly; defaults to setTimeout. */
	sleep?: (ms: number) => Promise<void>;
	/** Injected clock (ms); defaults to Date.now. */
	now?: () => number;
	/** Jitter source in [0, 1); defaults to Math.random. */
	random?: () => number;
	/** Share one per account across clients (`sharedBrevoPacer`); a private one otherwise. */
	pacer?: BrevoRateLimitPacer;
	retry?: Partial<BrevoRetrySettings>;
	/** Per-attempt timeout handed to the request function (default 30 s). */
	timeoutMs?: number;
}

export interface BrevoCall {
	method: HttpMethod;
	/** Path after the Base URL, e.g. `/events`, `/contacts/jane%40example.com` (segments encoded). */
	path: string;
	query?: QueryInput;
	body?: unknown;
	/** What the call is for, completing "Brevo refused to …": `track the event "order_shipped"`. */
	action: string;
	/**
	 * Whether sending the call twice is harmless, so that 5xx and timeouts may be retried.
	 * Defaults to true for GET/HEAD only (see `retry-policy.ts`).
	 */
	repeatable?: boolean;
	hints?: ErrorHints;
}

export interface BrevoResponse {
	status: number;
	headers: ResponseHeaders;
	/** Parsed JSON; undefined for 204 and empty bodies. */
	body: unknown;
}

/**
 * The Brevo API v3 transport: URLs, pacing under the account's rate limits, bounded retries and
 * errors a marketer can act on. See `retry-policy.ts` for what is retried when, and
 * `rate-limit-pacer.ts` for how 429s are avoided in the first place.
 */
export class BrevoClient {
	private readonly baseUrl: string;
	private readonly request: RequestFunction;
	private readonly sleep: (ms: number) => Promise<void>;
	private readonly now: () => number;
	private readonly random: () => number;
	private readonly retry: BrevoRetrySettings;
	private readonly timeoutMs: number;
	readonly pacer: BrevoRateLimitPacer;

	constructor(options: BrevoClientOptions) {
		if (!/^https?:\/\/\S+$/i.test(options.baseUrl.trim())) {
			throw new Error(`The Base URL "${options.baseUrl}" of the Brevo API credential must start with https:// (or http:// for a local test server), e.g. https://api.brevo.com/v3.`);
		}
		this.baseUrl = options.baseUrl;
		this.request = options.request;
		this.sleep = options.sleep ?? defaultSleep;
		this.now = options.now ?? Date.now;
		this.random = options.random ?? Math.random;
		this.retry = { ...DEFAULT_RETRY_SETTINGS, ...options.retry };
		this.timeoutMs = options.timeoutMs ?? 30_000;
		this.pacer = options.pacer ?? new BrevoRateLimitPacer();
	}

	/**
	 * Sends one call, pacing it and retrying as the policy allows. Resolves with any 2xx (the body
	 * parsed, undefined for 204); throws `BrevoApiError` otherwise.
	 */
	async send(call: BrevoCall): Promise<BrevoResponse> {
		const repeatable = call.repeatable ?? isReadMethod(call.method);
		const request: FailedRequest = { method: call.method, path: displayPath(call.path), action: call.action };
		const url = buildUrl(this.baseUrl, call.path, call.query);
		const headers: Record<string, string> = { Accept: 'application/json' };
		if (call.body !== undefined) headers['Content-Type'] = 'application/json';
		const group = rateLimitGroup(call.method, call.path);

		let consecutiveRateLimits = 0;
		let transientFailures = 0;
		let uncertain = false;
		const contextOf = (progress: RetryProgress): FailureContext => ({ request, attempts: progress.attempts, elapsedMs: progress.elapsedMs, repeatable, uncertain });

		const attempt = async (progress: RetryProgress): Promise<AttemptOutcome<BrevoResponse>> => {
			const paced = await this.pace(group);
			if (paced !== undefined) return { kind: 'fail', error: rateLimitWaitTooLong(contextOf(progress), paced, this.retry.maxTotalWaitMs) };

			let response: HttpResponse;
			try {
				response = await this.request({ method: call.method, url, body: call.body, headers, timeoutMs: this.timeoutMs });
			} catch (error) {
				this.pacer.release(group);
				const kind = classifyNetworkError(error);
				const failure = (p: RetryProgress) => networkFailure(kind, networkErrorText(error), this.timeoutMs, contextOf(p), error);
				if (kind === 'timeout') uncertain = true;
				if (!repeatable || (kind !== 'timeout' && kind !== 'connection')) return { kind: 'fail', error: failure(progress) };
				transientFailures++;
				return { kind: 'retry', delayMs: backoffDelay(transientFailures, this.retry.backoffBaseMs, this.retry.backoffMaxMs, this.random), giveUp: (_why, p) => failure(p) };
			}

			this.pacer.observe(group, response.headers, this.now());
			const status = response.statusCode;
			const body = normaliseBody(response.body);
			if (status >= 200 && status < 300) return { kind: 'done', value: { status, headers: response.headers, body } };

			if (status === 429) {
				// Brevo rejects over-quota requests without processing them, so even writes may be
				// sent again.
				consecutiveRateLimits++;
				const limits = readBrevoRateLimit(response.headers, this.now());
				return rateLimitRetry(limits, consecutiveRateLimits, this.retry, this.random, {
					exhausted: (p) => rateLimitExhausted(contextOf(p), body),
					waitTooLong: (asked, p) => rateLimitWaitTooLong(contextOf(p), asked, p.remainingWaitMs, body),
				});
			}
			consecutiveRateLimits = 0;

			if (isRetryableServerStatus(status)) {
				// Brevo may have carried the call out before failing: only repeatable calls go again.
				uncertain = true;
				if (repeatable) {
					transientFailures++;
					const asked = readBrevoRateLimit(response.headers, this.now()).retryAfterMs ?? 0;
					const delayMs = Math.max(asked, backoffDelay(transientFailures, this.retry.backoffBaseMs, this.retry.backoffMaxMs, this.random));
					return { kind: 'retry', delayMs, giveUp: (_why, p) => httpFailure(status, body, contextOf(p), call.hints) };
				}
			}
			return { kind: 'fail', error: httpFailure(status, body, contextOf(progress), call.hints) };
		};

		return runWithRetries(attempt, { ...this.retry, sleep: this.sleep, now: this.now });
	}

	/** Sends a call and checks its 2xx body against `schema` (a Brevo response model). */
	async sendFor<S extends ZodTypeAny>(call: BrevoCall, schema: S): Promise<z.output<S>> {
		const response = await this.send(call);
		const parsed = parseAt(schema, response.body, 'body');
		if (!parsed.ok) throw this.unexpected(call, response.status, parsed.problem, response.body);
		return parsed.value as z.output<S>;
	}

	unexpected(call: BrevoCall, status: number, problem: string, body: unknown): BrevoApiError {
		const request: FailedRequest = { method: call.method, path: displayPath(call.path), action: call.action };
		return unexpectedResponse(status, problem, body, { request, attempts: 1, elapsedMs: 0, repeatable: call.repeatable ?? isReadMethod(call.method), uncertain: false });
	}

	/**
	 * Waits until the pacer gives this call a slot. Returns undefined once booked, or the wait the
	 * pacer asked for when it is longer than a call may wait at all (an hourly quota spent).
	 */
	private async pace(group: string): Promise<number | undefined> {
		for (;;) {
			const wait = this.pacer.tryReserve(group, this.now());
			if (wait <= 0) return undefined;
			if (wait > this.retry.maxTotalWaitMs) return wait;
			await this.sleep(wait);
		}
	}
}

export function createBrevoClient(options: BrevoClientOptions): BrevoClient {
	return new BrevoClient(options);
}
