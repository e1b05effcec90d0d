/** A rules-engine input the engine cannot use; `field` names it, the message says what to fix. */
export class LoyaltyInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(`${field}: ${message}`);
		this.name = 'LoyaltyInputError';
	}
}

export function requireWholeNumber(value: unknown, field: string): number {
	if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
		throw new LoyaltyInputError(field, `must be a whole number (got ${JSON.stringify(value)})`);
	}
	return value;
}
