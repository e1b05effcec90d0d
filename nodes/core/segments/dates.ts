import { instantOf, utcOf } from './time-zone';

/**
 * Absolute dates as profiles and definitions carry them: ISO 8601 (`2024-01-31`,
 * `2024-01-31T09:30:00Z`, `2024-01-31 09:30:00+01:00`) and RFC 2822 as BigCommerce sends it
 * (`Tue, 20 Nov 2012 00:00:00 +0000`). A date or time without an offset is a wall-clock time in
 * the evaluation's time zone. Anything else is not a date: `Date.parse` is not used because it
 * accepts far too much (`Date.parse("1")` is the year 2001).
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC2822 =
	/^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|UT|UTC|GMT|Z|[ECMP][SD]T)?$/i;
const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const NAMED_ZONES: Record<string, number> = { ut: 0, utc: 0, gmt: 0, z: 0, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7 };

/** Longest string worth trying: keeps hostile multi-kilobyte strings away from the regexes. */
const MAX_DATE_LENGTH = 64;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function build(
	zone: string,
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number,
	second: number,
	millisecond: number,
	offsetMinutes: number | undefined,
): number {
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
	if (hour > 23 || minute > 59 || second > 59) return NaN;
	const wall = { year, month, day, hour, minute, second, millisecond };
	if (offsetMinutes === undefined) return instantOf(wall, zone);
	return utcOf(wall) - offsetMinutes * 60_000;
}

function isoOffset(text: string | undefined): number | undefined | null {
	if (text === undefined) return undefined;
	if (text === 'Z' || text === 'z') return 0;
	const sign = text[0] === '-' ? -1 : 1;
	const digits = text.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	if (hours > 23 || minutes > 59) return null;
	return sign * (hours * 60 + minutes);
}

/** Digits of `text` from `start` to `end` as a number; -1 when a character is not a digit. */
function digits(text: string, start: number, end: number): number {
	let n = 0;
	for (let i = start; i < end; i++) {
		const d = text.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return -1;
		n = n * 10 + d;
	}
	return n;
}

/**
 * The shape machines write most (`toISOString()`, BigCommerce's v3 dates):
 * `YYYY-MM-DDTHH:MM:SS[.fff]Z` or with `+HH:MM`, read without a regex because profiles are
 * evaluated by the thousand.
 */
function fastIso(text: string): number {
	const n = text.length;
	if ((n !== 20 && n !== 24 && n !== 25 && n !== 29) || text.charCodeAt(10) !== 84 /* T */) return NaN;
	if (text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN;
	const year = digits(text, 0, 4);
	const month = digits(text, 5, 7);
	const day = digits(text, 8, 10);
	const hour = digits(text, 11, 13);
	const minute = digits(text, 14, 16);
	const second = digits(text, 17, 19);
	let ms = 0;
	let i = 19;
	if (n === 24 || n === 29) {
		if (text.charCodeAt(19) !== 46 /* . */) return NaN;
		ms = digits(text, 20, 23);
		i = 23;
	}
	let offset = 0;
	if (n - i === 1) {
		if (text.charCodeAt(i) !== 90 /* Z */) return NaN;
	} else {
		const sign = text.charCodeAt(i);
		if ((sign !== 43 && sign !== 45) || text.charCodeAt(i + 3) !== 58) return NaN;
		const oh = digits(text, i + 1, i + 3);
		const om = digits(text, i + 4, i + 6);
		if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
		offset = (sign === 45 ? -1 : 1) * (oh * 60 + om);
	}
	if ((year | month | day | hour | minute | second | ms) < 0 || year < 100) return NaN;
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return NaN;
	return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}

/** Milliseconds since the epoch, or NaN when `text` is not an ISO 8601 or RFC 2822 date. */
export function parseDateString(text: string, zone: string): number {
	if (text.length > MAX_DATE_LENGTH || text.length < 10) return NaN;
	const first = text.charCodeAt(0);
	if (first >= 48 && first <= 57 && text.charCodeAt(4) === 45) {
		const fast = fastIso(text);
		if (fast === fast) return fast;
		const m = ISO.exec(text);
		if (!m) return NaN;
		const offset = isoOffset(m[8]);
		if (offset === null) return NaN;
		const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
		return build(zone, +m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, fraction, offset);
	}
	const m = RFC2822.exec(text.trim());
	if (!m) return NaN;
	let offset: number | undefined;
	const zoneText = m[7];
	if (zoneText !== undefined) {
		const named = NAMED_ZONES[zoneText.toLowerCase()];
		if (named !== undefined) offset = named * 60;
		else {
			const sign = zoneText[0] === '-' ? -1 : 1;
			const hours = Number(zoneText.slice(1, 3));
			const minutes = Number(zoneText.slice(3, 5));
			if (minutes > 59) return NaN;
			offset = sign * (hours * 60 + minutes);
		}
	}
	return build(zone, +m[3], MONTHS[m[2].toLowerCase()], +m[1], +m[4], +m[5], m[6] ? +m[6] : 0, 0, offset);
}

/** True for Date objects, also those made in another realm (n8n's Code node sandbox). */
export function isDate(value: unknown): value is Date {
	return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]';
}

/** A profile value as an instant: Dates and date strings; NaN for everything else. */
export function toInstant(value: unknown, zone: string): number {
	if (typeof value === 'string') return parseDateString(value, zone);
	if (isDate(value)) return value.getTime();
	return NaN;
}
