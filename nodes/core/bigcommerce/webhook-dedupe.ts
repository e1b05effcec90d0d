import { AcceptedHashes, DEFAULT_DEDUPE_LIMITS, type DedupeLimits } from './dedupe/accepted-hashes';
import { hashKey } from './dedupe/keys';
import { decodeRecord, type AcceptedHashesRecord } from './dedupe/record';

/**
 * Remembers the `hash` of every webhook delivery a trigger accepted, so that BigCommerce's
 * repeated deliveries of one event (retries, "duplicate events" in its webhooks overview) start
 * no second execution, also after a restart: the record is kept in the workflow's static data.
 * Keys, size and the stored format: dedupe/keys.ts and dedupe/record.ts.
 */
export { AcceptedHashes, DEFAULT_DEDUPE_LIMITS, type DedupeLimits } from './dedupe/accepted-hashes';
export { hashKey, KEY_LENGTH } from './dedupe/keys';
export type { AcceptedHashesRecord } from './dedupe/record';

interface ProcessRecord {
	hashes: AcceptedHashes;
	/** The record this process last handed out for saving. */
	written?: AcceptedHashesRecord;
	/**
	 * Deliveries begun and not yet settled (n8n is storing their execution), by key, with the
	 * second they began. A copy arriving meanwhile is a duplicate; they are never in a saved record.
	 */
	pending: Map<string, number>;
}

/** A pending delivery older than this is forgotten even if its answer was never seen settling. */
const PENDING_SECONDS = 300;

/**
 * One record per trigger node in this process. n8n loads static data per request and saves it as
 * a whole afterwards, so two deliveries handled at the same moment can overwrite each other's
 * additions; merging this in-memory record into every save puts a lost hash back.
 */
const inProcess = new Map<string, ProcessRecord>();

function processRecord(key: string, limits: DedupeLimits): ProcessRecord {
	let record = inProcess.get(key);
	if (!record) {
		record = { hashes: new AcceptedHashes(limits), pending: new Map() };
		inProcess.set(key, record);
	}
	return record;
}

/** Forgets the in-process record of a node (deactivation; tests simulating a restart). */
export function forgetProcessAcceptedHashes(key?: string): void {
	if (key === undefined) inProcess.clear();
	else inProcess.delete(key);
}

/**
 * Whether `stored` is the very record this process wrote last: then every entry in it is already
 * in memory and decoding it again can be skipped — the usual case, one delivery after another.
 */
function isLastWritten(stored: unknown, written: AcceptedHashesRecord | undefined): boolean {
	if (!written || typeof stored !== 'object' || stored === null) return false;
	const record = stored as Partial<AcceptedHashesRecord>;
	return record.v === written.v && record.base === written.base && record.buckets === written.buckets;
}

export type DeliveryVerdict =
	| { duplicate: true }
	| {
			duplicate: false;
			/** n8n stored the execution: remember the hash; returns the record to store. */
			confirm(): AcceptedHashesRecord;
			/** n8n could not store the execution: forget the hash, so BigCommerce's retry is run. */
			withdraw(): void;
	  };

/**
 * Decides about one delivery. A new one is pending until `confirm` (its execution is stored) or
 * `withdraw` (it is not): only confirmed hashes go into the record to store, so a delivery whose
 * execution was never stored is not mistaken for a duplicate when BigCommerce retries it — not even
 * through the save of another delivery handled at the same moment.
 * Synchronous on purpose: between the check and the mark nothing else can run, so two copies
 * arriving together cannot both pass in one process.
 */
export function beginDelivery(hash: string, stored: unknown, processKey: string, nowSeconds: number, limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS): DeliveryVerdict {
	const memory = processRecord(processKey, limits);
	const key = hashKey(hash);
	if (memory.hashes.hasKey(key, nowSeconds) || isPending(memory, key, nowSeconds)) return { duplicate: true };
	if (!isLastWritten(stored, memory.written)) {
		memory.hashes.absorb(decodeRecord(stored));
		if (memory.hashes.hasKey(key, nowSeconds)) return { duplicate: true };
	}
	memory.pending.set(key, nowSeconds);
	let confirmed = false;
	return {
		duplicate: false,
		confirm() {
			if (!confirmed) {
				confirmed = true;
				memory.pending.delete(key);
				memory.hashes.addKey(key, nowSeconds);
				memory.hashes.prune(nowSeconds);
				memory.written = memory.hashes.toRecord();
			}
			// A copy: n8n makes what is stored observable in place, and `written` must stay as it was.
			return { ...(memory.written as AcceptedHashesRecord) };
		},
		withdraw() {
			if (!confirmed) memory.pending.delete(key);
		},
	};
}

function isPending(memory: ProcessRecord, key: string, nowSeconds: number): boolean {
	const began = memory.pending.get(key);
	if (began === undefined) return false;
	if (nowSeconds - began <= PENDING_SECONDS) return true;
	memory.pending.delete(key);
	return false;
}
