import type { Dialect } from '../sql/dialect';
import type { MemberHints } from './member-hints';

/** What every operation gets: the engine's SQL differences and the store's clock, read once per attempt. */
export interface OpContext {
	readonly dialect: Dialect;
	/** ISO-8601 UTC (`toISOString()`): the one format stored, so text comparison is time order on SQLite. */
	readonly now: string;
	/**
	 * Program configs by `<program id>@<version>`, kept by the store for its lifetime: a version
	 * never changes once written, so points writes read only the current version number.
	 */
	readonly programConfigs?: Map<string, Record<string, unknown>>;
	/** PostgreSQL: members' last seen state, for one-trip points writes (see ops/one-trip-write.ts). */
	readonly memberHints?: MemberHints;
	/** Try a points write in one round trip when a hint allows it (the store's first attempt). */
	readonly oneTrip?: boolean;
}

const DAY_MS = 86_400_000;

export function addDays(instant: string, days: number): string {
	return new Date(Date.parse(instant) + days * DAY_MS).toISOString();
}

export function addSeconds(instant: string, seconds: number): string {
	return new Date(Date.parse(instant) + seconds * 1000).toISOString();
}

/** First instant of the instant's calendar month, UTC. */
export function monthStart(instant: string): string {
	const d = new Date(instant);
	return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)).toISOString();
}

export function earliest(a: string | null, b: string): string {
	return a !== null && a < b ? a : b;
}

export function latest(a: string | null, b: string): string {
	return a !== null && a > b ? a : b;
}
