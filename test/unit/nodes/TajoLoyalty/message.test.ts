import type { IDataObject } from 'n8n-workflow';
import { node } from './support/run-node';
import { STORE } from './support/fixtures';
import { useTempLedger } from './support/ledger';

const ledger = useTempLedger();
const KEY = 'order:1043:review_request';
const message = (operation: string, extra: IDataObject = {}) => ({ resource: 'message', operation, storeHash: STORE, key: KEY, ...extra });
const order = (id: number) => ({ id, customer_id: 7, status: 'Completed', billing_address: { email: 'ada@example.com' } });

describe('Message (the send-once log)', () => {
	it('is a resource of its own, described for marketers', () => {
		const resource = node.description.properties.find((p) => p.name === 'resource')!;
		expect(resource.options).toContainEqual({ name: 'Message', value: 'message', description: 'Send-once log for Brevo messages and other side effects' });
		const lease = node.description.properties.find((p) => p.name === 'leaseMinutes')!;
		expect(lease).toEqual(expect.objectContaining({ displayName: 'Lease (Minutes)', default: 10 }));
		expect(node.description.properties.find((p) => p.name === 'output')).toEqual(expect.objectContaining({ default: 'claimed' }));
	});

	it('Claim lets an item through once per key: the item goes on unchanged, with the claim added; a second claim drops it', async () => {
		const { items } = await ledger.run(message('claim'), [order(1043), order(1043)]);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toEqual({
			...order(1043),
			claim: expect.objectContaining({ claimed: true, key: KEY, status: 'claimed', attempts: 1, leaseUntil: expect.any(String), sentAt: null }),
		});
		const leaseMs = Date.parse((items[0].json.claim as IDataObject).leaseUntil as string) - Date.now();
		expect(leaseMs).toBeGreaterThan(9 * 60_000);
		expect(leaseMs).toBeLessThanOrEqual(10 * 60_000);
		// A later execution (a replayed delivery) finds it taken.
		expect((await ledger.run(message('claim'), [order(1043)])).items).toEqual([]);
	});

	it('Claim with Output "All Items" marks every item, to branch on', async () => {
		const { json } = await ledger.run([message('claim', { output: 'all' }), message('claim', { output: 'all' }), message('claim', { output: 'all', key: 'order:1044:review_request' })], [order(1043), order(1043), order(1044)]);
		expect(json.map((j) => [j.id, (j.claim as IDataObject).claimed, (j.claim as IDataObject).status])).toEqual([
			[1043, true, 'claimed'],
			[1043, false, 'claimed'],
			[1044, true, 'claimed'],
		]);
	});

	it('Mark Sent closes the key for good; marking twice says so', async () => {
		await ledger.run(message('claim'), [order(1043)]);
		const sent = await ledger.one(message('markSent', { additionalFields: { detail: '{"messageId":"<42@brevo>"}' } }));
		expect(sent).toEqual(expect.objectContaining({ marked: true, alreadySent: false, key: KEY, status: 'sent', sentAt: expect.any(String), detail: { messageId: '<42@brevo>' } }));
		expect(await ledger.one(message('markSent'))).toEqual(expect.objectContaining({ marked: false, alreadySent: true, status: 'sent' }));
		expect((await ledger.run(message('claim', { output: 'all' }), [order(1043)])).json[0].claim).toEqual(expect.objectContaining({ claimed: false, status: 'sent' }));
		// Releasing a sent message changes nothing.
		expect(await ledger.one(message('release'))).toEqual(expect.objectContaining({ released: false, status: 'sent' }));
	});

	it('Release hands the send to the next claim at once', async () => {
		await ledger.run(message('claim'), [order(1043)]);
		expect(await ledger.one(message('release'))).toEqual(expect.objectContaining({ released: true, key: KEY, status: 'released' }));
		const again = await ledger.run(message('claim'), [order(1043)]);
		expect(again.json[0].claim).toEqual(expect.objectContaining({ claimed: true, attempts: 2 }));
		expect(await ledger.one(message('release', { key: 'order:1:never-claimed' }))).toEqual(expect.objectContaining({ released: false, status: null, attempts: 0 }));
	});

	it('a claim whose execution died is claimed again once its lease has run out', async () => {
		expect((await ledger.run(message('claim', { leaseMinutes: 0.02 }), [order(1043)])).items).toHaveLength(1);
		expect((await ledger.run(message('claim'), [order(1043)])).items).toHaveLength(0);
		await new Promise((resolve) => setTimeout(resolve, 1300));
		const retried = await ledger.run(message('claim'), [order(1043)]);
		expect(retried.json[0].claim).toEqual(expect.objectContaining({ claimed: true, attempts: 2 }));
	});

	it('keeps the keys of each store apart', async () => {
		expect((await ledger.run(message('claim'), [order(1043)])).items).toHaveLength(1);
		expect((await ledger.run(message('claim', { storeHash: 'anotherstore' }), [order(1043)])).items).toHaveLength(1);
	});

	describe('Schedule, Get Due and Prune Sent (scheduled messages)', () => {
		const payload = { email: 'ada@example.com', orderId: 1043, products: [{ name: 'Mug' }] };
		const past = new Date(Date.now() - 60_000).toISOString();
		const schedule = (key: string, dueAt: string, extra: IDataObject = {}) => message('schedule', { key, dueAt, payload: JSON.stringify(payload), ...extra });
		const getDue = (extra: IDataObject = {}) => ledger.run({ resource: 'message', operation: 'getDue', storeHash: STORE, returnAll: true, ...extra }, [{}]);

		it('are described for marketers, next to Claim', () => {
			const operation = node.description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('message'))!;
			expect((operation.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['claim', 'getDue', 'markSent', 'pruneSent', 'release', 'schedule']);
			expect(node.description.properties.find((p) => p.name === 'dueAt')).toEqual(expect.objectContaining({ displayName: 'Due At', type: 'dateTime', required: true }));
			expect(node.description.properties.find((p) => p.name === 'keyEndsWith')).toEqual(expect.objectContaining({ displayName: 'Key Ends With', default: '' }));
			expect(node.description.properties.find((p) => p.name === 'dueBefore')).toEqual(expect.objectContaining({ displayName: 'Due Before', type: 'dateTime', default: '' }));
			const dueAfter = node.description.properties.find((p) => p.name === 'dueAfter')!;
			expect(dueAfter).toEqual(expect.objectContaining({ displayName: 'Due After', type: 'dateTime', default: '', displayOptions: { show: { resource: ['message'], operation: ['getDue'] } } }));
			expect(dueAfter).not.toHaveProperty('required');
			expect(dueAfter.hint).toMatch(/^Leave empty for no lower bound\. Reconciliation uses 7 days ago/);
			// Right after Due Before, before Return All.
			const names = node.description.properties.filter((p) => p.displayOptions?.show?.operation?.includes('getDue')).map((p) => p.name);
			expect(names).toEqual(['storeHash', 'keyEndsWith', 'dueBefore', 'dueAfter', 'returnAll', 'limit']);
		});

		it('Prune Sent is described as housekeeping, with a required Due Before of its own', () => {
			const operation = node.description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('message'))!;
			expect((operation.options as Array<{ value: string; name: string; action: string }>).find((o) => o.value === 'pruneSent')).toEqual(
				expect.objectContaining({ name: 'Prune Sent', action: 'Delete scheduled messages already sent', description: expect.stringMatching(/^Housekeeping: delete the scheduled messages that were sent/) }),
			);
			const names = node.description.properties.filter((p) => p.displayOptions?.show?.operation?.includes('pruneSent')).map((p) => p.name);
			expect(names).toEqual(['storeHash', 'pruneDueBefore']);
			expect(node.description.properties.find((p) => p.name === 'pruneDueBefore')).toEqual(expect.objectContaining({ displayName: 'Due Before', type: 'dateTime', required: true, default: '' }));
		});

		it('Schedule passes the item on with the schedule added; a repeat keeps the first due time', async () => {
			const { items } = await ledger.run(schedule(KEY, '2030-01-15T10:00:00Z'), [order(1043)]);
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(items[0].json).toEqual({ ...order(1043), schedule: { scheduled: true, key: KEY, dueAt: '2030-01-15T10:00:00.000Z', payload, scheduledAt: expect.any(String) } });
			const again = await ledger.one(schedule(KEY, '2031-01-01T00:00:00+01:00'), order(1043));
			expect(again.schedule).toEqual(expect.objectContaining({ scheduled: false, dueAt: '2030-01-15T10:00:00.000Z' }));
		});

		it('Get Due outputs what is due and unsent, one item each, filtered by key ending; claimed or sent ones drop out', async () => {
			await ledger.run([schedule(KEY, past), schedule('order:1044:review_request', past), schedule('order:1044:shipment:1:order_shipped', past), schedule('order:1045:review_request', '2030-01-01T00:00:00Z')], [{}, {}, {}, {}]);
			const due = await getDue({ keyEndsWith: ':review_request' });
			expect(due.json).toEqual([
				{ key: KEY, dueAt: past, payload, scheduledAt: expect.any(String), status: null, attempts: 0 },
				expect.objectContaining({ key: 'order:1044:review_request' }),
			]);
			expect((await getDue()).json).toHaveLength(3);
			expect((await getDue({ dueBefore: '2031-01-01T00:00:00Z' })).json).toHaveLength(4);
			expect((await getDue({ returnAll: false, limit: 1 })).json.map((j) => j.key)).toHaveLength(1);
			await ledger.run(message('claim'), [order(1043)]);
			await ledger.one(message('markSent', { key: 'order:1044:review_request' }));
			expect((await getDue({ keyEndsWith: ':review_request' })).json).toEqual([]);
			await ledger.one(message('release'));
			expect((await getDue({ keyEndsWith: ':review_request' })).json).toEqual([expect.objectContaining({ key: KEY, status: 'released', attempts: 1 })]);
		});

		it('Get Due with Due After leaves out what is overdue longer than that; an expression\'s date works as text does', async () => {
			const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
			await ledger.run([schedule(KEY, past), schedule('order:1044:review_request', daysAgo(6)), schedule('order:1045:review_request', daysAgo(30))], [{}, {}, {}]);
			expect((await getDue()).json.map((j) => j.key)).toEqual(['order:1045:review_request', 'order:1044:review_request', KEY]);
			expect((await getDue({ dueAfter: daysAgo(7) })).json.map((j) => j.key)).toEqual(['order:1044:review_request', KEY]);
			expect((await getDue({ dueAfter: new Date(Date.now() - 7 * 86_400_000) as unknown as string })).json.map((j) => j.key)).toEqual(['order:1044:review_request', KEY]);
			expect((await getDue({ dueAfter: daysAgo(7), dueBefore: daysAgo(1) })).json.map((j) => j.key)).toEqual(['order:1044:review_request']);
			expect((await getDue({ dueAfter: '' })).json).toHaveLength(3);
		});

		it('Prune Sent deletes the schedules sent and due before its time, outputs how many; unsent ones stay, sent ones are never due again', async () => {
			const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
			await ledger.run([schedule(KEY, daysAgo(30)), schedule('order:1044:review_request', daysAgo(30)), schedule('order:1045:review_request', daysAgo(1))], [{}, {}, {}]);
			await ledger.one(message('markSent'));
			await ledger.one(message('markSent', { key: 'order:1045:review_request' }));
			const bound = daysAgo(7);
			const prune = (dueBefore: string) => ledger.run({ resource: 'message', operation: 'pruneSent', storeHash: STORE, pruneDueBefore: dueBefore }, [{ any: 'item' }]);
			const pruned = await prune(bound);
			expect(pruned.items).toEqual([{ json: { deleted: 1, dueBefore: bound }, pairedItem: { item: 0 } }]);
			// The unsent one, due 30 days ago, is still listed without a lower bound; the recent sent one is kept but not due.
			expect((await getDue()).json.map((j) => j.key)).toEqual(['order:1044:review_request']);
			expect((await prune(bound)).json).toEqual([{ deleted: 0, dueBefore: bound }]);
			// Scheduled again after the prune: never due, the send log has it as sent.
			expect((await ledger.one(schedule(KEY, past), order(1043))).schedule).toEqual(expect.objectContaining({ scheduled: true }));
			expect((await getDue()).json.map((j) => j.key)).toEqual(['order:1044:review_request']);
		});

		it('names a wrong Schedule, Get Due or Prune Sent parameter', async () => {
			const run = (parameters: IDataObject) => ledger.one(parameters, order(1043), { continueOnFail: true });
			expect((await run(schedule(KEY, 'in two weeks'))).error).toBe('Due At: must be a date and time such as 2025-03-01T12:00:00Z');
			expect((await run(message('schedule', { dueAt: past, payload: '[1]' }))).error).toMatch(/^Payload \(JSON\): /);
			expect((await run(message('schedule', { dueAt: past, payload: JSON.stringify({ text: 'x'.repeat(16_001) }) }))).error).toMatch(/payload: must be at most 16000 characters/);
			expect((await run({ resource: 'message', operation: 'getDue', storeHash: STORE, returnAll: true, dueBefore: 'soon' })).error).toMatch(/^Due Before: must be a date and time/);
			expect((await run({ resource: 'message', operation: 'getDue', storeHash: STORE, returnAll: true, dueAfter: 'last week' })).error).toMatch(/^Due After: must be a date and time/);
			expect((await run({ resource: 'message', operation: 'pruneSent', storeHash: STORE, pruneDueBefore: '' })).error).toBe('Due Before: is required');
			expect((await run({ resource: 'message', operation: 'pruneSent', storeHash: STORE, pruneDueBefore: 'a week ago' })).error).toMatch(/^Due Before: must be a date and time/);
			expect((await run({ resource: 'message', operation: 'pruneSent', storeHash: '', pruneDueBefore: past })).error).toMatch(/^Store Hash: is empty/);
		});
	});

	it('names a wrong parameter; with Continue On Fail the item becomes an error item', async () => {
		const run = (parameters: IDataObject) => ledger.one(parameters, order(1043), { continueOnFail: true });
		expect((await run(message('claim', { key: '  ' }))).error).toMatch(/^Send Key: is empty/);
		expect((await run(message('claim', { key: 'x'.repeat(301) }))).error).toBe('Send Key: must be at most 300 characters');
		expect((await run(message('claim', { leaseMinutes: 0 }))).error).toBe('Lease (Minutes): must be more than 0');
		expect((await run(message('markSent', { storeHash: '' }))).error).toMatch(/^Store Hash: is empty/);
		expect((await run(message('markSent', { additionalFields: { detail: '[1, 2]' } }))).error).toMatch(/^Additional Fields → Details \(JSON\)/);
		await expect(ledger.run(message('claim', { key: '' }), [order(1043)])).rejects.toThrow(/Send Key: is empty/);
	});
});
