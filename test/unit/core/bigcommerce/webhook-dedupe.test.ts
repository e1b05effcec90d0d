import { createHash, randomBytes } from 'node:crypto';
import { decodeRecord, encodeRecord } from '../../../../nodes/core/bigcommerce/dedupe/record';
import {
	AcceptedHashes,
	beginDelivery,
	DEFAULT_DEDUPE_LIMITS,
	forgetProcessAcceptedHashes,
	hashKey,
	KEY_LENGTH,
	type AcceptedHashesRecord,
} from '../../../../nodes/core/bigcommerce/webhook-dedupe';

const MINUTE = 60;
const HOUR = 3600;
const WINDOW = DEFAULT_DEDUPE_LIMITS.maxAgeSeconds;
/** 2026-01-01T00:00:00Z, on a minute boundary. */
const T0 = 1_767_225_600;

/** A BigCommerce-like hash: 40 hex characters. */
function bcHash(): string {
	return randomBytes(20).toString('hex');
}

/** What a fresh n8n process reads back from the database. */
function afterRestart(record: unknown): unknown {
	forgetProcessAcceptedHashes();
	return JSON.parse(JSON.stringify(record)) as unknown;
}

/** Accepts `hash` in process `node`, expecting it to be new: its execution stored, the record to store. */
function accept(hash: string, stored: unknown, now: number, node = 'node'): AcceptedHashesRecord {
	const verdict = beginDelivery(hash, stored, node, now);
	if (verdict.duplicate) throw new Error(`${hash} was taken for a duplicate`);
	return verdict.confirm();
}

function isDuplicate(hash: string, stored: unknown, now: number, node = 'node'): boolean {
	return beginDelivery(hash, stored, node, now).duplicate;
}

/** The older format: 96-bit keys and Unix seconds, as activated workflows still have it. */
function oldKey(hash: string): string {
	return createHash('sha256').update(hash.trim().toLowerCase()).digest().subarray(0, 12).toString('base64url');
}

beforeEach(() => forgetProcessAcceptedHashes());

describe('a hash already accepted', () => {
	it('is a duplicate, in the same process and after a restart', () => {
		const hash = bcHash();
		const record = accept(hash, undefined, T0);
		expect(isDuplicate(hash, record, T0 + 5)).toBe(true);
		expect(isDuplicate(hash, afterRestart(record), T0 + HOUR)).toBe(true);
	});

	it('ignores case and surrounding space of the hash', () => {
		const record = accept('ABCDEF0123', undefined, T0);
		expect(isDuplicate(' abcdef0123 ', afterRestart(record), T0 + 1)).toBe(true);
	});

	it('is known to a process that did not write the stored record (another n8n process, or concurrent saves)', () => {
		const a = bcHash();
		const b = bcHash();
		const fromP1 = accept(a, undefined, T0, 'p1');
		const fromP2 = accept(b, fromP1, T0 + 1, 'p2');
		// p1 last wrote fromP1; the stored record is now p2's, which holds b.
		expect(isDuplicate(b, fromP2, T0 + 2, 'p1')).toBe(true);
		expect(isDuplicate(a, fromP2, T0 + 2, 'p2')).toBe(true);
	});

	it('keeps a hash the stored record lost to an overwrite, from the process memory', () => {
		const a = bcHash();
		const b = bcHash();
		const empty = { v: 2, base: 0, buckets: '' };
		accept(a, empty, T0);
		// b's request loaded the record before a's save and is saved last: it must hold a too.
		const savedLast = accept(b, empty, T0 + 1);
		expect(isDuplicate(a, afterRestart(savedLast), T0 + 2)).toBe(true);
	});
});

describe('expiry', () => {
	it.each([0, 1, 30, 59])('remembers a hash accepted %i s into a minute for the whole window, and forgets it a minute later', (second) => {
		const hash = bcHash();
		const at = T0 + second;
		const record = accept(hash, undefined, at);
		expect(isDuplicate(hash, afterRestart(record), at + WINDOW)).toBe(true);
		expect(isDuplicate(hash, afterRestart(record), at + WINDOW + MINUTE + 1)).toBe(false);
	});

	it('forgets in the running process too, and a hash seen again after the window is remembered anew', () => {
		const hash = bcHash();
		const first = accept(hash, undefined, T0);
		const again = accept(hash, first, T0 + WINDOW + 2 * MINUTE);
		expect(decodeRecord(again)).toEqual([[hashKey(hash), (T0 + WINDOW) / MINUTE + 2]]);
		expect(isDuplicate(hash, afterRestart(again), T0 + WINDOW + 3 * MINUTE)).toBe(true);
	});

	it('drops expired minutes from the stored record and moves its base', () => {
		const [oldest, middle, newest] = [bcHash(), bcHash(), bcHash()];
		let record = accept(oldest, undefined, T0);
		record = accept(middle, record, T0 + 10 * MINUTE);
		record = accept(newest, record, T0 + WINDOW + 5 * MINUTE);
		// oldest is 4,325 minutes old (gone), middle 4,315 (kept), 4,315 = "3bv" in base 36.
		expect(record).toEqual({ v: 2, base: T0 / MINUTE + 10, buckets: `0:${hashKey(middle)},3bv:${hashKey(newest)}` });
	});
});

describe('bounded size', () => {
	it(`keeps the newest ${DEFAULT_DEDUPE_LIMITS.maxEntries} hashes, well under 20 KB for a busy store`, () => {
		const hashes = Array.from({ length: DEFAULT_DEDUPE_LIMITS.maxEntries + 50 }, bcHash);
		let record: unknown;
		// 2,050 deliveries within about seven minutes.
		hashes.forEach((hash, i) => (record = accept(hash, record, T0 + Math.floor(i / 5))));
		expect(JSON.stringify(record).length).toBeLessThan(16_100);
		expect(decodeRecord(record).map(([key]) => key)).toEqual(hashes.slice(50).map(hashKey));
		expect(isDuplicate(hashes[50], afterRestart(record), T0 + HOUR)).toBe(true);
		expect(isDuplicate(hashes[49], afterRestart(record), T0 + HOUR)).toBe(false);
	});

	it('stays under 23 KB even when every entry had a minute of its own', () => {
		const hashes = Array.from({ length: DEFAULT_DEDUPE_LIMITS.maxEntries }, bcHash);
		let record: unknown;
		// 2,000 minutes with deliveries spread over the 72 h window: the most buckets there can be.
		hashes.forEach((hash, i) => (record = accept(hash, record, T0 + Math.floor((i * WINDOW) / hashes.length / MINUTE) * MINUTE)));
		expect(decodeRecord(record)).toHaveLength(DEFAULT_DEDUPE_LIMITS.maxEntries);
		expect(JSON.stringify(record).length).toBeLessThan(23_000);
	});

	it('is a handful of JSON values, not one per entry (n8n parses and serialises it several times per delivery)', () => {
		let record: unknown;
		for (let i = 0; i < 500; i++) record = accept(bcHash(), record, T0 + i);
		expect(Object.keys(record as object).sort()).toEqual(['base', 'buckets', 'v']);
		expect(typeof (record as AcceptedHashesRecord).buckets).toBe('string');
	});
});

describe('keys: 48-bit prefixes of SHA-256', () => {
	it('are 8 base64url characters', () => {
		expect(KEY_LENGTH).toBe(8);
		expect(hashKey(bcHash())).toMatch(/^[A-Za-z0-9_-]{8}$/);
	});

	it('make a false duplicate negligible: at most 2,000 keys against 2^48 values', () => {
		// The chance that a new delivery's key equals one of the remembered ones.
		const perDelivery = DEFAULT_DEDUPE_LIMITS.maxEntries / 2 ** (6 * KEY_LENGTH);
		expect(perDelivery).toBeLessThan(1e-11);
		// A million deliveries a year for a century.
		expect(perDelivery * 1e6 * 100).toBeLessThan(1e-3);
	});

	it('depend on the whole hash, not its first characters (BigCommerce hashes may share a prefix)', () => {
		const hash = bcHash();
		const sibling = hash.slice(0, -1) + (hash.endsWith('0') ? '1' : '0');
		expect(hashKey(sibling)).not.toBe(hashKey(hash));
		const record = accept(hash, undefined, T0);
		expect(isDuplicate(sibling, afterRestart(record), T0 + 1)).toBe(false);
	});

	it('do not collide among 100,000 random hashes', () => {
		const keys = new Set(Array.from({ length: 100_000 }, () => hashKey(bcHash())));
		expect(keys.size).toBe(100_000);
	});

	it('are the first 8 characters of the older format’s keys, so migration keeps every entry exactly', () => {
		const hash = bcHash();
		expect(oldKey(hash).slice(0, KEY_LENGTH)).toBe(hashKey(hash));
	});
});

describe('the older record format (v1), still in the static data of activated workflows', () => {
	function v1Record(hashes: string[], acceptedAt: number): unknown {
		return { v: 1, entries: hashes.map((hash) => [oldKey(hash), acceptedAt]) };
	}

	it('is read: its hashes are duplicates, and the next save writes the compact format', () => {
		const old = [bcHash(), bcHash()];
		const stored = afterRestart(v1Record(old, T0));
		expect(old.every((hash) => isDuplicate(hash, stored, T0 + HOUR))).toBe(true);
		const next = accept(bcHash(), stored, T0 + HOUR);
		expect(next.v).toBe(2);
		expect(decodeRecord(next).map(([key]) => key)).toEqual(expect.arrayContaining(old.map(hashKey)));
	});

	it('keeps each entry’s acceptance time: expired ones are forgotten', () => {
		const expired = bcHash();
		const recent = bcHash();
		const stored = { v: 1, entries: [[oldKey(expired), T0 - WINDOW - 2 * MINUTE], [oldKey(recent), T0 - HOUR]] };
		expect(isDuplicate(expired, afterRestart(stored), T0)).toBe(false);
		expect(isDuplicate(recent, afterRestart(stored), T0)).toBe(true);
	});

	it('shrinks from about 64 KB to about 16 KB at capacity', () => {
		const hashes = Array.from({ length: DEFAULT_DEDUPE_LIMITS.maxEntries }, bcHash);
		const old = { v: 1, entries: hashes.map((hash, i) => [oldKey(hash), T0 + i]) };
		expect(JSON.stringify(old).length).toBeGreaterThan(60_000);
		const migrated = accept(bcHash(), afterRestart(old), T0 + 2 * HOUR);
		expect(JSON.stringify(migrated).length).toBeLessThan(17_000);
		expect(isDuplicate(hashes.at(-1)!, afterRestart(migrated), T0 + 3 * HOUR)).toBe(true);
	});

	it('skips entries it cannot read instead of failing the delivery', () => {
		const good = bcHash();
		const stored = { entries: [[oldKey(good), T0], ['short', T0], [1, 'bad'], 'x', null] };
		expect(decodeRecord(stored)).toEqual([[hashKey(good), T0 / MINUTE]]);
	});
});

describe('unreadable records', () => {
	it.each([
		['text', 'nonsense'],
		['null', null],
		['a bucket without keys', { v: 2, base: 1, buckets: '0:' }],
		['a key of the wrong length', { v: 2, base: 1, buckets: '0:abc' }],
		['a negative base', { v: 2, base: -1, buckets: '' }],
		['an unknown version', { v: 3, base: 1, buckets: '' }],
	])('count %s as empty, and the delivery is accepted', (_label, stored) => {
		expect(decodeRecord(stored)).toEqual([]);
		expect(isDuplicate(bcHash(), stored, T0)).toBe(false);
	});
});

describe('the stored form', () => {
	it('round-trips entries, grouping keys by minute with minute gaps in base 36 (49 = 1d)', () => {
		const entries = [
			['AAAAAAAA', 100],
			['BBBBBBBB', 100],
			['CCCCCCCC', 101],
			['DDDDDDDD', 150],
		] as const;
		const record = encodeRecord(entries);
		expect(record).toEqual({ v: 2, base: 100, buckets: '0:AAAAAAAABBBBBBBB,1:CCCCCCCC,1d:DDDDDDDD' });
		expect(decodeRecord(record)).toEqual(entries);
	});

	it('is written oldest first even when a clock went back', () => {
		const hashes = new AcceptedHashes();
		hashes.add('late', T0 + 10 * MINUTE);
		hashes.add('early', T0);
		expect(decodeRecord(hashes.toRecord())).toEqual([
			[hashKey('early'), T0 / MINUTE],
			[hashKey('late'), T0 / MINUTE + 10],
		]);
	});

	it('keeps the earlier minute of a hash known both in memory and in the stored record', () => {
		const hashes = new AcceptedHashes();
		hashes.add('h', T0 + 5 * MINUTE);
		hashes.absorb([[hashKey('h'), T0 / MINUTE]]);
		expect(decodeRecord(hashes.toRecord())).toEqual([[hashKey('h'), T0 / MINUTE]]);
	});
});

describe('a delivery whose execution is being stored', () => {
	function begin(hash: string, stored: unknown, now: number) {
		const verdict = beginDelivery(hash, stored, 'node', now);
		if (verdict.duplicate) throw new Error(`${hash} was taken for a duplicate`);
		return verdict;
	}

	it('makes a copy arriving meanwhile a duplicate', () => {
		const hash = bcHash();
		begin(hash, undefined, T0);
		expect(isDuplicate(hash, undefined, T0 + 1)).toBe(true);
	});

	it('is forgotten when its execution could not be stored, so the retry runs', () => {
		const hash = bcHash();
		begin(hash, undefined, T0).withdraw();
		expect(isDuplicate(hash, undefined, T0 + 60)).toBe(false);
	});

	it('is never in the record another delivery saves meanwhile, so a failure cannot hide it', () => {
		const failing = bcHash();
		const other = bcHash();
		const first = begin(failing, undefined, T0);
		const saved = begin(other, undefined, T0).confirm();
		first.withdraw();
		expect(isDuplicate(failing, afterRestart(saved), T0 + 60)).toBe(false);
		expect(isDuplicate(other, afterRestart(saved), T0 + 60)).toBe(true);
	});

	it('is remembered once confirmed, even if the answer ended before (the caller hung up)', () => {
		const hash = bcHash();
		const verdict = begin(hash, undefined, T0);
		verdict.withdraw();
		const record = verdict.confirm();
		expect(isDuplicate(hash, afterRestart(record), T0 + 60)).toBe(true);
	});

	it('stops blocking copies after five minutes without an outcome', () => {
		const hash = bcHash();
		begin(hash, undefined, T0);
		expect(isDuplicate(hash, undefined, T0 + 300)).toBe(true);
		expect(isDuplicate(hash, undefined, T0 + 301)).toBe(false);
	});
});
