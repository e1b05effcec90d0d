import { compileSegments } from '../../../../nodes/core/segments';
import { parseDateString } from '../../../../nodes/core/segments/dates';
import { parseRelativeDate, resolveRelativeDate } from '../../../../nodes/core/segments/relative-dates';
import { instantOf, wallClock } from '../../../../nodes/core/segments/time-zone';

/** The instant a relative token denotes at `now` in `zone`, as an ISO text. */
function at(token: string, now: string, zone: string): string {
	const rel = parseRelativeDate(token);
	if (!rel) throw new Error(`not a relative date: ${token}`);
	return new Date(resolveRelativeDate(rel, Date.parse(now), zone)).toISOString();
}

describe('relative dates', () => {
	it('recognises the tokens, case and separator insensitive', () => {
		for (const t of ['now', 'today', 'Yesterday', 'tomorrow', 'this_week', 'last week', 'next_month', 'THIS_QUARTER', 'last_year', '-90 days', '+2 weeks', '-1 hour', '+30 minutes', '-6 months', '- 1 year']) {
			expect(parseRelativeDate(t)).toBeDefined();
		}
		for (const t of ['-90 dayz', '90 days', 'this_decade', 'days', '-1.5 days', 'ago 2 days', '']) expect(parseRelativeDate(t)).toBeUndefined();
	});

	it('counts hours and minutes as elapsed time', () => {
		expect(at('-3 hours', '2025-03-30T02:30:00Z', 'Europe/Paris')).toBe('2025-03-29T23:30:00.000Z');
		expect(at('+90 minutes', '2025-03-15T10:00:00Z', 'UTC')).toBe('2025-03-15T11:30:00.000Z');
		expect(at('now', '2025-03-15T10:00:00Z', 'Asia/Tokyo')).toBe('2025-03-15T10:00:00.000Z');
	});

	it('starts days at local midnight', () => {
		// 23:30 UTC is already the 16th in Paris.
		expect(at('today', '2025-03-15T23:30:00Z', 'UTC')).toBe('2025-03-15T00:00:00.000Z');
		expect(at('today', '2025-03-15T23:30:00Z', 'Europe/Paris')).toBe('2025-03-15T23:00:00.000Z');
		expect(at('yesterday', '2025-03-15T23:30:00Z', 'Europe/Paris')).toBe('2025-03-14T23:00:00.000Z');
		expect(at('tomorrow', '2025-03-15T12:00:00Z', 'America/New_York')).toBe('2025-03-16T04:00:00.000Z');
		expect(at('today', '2025-03-15T12:00:00Z', 'Asia/Kolkata')).toBe('2025-03-14T18:30:00.000Z');
	});

	it('crosses month boundaries in the zone', () => {
		// 31 January 23:30 UTC is 1 February in Paris.
		expect(at('this_month', '2025-01-31T23:30:00Z', 'UTC')).toBe('2025-01-01T00:00:00.000Z');
		expect(at('this_month', '2025-01-31T23:30:00Z', 'Europe/Paris')).toBe('2025-01-31T23:00:00.000Z');
		expect(at('last_month', '2025-01-31T23:30:00Z', 'Europe/Paris')).toBe('2024-12-31T23:00:00.000Z');
		expect(at('next_month', '2025-01-31T23:30:00Z', 'Europe/Paris')).toBe('2025-02-28T23:00:00.000Z');
		expect(at('last_month', '2025-03-10T12:00:00Z', 'America/Los_Angeles')).toBe('2025-02-01T08:00:00.000Z');
	});

	it('crosses year boundaries in the zone', () => {
		// New Year's Eve 23:30 UTC: still 2024 in New York, already 2025 in Tokyo.
		expect(at('this_year', '2024-12-31T23:30:00Z', 'America/New_York')).toBe('2024-01-01T05:00:00.000Z');
		expect(at('this_year', '2024-12-31T23:30:00Z', 'Asia/Tokyo')).toBe('2024-12-31T15:00:00.000Z');
		expect(at('last_year', '2024-12-31T23:30:00Z', 'Asia/Tokyo')).toBe('2023-12-31T15:00:00.000Z');
		expect(at('last_month', '2025-01-05T00:00:00Z', 'UTC')).toBe('2024-12-01T00:00:00.000Z');
		expect(at('-1 month', '2025-01-05T00:00:00Z', 'UTC')).toBe('2024-12-05T00:00:00.000Z');
		expect(at('+1 day', '2024-12-31T12:00:00Z', 'UTC')).toBe('2025-01-01T12:00:00.000Z');
	});

	it('weeks start on Monday, quarters on the first month of the quarter', () => {
		expect(at('this_week', '2025-01-15T12:00:00Z', 'UTC')).toBe('2025-01-13T00:00:00.000Z'); // a Wednesday
		expect(at('this_week', '2025-01-19T12:00:00Z', 'UTC')).toBe('2025-01-13T00:00:00.000Z'); // a Sunday
		expect(at('last_week', '2025-01-01T12:00:00Z', 'UTC')).toBe('2024-12-23T00:00:00.000Z');
		expect(at('this_quarter', '2025-05-20T12:00:00Z', 'UTC')).toBe('2025-04-01T00:00:00.000Z');
		expect(at('last_quarter', '2025-02-20T12:00:00Z', 'UTC')).toBe('2024-10-01T00:00:00.000Z');
	});

	it('shifts months and years by the calendar, clamping to the last day', () => {
		expect(at('-1 month', '2025-03-31T10:00:00Z', 'UTC')).toBe('2025-02-28T10:00:00.000Z');
		expect(at('-1 month', '2024-03-31T10:00:00Z', 'UTC')).toBe('2024-02-29T10:00:00.000Z');
		expect(at('-1 year', '2024-02-29T10:00:00Z', 'UTC')).toBe('2023-02-28T10:00:00.000Z');
		expect(at('+13 months', '2024-01-15T10:00:00Z', 'UTC')).toBe('2025-02-15T10:00:00.000Z');
		expect(at('-2 weeks', '2025-03-01T10:00:00Z', 'UTC')).toBe('2025-02-15T10:00:00.000Z');
	});

	it('keeps the wall-clock time across a DST change for days and longer', () => {
		// Noon in Paris on 15 April (CEST, +2) minus 90 days is noon on 15 January (CET, +1).
		expect(at('-90 days', '2025-04-15T10:00:00Z', 'Europe/Paris')).toBe('2025-01-15T11:00:00.000Z');
		expect(at('-90 days', '2025-04-15T10:00:00Z', 'UTC')).toBe('2025-01-15T10:00:00.000Z');
		// 02:30 on 30 March does not exist in Paris: it moves past the gap to 03:30 CEST.
		expect(at('-1 day', '2025-03-31T00:30:00Z', 'Europe/Paris')).toBe('2025-03-30T01:30:00.000Z');
		// 02:30 on 26 October happens twice in Paris: the first one (CEST) is taken.
		expect(at('-1 day', '2025-10-27T01:30:00Z', 'Europe/Paris')).toBe('2025-10-26T00:30:00.000Z');
	});

	it('starts the day at the first instant that exists when midnight is skipped', () => {
		// Chile springs forward at midnight: 8 September 2024 begins at 01:00 (-03).
		expect(at('today', '2024-09-08T16:00:00Z', 'America/Santiago')).toBe('2024-09-08T04:00:00.000Z');
	});
});

describe('time zones', () => {
	it('round-trips wall clocks through instants', () => {
		for (const zone of ['UTC', 'Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham']) {
			for (const iso of ['2025-01-01T00:00:00Z', '2025-06-30T13:45:00Z', '2024-02-29T23:59:59Z', '1999-12-31T12:00:00Z']) {
				const ms = Date.parse(iso);
				expect(instantOf(wallClock(ms, zone), zone)).toBe(ms);
			}
		}
	});

	it('refuses unknown zones with a clear message', () => {
		expect(() => compileSegments([{ name: 's', conditions: {} }], { timeZone: 'Mars/Olympus' })).toThrow(/"Mars\/Olympus" is not a known IANA time zone/);
	});

	it('evaluates relative conditions against the injected time and zone', () => {
		const defs = [{ name: 'New This Month', conditions: { created_at: { $gte: 'this_month' } } }];
		const profile = { created_at: '2025-01-31T23:15:00Z' };
		// At 1 Feb 00:30 Paris time the profile (31 Jan 23:15 UTC = 1 Feb 00:15 Paris) is new this month …
		expect(compileSegments(defs, { now: '2025-01-31T23:30:00Z', timeZone: 'Europe/Paris' })[0].test(profile)).toBe(true);
		// … but in UTC at 00:30 on 1 February this month began at 00:00 UTC, after 23:15 on 31 January.
		expect(compileSegments(defs, { now: '2025-02-01T00:30:00Z', timeZone: 'UTC' })[0].test(profile)).toBe(false);
		expect(compileSegments(defs, { now: new Date('2025-01-31T23:30:00Z'), timeZone: 'UTC' })[0].test(profile)).toBe(true);
	});

	it('reads "last month" as a range', () => {
		const [s] = compileSegments([{ name: 'Ordered Last Month', conditions: { last_order_date: { $gte: 'last_month', $lt: 'this_month' } } }], { now: '2025-03-10T12:00:00Z', timeZone: 'UTC' });
		expect(s.test({ last_order_date: '2025-02-01T00:00:00Z' })).toBe(true);
		expect(s.test({ last_order_date: '2025-02-28T23:59:59Z' })).toBe(true);
		expect(s.test({ last_order_date: '2025-03-01T00:00:00Z' })).toBe(false);
		expect(s.test({ last_order_date: '2025-01-31T23:59:59Z' })).toBe(false);
	});
});

describe('date texts', () => {
	const utc = (text: string, zone = 'UTC'): string | undefined => {
		const ms = parseDateString(text, zone);
		return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
	};

	it('reads ISO 8601 with and without offsets', () => {
		expect(utc('2025-03-15T10:20:30Z')).toBe('2025-03-15T10:20:30.000Z');
		expect(utc('2025-03-15T10:20:30.123Z')).toBe('2025-03-15T10:20:30.123Z');
		expect(utc('2025-03-15T10:20:30+02:00')).toBe('2025-03-15T08:20:30.000Z');
		expect(utc('2025-03-15T10:20:30.5-0130')).toBe('2025-03-15T11:50:30.500Z');
		expect(utc('2025-03-15 10:20')).toBe('2025-03-15T10:20:00.000Z');
		expect(utc('2025-03-15')).toBe('2025-03-15T00:00:00.000Z');
	});

	it('reads dates without an offset in the evaluation zone', () => {
		expect(utc('2025-03-15', 'Europe/Paris')).toBe('2025-03-14T23:00:00.000Z');
		expect(utc('2025-07-15T08:00:00', 'America/New_York')).toBe('2025-07-15T12:00:00.000Z');
		expect(utc('2025-07-15T08:00:00Z', 'America/New_York')).toBe('2025-07-15T08:00:00.000Z');
	});

	it("reads BigCommerce's RFC 2822 dates", () => {
		expect(utc('Tue, 20 Nov 2012 00:00:00 +0000')).toBe('2012-11-20T00:00:00.000Z');
		expect(utc('Wed, 21 Jun 2023 15:04:05 -0500')).toBe('2023-06-21T20:04:05.000Z');
		expect(utc('21 Jun 2023 15:04 GMT')).toBe('2023-06-21T15:04:00.000Z');
		expect(utc('Wed, 21 Jun 2023 15:04:05 EDT')).toBe('2023-06-21T19:04:05.000Z');
		expect(utc('Wed, 21 Jun 2023 15:04:05', 'Europe/Paris')).toBe('2023-06-21T13:04:05.000Z');
	});

	it('refuses what is not a calendar date', () => {
		for (const bad of ['2025-02-29', '2024-13-01', '2024-00-10', '2024-01-01T24:00:00Z', '2024-01-01T10:60:00Z', '2024-01-01T10:00:00+25:00', '1', '20 Nov', 'Tue, 32 Nov 2012 00:00:00 +0000', 'yesterday', `2024-01-01${' '.repeat(100)}`, 'x'.repeat(10_000)]) {
			expect(utc(bad)).toBeUndefined();
		}
		expect(utc('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
	});
});
