/**
 * Request bodies as the official SDK (`@getbrevo/brevo` 6.x, a dev dependency) types them. Only
 * types are imported, so nothing of the SDK runs here (DESIGN §8: it retries POSTs on its own and
 * bypasses n8n's request helpers). Every body this transport sends is built as one of these, so
 * a field the API does not know, or of the wrong type, fails the type check.
 *
 * Where the SDK's request type also carries path or query parameters (identifier, attribute
 * name), they are left out of the body type.
 */
import type { Brevo } from '@getbrevo/brevo';

export type EventBody = Brevo.CreateEventRequest;
export type EventIdentifiers = Brevo.CreateEventRequest.Identifiers;
/**
 * One item of POST /events/batch. SDK 6.0.3 wraps the items as `{events: [...]}`; the 2026 API
 * (newer SDK builds, the generated WireMock stubs, the sandbox) takes the bare array, which is
 * what we send. The item type is the same in both.
 */
export type BatchEventItem = Brevo.CreateBatchEventsRequest.Events.Item;
export type BatchEventsBody = BatchEventItem[];

export type CreateContactBody = Brevo.CreateContactRequest;
export type UpdateContactBody = Omit<Brevo.UpdateContactRequest, 'identifier' | 'identifierType'>;
export type ContactAttributeValue = Brevo.CreateContactRequest.Attributes.Value;
export type ContactIdentifierType = Brevo.GetContactInfoRequestIdentifierType;

export type CreateAttributeBody = Omit<Brevo.CreateAttributeRequest, 'attributeCategory' | 'attributeName'>;
export type AttributeCategory = Brevo.CreateAttributeRequestAttributeCategory;
export type AttributeType = Brevo.CreateAttributeRequest.Type;

export type TransactionalEmailBody = Brevo.SendTransacEmailRequest;
export type TransactionalSmsBody = Brevo.SendTransacSms;
export type WhatsappMessageBody = Brevo.SendWhatsappMessageRequest;

export type ProductBody = Brevo.CreateUpdateProductRequest;
export type ProductBatchBody = Brevo.CreateUpdateBatchProductsRequest;
export type ProductBatchItem = Brevo.CreateUpdateBatchProductsRequest.Products.Item;

export type OrderBody = Brevo.Order;
export type OrderBatchBody = Brevo.CreateBatchOrderRequest;
