/** Abandoned-cart recovery state (DESIGN §6), kept by the ledger store's database. */

export type CartStatus = 'active' | 'abandoned' | 'converted' | 'emptied' | 'deleted';

/** One line of a cart, as the caller maps it from BigCommerce (product id, name, quantity, price, image…). */
export type CartItem = Record<string, unknown>;

export interface CartMessage {
	generation: number;
	step: string;
	sentAt: string;
	channel: string | null;
	messageId: string | null;
}

export interface TrackedCart {
	storeHash: string;
	cartId: string;
	channelId: number | null;
	customerId: number | null;
	email: string | null;
	phone: string | null;
	items: CartItem[];
	amountMinor: number;
	currency: string | null;
	checkoutUrl: string | null;
	status: CartStatus;
	/** Number of the latest recovery sequence (0: none yet). A sequence owns the cart while its number is current. */
	generation: number;
	sequenceRunning: boolean;
	sequenceStartedAt: string | null;
	sequenceEndedAt: string | null;
	messagesSent: CartMessage[];
	convertedOrderId: string | null;
	lastEventAt: string;
	createdAt: string;
	updatedAt: string;
}

export interface TrackCartInput {
	storeHash: string;
	cartId: string;
	/**
	 * `updated` (default: created or changed; keeps the cart current, never starts a sequence),
	 * `abandoned` (BigCommerce's store/cart/abandoned: the one event that starts a sequence),
	 * `deleted`. Conversion has its own operation.
	 */
	event?: 'updated' | 'abandoned' | 'deleted';
	/** Fields left undefined keep their value (a cart event may lack the email a previous one had). */
	channelId?: number | null;
	customerId?: number | null;
	email?: string | null;
	phone?: string | null;
	/** Required except for `deleted`; an empty list means the cart was emptied. */
	items?: CartItem[];
	amountMinor?: number;
	currency?: string | null;
	checkoutUrl?: string | null;
	/** When the event happened (default now); older events than the last one seen are ignored. */
	eventAt?: string;
}

/**
 * Why track did not start a sequence. `not_abandoned`: a created or updated cart — sequences start
 * on abandonment only.
 */
export type TrackSkipReason = 'not_abandoned' | 'no_identity' | 'no_items' | 'sequence_running' | 'converted' | 'deleted' | 'stale_event';

export interface TrackCartResult {
	cart: TrackedCart;
	startSequence: boolean;
	/** The token a new sequence carries; when none starts, the current one. */
	generation: number;
	reason?: TrackSkipReason;
}

/** Why a waiting sequence must stop. `finished`: the sequence was ended. `unsubscribed`: from the caller's hook. */
export type CartStopReason = 'converted' | 'emptied' | 'deleted' | 'superseded' | 'finished' | 'unknown' | 'unsubscribed';

export interface CartCheckResult {
	proceed: boolean;
	reason?: CartStopReason;
	/** The cart as it is now (fresh items and checkout link for the message); null when unknown. */
	cart: TrackedCart | null;
	/** Messages already recorded for this generation. */
	messagesSent: CartMessage[];
}

export interface CartCheckOptions {
	/**
	 * Consent check, asked only when everything else says proceed (e.g. Brevo's unsubscribed or
	 * blacklisted flags for this channel). Runs outside any database transaction.
	 */
	isUnsubscribed?: (cart: TrackedCart) => boolean | Promise<boolean>;
}

export interface MarkConvertedInput {
	storeHash: string;
	/** The cart's id, or an order's `cart_id`. */
	cartId: string;
	orderId?: string | number | null;
}

export interface MarkConvertedResult {
	cart: TrackedCart;
	alreadyConverted: boolean;
	/** False when the cart was not tracked: a converted record is kept so late cart events start nothing. */
	wasTracked: boolean;
}

export interface RecordMessageInput {
	storeHash: string;
	cartId: string;
	generation: number;
	/** e.g. `1`, `email_24h`. Once per cart, generation and step. */
	step: string | number;
	channel?: string | null;
	messageId?: string | null;
}

export interface RecordMessageResult {
	duplicate: boolean;
	message: CartMessage;
}

export interface EndSequenceInput {
	storeHash: string;
	cartId: string;
	generation: number;
}
