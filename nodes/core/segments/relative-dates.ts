import { instantOf, wallClock, type WallClock } from './time-zone';

/**
 * Relative dates, resolved once per evaluation against a reference instant (the execution time
 * unless one is given) in an IANA time zone. Tokens are case-insensitive; `_` and a space are
 * interchangeable (`this_month` = `this month`).
 *
 * | token | instant |
 * |---|---|
 * | `now` | the reference instant |
 * | `today` / `yesterday` / `tomorrow` | 00:00 of the current / previous / next day in the zone |
 * | `this_week` / `last_week` / `next_week` | Monday 00:00 of the current / previous / next ISO week |
 * | `this_month` / `last_month` / `next_month` | the 1st at 00:00 of the current / previous / next month |
 * | `this_quarter` / `last_quarter` / `next_quarter` | 00:00 on the first day of the calendar quarter |
 * | `this_year` / `last_year` / `next_year` | 1 January 00:00 of the current / previous / next year |
 * | `±N minutes` / `±N hours` | exactly N × 60 s / N × 3600 s before (−) or after (+) the reference |
 * | `±N days` / `±N weeks` | the same wall-clock time N (7 × N) calendar days before/after |
 * | `±N months` / `±N years` | the same wall-clock time and day N months/years before/after; a day the target month lacks becomes its last day (31 March − 1 month = 28/29 February) |
 *
 * Units may be singular or plural; the sign is required (`-90 days`, `+2 weeks`), so that "90 days"
 * cannot be read as past by one person and future by another. Day and longer units follow the
 * zone's calendar, so across a DST change `-1 day` is 23 or 25 hours; a wall-clock time skipped by
 * DST moves forward by the gap, one that occurs twice is its first occurrence.
 * With the comparison operators: `{ $gte: 'this_month' }` = during this month so far (or later),
 * `{ $lt: '-90 days' }` = more than 90 days ago, `{ $gte: 'last_month', $lt: 'this_month' }` = last month.
 */

export type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
type Anchor = 'day' | 'week' | 'month' | 'quarter' | 'year';

export type RelativeDate = { kind: 'now' } | { kind: 'start'; anchor: Anchor; shift: number } | { kind: 'offset'; amount: number; unit: Unit };

const OFFSET = /^([+-])\s*(\d{1,6})\s*(minute|hour|day|week|month|year)s?$/;
const NAMED = /^(this|last|next)[_ ](week|month|quarter|year)$/;
const SHIFTS: Record<string, number> = { this: 0, last: -1, next: 1 };

/** Parses a relative-date token, or returns undefined when `text` is not one. */
export function parseRelativeDate(text: string): RelativeDate | undefined {
	const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
	if (t === 'now') return { kind: 'now' };
	if (t === 'today') return { kind: 'start', anchor: 'day', shift: 0 };
	if (t === 'yesterday') return { kind: 'start', anchor: 'day', shift: -1 };
	if (t === 'tomorrow') return { kind: 'start', anchor: 'day', shift: 1 };
	const named = NAMED.exec(t);
	if (named) return { kind: 'start', anchor: named[2] as Anchor, shift: SHIFTS[named[1]] };
	const offset = OFFSET.exec(t);
	if (offset) return { kind: 'offset', amount: (offset[1] === '-' ? -1 : 1) * Number(offset[2]), unit: offset[3] as Unit };
	return undefined;
}

/**
 * Why `text` was probably meant as a relative date but is not one, or undefined when it does not
 * look like an attempt at one (then it is an ordinary text value).
 */
export function relativeDateMistake(text: string): string | undefined {
	const t = text.trim().toLowerCase();
	const unsigned = /^(\d+\s*(?:minute|hour|day|week|month|year)s?)(\s+ago)?$/.exec(t);
	if (unsigned) return `write "-${unsigned[1]}" for the past or "+${unsigned[1]}" for the future`;
	if (/^[+-]\s*\d/.test(t) || /^\d+\s*[a-z]+$/.test(t)) return 'write a sign, a whole number and a unit (minutes, hours, days, weeks, months, years), e.g. "-90 days"';
	if (/^(this|last|next)[_ ]/.test(t)) return 'write this_, last_ or next_ followed by week, month, quarter or year, e.g. "this_month"';
	return undefined;
}

function startOf(w: WallClock, anchor: Anchor, shift: number): WallClock {
	const base: WallClock = { ...w, hour: 0, minute: 0, second: 0, millisecond: 0 };
	switch (anchor) {
		case 'day':
			return { ...base, day: w.day + shift };
		case 'week':
			return { ...base, day: w.day - weekdayOf(w) + 7 * shift };
		case 'month':
			return { ...base, month: w.month + shift, day: 1 };
		case 'quarter':
			return { ...base, month: Math.floor((w.month - 1) / 3) * 3 + 1 + 3 * shift, day: 1 };
		case 'year':
			return { ...base, year: w.year + shift, month: 1, day: 1 };
	}
}

/** Monday = 0 … Sunday = 6 of a wall-clock date. */
function weekdayOf(w: WallClock): number {
	const d = new Date(0);
	d.setUTCFullYear(w.year, w.month - 1, w.day);
	return (d.getUTCDay() + 6) % 7;
}

function shiftCalendar(w: WallClock, unit: 'day' | 'week' | 'month' | 'year', amount: number): WallClock {
	if (unit === 'day') return { ...w, day: w.day + amount };
	if (unit === 'week') return { ...w, day: w.day + 7 * amount };
	const months = unit === 'month' ? amount : 12 * amount;
	const total = w.year * 12 + (w.month - 1) + months;
	const year = Math.floor(total / 12);
	const month = total - year * 12 + 1;
	// Clamp to the target month's last day: day 0 of the next month is that day.
	const last = new Date(0);
	last.setUTCFullYear(year, month, 0);
	return { ...w, year, month, day: Math.min(w.day, last.getUTCDate()) };
}

/** The instant a relative date denotes for `reference` (ms) in `zone`. */
export function resolveRelativeDate(rel: RelativeDate, reference: number, zone: string): number {
	if (rel.kind === 'now') return reference;
	if (rel.kind === 'offset') {
		if (rel.unit === 'minute') return reference + rel.amount * 60_000;
		if (rel.unit === 'hour') return reference + rel.amount * 3_600_000;
		return instantOf(shiftCalendar(wallClock(reference, zone), rel.unit, rel.amount), zone);
	}
	return instantOf(startOf(wallClock(reference, zone), rel.anchor, rel.shift), zone);
}
