/**
 * BigCommerce transport for the Tajo nodes (domain core: no n8n imports). The nodes build a
 * client from their credential and a request function backed by `httpRequestWithAuthentication`.
 */
export { BigCommerceClient, createBigCommerceClient } from './client';
export type { ApiCall, ApiResponse, BigCommerceClientOptions, CallOptions, ListOptions } from './client';
export type { BigCommerceRequest, HttpMethod, HttpRequest, HttpResponse, ResponseHeaders } from './http-types';
export { BigCommerceApiError, isBigCommerceApiError, isNotFoundError } from './api-error';
export type { BigCommerceFailure, FailedRequest, FieldError } from './api-error';
export { PagedList } from './paged-list';
export { RateLimitPacer, DEFAULT_PACER_SETTINGS } from './rate-limit-pacer';
export type { PacerSettings, PacerSnapshot } from './rate-limit-pacer';
export { sharedRateLimitPacer } from './shared-pacers';
export { DEFAULT_RETRY_SETTINGS } from './retry-policy';
export type { RetrySettings } from './retry-policy';
export { readHeader } from '../http';
export { readRateLimitHeaders } from './headers';
export type { RateLimitHeaders } from './headers';
export { buildQueryString } from './query';
export type { QueryInput, QueryValue } from './query';
export { buildApiUrl, displayPath } from './urls';
export type { ApiVersion, StoreAddress } from './urls';
export { ORDER_STATUSES, ORDER_STATUS, orderStatusId, orderStatusName } from './order-statuses';
export type { OrderStatus, OrderStatusId, OrderStatusName } from './order-statuses';
export * from './schemas';
export { describeZodError, formatIssuePath, parseAt, type ParseOutcome } from '../http';
export { activateHook, listHooks, reactivateHook, reactivateInactiveHooks } from './hooks';
export type { HookFilter, ReactivatedHook } from './hooks';
