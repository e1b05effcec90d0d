/**
 * IANA time-zone arithmetic on top of `Intl` only (no luxon: n8n ships it, but this package does
 * not depend on it). Two operations are needed: the wall-clock fields of an instant in a zone,
 * and the instant of a wall-clock time in a zone.
 */

/** Wall-clock fields; month is 1-12. */
export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Returns the canonical zone name, or throws a RangeError that names the zone. */
export function checkTimeZone(zone: string): string {
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
	} catch {
		throw new RangeError(`"${zone}" is not a known IANA time zone (e.g. "Europe/Paris", "America/New_York", "UTC")`);
	}
}

function formatter(zone: string): Intl.DateTimeFormat {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			era: 'short',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(zone, f);
	}
	return f;
}

/** The wall clock of `ms` in `zone`. */
export function wallClock(ms: number, zone: string): WallClock {
	const parts = formatter(zone).formatToParts(new Date(ms));
	const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
	let year = get('year');
	// Years before 1 CE come back as "BC" plus a positive year; the proleptic year is 1 - year.
	if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
	return {
		year,
		month: get('month'),
		day: get('day'),
		hour: get('hour'),
		minute: get('minute'),
		second: get('second'),
		millisecond: ((ms % 1000) + 1000) % 1000,
	};
}

// Offsets are cached per 15-minute slot: zones change offset only at quarter-hour instants, and
// parsing profile dates without an offset would otherwise call Intl for every item.
const offsetCache = new Map<string, Map<number, number>>();
const SLOT = 15 * MINUTE;

/** The zone's offset from UTC at instant `ms`, in milliseconds (east positive). */
export function offsetAt(ms: number, zone: string): number {
	if (zone === 'UTC') return 0;
	let cache = offsetCache.get(zone);
	if (!cache) offsetCache.set(zone, (cache = new Map()));
	const slot = Math.floor(ms / SLOT);
	let offset = cache.get(slot);
	if (offset === undefined) {
		const w = wallClock(slot * SLOT, zone);
		offset = utcOf(w) - slot * SLOT;
		if (cache.size > 50_000) cache.clear();
		cache.set(slot, offset);
	}
	return offset;
}

/** Date.UTC of a wall clock; Date.UTC also normalises overflowing fields (day 0, month 13, …). */
export function utcOf(w: WallClock): number {
	if (w.year >= 100) return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
	const d = new Date(0);
	// setUTCFullYear rather than Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
	d.setUTCFullYear(w.year, w.month - 1, w.day);
	d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
	return d.getTime();
}

/**
 * The instant at which the zone's clocks show `w` (fields may overflow, e.g. day 32).
 * A time that occurs twice (clocks set back) resolves to the earlier instant; a time skipped by
 * a DST gap resolves to the same distance past the gap (02:30 on a spring-forward night → 03:30).
 */
export function instantOf(w: WallClock, zone: string): number {
	const local = utcOf(w);
	if (zone === 'UTC') return local;
	// Offsets a day before and after bracket any single transition near `local`.
	const before = offsetAt(local - 86_400_000, zone);
	const after = offsetAt(local + 86_400_000, zone);
	const a = local - before;
	const b = local - after;
	const aValid = offsetAt(a, zone) === before;
	const bValid = offsetAt(b, zone) === after;
	if (aValid && bValid) return Math.min(a, b);
	if (aValid) return a;
	if (bValid) return b;
	return a;
}
