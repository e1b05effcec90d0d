/**
 * Exact decimal numbers: value = units / 10^scale, with `units` a bigint.
 *
 * Every number in the points formula (money, rates, multipliers) is a finite decimal, so products
 * of them are finite decimals too: keeping them in this form makes the whole calculation exact and
 * leaves exactly one rounding step, at the end. Floats never enter the path.
 */
export interface Decimal {
	readonly units: bigint;
	readonly scale: number;
}

/** How a non-integer number of points becomes an integer. `round` is half-up (2.5 → 3). */
export type RoundingMode = 'floor' | 'round' | 'ceil';

export const ROUNDING_MODES: readonly RoundingMode[] = ['floor', 'round', 'ceil'];

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const MAX_SCALE = 60;

export const ZERO: Decimal = { units: 0n, scale: 0 };
export const ONE: Decimal = { units: 1n, scale: 0 };

/** Parses "69.8400", "-5", "1.5e3"; returns undefined for anything else (callers word the error). */
export function tryParseDecimal(text: string): Decimal | undefined {
	const match = DECIMAL_TEXT.exec(text.trim());
	if (!match) return undefined;
	const [, sign, whole, fraction = '', exponentText] = match;
	const exponent = exponentText === undefined ? 0 : Number(exponentText);
	let scale = fraction.length - exponent;
	let units = BigInt(whole + fraction);
	if (scale < 0) {
		units *= 10n ** BigInt(-scale);
		scale = 0;
	}
	if (scale > MAX_SCALE) return undefined;
	return normalize({ units: sign === '-' ? -units : units, scale });
}

export function parseDecimal(text: string): Decimal {
	const parsed = tryParseDecimal(text);
	if (!parsed) throw new Error(`"${text}" is not a decimal number`);
	return parsed;
}

/**
 * A JavaScript number as the decimal it was written as: String(n) is the shortest text that reads
 * back as n, so 0.1 becomes exactly 1/10, not the binary float 0.1000000000000000055….
 */
export function decimalFromNumber(value: number): Decimal {
	if (!Number.isFinite(value)) throw new Error(`${value} is not a finite number`);
	return parseDecimal(String(value));
}

export function decimalFromInteger(value: number | bigint, scale = 0): Decimal {
	return normalize({ units: BigInt(value), scale });
}

/** Removes trailing zeros so that equal values have one representation (1.50 → 1.5). */
export function normalize(d: Decimal): Decimal {
	let { units, scale } = d;
	while (scale > 0 && units % 10n === 0n) {
		units /= 10n;
		scale -= 1;
	}
	return { units, scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint] {
	const scale = Math.max(a.scale, b.scale);
	return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale)];
}

export function add(a: Decimal, b: Decimal): Decimal {
	const [x, y] = align(a, b);
	return normalize({ units: x + y, scale: Math.max(a.scale, b.scale) });
}

export function subtract(a: Decimal, b: Decimal): Decimal {
	return add(a, { units: -b.units, scale: b.scale });
}

export function multiply(a: Decimal, b: Decimal): Decimal {
	return normalize({ units: a.units * b.units, scale: a.scale + b.scale });
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
	const [x, y] = align(a, b);
	return x < y ? -1 : x > y ? 1 : 0;
}

export function max(a: Decimal, b: Decimal): Decimal {
	return compare(a, b) >= 0 ? a : b;
}

export function sign(d: Decimal): -1 | 0 | 1 {
	return d.units < 0n ? -1 : d.units > 0n ? 1 : 0;
}

/** numerator / denominator rounded to an integer; the denominator must be positive. */
export function divideToInteger(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
	if (denominator <= 0n) throw new Error('denominator must be positive');
	// bigint division truncates toward zero; floor and ceil need the sign of the remainder.
	const quotient = numerator / denominator;
	const remainder = numerator % denominator;
	if (remainder === 0n) return quotient;
	const floor = remainder < 0n ? quotient - 1n : quotient;
	switch (mode) {
		case 'floor':
			return floor;
		case 'ceil':
			return floor + 1n;
		case 'round': {
			// Half-up: compare the distance above the floor with half the denominator.
			const above = numerator - floor * denominator;
			return 2n * above >= denominator ? floor + 1n : floor;
		}
	}
}

/** The decimal rounded to `decimals` fractional digits, returned as units of 10^-decimals. */
export function toScaledInteger(d: Decimal, decimals: number, mode: RoundingMode): bigint {
	if (d.scale <= decimals) return d.units * 10n ** BigInt(decimals - d.scale);
	return divideToInteger(d.units, 10n ** BigInt(d.scale - decimals), mode);
}

export function roundToInteger(d: Decimal, mode: RoundingMode): bigint {
	return toScaledInteger(d, 0, mode);
}

/** Plain decimal text, never exponent notation: {units: 1234, scale: 2} → "12.34". */
export function formatDecimal(d: Decimal, minFractionDigits = 0): string {
	const scale = Math.max(d.scale, minFractionDigits);
	const units = d.units * 10n ** BigInt(scale - d.scale);
	const negative = units < 0n;
	const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
	const whole = digits.slice(0, digits.length - scale);
	const fraction = digits.slice(digits.length - scale);
	return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Number of digits after the point in the shortest form of the value. */
export function fractionDigits(d: Decimal): number {
	return normalize(d).scale;
}
