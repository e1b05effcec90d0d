/**
 * Generic HTTP pieces shared by the API transports of the domain core (no n8n imports, no API's
 * policy): request-function types, header reading, backoff, network-error classification, body
 * normalisation and parsing, and a bounded retry loop.
 */
export type { HttpMethod, HttpRequest, HttpResponse, RequestFunction, ResponseHeaders } from './http-types';
export { readHeader, readNumberHeader, readRetryAfterMs } from './headers';
export { backoffDelay, isRetryableServerStatus, rateLimitRetry, rateLimitRetryDelay, rateLimitWait } from './backoff';
export type { BackoffSettings, RateLimitGiveUp, RateLimitWaits } from './backoff';
export { classifyNetworkError, networkErrorText } from './network-errors';
export type { NetworkFailureKind } from './network-errors';
export { normaliseBody } from './response-body';
export { describeZodError, formatIssuePath, parseAt } from './parse-body';
export type { ParseOutcome } from './parse-body';
export { formatDuration, formatDurationInSeconds } from './durations';
export { defaultSleep, runWithRetries } from './retry-loop';
export type { AttemptOutcome, GiveUpReason, RetryBounds, RetryLoopOptions, RetryProgress } from './retry-loop';
