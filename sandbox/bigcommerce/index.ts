/**
 * BigCommerce API emulator ("sandbox") for tests and the demo. Start one with
 * `startBigCommerceSandbox()`; put its `url` in the BigCommerce credential's API Base URL, and use
 * its control methods (or the HTTP control API below /_sandbox, see CONTROL_API.md) to change the
 * store, read webhook deliveries and inject faults.
 */
export { BigCommerceSandbox, startBigCommerceSandbox } from './BigCommerceSandbox';
export type { BigCommerceSandboxOptions } from './SandboxEngine';
export type { RequestFaultSpec } from './http/faults';
export type { RateLimitSettings } from './http/rateLimiter';
export type { Delivery, DeliveryAttempt, DeliveryState, WebhookEvent } from './webhooks/deliveryLog';
export type { WebhookEnvelope } from './webhooks/envelope';
export { RETRY_INTERVALS_SECONDS } from './webhooks/retrySchedule';
export { ORDER_STATUSES } from './resources/orders/orderStatuses';
