import fc from 'fast-check';
import { checkVerdict, decideTrack, type CartEvent } from '../../../../nodes/core/carts/cart-decisions';
import type { TrackedCart } from '../../../../nodes/core/carts/cart-types';

const NOW = '2025-03-15T12:00:00.000Z';
const event = (extra: Partial<CartEvent> = {}): CartEvent => ({
	storeHash: 's',
	cartId: 'c',
	kind: 'updated',
	email: 'a@example.com',
	items: [{ productId: 1 }],
	amountMinor: 100,
	eventAt: NOW,
	...extra,
});

const converted = (cart: TrackedCart): TrackedCart => ({ ...cart, status: 'converted', sequenceRunning: false });

describe('cart recovery decisions', () => {
	it('starts a sequence when a cart with identity and items is abandoned', () => {
		const d = decideTrack(null, event({ kind: 'abandoned' }), NOW);
		expect(d).toMatchObject({ startSequence: true, next: { generation: 1, sequenceRunning: true, status: 'abandoned' } });
		expect(checkVerdict(d.next, 1)).toEqual({ proceed: true });
	});

	it('only tracks a created or updated cart: no sequence until BigCommerce reports it abandoned', () => {
		const created = decideTrack(null, event(), NOW);
		expect(created).toMatchObject({ startSequence: false, reason: 'not_abandoned', next: { generation: 0, sequenceRunning: false, status: 'active' } });
		const updated = decideTrack(created.next, event({ items: [{ productId: 1 }, { productId: 2 }], amountMinor: 300 }), NOW);
		expect(updated).toMatchObject({ startSequence: false, reason: 'not_abandoned', next: { generation: 0, amountMinor: 300 } });
		expect(checkVerdict(updated.next, 1)).toEqual({ proceed: false, reason: 'unknown' });
		const abandoned = decideTrack(updated.next, event({ kind: 'abandoned', email: undefined, items: undefined, amountMinor: undefined }), NOW);
		expect(abandoned).toMatchObject({ startSequence: true, next: { generation: 1, status: 'abandoned', amountMinor: 300 } });
	});

	it('keeps a running sequence through updates and repeated abandonments, and starts the next one only after it ended', () => {
		const started = decideTrack(null, event({ kind: 'abandoned' }), NOW).next!;
		const update = decideTrack(started, event({ items: [{ productId: 2 }] }), NOW);
		expect(update).toMatchObject({ startSequence: false, reason: 'sequence_running', next: { generation: 1, sequenceRunning: true, status: 'active' } });
		// The running sequence still owns the cart and sees the new items.
		expect(checkVerdict(update.next, 1)).toEqual({ proceed: true });
		const again = decideTrack(update.next, event({ kind: 'abandoned' }), NOW);
		expect(again).toMatchObject({ startSequence: false, reason: 'sequence_running', next: { generation: 1 } });
		const ended = { ...again.next!, sequenceRunning: false };
		expect(decideTrack(ended, event(), NOW)).toMatchObject({ startSequence: false, reason: 'not_abandoned', next: { generation: 1 } });
		expect(decideTrack(ended, event({ kind: 'abandoned' }), NOW)).toMatchObject({ startSequence: true, next: { generation: 2 } });
	});

	it('keeps stored fields the event does not carry', () => {
		const first = decideTrack(null, event({ phone: '+1', checkoutUrl: 'u' }), NOW).next!;
		const next = decideTrack(first, event({ email: undefined, phone: undefined, checkoutUrl: undefined, items: [{ productId: 2 }] }), NOW).next!;
		expect(next).toMatchObject({ email: 'a@example.com', phone: '+1', checkoutUrl: 'u', items: [{ productId: 2 }] });
	});

	it('reports why no sequence was started', () => {
		expect(decideTrack(null, event({ kind: 'abandoned', email: null }), NOW).reason).toBe('no_identity');
		expect(decideTrack(null, event({ kind: 'abandoned', items: [] }), NOW)).toMatchObject({ reason: 'no_items', next: { status: 'emptied' } });
		expect(decideTrack(null, event({ kind: 'deleted' }), NOW)).toMatchObject({ reason: 'deleted', next: { status: 'deleted' } });
	});

	// Random event streams: the rules hold whatever order carts change in.
	const arbitraryEvent = fc.record({
		kind: fc.constantFrom<'updated' | 'abandoned' | 'deleted'>('updated', 'updated', 'abandoned', 'deleted'),
		email: fc.constantFrom<string | null | undefined>('a@example.com', null, undefined),
		customerId: fc.constantFrom<number | null | undefined>(7, 0, null, undefined),
		items: fc.constantFrom<CartEvent['items']>([], [{ productId: 1 }], undefined),
		convert: fc.boolean(),
	});

	it('never runs two sequences, starts only on abandonment with identity and items, and never after the end', () => {
		fc.assert(
			fc.property(fc.array(arbitraryEvent, { maxLength: 30 }), (stream) => {
				let cart = null as TrackedCart | null;
				for (const e of stream) {
					if (e.convert && cart !== null) {
						cart = converted(cart);
						continue;
					}
					const before: TrackedCart | null = cart;
					const d = decideTrack(before, event({ kind: e.kind, email: e.email, customerId: e.customerId, items: e.items }), NOW);
					cart = d.next ?? before;
					if (d.startSequence) {
						expect(e.kind).toBe('abandoned');
						expect(before?.sequenceRunning ?? false).toBe(false);
						expect(cart!.generation).toBe((before?.generation ?? 0) + 1);
						expect(cart!.items.length).toBeGreaterThan(0);
						expect(Boolean(cart!.email) || (cart!.customerId ?? 0) > 0).toBe(true);
					} else if (cart) {
						expect(cart.generation).toBe(before?.generation ?? 0);
					}
					if (before && (before.status === 'converted' || before.status === 'deleted')) expect(d.next).toBeNull();
					// Only the current generation of a cart still in play may proceed.
					if (cart) {
						for (let g = 1; g <= cart.generation; g++) {
							const v = checkVerdict(cart, g);
							if (v.proceed) expect(g === cart.generation && cart.sequenceRunning && ['active', 'abandoned'].includes(cart.status)).toBe(true);
						}
					}
				}
			}),
		);
	});
});
