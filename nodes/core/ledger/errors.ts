/**
 * Typed errors of the ledger store. Each has a stable `code` for callers to branch on and a
 * message that tells a marketer what happened and what to do.
 */
export class LedgerError extends Error {
	constructor(
		readonly code: string,
		message: string,
	) {
		super(message);
		this.name = new.target.name;
	}
}

/** Redeeming (or a negative adjustment) would take the available balance below zero. Nothing was written. */
export class InsufficientPoints extends LedgerError {
	constructor(
		readonly available: number,
		readonly requested: number,
	) {
		super('INSUFFICIENT_POINTS', `Not enough points: ${requested} requested, ${available} available. Nothing was changed.`);
	}
}

export class ProgramNotFound extends LedgerError {
	constructor(readonly program: string) {
		super('PROGRAM_NOT_FOUND', `Loyalty program ${program} does not exist. Create it with Program → Upsert first.`);
	}
}

export class MemberNotFound extends LedgerError {
	constructor(readonly member: string) {
		super('MEMBER_NOT_FOUND', `No loyalty member ${member} in this program. Enrol the customer with Member → Upsert first.`);
	}
}

export class MemberErased extends LedgerError {
	constructor(readonly memberId: string) {
		super('MEMBER_ERASED', `Loyalty member ${memberId} was erased; points can no longer be changed for them.`);
	}
}

/** The key was already used by a different operation (another member, kind or order). */
export class IdempotencyKeyConflict extends LedgerError {
	constructor(
		readonly key: string,
		readonly existing: { kind: string; memberId: string; orderId: string | null },
	) {
		super(
			'IDEMPOTENCY_KEY_CONFLICT',
			`The idempotency key "${key}" was already used for a ${existing.kind} entry of member ${existing.memberId}. Use a key that names this operation only.`,
		);
	}
}

export class InvalidLedgerInput extends LedgerError {
	constructor(
		readonly field: string,
		problem: string,
	) {
		super('INVALID_INPUT', `${field}: ${problem}`);
	}
}

export class CartNotFound extends LedgerError {
	constructor(readonly cartId: string) {
		super('CART_NOT_FOUND', `Cart ${cartId} is not tracked. Track it with Cart → Track first.`);
	}
}

export class SchemaTooNew extends LedgerError {
	constructor(
		readonly found: number,
		readonly supported: number,
	) {
		super(
			'SCHEMA_TOO_NEW',
			`The loyalty database is at schema version ${found}, but this version of the node knows only up to ${supported}. Update n8n-nodes-tajo-bigcommerce on every n8n process.`,
		);
	}
}
