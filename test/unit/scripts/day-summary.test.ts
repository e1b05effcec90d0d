// The store day's summary (what `npm run demo` prints): members per tier in the program's order,
// the day's points, what Brevo received since the checkpoint, and carts recovered after a reminder.
import { formatSummary, summarizeDay, type DayObservations } from '../../../scripts/store-day/day-summary';

const SINCE = '2026-11-28T09:00:00.000Z';
const BEFORE = '2026-11-28T08:59:59.999Z';
const DURING = '2026-11-28T10:00:00.000Z';

function observations(overrides: Partial<DayObservations> = {}): DayObservations {
	return {
		since: SINCE,
		tierOrder: ['Bronze', 'Silver', 'Gold', 'Platinum'],
		members: [],
		entries: [],
		brevoCheckpoint: 0,
		events: [],
		emails: [],
		sms: [],
		carts: [],
		...overrides,
	};
}

describe('summarizeDay', () => {
	it('counts members per tier in the program\'s order, lowest first, unknown tiers after', () => {
		const tiers = ['Gold', 'Bronze', 'Gold', 'Diamond', null, 'Silver', 'Bronze', 'Bronze'];
		const { membersPerTier } = summarizeDay(observations({ members: tiers.map((tier) => ({ tier })) }));
		expect(membersPerTier).toEqual([
			{ tier: 'Bronze', count: 3 },
			{ tier: 'Silver', count: 1 },
			{ tier: 'Gold', count: 2 },
			{ tier: '(no tier)', count: 1 },
			{ tier: 'Diamond', count: 1 },
		]);
	});

	it('adds up the day\'s purchase and bonus points as awarded, reversals as taken back, and leaves earlier entries out', () => {
		const entries = [
			{ kind: 'purchase', points: 1000, createdAt: BEFORE },
			{ kind: 'bonus', points: 200, createdAt: BEFORE },
			{ kind: 'reversal', points: -50, createdAt: BEFORE },
			{ kind: 'bonus', points: 100, createdAt: SINCE },
			{ kind: 'purchase', points: 672, createdAt: DURING },
			{ kind: 'bonus', points: 200, createdAt: DURING },
			{ kind: 'reversal', points: -672, createdAt: DURING },
			{ kind: 'reversal', points: 0, createdAt: DURING },
			{ kind: 'purchase', points: 75, createdAt: DURING },
			{ kind: 'reversal', points: -105, createdAt: DURING },
			// Neither awarded nor taken back by a refund.
			{ kind: 'redemption', points: -30, createdAt: DURING },
			{ kind: 'adjustment', points: 40, createdAt: DURING },
		];
		expect(summarizeDay(observations({ entries })).points).toEqual({ awarded: 100 + 672 + 200 + 75, purchases: 672 + 75, bonuses: 100 + 200, reversed: 672 + 105 });
	});

	it('counts only what Brevo received after the checkpoint: events by name, emails (noting undelivered ones), SMS', () => {
		const summary = summarizeDay(
			observations({
				brevoCheckpoint: 10,
				events: [
					{ seq: 9, event_name: 'order_shipped' },
					{ seq: 11, event_name: 'review_request' },
					{ seq: 12, event_name: 'order_shipped' },
					{ seq: 14, event_name: 'review_request' },
					{ seq: 15, event_name: 'tier_upgraded' },
				],
				emails: [
					{ seq: 3, blockedRecipients: [] },
					{ seq: 13, blockedRecipients: [] },
					{ seq: 16, blockedRecipients: ['walt@example.com'] },
				],
				sms: [
					{ seq: 10, blocked: false },
					{ seq: 17, blocked: false },
				],
			}),
		);
		expect(summary.brevo).toEqual({
			events: [
				{ name: 'order_shipped', count: 1 },
				{ name: 'review_request', count: 2 },
				{ name: 'tier_upgraded', count: 1 },
			],
			emails: 2,
			emailsToUnsubscribed: 1,
			sms: 1,
		});
	});

	it('counts carts whose sequence started during the day and sent a reminder; recovered ones were bought afterwards', () => {
		const message = { step: 'email_1' };
		const carts = [
			{ status: 'converted', sequenceStartedAt: DURING, messagesSent: [message] },
			{ status: 'deleted', sequenceStartedAt: DURING, messagesSent: [message] },
			{ status: 'abandoned', sequenceStartedAt: DURING, messagesSent: [message, message, message] },
			// Bought before the first reminder: not recovered by the sequence, not reminded.
			{ status: 'converted', sequenceStartedAt: DURING, messagesSent: [] },
			// Yesterday's recovered cart and a cart that was never abandoned.
			{ status: 'converted', sequenceStartedAt: BEFORE, messagesSent: [message] },
			{ status: 'active', sequenceStartedAt: null, messagesSent: [] },
		];
		expect(summarizeDay(observations({ carts })).carts).toEqual({ reminded: 3, recovered: 1 });
	});

	it('refuses a start that is not a date, rather than counting nothing', () => {
		expect(() => summarizeDay(observations({ since: 'this morning' }))).toThrow('"since" is not a date: this morning');
	});
});

describe('formatSummary', () => {
	it('prints one line per figure', () => {
		const text = formatSummary({
			membersPerTier: [
				{ tier: 'Bronze', count: 9 },
				{ tier: 'Gold', count: 4 },
			],
			points: { awarded: 24_812, purchases: 23_712, bonuses: 1100, reversed: 777 },
			brevo: { events: [{ name: 'review_request', count: 6 }], emails: 6, emailsToUnsubscribed: 1, sms: 1 },
			carts: { reminded: 4, recovered: 1 },
		});
		expect(text.split('\n')).toEqual([
			'The store day, summed up',
			'  Members per tier   Bronze 9 · Gold 4',
			'  Points             24,812 awarded (23,712 for orders, 1,100 in bonuses) · 777 taken back on refunds',
			'  Brevo events       review_request 6',
			'  Messages           6 emails (1 to unsubscribed contacts, not delivered) · 1 SMS',
			'  Abandoned carts    4 carts reminded · 1 recovered (bought after a reminder)',
		]);
	});

	it('says "none" where nothing happened', () => {
		const text = formatSummary({ membersPerTier: [], points: { awarded: 0, purchases: 0, bonuses: 0, reversed: 0 }, brevo: { events: [], emails: 1, emailsToUnsubscribed: 0, sms: 0 }, carts: { reminded: 0, recovered: 0 } });
		expect(text).toContain('Members per tier   none');
		expect(text).toContain('Brevo events       none');
		expect(text).toContain('1 email · 0 SMS');
	});
});
