/**
 * Minor-unit digits per currency (ISO 4217). Most currencies have 2; the exceptions are listed so
 * that 1000 JPY is 1000 minor units and 12.345 KWD is 12345, as the currency itself counts them.
 */
const NON_TWO_DIGIT_CURRENCIES: Readonly<Record<string, number>> = {
	BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
	RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
	BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
	CLF: 4, UYW: 4,
};

export const CURRENCY_CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(code: string): boolean {
	return CURRENCY_CODE.test(code);
}

/** Digits after the decimal point in the currency's minor unit (USD 2, JPY 0, KWD 3). */
export function currencyDecimals(code: string): number {
	const normalized = code.trim().toUpperCase();
	if (!isCurrencyCode(normalized)) {
		throw new Error(`"${code}" is not a currency code: use a three-letter ISO 4217 code such as USD`);
	}
	return NON_TWO_DIGIT_CURRENCIES[normalized] ?? 2;
}
