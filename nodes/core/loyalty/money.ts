import { currencyDecimals } from './currency';
import { type Decimal, type RoundingMode, decimalFromInteger, formatDecimal, toScaledInteger, tryParseDecimal } from './decimal';

/**
 * Money arrives from BigCommerce as decimal strings with four digits ("69.8400"), sometimes as
 * plain numbers ("Float, Float-As-String, Integer" in the v2 spec). Amounts are held as integer
 * minor units of their currency (cents for USD, yen for JPY, fils for KWD) in a JavaScript
 * number: always a safe integer (checked), so breakdowns stay plain JSON for the ledger and the
 * node; arithmetic that could overflow (products with rates) is done in bigint by `decimal.ts`.
 */
export type MoneyValue = string | number;

export class MoneyError extends Error {
	constructor(
		message: string,
		readonly field: string,
		readonly value: unknown,
	) {
		super(message);
		this.name = 'MoneyError';
	}
}

function show(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : String(value);
}

/** The exact decimal value of a money field, at whatever precision it was sent. */
export function parseMoneyDecimal(value: unknown, field = 'amount'): Decimal {
	if (value === undefined || value === null || value === '') {
		throw new MoneyError(`${field}: is missing; expected a money amount such as "69.8400"`, field, value);
	}
	if (typeof value === 'number' && !Number.isFinite(value)) {
		throw new MoneyError(`${field}: ${show(value)} is not a money amount; expected a finite number`, field, value);
	}
	// Numbers go through their shortest text (0.1 → "0.1"), never through float arithmetic.
	const parsed = typeof value === 'number' || typeof value === 'string' ? tryParseDecimal(String(value)) : undefined;
	if (!parsed) {
		throw new MoneyError(
			`${field}: ${show(value)} is not a money amount; expected a decimal number such as "69.8400"`,
			field,
			value,
		);
	}
	return parsed;
}

export interface ToMinorOptions {
	field?: string;
	/**
	 * What to do with digits below the currency's minor unit ("62.6793" USD): `reject` (default)
	 * throws; the other modes round. The points basis uses `round` (half-up) once, after summing.
	 */
	excessPrecision?: 'reject' | RoundingMode;
}

/** A decimal amount in `currency` as integer minor units (safe integer). */
export function decimalToMinorUnits(amount: Decimal, currency: string, options: ToMinorOptions = {}): number {
	const field = options.field ?? 'amount';
	const decimals = currencyDecimals(currency);
	const mode = options.excessPrecision ?? 'reject';
	if (mode === 'reject' && amount.scale > decimals) {
		throw new MoneyError(
			`${field}: "${formatDecimal(amount)}" has more decimals than ${currency} allows (${decimals})`,
			field,
			formatDecimal(amount),
		);
	}
	const minor = toScaledInteger(amount, decimals, mode === 'reject' ? 'floor' : mode);
	return safeMinor(minor, field, formatDecimal(amount));
}

export function safeMinor(minor: bigint, field: string, shown: string): number {
	if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
		throw new MoneyError(`${field}: "${shown}" is too large to count in minor units`, field, shown);
	}
	return Number(minor);
}

/** parseMoney("69.8400", "USD") → 6984; parseMoney("1500.0000", "JPY") → 1500. */
export function parseMoney(value: unknown, currency: string, options: ToMinorOptions = {}): number {
	return decimalToMinorUnits(parseMoneyDecimal(value, options.field), currency, options);
}

/** Minor units as an exact decimal in major units: 6984 USD → 69.84. */
export function minorUnitsToDecimal(minor: number | bigint, currency: string): Decimal {
	return decimalFromInteger(minor, currencyDecimals(currency));
}

/**
 * Minor units back to text. The default, four fraction digits, is BigCommerce's own format
 * ("69.8400", and "1500.0000" for JPY); pass `fractionDigits: 'currency'` for display ("69.84").
 */
export function formatMoney(minor: number | bigint, currency: string, fractionDigits: number | 'currency' = 4): string {
	if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
		throw new MoneyError(`${minor} is not a whole number of minor units`, 'amount', minor);
	}
	const decimals = currencyDecimals(currency);
	const digits = fractionDigits === 'currency' ? decimals : fractionDigits;
	if (digits < decimals) {
		throw new MoneyError(`${currency} needs ${decimals} fraction digits, not ${digits}`, 'amount', minor);
	}
	return formatDecimal(minorUnitsToDecimal(minor, currency), digits);
}
