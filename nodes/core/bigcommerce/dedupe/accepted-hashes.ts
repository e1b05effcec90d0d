import { hashKey } from './keys';
import { decodeRecord, encodeRecord, type AcceptedHashesRecord, type Entry } from './record';

export interface DedupeLimits {
	maxEntries: number;
	/** How long a hash is remembered at least; kept to the minute (entries are bucketed by minute). */
	maxAgeSeconds: number;
}

export const DEFAULT_DEDUPE_LIMITS: DedupeLimits = {
	maxEntries: 2_000,
	// BigCommerce's last retry comes 48 h after the first attempt.
	maxAgeSeconds: 72 * 3600,
};

function minuteOf(seconds: number): number {
	return Math.floor(seconds / 60);
}

/**
 * The hashes a trigger accepted, by key (see keys.ts), each with the Unix minute it was first
 * accepted. Bounded two ways: entries older than `maxAgeSeconds` are dropped, and at most
 * `maxEntries` of the newest are kept.
 *
 * A hash accepted at second `t` sits in minute `floor(t / 60)` and is dropped once more than
 * `maxAgeSeconds / 60` whole minutes have passed since that minute, so it is remembered for at
 * least `maxAgeSeconds` and at most one minute longer.
 */
export class AcceptedHashes {
	/** Oldest first while `ordered`; merging older entries in clears the flag until the next sort. */
	private entries = new Map<string, number>();
	private ordered = true;
	/** The newest minute added, so that adding need not walk the map to know whether order holds. */
	private newest = -Infinity;

	constructor(private readonly limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS) {}

	static fromRecord(stored: unknown, limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS): AcceptedHashes {
		const hashes = new AcceptedHashes(limits);
		hashes.absorb(decodeRecord(stored));
		return hashes;
	}

	get size(): number {
		return this.entries.size;
	}

	/** Whether `hash` was accepted within the age limit. */
	has(hash: string, nowSeconds: number): boolean {
		return this.hasKey(hashKey(hash), nowSeconds);
	}

	hasKey(key: string, nowSeconds: number): boolean {
		const minute = this.entries.get(key);
		return minute !== undefined && !this.expired(minute, minuteOf(nowSeconds));
	}

	add(hash: string, nowSeconds: number): void {
		this.addKey(hashKey(hash), nowSeconds);
	}

	addKey(key: string, nowSeconds: number): void {
		const minute = minuteOf(nowSeconds);
		const known = this.entries.get(key);
		// An expired entry is replaced, not kept with its old time (it would be pruned at once).
		if (known !== undefined && !this.expired(known, minute)) return;
		this.entries.delete(key);
		this.remember(key, minute);
	}

	/** Takes in entries (from a stored record), keeping the earlier minute of a key known to both. */
	absorb(entries: Iterable<Entry>): void {
		for (const [key, minute] of entries) {
			const known = this.entries.get(key);
			if (known === undefined) this.remember(key, minute);
			else if (minute < known) {
				this.entries.set(key, minute);
				this.ordered = false;
			}
		}
	}

	/** Drops expired entries and all but the newest `maxEntries`. */
	prune(nowSeconds: number): void {
		this.sort();
		const now = minuteOf(nowSeconds);
		let excess = this.entries.size - this.limits.maxEntries;
		for (const [key, minute] of this.entries) {
			if (excess <= 0 && !this.expired(minute, now)) break;
			this.entries.delete(key);
			excess--;
		}
	}

	toRecord(): AcceptedHashesRecord {
		this.sort();
		return encodeRecord([...this.entries]);
	}

	private expired(minute: number, nowMinute: number): boolean {
		return nowMinute - minute > this.limits.maxAgeSeconds / 60;
	}

	private remember(key: string, minute: number): void {
		if (minute < this.newest) this.ordered = false;
		else this.newest = minute;
		this.entries.set(key, minute);
	}

	private sort(): void {
		if (this.ordered) return;
		// Stable: keys of one minute keep the order they were accepted in.
		this.entries = new Map([...this.entries].sort((a, b) => a[1] - b[1]));
		this.ordered = true;
	}
}
