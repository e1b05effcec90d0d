import { orderStatusName } from './order-statuses';
import { canonicalScope, shortEventName, webhookEventInfo } from './webhook-events';

/**
 * A webhook delivery as BigCommerce POSTs it (docs/integrations/webhooks/events, "Callback
 * structure"): `{scope, store_id, data, hash, created_at, producer}`, and the one clean item the
 * BigCommerce Trigger turns it into. Parsing is pure and needs no API call, so the trigger can
 * answer BigCommerce at once.
 */
export interface WebhookEnvelope {
	scope: string;
	store_id?: string;
	data: Record<string, unknown>;
	hash: string;
	/** Unix seconds. */
	created_at?: number;
	/** `stores/{store_hash}` */
	producer?: string;
}

/** The item a workflow receives. Keys follow BigCommerce's snake_case. */
export interface WebhookEventItem {
	/** Short name for Switch nodes: `order.statusUpdated`. */
	event: string;
	/** Store-wide scope, also when a channel-specific scope was delivered: `store/order/statusUpdated`. */
	scope: string;
	/** `order`, `cart`, `customer`, `product`, `shipment`… */
	resource_type: string | null;
	resource_id: number | string | null;
	/** The storefront channel, when the hook was limited to one. */
	channel_id: number | null;
	order_id?: number | string;
	cart_id?: string;
	customer_id?: number | string;
	product_id?: number | string;
	shipment_id?: number | string;
	coupon_id?: number | string;
	refund_id?: number | string;
	previous_status_id?: number | null;
	previous_status_name?: string | null;
	new_status_id?: number | null;
	new_status_name?: string | null;
	store_hash: string | null;
	store_id: string | null;
	/** When BigCommerce created the event (ISO 8601); the receipt time if the delivery has none. */
	created_at: string;
	received_at: string;
	hash: string;
}

export type DeliveryParse = { ok: true; envelope: WebhookEnvelope; item: WebhookEventItem } | { ok: false; reason: string };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** n8n hands over parsed JSON, but a sender without a JSON content type arrives as text or bytes. */
function asObject(body: unknown): Json | string {
	let value = body;
	if (value instanceof Uint8Array) value = Buffer.from(value).toString('utf8');
	if (typeof value === 'string') {
		if (value.trim() === '') return 'The request has no body; BigCommerce always sends a JSON body.';
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			return 'The body is not JSON.';
		}
	}
	if (!isObject(value) || Object.keys(value).length === 0) return 'The body is not a JSON object with scope, data and hash.';
	return value;
}

function readEnvelope(body: Json): WebhookEnvelope | string {
	const { scope, data, hash, store_id, created_at, producer } = body;
	if (typeof scope !== 'string' || scope === '') return 'The "scope" field is missing.';
	if (!/^store\/[A-Za-z0-9_*/-]+$/.test(scope)) return `"${scope.slice(0, 100)}" is not a BigCommerce webhook scope (scopes start with store/).`;
	if (!isObject(data)) return 'The "data" field is missing or not an object.';
	if (typeof hash !== 'string' || hash.trim() === '') return 'The "hash" field is missing.';
	if (hash.length > 128) return 'The "hash" field is too long to be a BigCommerce event hash.';
	if (store_id !== undefined && typeof store_id !== 'string' && typeof store_id !== 'number') return 'The "store_id" field is not a string.';
	let createdAt: number | undefined;
	if (created_at !== undefined && created_at !== null) {
		createdAt = typeof created_at === 'string' && /^\d+$/.test(created_at) ? Number(created_at) : (created_at as number);
		if (typeof createdAt !== 'number' || !Number.isFinite(createdAt) || createdAt < 0) return 'The "created_at" field is not a Unix timestamp.';
	}
	if (producer !== undefined && (typeof producer !== 'string' || !producer.startsWith('stores/'))) return 'The "producer" field is not of the form stores/{store_hash}.';
	return {
		scope,
		data,
		hash: hash.trim(),
		store_id: store_id === undefined ? undefined : String(store_id),
		created_at: createdAt,
		producer: producer as string | undefined,
	};
}

function idValue(value: unknown): number | string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value !== '') return value;
	return undefined;
}

/** The first id found under any of `keys` (store-wide payloads use `id`, channel ones `order_id`…). */
function pick(data: Json, ...keys: string[]): number | string | undefined {
	for (const key of keys) {
		const value = idValue(data[key]);
		if (value !== undefined) return value;
	}
	return undefined;
}

function statusId(value: unknown): number | null {
	const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) ? number : null;
}

/** Adds the fields particular to each kind of event. */
function addEventFields(item: WebhookEventItem, data: Json): void {
	const type = item.resource_type;
	const id = item.resource_id ?? undefined;
	if (type === 'order') item.order_id = id;
	if (type === 'cart') item.cart_id = id === undefined ? undefined : String(id);
	if (type === 'customer') item.customer_id = id;
	if (type === 'product') item.product_id = id;
	if (type === 'shipment') {
		item.shipment_id = id;
		item.order_id = pick(data, 'orderId', 'order_id');
	}
	if (item.scope === 'store/cart/converted') item.order_id = pick(data, 'orderId', 'order_id');
	if (item.scope === 'store/cart/couponApplied') item.coupon_id = pick(data, 'couponId', 'coupon_id');
	if (item.scope === 'store/order/refund/created') {
		item.refund_id = isObject(data.refund) ? pick(data.refund, 'refund_id', 'id') : pick(data, 'refund_id');
	}
	if (item.scope === 'store/order/statusUpdated') {
		const status = isObject(data.status) ? data.status : data;
		item.previous_status_id = statusId(status.previous_status_id);
		item.previous_status_name = item.previous_status_id === null ? null : (orderStatusName(item.previous_status_id) ?? null);
		item.new_status_id = statusId(status.new_status_id);
		item.new_status_name = item.new_status_id === null ? null : (orderStatusName(item.new_status_id) ?? null);
	}
	for (const key of Object.keys(item) as Array<keyof WebhookEventItem>) if (item[key] === undefined) delete item[key];
}

function toItem(envelope: WebhookEnvelope, receivedAt: Date): WebhookEventItem | string {
	const { scope, channelId } = canonicalScope(envelope.scope);
	const data = envelope.data;
	const scopeNoun = scope.split('/')[1] ?? null;
	const resourceType = typeof data.type === 'string' && data.type !== '' ? data.type : scopeNoun;
	const resourceId = pick(data, 'id', `${scopeNoun}_id`, `${scopeNoun}Id`) ?? null;
	// A known event without the id of what it is about cannot be acted on.
	if (resourceId === null && webhookEventInfo(scope)) return `The "data" of a ${scope} event has no id.`;
	const item: WebhookEventItem = {
		event: shortEventName(scope),
		scope,
		resource_type: resourceType,
		resource_id: resourceId,
		channel_id: channelId ?? null,
		store_hash: envelope.producer?.slice('stores/'.length) || null,
		store_id: envelope.store_id ?? null,
		created_at: new Date((envelope.created_at ?? receivedAt.getTime() / 1000) * 1000).toISOString(),
		received_at: receivedAt.toISOString(),
		hash: envelope.hash,
	};
	addEventFields(item, data);
	return item;
}

/**
 * Checks that a delivery is a BigCommerce webhook envelope and builds its item. `reason` says
 * what is wrong, for the 400 answer (BigCommerce logs it; a developer sending a test sees it).
 */
export function parseWebhookDelivery(body: unknown, receivedAt: Date = new Date()): DeliveryParse {
	const object = asObject(body);
	if (typeof object === 'string') return { ok: false, reason: object };
	const envelope = readEnvelope(object);
	if (typeof envelope === 'string') return { ok: false, reason: envelope };
	const item = toItem(envelope, receivedAt);
	if (typeof item === 'string') return { ok: false, reason: item };
	return { ok: true, envelope, item };
}
