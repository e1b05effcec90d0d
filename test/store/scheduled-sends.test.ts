import type { DatabaseConfig } from '../../nodes/core/ledger/database-config';
import { InvalidLedgerInput } from '../../nodes/core/ledger/errors';
import type { LedgerStore } from '../../nodes/core/ledger/ledger-store';
import { STORE } from './support/seed-data';
import { ENGINES, useStoreEngine } from './support/store-engines';
import { TestClock } from './support/test-clock';

const REVIEW = 'order:100:review_request';
const PAYLOAD = { email: 'ann@example.com', orderId: 100, products: [{ name: 'Mug', product_id: 7 }] };

/** Scheduled messages: what a later run may send when the execution meant to send it was lost. */
describe.each(ENGINES)('scheduled sends on %s', (engine) => {
	const db = useStoreEngine(engine);
	let clock: TestClock;
	let store: LedgerStore;
	let config: DatabaseConfig;

	beforeEach(async () => {
		clock = new TestClock('2025-03-15T12:00:00Z');
		({ store, config } = await db.fresh({ clock: clock.now }));
	});

	const schedule = (sendKey = REVIEW, dueAt = '2025-03-29T12:00:00Z', payload: Record<string, unknown> = PAYLOAD, storeHash = STORE) =>
		store.scheduleSend({ storeHash, sendKey, dueAt, payload });
	const dueKeys = async (query: { dueBefore?: string; keySuffix?: string; keyPrefix?: string; storeHash?: string } = {}) =>
		(await store.listDueSends({ storeHash: STORE, ...query })).items.map((s) => s.sendKey);
	const advanceSeconds = (seconds: number) => clock.advanceDays(seconds / 86_400);

	it('schedules a key once: a repeat keeps the first due time and payload', async () => {
		const first = await schedule();
		expect(first).toEqual({
			scheduled: true,
			send: { storeHash: STORE, sendKey: REVIEW, dueAt: '2025-03-29T12:00:00.000Z', payload: PAYLOAD, createdAt: '2025-03-15T12:00:00.000Z' },
		});
		advanceSeconds(3600);
		const again = await schedule(REVIEW, '2025-04-30T00:00:00+02:00', { email: 'other@example.com' });
		expect(again).toEqual({ scheduled: false, send: first.send });
	});

	it('lists what is due by the given time (default now), oldest first, not what is due later', async () => {
		await schedule('order:3:review_request', '2025-03-20T00:00:00Z');
		await schedule('order:1:review_request', '2025-03-15T11:00:00Z');
		await schedule('order:2:review_request', '2025-03-15T12:00:00Z');
		expect(await dueKeys()).toEqual(['order:1:review_request', 'order:2:review_request']);
		expect(await dueKeys({ dueBefore: '2025-03-15T11:30:00Z' })).toEqual(['order:1:review_request']);
		clock.set('2025-03-20T00:00:00Z');
		const due = await store.listDueSends({ storeHash: STORE });
		expect(due.items.map((s) => s.sendKey)).toEqual(['order:1:review_request', 'order:2:review_request', 'order:3:review_request']);
		expect(due.items[0]).toEqual({
			storeHash: STORE,
			sendKey: 'order:1:review_request',
			dueAt: '2025-03-15T11:00:00.000Z',
			payload: PAYLOAD,
			createdAt: '2025-03-15T12:00:00.000Z',
			status: null,
			attempts: 0,
		});
		expect(due.nextCursor).toBeNull();
	});

	it('does not list a send marked sent, nor one claimed under a live lease; lists it again once the lease ran out', async () => {
		await schedule(REVIEW, '2025-03-15T11:00:00Z');
		await schedule('order:101:review_request', '2025-03-15T11:00:00Z');
		await store.markSent({ storeHash: STORE, sendKey: 'order:101:review_request' });
		await store.claimSend({ storeHash: STORE, sendKey: REVIEW, leaseSeconds: 600 });
		expect(await dueKeys()).toEqual([]);
		advanceSeconds(599);
		expect(await dueKeys()).toEqual([]);
		advanceSeconds(1);
		const due = await store.listDueSends({ storeHash: STORE });
		expect(due.items).toEqual([expect.objectContaining({ sendKey: REVIEW, status: 'claimed', attempts: 1 })]);
		// What it lists, a claim wins.
		expect((await store.claimSend({ storeHash: STORE, sendKey: REVIEW, leaseSeconds: 600 })).claimed).toBe(true);
		expect(await dueKeys()).toEqual([]);
	});

	it('lists a released send again at once', async () => {
		await schedule(REVIEW, '2025-03-15T11:00:00Z');
		await store.claimSend({ storeHash: STORE, sendKey: REVIEW, leaseSeconds: 600 });
		await store.releaseSend({ storeHash: STORE, sendKey: REVIEW });
		expect((await store.listDueSends({ storeHash: STORE })).items).toEqual([expect.objectContaining({ sendKey: REVIEW, status: 'released', attempts: 1 })]);
	});

	it('filters by key prefix and suffix, exactly (case and LIKE wildcards included)', async () => {
		for (const key of ['order:1:review_request', 'order:2:shipment:5:order_shipped', 'cart:9:review_request', 'order:3:REVIEW_REQUEST', 'order:4:reviewXrequest', 'request']) {
			await schedule(key, '2025-03-15T11:00:00Z');
		}
		expect(await dueKeys({ keySuffix: ':review_request' })).toEqual(['cart:9:review_request', 'order:1:review_request']);
		expect(await dueKeys({ keyPrefix: 'order:' })).toEqual(['order:1:review_request', 'order:2:shipment:5:order_shipped', 'order:3:REVIEW_REQUEST', 'order:4:reviewXrequest']);
		expect(await dueKeys({ keyPrefix: 'order:', keySuffix: '_request' })).toEqual(['order:1:review_request']);
		expect(await dueKeys({ keySuffix: 'a longer text than the key request' })).toEqual([]);
	});

	it('keeps stores apart', async () => {
		await schedule(REVIEW, '2025-03-15T11:00:00Z');
		await schedule(REVIEW, '2025-03-15T11:00:00Z', { email: 'b@example.com' }, 'otherstore');
		await store.markSent({ storeHash: 'otherstore', sendKey: REVIEW });
		expect(await dueKeys()).toEqual([REVIEW]);
		expect(await dueKeys({ storeHash: 'otherstore' })).toEqual([]);
		expect(await dueKeys({ storeHash: 'thirdstore' })).toEqual([]);
	});

	it('pages through many due sends with the cursor, in due order', async () => {
		for (let i = 0; i < 7; i++) await schedule(`order:${i}:review_request`, `2025-03-1${i % 3}T00:00:00Z`);
		const keys: string[] = [];
		let cursor: string | null = null;
		do {
			const page = await store.listDueSends({ storeHash: STORE, limit: 3, cursor });
			expect(page.items.length).toBeLessThanOrEqual(3);
			keys.push(...page.items.map((s) => s.sendKey));
			cursor = page.nextCursor;
		} while (cursor);
		expect(keys).toEqual(['order:0:review_request', 'order:3:review_request', 'order:6:review_request', 'order:1:review_request', 'order:4:review_request', 'order:2:review_request', 'order:5:review_request']);
	});

	it('refuses input it cannot keep, before touching the database', async () => {
		await expect(schedule(' ')).rejects.toThrow(InvalidLedgerInput);
		await expect(schedule('x'.repeat(301))).rejects.toThrow(/sendKey: must be at most 300 characters/);
		await expect(schedule(REVIEW, 'next week')).rejects.toThrow(/dueAt: must be a date and time/);
		await expect(schedule(REVIEW, '2025-03-29T12:00:00Z', ['x'] as never)).rejects.toThrow(/payload: must be an object/);
		await expect(schedule(REVIEW, '2025-03-29T12:00:00Z', { text: 'x'.repeat(16_000) })).rejects.toThrow(/payload: must be at most 16000 characters as JSON/);
		await expect(store.listDueSends({ storeHash: STORE, limit: 0 })).rejects.toThrow(/limit: must be at least 1/);
		await expect(store.listDueSends({ storeHash: STORE, dueBefore: 'soon' })).rejects.toThrow(/dueBefore: must be a date and time/);
		expect(Number((await db.sql(config, 'SELECT count(*) AS n FROM tajo_scheduled_sends'))[0].n)).toBe(0);
	});

	it('concurrent schedules of one key from several stores: one is recorded, all see it', async () => {
		const stores = [store, ...(await Promise.all([1, 2, 3].map(() => db.open(config, { clock: clock.now, poolSize: 5 }))))];
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => stores[i % stores.length].scheduleSend({ storeHash: STORE, sendKey: REVIEW, dueAt: `2025-03-${10 + i}T00:00:00Z`, payload: { i } })),
		);
		expect(results.filter((r) => r.scheduled)).toHaveLength(1);
		const winner = results.find((r) => r.scheduled)!.send;
		expect(results.every((r) => r.send.dueAt === winner.dueAt && r.send.payload.i === winner.payload.i)).toBe(true);
	});
});
