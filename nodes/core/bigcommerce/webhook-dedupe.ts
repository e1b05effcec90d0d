import { createHash } from 'node:crypto';

/**
 * Remembers the `hash` of every webhook delivery a trigger accepted, so that BigCommerce's
 * repeated deliveries of one event (retries, "duplicate events" in its webhooks overview) start
 * no second execution.
 *
 * Bounded two ways, because the record is stored in the workflow's static data and written on
 * every accepted delivery: entries older than BigCommerce's retry window (48 h, plus margin) are
 * dropped, and at most `maxEntries` of the newest are kept. Keys are 96 bits of a SHA-256 of the
 * hash, in base64url (16 characters instead of 40): small, and uniform whatever the hash looks like.
 */

export interface DedupeLimits {
	maxEntries: number;
	maxAgeSeconds: number;
}

export const DEFAULT_DEDUPE_LIMITS: DedupeLimits = {
	maxEntries: 2_000,
	// BigCommerce's last retry comes 48 h after the first attempt.
	maxAgeSeconds: 72 * 3600,
};

/** What is kept in static data: `[key, accepted at (Unix seconds)]`, oldest first. */
export interface AcceptedHashesRecord {
	v: 1;
	entries: Array<[string, number]>;
}

export function hashKey(hash: string): string {
	return createHash('sha256').update(hash.trim().toLowerCase()).digest().subarray(0, 12).toString('base64url');
}

export class AcceptedHashes {
	private readonly entries = new Map<string, number>();

	constructor(private readonly limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS) {}

	/** Reads a stored record; anything unreadable counts as empty rather than failing a delivery. */
	static fromRecord(record: unknown, limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS): AcceptedHashes {
		const hashes = new AcceptedHashes(limits);
		const entries = (record as Partial<AcceptedHashesRecord> | undefined)?.entries;
		if (!Array.isArray(entries)) return hashes;
		for (const entry of entries) {
			if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number') hashes.remember(entry[0], entry[1]);
		}
		return hashes;
	}

	get size(): number {
		return this.entries.size;
	}

	/** Whether `hash` was accepted within the age limit. */
	has(hash: string, nowSeconds: number): boolean {
		const at = this.entries.get(hashKey(hash));
		return at !== undefined && nowSeconds - at <= this.limits.maxAgeSeconds;
	}

	add(hash: string, nowSeconds: number): void {
		this.remember(hashKey(hash), nowSeconds);
	}

	/** Takes in every entry of `other` (keeping the earlier acceptance time of a shared key). */
	merge(other: AcceptedHashes): void {
		for (const [key, at] of other.entries) this.remember(key, at);
	}

	/** Drops expired entries and all but the newest `maxEntries`. */
	prune(nowSeconds: number): void {
		const kept = [...this.entries]
			.filter(([, at]) => nowSeconds - at <= this.limits.maxAgeSeconds)
			.sort((a, b) => a[1] - b[1])
			.slice(-this.limits.maxEntries);
		this.entries.clear();
		for (const [key, at] of kept) this.entries.set(key, at);
	}

	toRecord(): AcceptedHashesRecord {
		return { v: 1, entries: [...this.entries].sort((a, b) => a[1] - b[1]) };
	}

	private remember(key: string, at: number): void {
		const known = this.entries.get(key);
		this.entries.set(key, known === undefined ? at : Math.min(known, at));
	}
}

/**
 * One record per trigger node in this process. n8n saves static data as a whole after each
 * request, so two deliveries handled at the same moment can overwrite each other's additions;
 * merging this in-memory record into every save puts a lost hash back.
 */
const inProcess = new Map<string, AcceptedHashes>();

export function processAcceptedHashes(key: string, limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS): AcceptedHashes {
	let hashes = inProcess.get(key);
	if (!hashes) {
		hashes = new AcceptedHashes(limits);
		inProcess.set(key, hashes);
	}
	return hashes;
}

/** Forgets the in-process record of a node (deactivation; tests simulating a restart). */
export function forgetProcessAcceptedHashes(key?: string): void {
	if (key === undefined) inProcess.clear();
	else inProcess.delete(key);
}

export type DeliveryVerdict = { duplicate: true } | { duplicate: false; record: AcceptedHashesRecord };

/**
 * Decides about one delivery and, when it is new, marks it accepted in the process record and
 * returns the record to store. Synchronous on purpose: between the check and the mark nothing
 * else can run, so two copies arriving together cannot both pass in one process.
 */
export function acceptDelivery(hash: string, stored: unknown, processKey: string, nowSeconds: number, limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS): DeliveryVerdict {
	const memory = processAcceptedHashes(processKey, limits);
	const persisted = AcceptedHashes.fromRecord(stored, limits);
	if (memory.has(hash, nowSeconds) || persisted.has(hash, nowSeconds)) return { duplicate: true };
	memory.add(hash, nowSeconds);
	memory.prune(nowSeconds);
	persisted.merge(memory);
	persisted.prune(nowSeconds);
	return { duplicate: false, record: persisted.toRecord() };
}
