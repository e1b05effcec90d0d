import { randomInt } from 'node:crypto';

/** Coupon codes as promotions.v3 allows them: letters, digits, spaces, underscores, hyphens; at most 50. */
export const COUPON_CODE_PATTERN = /^[A-Za-z0-9_ -]{1,50}$/;

// No 0/O or 1/I/L: a shopper may copy the code by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const RANDOM_LENGTH = 10;

/** prefix + 10 random characters (about 50 bits: guessing one is hopeless, collisions negligible). */
export function generateCouponCode(prefix = ''): string {
	let code = prefix;
	for (let i = 0; i < RANDOM_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
	return code;
}

/** Why a code is not accepted, or undefined when it is. */
export function couponCodeProblem(code: string): string | undefined {
	if (code.length > 50) return `is ${code.length} characters long; BigCommerce allows at most 50`;
	if (!COUPON_CODE_PATTERN.test(code)) return 'may contain only letters, digits, spaces, hyphens and underscores';
	return undefined;
}
