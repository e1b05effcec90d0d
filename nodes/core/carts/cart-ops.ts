import { CartNotFound, InvalidLedgerInput } from '../ledger/errors';
import type { OpContext } from '../ledger/ops/context';
import { idText, instant, optionalInt, optionalText, requireInt, requireText } from '../ledger/ops/validate';
import { row, run, type Op } from '../ledger/sql/statement';
import { toJson } from '../ledger/sql/values';
import { checkVerdict, decideTrack, emptyCart, type CartEvent } from './cart-decisions';
import { CART_COLUMNS, cartValues, mapCart } from './cart-rows';
import type {
	CartCheckResult,
	CartMessage,
	EndSequenceInput,
	MarkConvertedInput,
	MarkConvertedResult,
	RecordMessageInput,
	RecordMessageResult,
	TrackCartInput,
	TrackCartResult,
	TrackedCart,
} from './cart-types';

const EVENTS = new Set(['updated', 'abandoned', 'deleted']);

export function validateCartEvent(input: TrackCartInput, now: string): CartEvent {
	const kind = input.event ?? 'updated';
	if (!EVENTS.has(kind)) throw new InvalidLedgerInput('event', 'must be updated, abandoned or deleted');
	if (kind !== 'deleted' && !Array.isArray(input.items)) throw new InvalidLedgerInput('items', 'must be a list of cart lines (empty when the cart was emptied)');
	const email = optionalText('email', input.email, 320);
	return {
		storeHash: requireText('storeHash', input.storeHash, 100),
		cartId: idText('cartId', input.cartId),
		kind,
		channelId: optionalInt('channelId', input.channelId),
		customerId: optionalInt('customerId', input.customerId, { min: 0 }),
		email: typeof email === 'string' ? email.trim().toLowerCase() : email,
		phone: optionalText('phone', input.phone, 50),
		items: input.items,
		amountMinor: input.amountMinor === undefined ? undefined : requireInt('amountMinor', input.amountMinor, { min: 0 }),
		currency: optionalText('currency', input.currency, 10),
		checkoutUrl: optionalText('checkoutUrl', input.checkoutUrl, 2000),
		eventAt: input.eventAt === undefined ? now : instant('eventAt', input.eventAt),
	};
}

function* lockCart(ctx: OpContext, storeHash: string, cartId: string): Op<TrackedCart | null> {
	const found = yield* row(`SELECT ${CART_COLUMNS} FROM tajo_carts WHERE store_hash = ? AND cart_id = ?${ctx.dialect.forUpdate()}`, [storeHash, cartId]);
	return found ? mapCart(found) : null;
}

function* insertCart(cart: TrackedCart): Op<boolean> {
	const columns = CART_COLUMNS.split(', ');
	const inserted = yield* run(
		`INSERT INTO tajo_carts (${CART_COLUMNS}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (store_hash, cart_id) DO NOTHING`,
		cartValues(cart),
	);
	return inserted > 0;
}

function* updateCart(cart: TrackedCart): Op<void> {
	const columns = CART_COLUMNS.split(', ').slice(2);
	yield* run(`UPDATE tajo_carts SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE store_hash = ? AND cart_id = ?`, [
		...cartValues(cart).slice(2),
		cart.storeHash,
		cart.cartId,
	]);
}

/**
 * Decides on the locked row (or on nothing, for a new cart). If a concurrent event inserted the
 * cart between our read and our insert, the insert does nothing and we decide again on its row,
 * so two first events can never both start a sequence.
 */
function* withCart<T>(ctx: OpContext, storeHash: string, cartId: string, change: (current: TrackedCart | null) => { next: TrackedCart | null; result: T }): Op<T> {
	for (let attempt = 1; ; attempt++) {
		const current = yield* lockCart(ctx, storeHash, cartId);
		const { next, result } = change(current);
		if (next === null) return result;
		if (current) {
			yield* updateCart(next);
			return result;
		}
		if (yield* insertCart(next)) return result;
		if (attempt >= 3) throw new Error(`Cart ${cartId} could not be written; try again`);
	}
}

export function* trackCartOp(ctx: OpContext, event: CartEvent): Op<TrackCartResult> {
	return yield* withCart(ctx, event.storeHash, event.cartId, (current) => {
		const decision = decideTrack(current, event, ctx.now);
		const cart = decision.next ?? current!;
		const result: TrackCartResult = { cart, startSequence: decision.startSequence, generation: cart.generation };
		if (decision.reason) result.reason = decision.reason;
		return { next: decision.next, result };
	});
}

export function* readCartOp(storeHash: string, cartId: string): Op<TrackedCart | null> {
	const found = yield* row(`SELECT ${CART_COLUMNS} FROM tajo_carts WHERE store_hash = ? AND cart_id = ?`, [storeHash, cartId]);
	return found ? mapCart(found) : null;
}

/** The database part of check; the caller's consent hook runs after, outside the transaction. */
export function* checkCartOp(storeHash: string, cartId: string, generation: number): Op<CartCheckResult> {
	const cart = yield* readCartOp(requireText('storeHash', storeHash, 100), idText('cartId', cartId));
	const verdict = checkVerdict(cart, requireInt('generation', generation));
	return { ...verdict, cart, messagesSent: cart ? cart.messagesSent.filter((m) => m.generation === generation) : [] };
}

/** Converted by the cart's own event or by an order naming it in `cart_id`; the first order id is kept. */
export function* markConvertedOp(ctx: OpContext, input: MarkConvertedInput): Op<MarkConvertedResult> {
	const storeHash = requireText('storeHash', input.storeHash, 100);
	const cartId = idText('cartId', input.cartId);
	const orderId = input.orderId === undefined || input.orderId === null ? null : idText('orderId', input.orderId);
	return yield* withCart<MarkConvertedResult>(ctx, storeHash, cartId, (current) => {
		if (current?.status === 'converted') return { next: null, result: { cart: current, alreadyConverted: true, wasTracked: true } };
		const base = current ?? emptyCart(storeHash, cartId, ctx.now);
		const ended = base.sequenceRunning ? { sequenceRunning: false, sequenceEndedAt: ctx.now } : {};
		const cart: TrackedCart = { ...base, ...ended, status: 'converted', convertedOrderId: orderId, updatedAt: ctx.now };
		return { next: cart, result: { cart, alreadyConverted: false, wasTracked: current !== null } };
	});
}

/** Idempotent per (cart, generation, step): the second call reports the first. */
export function* recordMessageOp(ctx: OpContext, input: RecordMessageInput): Op<RecordMessageResult> {
	const storeHash = requireText('storeHash', input.storeHash, 100);
	const cartId = idText('cartId', input.cartId);
	const generation = requireInt('generation', input.generation, { min: 1 });
	const step = idText('step', input.step);
	const cart = yield* lockCart(ctx, storeHash, cartId);
	if (!cart) throw new CartNotFound(cartId);
	const first = cart.messagesSent.find((m) => m.generation === generation && m.step === step);
	if (first) return { duplicate: true, message: first };
	const message: CartMessage = {
		generation,
		step,
		sentAt: ctx.now,
		channel: optionalText('channel', input.channel, 50) ?? null,
		messageId: optionalText('messageId', input.messageId, 300) ?? null,
	};
	yield* run('UPDATE tajo_carts SET messages_sent = ?, updated_at = ? WHERE store_hash = ? AND cart_id = ?', [
		toJson([...cart.messagesSent, message]),
		ctx.now,
		storeHash,
		cartId,
	]);
	return { duplicate: false, message };
}

export function* endSequenceOp(ctx: OpContext, input: EndSequenceInput): Op<{ ended: boolean }> {
	const storeHash = requireText('storeHash', input.storeHash, 100);
	const cartId = idText('cartId', input.cartId);
	const generation = requireInt('generation', input.generation, { min: 1 });
	return yield* withCart<{ ended: boolean }>(ctx, storeHash, cartId, (current) => {
		if (!current || current.generation !== generation || !current.sequenceRunning) return { next: null, result: { ended: false } };
		return { next: { ...current, sequenceRunning: false, sequenceEndedAt: ctx.now, updatedAt: ctx.now }, result: { ended: true } };
	});
}

/** Part of erasing a member: their carts keep items and amounts, lose email, phone and checkout link. */
export function* eraseCartsOp(ctx: OpContext, storeHash: string, customerId: number, email: string | null): Op<number> {
	return yield* run(
		`UPDATE tajo_carts SET email = NULL, phone = NULL, checkout_url = NULL, updated_at = ?
		WHERE store_hash = ? AND (customer_id = ? OR (email IS NOT NULL AND email = ?))`,
		[ctx.now, storeHash, customerId, email ?? ''],
	);
}
