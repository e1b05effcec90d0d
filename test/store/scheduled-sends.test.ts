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
	const dueKeys = async (query: { dueBefore?: string; dueAfter?: string; keySuffix?: string; keyPrefix?: string; storeHash?: string } = {}) =>
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

	it('with dueAfter lists only what is due strictly after it: a message overdue longer than that is left out', async () => {
		await schedule('order:1:review_request', '2025-02-01T00:00:00Z');
		await schedule('order:2:review_request', '2025-03-08T12:00:00Z');
		await schedule('order:3:review_request', '2025-03-10T00:00:00Z');
		await schedule('order:4:review_request', '2025-03-15T12:00:00Z');
		await schedule('order:5:review_request', '2025-03-20T00:00:00Z');
		expect(await dueKeys({ dueAfter: '2025-03-08T12:00:00Z' })).toEqual(['order:3:review_request', 'order:4:review_request']);
		// Any date-time JavaScript parses, as dueBefore.
		expect(await dueKeys({ dueAfter: '2025-03-08T13:00:00+02:00' })).toEqual(['order:2:review_request', 'order:3:review_request', 'order:4:review_request']);
		expect(await dueKeys({ dueAfter: '2025-03-01T00:00:00Z', dueBefore: '2025-03-10T00:00:00Z' })).toEqual(['order:2:review_request', 'order:3:review_request']);
		expect(await dueKeys({ dueAfter: '2025-03-15T12:00:00Z' })).toEqual([]);
		expect(await dueKeys({ dueAfter: '2025-03-16T00:00:00Z', dueBefore: '2025-03-10T00:00:00Z' })).toEqual([]);
		// Still only what a claim would win.
		await store.markSent({ storeHash: STORE, sendKey: 'order:3:review_request' });
		expect(await dueKeys({ dueAfter: '2025-03-08T12:00:00Z' })).toEqual(['order:4:review_request']);
	});

	it('pages with dueAfter as without it', async () => {
		for (let i = 0; i < 7; i++) await schedule(`order:${i}:review_request`, `2025-03-1${i % 3}T00:00:00Z`);
		await schedule('order:9:review_request', '2025-03-01T00:00:00Z');
		const keys: string[] = [];
		let cursor: string | null = null;
		do {
			const page = await store.listDueSends({ storeHash: STORE, dueAfter: '2025-03-09T00:00:00Z', limit: 2, cursor });
			keys.push(...page.items.map((s) => s.sendKey));
			cursor = page.nextCursor;
		} while (cursor);
		expect(keys).toEqual(['order:0:review_request', 'order:3:review_request', 'order:6:review_request', 'order:1:review_request', 'order:4:review_request', 'order:2:review_request', 'order:5:review_request']);
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
		await expect(store.listDueSends({ storeHash: STORE, dueAfter: 'last week' })).rejects.toThrow(/dueAfter: must be a date and time/);
		await expect(store.listDueSends({ storeHash: STORE, dueAfter: '' })).rejects.toThrow(InvalidLedgerInput);
		expect(Number((await db.sql(config, 'SELECT count(*) AS n FROM tajo_scheduled_sends'))[0].n)).toBe(0);
	});

	describe('pruneScheduledSends', () => {
		const scheduledKeys = async (storeHash = STORE) =>
			(await db.sql(config, 'SELECT send_key FROM tajo_scheduled_sends WHERE store_hash = ? ORDER BY send_key', [storeHash])).map((r) => String(r.send_key));
		const sendLog = async () => (await db.sql(config, 'SELECT store_hash, send_key, status FROM tajo_sends ORDER BY store_hash, send_key')).map((r) => `${String(r.store_hash)} ${String(r.send_key)} ${String(r.status)}`);

		it('deletes the schedules sent and due before the bound, and only those; the send log keeps them as sent', async () => {
			// Due before the bound (2025-03-08T12:00Z): sent, never claimed, claimed (lease run out or not), released.
			for (const key of ['order:1:review_request', 'order:2:review_request', 'order:3:review_request', 'order:4:review_request', 'order:5:review_request']) await schedule(key, '2025-03-01T00:00:00Z');
			await schedule('order:6:review_request', '2025-03-08T11:59:59.999Z');
			// Sent, but due at the bound or after it.
			await schedule('order:7:review_request', '2025-03-08T12:00:00Z');
			await schedule('order:8:review_request', '2025-03-14T00:00:00Z');
			// Another store's, sent and due long ago.
			await schedule('order:1:review_request', '2025-03-01T00:00:00Z', PAYLOAD, 'otherstore');
			for (const key of ['order:1:review_request', 'order:6:review_request', 'order:7:review_request', 'order:8:review_request']) await store.markSent({ storeHash: STORE, sendKey: key });
			await store.markSent({ storeHash: 'otherstore', sendKey: 'order:1:review_request' });
			await store.claimSend({ storeHash: STORE, sendKey: 'order:3:review_request', leaseSeconds: 600 });
			await store.claimSend({ storeHash: STORE, sendKey: 'order:4:review_request', leaseSeconds: 1 });
			await store.claimSend({ storeHash: STORE, sendKey: 'order:5:review_request', leaseSeconds: 600 });
			await store.releaseSend({ storeHash: STORE, sendKey: 'order:5:review_request' });
			advanceSeconds(1);
			// A send logged without a schedule is not the prune's business.
			await store.markSent({ storeHash: STORE, sendKey: 'order:9:points' });
			const logBefore = await sendLog();

			expect(await store.pruneScheduledSends(STORE, '2025-03-08T12:00:00Z')).toEqual({ deleted: 2 });
			expect(await scheduledKeys()).toEqual(['order:2:review_request', 'order:3:review_request', 'order:4:review_request', 'order:5:review_request', 'order:7:review_request', 'order:8:review_request']);
			expect(await scheduledKeys('otherstore')).toEqual(['order:1:review_request']);
			expect(await sendLog()).toEqual(logBefore);
			// What may still be sent is still listed.
			expect(await dueKeys()).toEqual(['order:2:review_request', 'order:4:review_request', 'order:5:review_request']);
			// Again: nothing left to delete.
			expect(await store.pruneScheduledSends(STORE, '2025-03-08T12:00:00Z')).toEqual({ deleted: 0 });
			// Any date-time JavaScript parses.
			expect(await store.pruneScheduledSends(STORE, '2025-03-08T14:00:00.001+02:00')).toEqual({ deleted: 1 });
			expect(await scheduledKeys()).not.toContain('order:7:review_request');
		});

		it('a key scheduled again after its schedule was pruned is a new schedule, still never due nor claimed: it was sent', async () => {
			await schedule(REVIEW, '2025-03-01T00:00:00Z');
			await store.markSent({ storeHash: STORE, sendKey: REVIEW });
			expect(await store.pruneScheduledSends(STORE, '2025-03-08T00:00:00Z')).toEqual({ deleted: 1 });
			expect((await schedule(REVIEW, '2025-03-15T11:00:00Z')).scheduled).toBe(true);
			expect(await dueKeys()).toEqual([]);
			expect((await store.claimSend({ storeHash: STORE, sendKey: REVIEW, leaseSeconds: 600 })).claimed).toBe(false);
		});

		it('deletes any number: two full transactions of a thousand, then an empty one', async () => {
			// 2,000 sent schedules (two full chunks, then an empty one) and one not sent, inserted in bulk.
			const at = (iso: string) => (engine === 'postgres' ? `CAST('${iso}' AS TIMESTAMPTZ)` : `'${iso}'`);
			const payload = engine === 'postgres' ? "CAST('{}' AS JSONB)" : "'{}'";
			const numbers = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)';
			const key = "'order:' || CAST(i AS TEXT) || ':review_request'";
			await db.sql(config, `${numbers} INSERT INTO tajo_scheduled_sends (store_hash, send_key, due_at, payload, created_at) SELECT '${STORE}', ${key}, ${at('2025-02-01T00:00:00.000Z')}, ${payload}, ${at('2025-01-20T00:00:00.000Z')} FROM n`);
			await db.sql(
				config,
				`${numbers} INSERT INTO tajo_sends (store_hash, send_key, status, lease_until, attempts, claimed_at, sent_at, detail, created_at, updated_at)
				SELECT '${STORE}', ${key}, 'sent', NULL, 1, NULL, ${at('2025-02-01T00:00:00.000Z')}, NULL, ${at('2025-02-01T00:00:00.000Z')}, ${at('2025-02-01T00:00:00.000Z')} FROM n`,
			);
			await schedule('order:2001:review_request', '2025-02-01T00:00:00Z');
			expect(await store.pruneScheduledSends(STORE, '2025-03-08T12:00:00Z')).toEqual({ deleted: 2000 });
			expect(await scheduledKeys()).toEqual(['order:2001:review_request']);
			expect(Number((await db.sql(config, "SELECT count(*) AS n FROM tajo_sends WHERE status = 'sent'"))[0].n)).toBe(2000);
		});

		it('refuses a bound it cannot read, before touching the database', async () => {
			await schedule(REVIEW, '2025-03-01T00:00:00Z');
			await store.markSent({ storeHash: STORE, sendKey: REVIEW });
			await expect(store.pruneScheduledSends(STORE, 'a week ago')).rejects.toThrow(/before: must be a date and time/);
			await expect(store.pruneScheduledSends(STORE, '')).rejects.toThrow(InvalidLedgerInput);
			await expect(store.pruneScheduledSends(' ', '2025-03-08T00:00:00Z')).rejects.toThrow(/storeHash/);
			expect(await scheduledKeys()).toEqual([REVIEW]);
		});
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
