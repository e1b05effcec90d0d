/**
 * Money is kept as integer cents so that totals never drift through float addition; it is
 * rendered only at the edge, in the shape each BigCommerce API uses: v2 sends 4-decimal strings
 * ("69.8400"), v3 sends JSON numbers (69.84).
 */
export type Cents = number;

/** Parses "12.5", "12.50", "12.5000", 12.5 or "-3" into cents; throws on anything else. */
export function toCents(value: string | number): Cents {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`Not a money amount: ${value}`);
		return Math.round(value * 100);
	}
	const m = /^\s*(-)?(\d+)(?:\.(\d+))?\s*$/.exec(value);
	if (!m) throw new Error(`Not a money amount: "${value}"`);
	const fraction = (m[3] ?? '').padEnd(3, '0');
	// Round half up on the third decimal, as a store would for an amount given with more precision.
	let cents = Number(m[2]) * 100 + Number(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1 : 0);
	if (m[1]) cents = -cents;
	return cents;
}

/** v2 rendering: always four decimals, e.g. 6984 -> "69.8400". */
export function v2Money(cents: Cents): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}00`;
}

/** v3 rendering: a JSON number with at most two decimals, e.g. 6984 -> 69.84. */
export function v3Money(cents: Cents): number {
	return cents / 100;
}

/** Percentage of an amount, rounded half up to whole cents (used for coupon discounts and tax). */
export function percentOf(cents: Cents, percent: number): Cents {
	return Math.round((cents * percent) / 100);
}
