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
	it('starts on the first cart with identity and items', () => {
		const d = decideTrack(null, event(), NOW);
		expect(d).toMatchObject({ startSequence: true, next: { generation: 1, sequenceRunning: true, status: 'active' } });
		expect(checkVerdict(d.next, 1)).toEqual({ proceed: true });
	});

	it('keeps stored fields the event does not carry', () => {
		const first = decideTrack(null, event({ phone: '+1', checkoutUrl: 'u' }), NOW).next!;
		const next = decideTrack(first, event({ email: undefined, phone: undefined, checkoutUrl: undefined, items: [{ productId: 2 }] }), NOW).next!;
		expect(next).toMatchObject({ email: 'a@example.com', phone: '+1', checkoutUrl: 'u', items: [{ productId: 2 }] });
	});

	it('reports why no sequence was started', () => {
		expect(decideTrack(null, event({ email: null }), NOW).reason).toBe('no_identity');
		expect(decideTrack(null, event({ items: [] }), NOW)).toMatchObject({ reason: 'no_items', next: { status: 'emptied' } });
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

	it('never runs two sequences, starts only with identity and items, and never after the end', () => {
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
