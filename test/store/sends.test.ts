import type { DatabaseConfig } from '../../nodes/core/ledger/database-config';
import { InvalidLedgerInput } from '../../nodes/core/ledger/errors';
import type { LedgerStore } from '../../nodes/core/ledger/ledger-store';
import { runProcesses } from './support/run-workers';
import { STORE } from './support/seed-data';
import { ENGINES, useStoreEngine } from './support/store-engines';
import { TestClock } from './support/test-clock';

const KEY = 'order:100:review_request';
const TEN_MINUTES = 600;

/** The send-once log: claim, mark sent, release — once per store and key, whoever asks. */
describe.each(ENGINES)('the send-once log on %s', (engine) => {
	const db = useStoreEngine(engine);
	let clock: TestClock;
	let store: LedgerStore;
	let config: DatabaseConfig;

	beforeEach(async () => {
		clock = new TestClock('2025-03-15T12:00:00Z');
		({ store, config } = await db.fresh({ clock: clock.now }));
	});

	const claim = (s: LedgerStore = store, key = KEY, leaseSeconds = TEN_MINUTES) => s.claimSend({ storeHash: STORE, sendKey: key, leaseSeconds });
	const advanceSeconds = (seconds: number) => clock.advanceDays(seconds / 86_400);

	it('grants the first claim of a key for its lease and refuses the next while the lease runs', async () => {
		const first = await claim();
		expect(first).toEqual({
			claimed: true,
			send: {
				storeHash: STORE,
				sendKey: KEY,
				status: 'claimed',
				leaseUntil: '2025-03-15T12:10:00.000Z',
				attempts: 1,
				claimedAt: '2025-03-15T12:00:00.000Z',
				sentAt: null,
				detail: null,
				createdAt: '2025-03-15T12:00:00.000Z',
				updatedAt: '2025-03-15T12:00:00.000Z',
			},
		});
		advanceSeconds(599);
		const second = await claim();
		expect(second.claimed).toBe(false);
		// The holder's claim, unchanged.
		expect(second.send).toEqual(first.send);
	});

	it('an expired lease can be claimed again (the holder died before sending); the attempt is counted', async () => {
		await claim();
		advanceSeconds(TEN_MINUTES);
		const again = await claim(store, KEY, 60);
		expect(again).toMatchObject({ claimed: true, send: { status: 'claimed', attempts: 2, claimedAt: '2025-03-15T12:10:00.000Z', leaseUntil: '2025-03-15T12:11:00.000Z', createdAt: '2025-03-15T12:00:00.000Z' } });
		expect((await claim()).claimed).toBe(false);
	});

	it('a send marked sent is never claimed again, however late; marking it again changes nothing', async () => {
		await claim();
		advanceSeconds(30);
		const sent = await store.markSent({ storeHash: STORE, sendKey: KEY, detail: { messageId: '<abc@brevo>' } });
		expect(sent).toEqual({
			alreadySent: false,
			send: expect.objectContaining({ status: 'sent', leaseUntil: null, attempts: 1, sentAt: '2025-03-15T12:00:30.000Z', detail: { messageId: '<abc@brevo>' } }),
		});
		clock.advanceDays(400);
		expect(await claim()).toEqual({ claimed: false, send: sent.send });
		const again = await store.markSent({ storeHash: STORE, sendKey: KEY });
		expect(again).toEqual({ alreadySent: true, send: sent.send });
		// Nor can it be released.
		expect(await store.releaseSend({ storeHash: STORE, sendKey: KEY })).toEqual({ released: false, send: sent.send });
	});

	it('a released claim can be claimed again at once', async () => {
		await claim();
		advanceSeconds(5);
		const released = await store.releaseSend({ storeHash: STORE, sendKey: KEY });
		expect(released).toEqual({ released: true, send: expect.objectContaining({ status: 'released', leaseUntil: null, attempts: 1 }) });
		expect(await store.releaseSend({ storeHash: STORE, sendKey: KEY })).toEqual({ released: false, send: released.send });
		expect(await claim()).toMatchObject({ claimed: true, send: { status: 'claimed', attempts: 2, leaseUntil: '2025-03-15T12:10:05.000Z' } });
		expect(await store.releaseSend({ storeHash: STORE, sendKey: 'order:1:never-claimed' })).toEqual({ released: false, send: null });
	});

	it('marks a send nobody claimed (sent by other means): it is then never claimed', async () => {
		const sent = await store.markSent({ storeHash: STORE, sendKey: KEY });
		expect(sent).toEqual({ alreadySent: false, send: expect.objectContaining({ status: 'sent', attempts: 0, claimedAt: null, sentAt: '2025-03-15T12:00:00.000Z' }) });
		expect((await claim()).claimed).toBe(false);
	});

	it('keeps keys apart per store, and the detail of the claim until the send replaces it', async () => {
		expect((await claim()).claimed).toBe(true);
		expect((await store.claimSend({ storeHash: 'otherstore', sendKey: KEY, leaseSeconds: 60 })).claimed).toBe(true);
		const withDetail = await store.claimSend({ storeHash: STORE, sendKey: 'order:7:points', leaseSeconds: 60, detail: { email: 'a@example.com' } });
		expect(withDetail.send.detail).toEqual({ email: 'a@example.com' });
		advanceSeconds(60);
		expect((await store.claimSend({ storeHash: STORE, sendKey: 'order:7:points', leaseSeconds: 60 })).send.detail).toEqual({ email: 'a@example.com' });
		expect((await store.markSent({ storeHash: STORE, sendKey: 'order:7:points' })).send.detail).toEqual({ email: 'a@example.com' });
	});

	it('refuses input it cannot keep, before touching the database', async () => {
		await expect(store.claimSend({ storeHash: STORE, sendKey: KEY, leaseSeconds: 0 })).rejects.toThrow(/leaseSeconds: must be at least 1/);
		await expect(store.claimSend({ storeHash: STORE, sendKey: ' ', leaseSeconds: 60 })).rejects.toThrow(InvalidLedgerInput);
		await expect(store.claimSend({ storeHash: '', sendKey: KEY, leaseSeconds: 60 })).rejects.toThrow(/storeHash: must be a non-empty text/);
		await expect(store.markSent({ storeHash: STORE, sendKey: KEY, detail: ['x'] as never })).rejects.toThrow(/detail: must be an object/);
		expect(Number((await db.sql(config, 'SELECT count(*) AS n FROM tajo_sends'))[0].n)).toBe(0);
	});

	describe('under concurrency', () => {
		let stores: LedgerStore[];

		beforeEach(async () => {
			// Five stores on one database stand for five n8n processes, sharing the test's clock.
			stores = [store, ...(await Promise.all([1, 2, 3, 4].map(() => db.open(config, { clock: clock.now, poolSize: 5 }))))];
		});

		it('50 concurrent claims of one key: exactly one is granted, and again once its lease has run out', async () => {
			const round = () => Promise.all(Array.from({ length: 50 }, (_, i) => claim(stores[i % stores.length])));
			const first = await round();
			expect(first.filter((r) => r.claimed)).toHaveLength(1);
			// Every loser sees the winner's claim.
			expect(new Set(first.map((r) => r.send.claimedAt))).toEqual(new Set(['2025-03-15T12:00:00.000Z']));
			advanceSeconds(TEN_MINUTES + 1);
			const second = await round();
			expect(second.filter((r) => r.claimed)).toHaveLength(1);
			expect(second.every((r) => r.send.attempts === 2)).toBe(true);
		});

		it('concurrent claims and a mark: once sent, nothing is granted', async () => {
			await claim();
			advanceSeconds(TEN_MINUTES + 1);
			const [sent, ...claims] = await Promise.all([
				store.markSent({ storeHash: STORE, sendKey: KEY }),
				...Array.from({ length: 20 }, (_, i) => claim(stores[i % stores.length])),
			]);
			expect(sent.alreadySent).toBe(false);
			expect(claims.filter((r) => r.claimed).length).toBeLessThanOrEqual(1);
			expect((await claim()).claimed).toBe(false);
			expect((await claim(stores[3])).send.status).toBe('sent');
		});

		it('40 claims of one key from 4 separate processes: exactly one is granted', async () => {
			const reports = await runProcesses(Array.from({ length: 4 }, () => ({ task: 'claim' as const, config, storeHash: STORE, sendKey: 'order:200:points', count: 10 })));
			expect(reports.flatMap((r) => r.claims).filter(Boolean)).toHaveLength(1);
			expect(reports.flatMap((r) => r.claims)).toHaveLength(40);
		}, 120_000);
	});
});
