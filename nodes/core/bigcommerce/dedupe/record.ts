import { z } from 'zod';
import { KEY_LENGTH, KEY_PATTERN } from './keys';

/**
 * The stored form of the accepted hashes. It sits in the workflow's static data, which n8n
 * 2.41.1 reads with the workflow for every delivery, writes back after every accepted one and
 * reads again when it starts the execution, parsing and serialising it each time: its size and
 * its number of JSON values are paid several times per delivery.
 *
 * Version 2, a few JSON values whatever the number of entries:
 *   `{ v: 2, base: <Unix minute of the oldest bucket>, buckets: "0:KKKKKKKKKKKKKKKK,2:KKKKKKKK" }`
 * Entries accepted in the same minute share a bucket; each bucket is `<minutes since the previous
 * bucket, base 36>:<its 8-character keys, oldest first>`, buckets oldest first, comma-separated.
 * At 2,000 entries this is 16 KB of keys plus 3 bytes per minute that had deliveries: about 16 KB
 * for a busy store (many deliveries a minute), at most about 22 KB when every entry had a minute
 * of its own (then deliveries are so rare that the size no longer costs throughput).
 *
 * Version 1 (before), read so that activated workflows keep their record: `{ v: 1, entries:
 * [[<16-character key>, <Unix seconds>], …] }`, about 64 KB at 2,000 entries.
 */

/** One remembered key and the Unix minute of its bucket; lists of them are oldest first. */
export type Entry = readonly [key: string, minute: number];

export interface AcceptedHashesRecord {
	v: 2;
	base: number;
	buckets: string;
}

const BUCKET = `[0-9a-z]+:(?:${KEY_PATTERN})+`;
const recordV2 = z.object({
	v: z.literal(2),
	base: z.number().int().nonnegative(),
	buckets: z.string().regex(new RegExp(`^(?:${BUCKET}(?:,${BUCKET})*)?$`)),
});

const recordV1 = z.object({ v: z.literal(1).optional(), entries: z.array(z.unknown()) });
const entryV1 = z.tuple([z.string().regex(/^[A-Za-z0-9_-]{16}$/), z.number().int().nonnegative()]);

/** Entries (oldest first) → the stored form. */
export function encodeRecord(entries: readonly Entry[]): AcceptedHashesRecord {
	if (entries.length === 0) return { v: 2, base: 0, buckets: '' };
	const base = entries[0][1];
	const buckets: string[] = [];
	let previous = base;
	let minute = base;
	let keys = '';
	const close = () => {
		buckets.push(`${(minute - previous).toString(36)}:${keys}`);
		previous = minute;
	};
	for (const [key, at] of entries) {
		if (at < minute) throw new Error('Accepted hashes must be encoded oldest first.');
		if (at !== minute) {
			close();
			minute = at;
			keys = '';
		}
		keys += key;
	}
	close();
	return { v: 2, base, buckets: buckets.join(',') };
}

/**
 * The entries of a stored record, version 2 or 1. Anything unreadable gives no entries rather
 * than failing the delivery: the in-process record still catches repeats, and a lost record only
 * weakens deduplication, it never loses an event.
 */
export function decodeRecord(stored: unknown): Entry[] {
	const v2 = recordV2.safeParse(stored);
	if (v2.success) return decodeBuckets(v2.data);
	const v1 = recordV1.safeParse(stored);
	if (v1.success) return decodeV1(v1.data.entries);
	return [];
}

function decodeBuckets(record: AcceptedHashesRecord): Entry[] {
	const entries: Entry[] = [];
	if (record.buckets === '') return entries;
	let minute = record.base;
	for (const bucket of record.buckets.split(',')) {
		const colon = bucket.indexOf(':');
		minute += parseInt(bucket.slice(0, colon), 36);
		for (let i = colon + 1; i < bucket.length; i += KEY_LENGTH) entries.push([bucket.slice(i, i + KEY_LENGTH), minute]);
	}
	return entries;
}

/** Old keys are 96 bits in base64url; their first 8 characters are exactly today's 48-bit key. */
function decodeV1(rawEntries: unknown[]): Entry[] {
	const entries: Entry[] = [];
	for (const raw of rawEntries) {
		const entry = entryV1.safeParse(raw);
		if (entry.success) entries.push([entry.data[0].slice(0, KEY_LENGTH), Math.floor(entry.data[1] / 60)]);
	}
	return entries.sort((a, b) => a[1] - b[1]);
}
