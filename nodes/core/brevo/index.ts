/**
 * Brevo API v3 transport and operations for the Tajo nodes (domain core: no n8n imports). The
 * node builds a client from its credential and a request function backed by
 * `httpRequestWithAuthentication`; bodies are typed with the official SDK's models (types only).
 */
export { BrevoClient, createBrevoClient } from './client';
export type { BrevoCall, BrevoClientOptions, BrevoResponse } from './client';
export { BrevoApiError, isBrevoApiError, isNotFoundError } from './api-error';
export type { BrevoFailure, FailedRequest } from './api-error';
export type { ErrorHints } from './error-messages';
export { BrevoValidationError, isBrevoValidationError, formatProblems, isValidEmail, isValidPhone, compactPhone, toNumber } from './validation';
export type { ValidationProblem } from './validation';
export { BrevoRateLimitPacer, DEFAULT_PACER_SETTINGS } from './rate-limit-pacer';
export type { GroupSnapshot, PacerSettings } from './rate-limit-pacer';
export { sharedBrevoPacer } from './shared-pacers';
export { readBrevoRateLimit, rateLimitGroup } from './rate-limit';
export type { BrevoRateLimit } from './rate-limit';
export { DEFAULT_RETRY_SETTINGS } from './retry-policy';
export type { BrevoRetrySettings } from './retry-policy';
export { buildUrl, normaliseBaseUrl } from './urls';

export { buildEvent, toBatchItem, trackEvent, trackEvents, EVENT_NAME_PATTERN, MAX_EVENT_PROPERTIES_BYTES } from './events';
export type { EventIdentifiersInput, EventInput } from './events';
export { buildUpsertContact, duplicatePhoneFields, findContact, getContact, lookupIdentifier, primaryIdentifier, upsertContact, IDENTIFIER_LABELS } from './contacts';
export type { ContactIdentifier, ContactIdentifierKind, ContactInput, SharedPhoneNumbers, SkippedField, UpsertOptions, UpsertResult } from './contacts';
export { consentOf } from './consent';
export type { Consent, ConsentOptions } from './consent';
export { attributeName, checkAttributeValues, createAttribute, ensureAttributes, listAttributes, TAJO_ATTRIBUTES } from './attributes';
export type { CheckedAttributes, EnsureResult, IgnoredAttribute, WantedAttribute } from './attributes';
export { buildTemplateEmail, defaultIdempotencyKey, sendTemplateEmail } from './emails';
export type { Recipient, TemplateEmailInput, TemplateEmailResult } from './emails';
export { canonicalJson, idempotencyKeyFrom, isUuid, stableUuid } from './idempotency';
export { buildSms, isValidSmsSender, sendSms } from './sms';
export type { SmsInput, SmsResult } from './sms';
export { buildWhatsappTemplate, sendWhatsapp } from './whatsapp';
export type { WhatsappTemplateInput } from './whatsapp';
export { buildProduct, upsertProduct, upsertProducts, MAX_META_INFO_CHARACTERS } from './products';
export type { ProductInput } from './products';
export { buildOrder, sendOrder, sendOrders } from './orders';
export type { OrderBatchOptions, OrderInput, OrderLineInput } from './orders';
export type { AttributeDefinition, ContactDetails } from './responses';
export type * from './sdk-types';
export { listContactLists, listEmailTemplates } from './account-lists';
export { createList, getLists, listFolders, sameListName } from './lists';
export type { ContactFolder, ContactList, CreateListInput, CreateListResult, GetListsOptions } from './lists';
