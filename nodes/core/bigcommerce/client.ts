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
	type HttpResponse,
	type RetryProgress,
} from '../http';
import type { FailedRequest } from './api-error';
import { httpFailure, networkFailure, rateLimitExhausted, rateLimitWaitTooLong, unexpectedResponse, type FailureContext } from './error-messages';
import { readRateLimitHeaders } from './headers';
import type { BigCommerceRequest, HttpMethod, ResponseHeaders } from './http-types';
import { PagedList } from './paged-list';
import { v2Pages, v3CursorPages, v3OffsetPages, type PageSource } from './pagination';
import type { QueryInput } from './query';
import { RateLimitPacer } from './rate-limit-pacer';
import { DEFAULT_RETRY_SETTINGS, isIdempotentMethod, type RetrySettings } from './retry-policy';
import { v3Single } from './schemas/common';
import { buildApiUrl, displayPath, type ApiVersion, type StoreAddress } from './urls';

export interface BigCommerceClientOptions extends StoreAddress {
	request: BigCommerceRequest;
	/** Injected so tests run instantly; defaults to setTimeout. */
	sleep?: (ms: number) => Promise<void>;
	/** Injected clock (ms); defaults to Date.now. */
	now?: () => number;
	/** Jitter source in [0, 1); defaults to Math.random. */
	random?: () => number;
	/** Share one per store across clients (`sharedRateLimitPacer`); a private one otherwise. */
	pacer?: RateLimitPacer;
	retry?: Partial<RetrySettings>;
	/** Per-attempt timeout handed to the request function (default 30 s). */
	timeoutMs?: number;
	/** Items per page for lists (default 250, the most BigCommerce's lists return). */
	pageSize?: number;
}

export interface ApiCall {
	version: ApiVersion;
	method: HttpMethod;
	/** Path after the version: `/customers`, `/orders/100/products`. */
	path: string;
	query?: QueryInput;
	body?: unknown;
	/**
	 * Whether sending the call twice is harmless. Defaults to true for GET/HEAD only; set it on a
	 * write that sets absolute values to let 5xx and timeouts be retried too.
	 */
	idempotent?: boolean;
}

export interface ApiResponse {
	status: number;
	headers: ResponseHeaders;
	body: unknown;
}

export interface CallOptions {
	query?: QueryInput;
	body?: unknown;
	idempotent?: boolean;
}

export interface ListOptions {
	query?: QueryInput;
	pageSize?: number;
	/** v3 only: `cursor` for endpoints paged by `meta.cursor_pagination` (promotion codes, metafields). */
	pagination?: 'offset' | 'cursor';
}

/**
 * The BigCommerce REST transport: URLs, pacing under the store's rate limit, bounded retries,
 * envelopes, pagination and errors a marketer can act on. See `retry-policy.ts` for what is
 * retried when.
 */
export class BigCommerceClient {
	private readonly store: StoreAddress;
	private readonly request: BigCommerceRequest;
	private readonly sleep: (ms: number) => Promise<void>;
	private readonly now: () => number;
	private readonly random: () => number;
	private readonly retry: RetrySettings;
	private readonly timeoutMs: number;
	private readonly pageSize: number;
	readonly pacer: RateLimitPacer;

	constructor(options: BigCommerceClientOptions) {
		if (!options.storeHash.trim()) throw new Error('The BigCommerce API credential has no Store Hash.');
		if (!/^https?:\/\//i.test(options.baseUrl.trim())) {
			throw new Error(`The API Base URL "${options.baseUrl}" of the BigCommerce API credential must start with https:// (or http:// for a local test server).`);
		}
		this.store = { baseUrl: options.baseUrl, storeHash: options.storeHash };
		this.request = options.request;
		this.sleep = options.sleep ?? defaultSleep;
		this.now = options.now ?? Date.now;
		this.random = options.random ?? Math.random;
		this.retry = { ...DEFAULT_RETRY_SETTINGS, ...options.retry };
		this.timeoutMs = options.timeoutMs ?? 30_000;
		this.pageSize = options.pageSize ?? 250;
		this.pacer = options.pacer ?? new RateLimitPacer();
	}

	/**
	 * Sends one call, pacing it and retrying as the policy allows. Resolves with any 2xx (the body
	 * parsed, undefined for 204); throws `BigCommerceApiError` otherwise.
	 */
	async send(call: ApiCall): Promise<ApiResponse> {
		const idempotent = call.idempotent ?? isIdempotentMethod(call.method);
		const request: FailedRequest = { method: call.method, version: call.version, path: displayPath(call.version, call.path) };
		const url = buildApiUrl(this.store, call.version, call.path, call.query);
		const headers: Record<string, string> = { Accept: 'application/json' };
		if (call.body !== undefined) headers['Content-Type'] = 'application/json';

		const startedAt = this.now();
		let consecutiveRateLimits = 0;
		let transientFailures = 0;
		// Errors give the time spent when they are thrown, the failed attempt included.
		const context = ({ attempts }: RetryProgress): FailureContext => ({ request, attempts, elapsedMs: this.now() - startedAt, idempotent });

		const attempt = async (progress: RetryProgress): Promise<AttemptOutcome<ApiResponse>> => {
			const paceMs = this.pacer.reserve(this.now());
			if (paceMs > 0) await this.sleep(paceMs);

			let response: HttpResponse;
			try {
				response = await this.request({ method: call.method, url, body: call.body, headers, timeoutMs: this.timeoutMs });
			} catch (error) {
				this.pacer.release();
				const kind = classifyNetworkError(error);
				const failure = (p: RetryProgress) => networkFailure(kind, networkErrorText(error), this.timeoutMs, context(p), error);
				if (!idempotent || (kind !== 'timeout' && kind !== 'connection')) return { kind: 'fail', error: failure(progress) };
				transientFailures++;
				return { kind: 'retry', delayMs: backoffDelay(transientFailures, this.retry.backoffBaseMs, this.retry.backoffMaxMs, this.random), giveUp: (_why, p) => failure(p) };
			}

			this.pacer.observe(response.headers, this.now());
			const status = response.statusCode;
			const body = normaliseBody(response.body);
			if (status >= 200 && status < 300) return { kind: 'done', value: { status, headers: response.headers, body } };

			if (status === 429) {
				// Over-quota requests are rejected, not processed (docs: api-rate-limits), so even
				// writes may be sent again.
				consecutiveRateLimits++;
				const limits = readRateLimitHeaders(response.headers, this.now());
				return rateLimitRetry(limits, consecutiveRateLimits, this.retry, this.random, {
					exhausted: (p) => rateLimitExhausted(context(p), body),
					waitTooLong: (asked, p) => rateLimitWaitTooLong(context(p), asked, p.remainingWaitMs, body),
				});
			}
			consecutiveRateLimits = 0;

			if (idempotent && isRetryableServerStatus(status)) {
				transientFailures++;
				const asked = readRateLimitHeaders(response.headers, this.now()).retryAfterMs ?? 0;
				const delayMs = Math.max(asked, backoffDelay(transientFailures, this.retry.backoffBaseMs, this.retry.backoffMaxMs, this.random));
				return { kind: 'retry', delayMs, giveUp: (_why, p) => httpFailure(status, body, context(p)) };
			}
			return { kind: 'fail', error: httpFailure(status, body, context(progress)) };
		};

		return runWithRetries(attempt, { ...this.retry, sleep: this.sleep, now: this.now });
	}

	/** A v3 call answered with `{data, meta}`; returns `data` checked against `schema`. */
	async v3<S extends ZodTypeAny>(method: HttpMethod, path: string, schema: S, options: CallOptions = {}): Promise<z.output<S>> {
		const response = await this.send({ version: 'v3', method, path, ...options });
		const parsed = parseAt(v3Single(schema), response.body);
		if (!parsed.ok) throw this.unexpected('v3', method, path, response.status, parsed.problem, response.body);
		return parsed.value.data as z.output<S>;
	}

	/** A v2 call answered with a bare body; undefined for 204 No Content. */
	async v2<S extends ZodTypeAny>(method: HttpMethod, path: string, schema: S, options: CallOptions = {}): Promise<z.output<S> | undefined> {
		const response = await this.send({ version: 'v2', method, path, ...options });
		if (response.status === 204 || response.body === undefined) return undefined;
		const parsed = parseAt(schema, response.body, 'body');
		if (!parsed.ok) throw this.unexpected('v2', method, path, response.status, parsed.problem, response.body);
		return parsed.value as z.output<S>;
	}

	/** DELETE, expecting 204 (or any 2xx) and no data. */
	async delete(version: ApiVersion, path: string, options: CallOptions = {}): Promise<void> {
		await this.send({ version, method: 'DELETE', path, ...options });
	}

	/** A v3 collection, paged by `meta.pagination` (or cursors with `pagination: 'cursor'`). */
	listV3<S extends ZodTypeAny>(path: string, itemSchema: S, options: ListOptions = {}): PagedList<z.output<S>> {
		const source = this.pageSource('v3', path);
		const walk = options.pagination === 'cursor' ? v3CursorPages : v3OffsetPages;
		return new PagedList((pageSize) => walk(source, options.query ?? {}, pageSize, itemSchema), options.pageSize ?? this.pageSize);
	}

	/** A v2 collection, paged until a short page or 204. */
	listV2<S extends ZodTypeAny>(path: string, itemSchema: S, options: Omit<ListOptions, 'pagination'> = {}): PagedList<z.output<S>> {
		const source = this.pageSource('v2', path);
		return new PagedList((pageSize) => v2Pages(source, options.query ?? {}, pageSize, itemSchema), options.pageSize ?? this.pageSize);
	}

	private pageSource(version: ApiVersion, path: string): PageSource {
		return {
			get: (query) => this.send({ version, method: 'GET', path, query }),
			unexpected: (status, problem, body) => this.unexpected(version, 'GET', path, status, problem, body),
		};
	}

	private unexpected(version: ApiVersion, method: HttpMethod, path: string, status: number, problem: string, body: unknown): Error {
		const request: FailedRequest = { method, version, path: displayPath(version, path) };
		return unexpectedResponse(status, problem, body, { request, attempts: 1, elapsedMs: 0, idempotent: isIdempotentMethod(method) });
	}
}

export function createBigCommerceClient(options: BigCommerceClientOptions): BigCommerceClient {
	return new BigCommerceClient(options);
}
