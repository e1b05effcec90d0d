/**
 * Signals between a store operation and SqlLedgerStore, never seen by callers: each means "this
 * attempt wrote nothing; run the operation again another way".
 */

/**
 * An award of an order that was awarded before under another idempotency key (the order row's
 * primary key refused it, or the one-trip write found the order row). The store runs the award
 * again with the look-up that returns that first award.
 */
export class OrderAwardedUnderAnotherKey extends Error {
	constructor(readonly orderId: string) {
		super(`Order ${orderId} was awarded under another idempotency key`);
	}
}

/**
 * A one-trip points write found the member other than this process last saw it (`stale`), or not
 * at all (`missing`), and wrote nothing. The store runs the write again on the two-trip path,
 * which plans with the locked row (and reports a missing member as the error it is).
 */
export class OneTripMissed extends Error {
	constructor(readonly outcome: string) {
		super(`The one-trip points write found the member ${outcome}`);
	}
}
